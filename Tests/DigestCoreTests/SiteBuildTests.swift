import DigestCore
import DigestTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End to end: the demo content and default theme, built into temporary folders.
@Suite("Building the demo site", .serialized)
struct SiteBuildTests {
    let content = repositoryRoot.appendingPathComponent("Content")
    let templates = repositoryRoot.appendingPathComponent("Templates")

    func build(into output: URL, content: URL? = nil, templates: URL? = nil, baseURL: String? = nil) throws
        -> SiteBuild.Summary
    {
        try SiteBuild(
            content: content ?? self.content, templates: templates ?? self.templates, output: output,
            baseURL: baseURL.flatMap(BaseURL.init)
        ).run()
    }

    @Test("the demo builds: 5 days, 346 papers, topics with feeds, sitemap, 404, about")
    func demoSite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let summary = try build(into: folder.url.appendingPathComponent("Output"))
        #expect((summary.days, summary.papers) == (5, 346))
        let files = Set(allFiles(in: folder.url.appendingPathComponent("Output")))
        #expect(files.filter { $0.hasPrefix("days/2") && $0.hasSuffix("/index.html") }.count == 5)
        #expect(files.filter { $0.hasPrefix("papers/") && $0.hasSuffix("/index.html") }.count == 346)
        for expected in [
            "index.html", "days/index.html", "topics/index.html", "feed.xml", "sitemap.xml", "404.html",
            "about/index.html", "assets/style.css",
        ] {
            #expect(files.contains(expected), "\(expected) missing")
        }
        let topicPages = files.filter {
            $0.hasPrefix("topics/") && $0.split(separator: "/").count == 3 && $0.hasSuffix("/index.html")
        }
        #expect(topicPages.count == summary.topics)
        for page in topicPages {
            let slug = page.split(separator: "/")[1]
            #expect(files.contains("topics/\(slug)/feed.xml"))
        }
        #expect(files.contains { $0.hasPrefix("topics/") && $0.hasSuffix("/2026-03/index.html") }, "monthly archives")
        #expect(files.contains { $0.contains("/2026-03/page/2/index.html") }, "long months are paginated")
        #expect(files.contains(".paperdigest"))
    }

    @Test("every internal href and src resolves to a file")
    func internalLinksResolve() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("Output")
        _ = try build(into: output)
        let broken = brokenLinks(in: output, basePath: "/")
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }

    @Test("with a sub-path base URL every internal link carries the prefix and resolves")
    func subPathBaseURL() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("Output")
        _ = try build(into: output, baseURL: "https://user.github.io/repo/")
        let broken = brokenLinks(in: output, basePath: "/repo/")
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<link rel=\"canonical\" href=\"https://user.github.io/repo/\">"))
        let feed = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("href=\"https://user.github.io/repo/papers/"))
    }

    @Test("feeds and the sitemap are well-formed XML; the sitemap lists every page")
    func wellFormedXML() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("Output")
        _ = try build(into: output)
        let xmlFiles = allFiles(in: output).filter { $0.hasSuffix(".xml") }
        #expect(xmlFiles.count > 10)
        for file in xmlFiles {
            let parser = XMLParser(data: try Data(contentsOf: output.appendingPathComponent(file)))
            #expect(parser.parse(), "\(file): \(parser.parserError.map { "\($0)" } ?? "")")
        }
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let htmlPages = allFiles(in: output).filter { $0.hasSuffix("index.html") }
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == htmlPages.count)
    }

    @Test("two builds are byte-identical")
    func deterministic() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = folder.url.appendingPathComponent("one"), second = folder.url.appendingPathComponent("two")
        _ = try build(into: first)
        _ = try build(into: second)
        let files = allFiles(in: first)
        #expect(files == allFiles(in: second))
        for file in files {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test("a broken template fails with file:line and leaves the previous output untouched")
    func brokenTemplateKeepsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("Output")
        _ = try build(into: output)
        let before = try snapshot(output)

        let theme = folder.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: templates, to: theme)
        let day = theme.appendingPathComponent("day.mustache")
        let text = try String(contentsOf: day, encoding: .utf8)
        try text.replacingOccurrences(of: "{{/day}}", with: "{{/dya}}").write(
            to: day, atomically: true, encoding: .utf8)

        let error = #expect(throws: BuildFailure.self) { try build(into: output, templates: theme) }
        let description = error?.diagnostics.errors.first?.description ?? ""
        #expect(description.contains("Templates/day.mustache:"), "\(description)")
        #expect(description.contains(": error: template syntax"))
        #expect(try snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.hasPrefix(".Output")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("bad content fails the build and keeps the output; warnings do not")
    func contentErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("content/dumps/today.txt", dumpText([("A paper", abstract())]))
        let output = folder.url.appendingPathComponent("out")
        let error = #expect(throws: BuildFailure.self) {
            try build(into: output, content: folder.url.appendingPathComponent("content"))
        }
        #expect(error?.diagnostics.first?.message.contains("year") == true)
        #expect(!folder.exists("out"))

        try folder.write("content/site.yml", "year: 2026\ntitel: typo\n")
        var warnings: [Diagnostic] = []
        let summary = try SiteBuild(
            content: folder.url.appendingPathComponent("content"), templates: templates, output: output
        ).run(report: { warnings.append($0) })
        #expect(summary.papers == 1)
        #expect(
            warnings.map(\.description).contains {
                $0.contains("site.yml:2:1: warning: unknown setting 'titel' ignored (did you mean 'title'?)")
            })
    }

    @Test("a content folder holding only dumps/ builds with built-in defaults")
    func onlyDumps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "content/dumps/2026-03-12.txt",
            dumpText([("Parameter-efficient fine-tuning with LoRA adapters", abstract("LoRA"))]))
        let output = folder.url.appendingPathComponent("out")
        let summary = try build(into: output, content: folder.url.appendingPathComponent("content"))
        #expect((summary.days, summary.papers) == (1, 1))
        #expect(summary.topics >= 1)
        #expect(folder.exists("out/topics/fine-tuning/index.html"))
        #expect(brokenLinks(in: output, basePath: "/").isEmpty)
    }

    @Test("pages that no longer exist disappear, files the build did not write stay; a foreign folder is refused")
    func staleFilesAndForeignFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "content/dumps/2026-03-12.txt", dumpText([("One paper", abstract()), ("Gone paper", abstract())]))
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("out")
        _ = try build(into: output, content: content)
        #expect(folder.exists("out/papers/gone-paper/index.html"))
        try folder.write("out/notes/mine.txt", "kept")
        try folder.write("content/dumps/2026-03-12.txt", dumpText([("One paper", abstract())]))
        _ = try build(into: output, content: content)
        #expect(!folder.exists("out/papers/gone-paper/index.html"))
        #expect(!folder.exists("out/papers/gone-paper"))
        #expect(try folder.read("out/notes/mine.txt") == "kept")

        try folder.write("home/notes.txt", "precious")
        #expect(throws: BuildFailure.self) {
            try build(into: folder.url.appendingPathComponent("home"), content: content)
        }
        #expect(try folder.read("home/notes.txt") == "precious")
    }

    @Test("static/ files are published as they are, leave when deleted, and may not replace a page")
    func staticFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("content/dumps/2026-03-12.txt", dumpText([("One paper", abstract())]))
        try folder.write("content/static/CNAME", "digest.example.org\n")
        try folder.write("content/static/.nojekyll", "")
        try folder.write("content/static/images/logo.svg", "<svg/>")
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("out")
        _ = try build(into: output, content: content)
        #expect(try folder.read("out/CNAME") == "digest.example.org\n")
        #expect(folder.exists("out/.nojekyll"))
        #expect(try folder.read("out/images/logo.svg") == "<svg/>")

        try FileManager.default.removeItem(at: content.appendingPathComponent("static/images/logo.svg"))
        _ = try build(into: output, content: content)
        #expect(!folder.exists("out/images"))

        try folder.write("content/static/index.html", "mine")
        let error = #expect(throws: BuildFailure.self) { try build(into: output, content: content) }
        #expect(error?.diagnostics.contains { $0.message.contains("would replace a page") } == true)
    }

    // MARK: Helpers

    func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in allFiles(in: root) { result[file] = try Data(contentsOf: root.appendingPathComponent(file)) }
        return result
    }

    /// Internal links (starting with `basePath`) whose target file does not exist, as `page -> link`.
    func brokenLinks(in root: URL, basePath: String) -> [String] {
        var broken: [String] = []
        // A pattern that does not compile must fail the test, not find "no broken links".
        guard let pattern = try? NSRegularExpression(pattern: "(?:href|src|action|data-index)=\"([^\"]+)\"") else {
            return ["the link pattern does not compile"]
        }
        for file in allFiles(in: root) where file.hasSuffix(".html") {
            guard let html = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else {
                continue
            }
            let range = NSRange(html.startIndex..., in: html)
            for match in pattern.matches(in: html, range: range) {
                guard let linkRange = Range(match.range(at: 1), in: html) else { continue }
                let link = html[linkRange].replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:")
                    || link.hasPrefix("#")
                {
                    continue
                }
                guard link.hasPrefix(basePath) else {
                    broken.append("\(file) -> \(link) (not under \(basePath))")
                    continue
                }
                var target = String(link.dropFirst(basePath.count))
                if let cut = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = String(target[..<cut]) }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if !FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) {
                    broken.append("\(file) -> \(link)")
                }
            }
        }
        return broken
    }
}
