import DigestCore
import DigestTestSupport
import Foundation
import Testing

@Suite("BaseURL: where the site is published")
struct BaseURLTests {
    @Test(
        "accepted forms, normalised to an origin and a path that starts and ends with /",
        arguments: [
            ("https://user.github.io/repo", "https://user.github.io", "/repo/"),
            ("https://user.github.io", "https://user.github.io", "/"),
            ("http://localhost:8000//a//b", "http://localhost:8000", "/a/b/"),
            ("/repo", nil, "/repo/"),
            ("  /  ", nil, "/"),
        ] as [(String, String?, String)])
    func accepted(text: String, origin: String?, path: String) throws {
        let base = try #require(BaseURL(text))
        #expect(base.origin == origin)
        #expect(base.path == path)
    }

    @Test(
        "refused: not http(s) or a path, credentials, dot segments, query, fragment, markup, line breaks",
        arguments: [
            "", "ftp://host/", "repo/", "https:///path", "https://user:secret@host.example/",
            "https://token@host.example/", "/a/../b/", "https://host.example/./x/", "/repo?x=1", "/repo#top",
            "/a b/", "/\"x\"/", "https://ho st/", "https://host.example/\nDisallow: /", "/repo/\u{7}",
        ])
    func refused(text: String) {
        #expect(BaseURL(text) == nil, "\(text)")
    }
}

@Suite("Routes: one place decides every page's path")
struct RoutesTests {
    @Test("locations and the files that hold them")
    func locations() throws {
        let date = try #require(DayDate(iso: "2026-03-12"))
        #expect(Routes.day(date) == "days/2026-03-12/")
        #expect(Routes.day(date, page: 2) == "days/2026-03-12/page/2/")
        #expect(Routes.topicMonth("agents", month: "2026-03") == "topics/agents/2026-03/")
        #expect(Routes.topicMonth("agents", month: "2026-03", page: 3) == "topics/agents/2026-03/page/3/")
        #expect(Routes.paper("a-b") == "papers/a-b/")
        #expect(Routes.file(for: "") == "index.html")
        #expect(Routes.file(for: "papers/a-b/") == "papers/a-b/index.html")
        #expect(Routes.paperFile("a-b") == Routes.file(for: Routes.paper("a-b")))
        #expect(Routes.file(for: "feed.xml") == "feed.xml")
    }

    @Test("links carry the base path; absolute links the origin when there is one")
    func links() throws {
        let routes = Routes(base: try #require(BaseURL("https://user.github.io/repo/")))
        #expect(routes.url("days/") == "/repo/days/")
        #expect(routes.absolute("feed.xml") == "https://user.github.io/repo/feed.xml")
        let pathOnly = Routes(base: .root)
        #expect(pathOnly.url("") == "/")
        #expect(pathOnly.absolute("days/") == "/days/")
    }
}

@Suite("OutputWriter: the update path")
struct OutputWriterTests {
    func record(_ text: String) -> OutputWriter.FileRecord {
        OutputWriter.FileRecord(hash: Fingerprint.of(Data(text.utf8)), size: text.utf8.count)
    }

    func inode(_ url: URL) throws -> Int {
        try #require((try FileManager.default.attributesOfItem(atPath: url.path))[.systemFileNumber] as? Int)
    }

    @Test("a file is replaced whole by a rename, others stay, dropped ones go, foreign ones stay, no temporaries left")
    func updatePath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        let first = try OutputWriter(directory: site)
        for (path, text) in [("a/index.html", "A1"), ("b/index.html", "B"), ("gone.xml", "G")] {
            try first.willWrite([path])
            try first.write(Data(text.utf8), to: path)
        }
        try first.finish(files: ["a/index.html": record("A1"), "b/index.html": record("B"), "gone.xml": record("G")])
        _ = try folder.write("site/CNAME", "example.org")
        let before = try inode(site.appendingPathComponent("a/index.html"))

        let second = try OutputWriter(directory: site)
        #expect(second.previous["a/index.html"] == record("A1"))
        try second.willWrite(["a/index.html"])
        try second.write(Data("A2".utf8), to: "a/index.html")
        #expect(
            FileManager.default.fileExists(atPath: site.appendingPathComponent(".paperdigest-journal").path),
            "until the build finishes, the journal names the files being changed")
        try second.finish(files: ["a/index.html": record("A2"), "b/index.html": record("B")])

        #expect(try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8) == "A2")
        #expect(try inode(site.appendingPathComponent("a/index.html")) != before, "replaced by a rename, not rewritten")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("gone.xml").path))
        #expect(try String(contentsOf: site.appendingPathComponent("CNAME"), encoding: .utf8) == "example.org")
        #expect(allFiles(in: site).sorted() == [".paperdigest", "CNAME", "a/index.html", "b/index.html"])
        #expect(OutputWriter.isIntact(site))
    }

    @Test("a file the build did not write is never overwritten")
    func foreignFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        try OutputWriter(directory: site).finish(files: [:])
        _ = try folder.write("site/index.html", "mine")
        let writer = try OutputWriter(directory: site)
        #expect(throws: OutputWriter.Failure.self) { try writer.write(Data("page".utf8), to: "index.html") }
        #expect(try String(contentsOf: folder.url.appendingPathComponent("site/index.html"), encoding: .utf8) == "mine")
    }
}
