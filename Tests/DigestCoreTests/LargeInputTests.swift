import DigestCore
import DigestTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Inputs far larger than a normal day: a pasted dump of thousands of papers, a sitemap
/// beyond the protocol's limit.
@Suite("Large inputs stay sane")
struct LargeInputTests {
    @Test("a dump of 2,500 papers: its day is split into pages, the feed is capped, every paper has a page")
    func hugeDay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let papers = (1...2_500).map { ("Huge day paper \($0) on sparse attention", abstract("paper \($0)")) }
        try folder.write("content/dumps/2026-03-12.txt", dumpText(papers))
        try folder.write("content/site.yml", "feed_entries: 50\nday_page_size: 200\n")
        let output = folder.url.appendingPathComponent("out")
        let summary = try SiteBuild(
            content: folder.url.appendingPathComponent("content"),
            templates: repositoryRoot.appendingPathComponent("Templates"), output: output
        ).run()
        #expect(summary.papers == 2_500)
        #expect(folder.exists("out/days/2026-03-12/page/13/index.html"))
        #expect(!folder.exists("out/days/2026-03-12/page/14/index.html"))
        let lastPage = try folder.read("out/days/2026-03-12/page/13/index.html")
        #expect(lastPage.contains("Huge day paper 2500 on sparse attention"))
        #expect(lastPage.contains("id=\"paper-2401\""), "numbering goes on across pages")
        let feed = try folder.read("out/feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 50)
        #expect(allFiles(in: output).filter { $0.hasPrefix("papers/") }.count == 2_500)
    }

    @Test("above the sitemap limit, sitemap.xml is an index of parts that list every page once")
    func sitemapIndex() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let papers = (1...40).map { ("Sitemap paper \($0)", abstract("sitemaps \($0)")) }
        try folder.write("content/dumps/2026-03-12.txt", dumpText(papers))
        let pages = try renderWithSitemapLimit(10, content: folder.url.appendingPathComponent("content"))
        let index = try locations(in: #require(pages["sitemap.xml"]))
        #expect(index.count >= 5)
        var listed: [String] = []
        for part in index {
            let path = String(part.dropFirst("https://digest.example/".count))
            let urls = try locations(in: #require(pages[path], "\(path) is written"))
            #expect(urls.count <= 10)
            listed += urls
        }
        let htmlPages = pages.keys.filter { $0.hasSuffix("index.html") }.map {
            "https://digest.example/" + String($0.dropLast("index.html".count))
        }
        #expect(listed.count == Set(listed).count, "each page once")
        #expect(Set(listed) == Set(htmlPages))
    }

    @Test("a new day changes only the last part of the papers' sitemap, not the parts before it")
    func sitemapPartsStayPut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = (1...40).map { ("Sitemap paper \($0)", abstract("sitemaps \($0)")) }
        try folder.write("content/dumps/2026-03-12.txt", dumpText(first))
        func parts() throws -> [String: Data] {
            try renderWithSitemapLimit(10, content: folder.url.appendingPathComponent("content")).filter {
                $0.key.hasPrefix("sitemaps/")
            }
        }
        let before = try parts()
        let later = (41...45).map { ("Sitemap paper \($0)", abstract("sitemaps \($0)")) }
        try folder.write("content/dumps/2026-03-13.txt", dumpText(date: "Mar 13", later))
        let after = try parts()
        // Parts that list only papers (and no later paper) are the same bytes.
        let paperParts = try before.filter { _, data in
            try locations(in: data).allSatisfy { $0.contains("/papers/") }
        }
        #expect(paperParts.count == 4, "40 papers in parts of 10")
        for (path, data) in paperParts {
            #expect(after[path] == data, "\(path) unchanged")
        }
        #expect(after.count == before.count + 1, "the new papers fill one new part")
    }

    /// Every file of the site in `content`, published at https://digest.example/, with
    /// sitemaps of at most `limit` URLs.
    func renderWithSitemapLimit(_ limit: Int, content: URL) throws -> [String: Data] {
        let (snapshot, _) = try ContentSnapshot.read(
            content: content, templates: repositoryRoot.appendingPathComponent("Templates"))
        let prepared = try SiteGenerator(baseURL: BaseURL("https://digest.example/")).prepare(snapshot)
        var config = prepared.renderer.config
        config.sitemapLimit = limit
        let renderer = SiteRenderer(
            config: config, catalog: prepared.renderer.catalog, contentPages: prepared.renderer.contentPages,
            theme: prepared.renderer.theme, related: prepared.renderer.related)
        return Dictionary(uniqueKeysWithValues: renderer.renderAll().map { ($0.path, $0.data) })
    }

    /// The `<loc>` values of a sitemap or sitemap index.
    func locations(in data: Data) throws -> [String] {
        let document = try XMLDocument(data: data)
        return try document.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
    }
}
