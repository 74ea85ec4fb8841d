import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// What publishing needs: valid feeds, search, related papers, metadata, the CI workflow.
@Suite("Publishing: feeds, search, related papers, metadata, workflow", .serialized)
struct PublishingTests {
    /// The demo site under a sub-path, built once per test run into a folder of its own; a
    /// failed build fails every test that reads it, with the build's error.
    static let site: Result<URL, any Error> = Result {
        let output = try TemporaryFolder.forTheRun().appendingPathComponent("site")
        _ = try SiteBuild(
            content: repositoryRoot.appendingPathComponent("Content"), templates: nil, output: output,
            baseURL: BaseURL("https://user.github.io/repo/"), cacheFolder: output.appendingPathExtension("cache")
        ).run()
        return output
    }

    func output() throws -> URL { try Self.site.get() }

    func read(_ path: String) throws -> String {
        try String(contentsOf: try output().appendingPathComponent(path), encoding: .utf8)
    }

    @Test(
        "every feed is valid Atom 1.0 under the RFC 4287 RELAX NG schema; a broken one is caught",
        .tags(.externalTool), .requires("python:lxml", "python:rnc2rng"))
    func atomSchema() throws {
        let output = try output()
        let topics = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("topics").path)
        let feeds = ["feed.xml"] + topics.filter { !$0.contains(".") }.sorted().map { "topics/\($0)/feed.xml" }
        let result = try ExternalTool.run(
            ["python3", repositoryRoot.appendingPathComponent("Tests/Schemas/validate_atom.py").path]
                + feeds.map { output.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.output) (run `make deps` for lxml and rnc2rng)")
        #expect(result.output.contains("\(feeds.count) of \(feeds.count) feeds valid"))

        let broken = try read("feed.xml").replacingOccurrences(of: "<updated>", with: "<modified>")
            .replacingOccurrences(of: "</updated>", with: "</modified>")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("broken.xml", broken)
        let check = try ExternalTool.run(
            ["python3", repositoryRoot.appendingPathComponent("Tests/Schemas/validate_atom.py").path, file.path])
        #expect(check.status == 1, "\(check.output)")
    }

    @Test("feed entries: plain Unicode titles, HTML content that keeps the math")
    func feedEntries() throws {
        let feed = try read("feed.xml")
        let titles = feed.components(separatedBy: "<title>").dropFirst(2).map { $0.prefix { $0 != "<" } }
        #expect(titles.count > 50)
        for title in titles {
            #expect(!title.contains("&lt;") && !title.contains("\\") && !title.contains("$"), "\(title)")
        }
        #expect(feed.contains("<content type=\"html\">&lt;p&gt;"))
        #expect(feed.contains("&lt;math"), "abstracts with formulas carry MathML")
    }

    @Test("the sitemap lists every page but the 404 exactly once, and only pages that exist")
    func sitemapComplete() throws {
        let output = try output()
        let sitemap = try read("sitemap.xml")
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(Set(locations).count == locations.count)
        var pages = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix("index.html") { pages.insert("https://user.github.io/repo/" + path.dropLast(10)) }
        }
        #expect(Set(locations) == pages)
    }

    @Test("search index: every word of a title finds its paper; prefixes match")
    func searchIndex() throws {
        let data = try Data(contentsOf: try output().appendingPathComponent("search/index.json"))
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let papers = try #require(index["papers"] as? [[String]])
        let terms = try #require(index["terms"] as? [String])
        let postings = try #require(index["postings"] as? [String])
        #expect(papers.count == 346 && terms.count == postings.count)
        #expect(papers.allSatisfy { $0[1].hasPrefix("/repo/papers/") })
        func decode(_ i: Int) -> [Int] {
            var previous = -1
            return postings[i].split(separator: ".").map {
                previous += (Int($0, radix: 36) ?? 0) + 1
                return previous
            }
        }
        func find(_ prefix: String) -> Set<Int> {
            var found = Set<Int>()
            for (i, term) in terms.enumerated() where term.hasPrefix(prefix) { found.formUnion(decode(i)) }
            return found
        }
        for (number, paper) in papers.enumerated() where number % 7 == 0 {
            for word in Terms.words(paper[0]) where word.count > 1 {
                #expect(find(word).contains(number), "'\(word)' does not find '\(paper[0])'")
            }
        }
        let matryoshka = find("matryosh").map { papers[$0][0] }
        #expect(matryoshka.contains("2D Matryoshka Sentence Embeddings"))
        #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    @Test(
        "typing a word into the search page in headless Chromium finds the paper and opens it by keyboard",
        .tags(.externalTool), .requires("chromium", "python:playwright"))
    func searchInBrowser() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("site")
        try buildDemo(into: output)
        let result = try searchInChromium(output, word: "Matryoshka", expecting: "2D Matryoshka Sentence Embeddings")
        #expect(result.status == 0, "\(result.output) (run `make deps` for chromium and playwright)")
        #expect(result.output.contains("opened by keyboard"))
    }

    @Test("related papers: five per paper, never itself, the same on every run, and on topic")
    func relatedPapers() throws {
        let documents = [
            "diffusion image generation denoising", "diffusion denoising image synthesis sampler",
            "language model reasoning chain thought", "reasoning chain thought math language",
            "protein folding structure", "image diffusion sampler guidance", "thought reasoning verifier language",
        ].map(Terms.significant)
        func related() -> [[Int]] {
            var index = RelatedPapers()
            return index.addDay(documents, lookUp: true, count: 2)
        }
        let first = related()
        #expect(first == related())
        #expect(first[0].first == 1 || first[0].first == 5)
        #expect(Set(first[2]).isSubset(of: [3, 6]))
        #expect(first.enumerated().allSatisfy { !$1.contains($0) })

        let page = try read("papers/2d-matryoshka-sentence-embeddings/index.html")
        let related = try #require(page.components(separatedBy: "class=\"related-list\"").last)
            .components(separatedBy: "</ol>")[0]
        #expect(related.components(separatedBy: "<li>").count - 1 == 5)
        #expect(related.contains("Matryoshka Representation Learning"))
    }

    @Test(
        "pages carry canonical, OpenGraph and Twitter metadata; papers carry JSON-LD; robots.txt points at the sitemap")
    func metadata() throws {
        let page = try read("papers/2d-matryoshka-sentence-embeddings/index.html")
        let url = "https://user.github.io/repo/papers/2d-matryoshka-sentence-embeddings/"
        #expect(page.contains("<link rel=\"canonical\" href=\"\(url)\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"\(url)\">"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        let script = try #require(
            page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
                .components(separatedBy: "</script>").first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "ScholarlyArticle")
        #expect(json["headline"] as? String == "2D Matryoshka Sentence Embeddings")
        #expect(json["url"] as? String == url)
        #expect(json["abstract"] == nil && json["description"] == nil, "the body and meta tags carry the abstract")
        #expect(json["keywords"] as? String != nil)
        #expect(try read("robots.txt").contains("Sitemap: https://user.github.io/repo/sitemap.xml"))
        #expect(try read("index.html").contains("<meta property=\"og:type\" content=\"website\">"))
    }

    @Test(
        "the publish workflows (this repository's and the one `digest init` writes) pass actionlint, the GitHub workflow schema and zizmor",
        .tags(.externalTool), .requires("actionlint", "check-jsonschema", "zizmor"),
        arguments: [
            ".github/workflows/publish.yml", "Sources/DigestCore/Init/Starter/dot-github/workflows/publish.yml",
        ])
    func workflowLint(workflow: String) throws {
        let actionlint = try ExternalTool.run(["actionlint", workflow])
        #expect(actionlint.status == 0, "\(actionlint.output)")
        #expect(actionlint.output.isEmpty, "\(actionlint.output)")
        let schema = try ExternalTool.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow])
        #expect(schema.status == 0, "\(schema.output)")
        let zizmor = try ExternalTool.run(["zizmor", "--offline", "--config", ".github/zizmor.yml", workflow])
        #expect(zizmor.status == 0, "\(zizmor.output)")
    }

    @Test("the publish workflow does what the README says: push, schedule, cached build, Pages deploy")
    func workflowSteps() throws {
        let workflow = ".github/workflows/publish.yml"
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(workflow), encoding: .utf8)
        for needed in [
            "branches: [main]", "schedule:", "workflow_dispatch:", "container: swift:", "libcmark-dev",
            "actions/cache@", "path: .build", "actions/configure-pages@", "--base-url",
            "actions/upload-pages-artifact@",
            "actions/deploy-pages@", "pages: write", "id-token: write",
        ] {
            #expect(text.contains(needed), "\(needed)")
        }
    }
}

@Suite("Search with Pagefind", .serialized)
struct PagefindTests {
    @Test(
        "with Pagefind installed the build also indexes with it, and the search page finds papers through it",
        .tags(.externalTool), .requires("chromium", "python:playwright", "python:pagefind_bin"))
    func pagefindSearch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("site")
        try buildDemo(into: output, pagefind: .always)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind/pagefind.js").path))
        let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        #expect(page.contains("data-pagefind=\"/pagefind/pagefind.js\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.json").path))
        let result = try searchInChromium(output, word: "Matryoshka", expecting: "2D Matryoshka Sentence Embeddings")
        #expect(result.status == 0, "\(result.output) (run `make deps` for pagefind-bin, chromium and playwright)")
    }

    @Test(
        "a Pagefind index built again replaces the old one: an incremental build equals a clean one",
        .tags(.externalTool), .requires("python:pagefind_bin"))
    func pagefindIncremental() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: content)
        let dumps = content.appendingPathComponent("dumps")
        let last = try #require(try FileManager.default.contentsOfDirectory(atPath: dumps.path).sorted().last)
        let aside = folder.url.appendingPathComponent(last)
        try FileManager.default.moveItem(at: dumps.appendingPathComponent(last), to: aside)
        func build(into output: URL) throws {
            _ = try SiteBuild(
                content: content, templates: repositoryRoot.appendingPathComponent("Templates"), output: output,
                pagefind: .always
            ).run()
        }
        let incremental = folder.url.appendingPathComponent("incremental")
        try build(into: incremental)
        let earlier = Set(allFiles(in: incremental.appendingPathComponent("pagefind")))
        try FileManager.default.moveItem(at: aside, to: dumps.appendingPathComponent(last))
        try build(into: incremental)
        let clean = folder.url.appendingPathComponent("clean")
        try build(into: clean)
        let later = Set(allFiles(in: incremental.appendingPathComponent("pagefind")))
        #expect(!earlier.subtracting(later).isEmpty, "the new day changes some of Pagefind's files")
        let difference = differences(incremental, clean)
        #expect(difference.isEmpty, "\(difference.prefix(5))")
        #expect(
            !FileManager.default.fileExists(atPath: incremental.appendingPathComponent(Pagefind.stagingFolder).path))
    }

    @Test("what a build stopped while Pagefind ran left in its staging folder is removed by the next build")
    func pagefindLeftovers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("site")
        try buildDemo(into: output, pagefind: .never)
        let staging = output.appendingPathComponent(Pagefind.stagingFolder)
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("fragment"), withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: staging.appendingPathComponent("fragment/en_1.pf_fragment"))
        // Nothing else changed: the build takes its shortest path, and still removes it.
        try buildDemo(into: output, pagefind: .never)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test("without Pagefind the search page does not point at it")
    func withoutPagefind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("site")
        try buildDemo(into: output, pagefind: .never)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind").path))
        let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        #expect(!page.contains("data-pagefind="))
    }
}

/// The demo content and default theme, built into `output`.
func buildDemo(into output: URL, pagefind: Pagefind.Mode = .never) throws {
    _ = try SiteBuild(
        content: repositoryRoot.appendingPathComponent("Content"),
        templates: repositoryRoot.appendingPathComponent("Templates"), output: output, pagefind: pagefind
    ).run()
}

/// Types `word` into the built site's search page in headless Chromium (Tests/Browser).
func searchInChromium(_ site: URL, word: String, expecting title: String) throws -> ExternalTool {
    try ExternalTool.run([
        "python3", repositoryRoot.appendingPathComponent("Tests/Browser/search_check.py").path, site.path, word, title,
    ])
}
