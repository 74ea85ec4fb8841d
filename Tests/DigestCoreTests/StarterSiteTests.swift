import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// `digest init`, and a site that carries no theme of its own: the built-in one is used,
/// and a theme folder replaces it file by file.
@Suite("Starting a site: digest init and the built-in theme", .serialized)
struct StarterSiteTests {
    @Test("digest init writes a site that builds with the built-in theme")
    func starterBuilds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("my-digest")
        let written = try SiteStarter.create(at: site)
        #expect(
            Set(written).isSuperset(of: [
                "dumps/2026-03-12.txt", "site.yml", "topics.yml", "pages/about.md", ".gitignore", "README.md",
                ".github/workflows/publish.yml",
            ]))
        #expect(ContentSnapshot.isDirectory(site.appendingPathComponent("static")))
        var warnings: [Diagnostic] = []
        let summary = try SiteBuild(content: site, templates: nil, output: site.appendingPathComponent("Output"))
            .run(report: { warnings.append($0) })
        // The one warning: no base_url yet (the publish workflow passes it), so no sitemap.
        #expect(warnings.map(\.message).allSatisfy { $0.hasPrefix("base_url has no origin") }, "\(warnings)")
        #expect(summary.days == 1 && summary.papers == 3 && summary.topics >= 3)
        let paper = try String(
            contentsOf: site.appendingPathComponent(
                "Output/papers/sparse-adapters-scale-linearly-fine-tuning-with-o-rd-memory/index.html"),
            encoding: .utf8)
        #expect(paper.contains("<math"), "the sample dump shows recovered math")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/assets/style.css").path))
        // A second build sees that nothing changed, although Output/ and the cache sit inside the site.
        let again = try SiteBuild(content: site, templates: nil, output: site.appendingPathComponent("Output")).run()
        #expect(again.rendered == 0 && again.written.isEmpty)
    }

    @Test("digest init refuses a folder that holds anything, and writes nothing there")
    func refusesNonEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("site/notes.txt", "mine")
        #expect(throws: SiteStarter.Failure.self) {
            try SiteStarter.create(at: folder.url.appendingPathComponent("site"))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("site").path) == [
                "notes.txt"
            ])
        _ = try folder.write("file", "x")
        #expect(throws: SiteStarter.Failure.self) {
            try SiteStarter.create(at: folder.url.appendingPathComponent("file"))
        }
    }

    @Test("the built-in theme is the repository's Templates/, file for file")
    func builtInThemeMatchesTemplates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([("A Paper About Things", abstract("things"))]))
        let content = folder.url.appendingPathComponent("content")
        _ = try SiteBuild(content: content, templates: nil, output: folder.url.appendingPathComponent("a")).run()
        _ = try SiteBuild(
            content: content, templates: repositoryRoot.appendingPathComponent("Templates"),
            output: folder.url.appendingPathComponent("b")
        ).run()
        let a = folder.url.appendingPathComponent("a")
        let b = folder.url.appendingPathComponent("b")
        #expect(allFiles(in: a) == allFiles(in: b))
        for file in allFiles(in: a) where file != OutputWriter.manifestName {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(file))
                    == Data(contentsOf: b.appendingPathComponent(file)),
                "\(file)")
        }
    }

    @Test("a theme folder replaces built-in files one by one: just paper.mustache, just style.css")
    func themeOverride() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([("A Paper About Things", abstract("things"))]))
        _ = try folder.write(
            "theme/paper.mustache",
            "{{<layout}}{{$content}}{{#paper}}<p class=\"mine\">{{{title_html}}}</p>{{/paper}}{{/content}}{{/layout}}\n"
        )
        _ = try folder.write("theme/assets/style.css", "body { color: rebeccapurple }\n")
        let output = folder.url.appendingPathComponent("site")
        _ = try SiteBuild(
            content: folder.url.appendingPathComponent("content"),
            templates: folder.url.appendingPathComponent("theme"),
            output: output
        ).run()
        let paper = try String(
            contentsOf: output.appendingPathComponent("papers/a-paper-about-things/index.html"), encoding: .utf8)
        #expect(paper.contains("<p class=\"mine\">"), "the site's paper template")
        #expect(paper.contains("<footer"), "the built-in layout around it")
        let day = try String(contentsOf: output.appendingPathComponent("days/2026-03-12/index.html"), encoding: .utf8)
        #expect(day.contains("A Paper About Things") && !day.contains("class=\"mine\""), "built-in day template")
        #expect(
            try String(contentsOf: output.appendingPathComponent("assets/style.css"), encoding: .utf8)
                == "body { color: rebeccapurple }\n")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/search.js").path))
    }

    @Test("a templates path that is a file is named as such")
    func templatesIsFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([("A Paper About Things", abstract("things"))]))
        let file = try folder.write("theme.mustache", "x")
        let error = #expect(throws: BuildFailure.self) {
            try SiteBuild(
                content: folder.url.appendingPathComponent("content"), templates: file,
                output: folder.url.appendingPathComponent("site")
            ).run()
        }
        #expect(error?.diagnostics.first?.message.contains("is a file") == true, "\(String(describing: error))")
    }

    @Test("the installed binary on its own: digest init site && cd site && digest build, outside the repository")
    func commandLine() throws {
        let digest = try builtDigest()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let version = try ExternalTool.run([digest.path, "--version"], in: folder.url)
        #expect(version.status == 0 && version.output.first?.isNumber == true, "\(version.output)")
        let made = try ExternalTool.run([digest.path, "init", "site"], in: folder.url)
        #expect(made.status == 0, "\(made.output)")
        let site = folder.url.appendingPathComponent("site")
        let built = try ExternalTool.run([digest.path, "build", "--pagefind", "never"], in: site)
        #expect(built.status == 0, "\(built.output)")
        #expect(built.output.contains("Built 1 day, 3 papers"), "\(built.output)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/index.html").path))
        let quiet = try ExternalTool.run([digest.path, "build", "--quiet", "--pagefind", "never"], in: site)
        #expect(quiet.status == 0, "\(quiet.output)")
        #expect(!quiet.output.contains("Built") && !quiet.output.contains("[1/"), "only warnings: \(quiet.output)")
        let again = try ExternalTool.run([digest.path, "init", "site"], in: folder.url)
        #expect(again.status == 1 && again.output.contains("is not empty"), "\(again.output)")
    }

    @Test("in a site made by digest init whose dumps/ is gone, import files the dump there, not in a new Content/")
    func importWithoutDumps() throws {
        let digest = try builtDigest()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try ExternalTool.run([digest.path, "init", "site"], in: folder.url).status == 0)
        let site = folder.url.appendingPathComponent("site")
        try FileManager.default.removeItem(at: site.appendingPathComponent("dumps"))
        let saved = try folder.write("saved.txt", dumpText(date: "Mar 14", [("A Paper Imported", abstract("import"))]))
        let imported = try ExternalTool.run([digest.path, "import", "--year", "2026", saved.path], in: site)
        #expect(imported.status == 0, "\(imported.output)")
        #expect(folder.exists("site/dumps/2026-03-14.txt") && !folder.exists("site/Content"), "\(imported.output)")
    }

    private func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    /// The `digest` executable `swift build` put beside the test bundle.
    private func builtDigest() throws -> URL {
        let digest = try #require(
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("digest"),
            "the digest executable beside the test bundle")
        try #require(FileManager.default.isExecutableFile(atPath: digest.path), "build it first: swift build")
        return digest
    }

    @Test("a build run from another folder finds what the last one remembered, and shows paths from where it runs")
    func buildFromAnotherFolder() throws {
        let digest = try builtDigest()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try ExternalTool.run([digest.path, "init", "site"], in: folder.url).status == 0)
        let site = folder.url.appendingPathComponent("site")
        let dump = site.appendingPathComponent("dumps/2026-03-13.txt")
        try Data("Mar 13\n\nA Paper\n\nIts abstract.\n\nA Title Alone\n".utf8).write(to: dump)
        let inside = try ExternalTool.run([digest.path, "build", "--pagefind", "never"], in: site)
        #expect(inside.status == 0, "\(inside.output)")
        #expect(lines(inside.output).contains { $0.hasPrefix("dumps/2026-03-13.txt:7:1: warning") }, "\(inside.output)")
        // A fresh checkout, as it were: the dump's time changes, not its bytes.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: dump.path)
        let outside = try ExternalTool.run(
            [digest.path, "build", "--content", "site", "--output", "site/Output", "--pagefind", "never"],
            in: folder.url)
        #expect(outside.status == 0 && outside.output.contains("Nothing changed"), "\(outside.output)")
        #expect(
            lines(outside.output).contains { $0.hasPrefix("site/dumps/2026-03-13.txt:7:1: warning") },
            "\(outside.output)")
    }
}
