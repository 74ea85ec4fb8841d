import DigestCore
import DigestTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Input a user (or an attacker) may feed the build: links, files that are not dumps,
/// control characters, an emptied dumps folder. Each builds with a warning or fails with
/// `path:line:column: error: …`, and never damages the site already published.
@Suite("Hostile input: never lose data", .serialized)
struct HostileInputTests {
    /// A content folder with two dated dumps, built once into `site`.
    func publishedSite(_ folder: TemporaryFolder) throws -> (content: URL, output: URL) {
        _ = try folder.write(
            "content/dumps/2026-03-12.txt", dumpText([("Graph Neural Networks at Scale", abstract("graphs"))]))
        _ = try folder.write(
            "content/dumps/2026-03-13.txt",
            dumpText(date: "Mar 13", [("Sparse Attention Revisited", abstract("attention"))]))
        _ = try folder.write("content/site.yml", "base_url: https://digest.example/\n")
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("site")
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        return (content, output)
    }

    /// How `output` differs from a clean build of `content` (into `folder`, with a cache of its own).
    func differencesFromCleanBuild(_ content: URL, _ output: URL, in folder: TemporaryFolder) throws -> [String] {
        let clean = folder.url.appendingPathComponent("clean")
        _ = try SiteBuild(
            content: content, templates: nil, output: clean,
            cacheFolder: folder.url.appendingPathComponent("clean-cache")
        ).run()
        return differences(output, clean)
    }

    /// A temporary folder whose content holds one day of one paper.
    func oneDay(_ title: String, _ topic: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([(title, abstract(topic))]))
        return folder
    }

    func failure(_ content: URL, _ output: URL, allowEmpty: Bool = false) -> BuildFailure? {
        var build = SiteBuild(content: content, templates: nil, output: output)
        build.allowEmpty = allowEmpty
        return #expect(throws: BuildFailure.self) { try build.run() }
    }

    @Test(
        "a dumps folder that is a symbolic link, and linked dump files, are read; a broken link and a loop are reported"
    )
    func symlinks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("elsewhere/2026-03-12.txt", dumpText([("Linked Folder Paper", abstract("links"))]))
        _ = try folder.write("one/2026-03-13.txt", dumpText(date: "Mar 13", [("Linked File Paper", abstract("files"))]))
        let manager = FileManager.default
        try manager.createDirectory(at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("content/dumps").path, withDestinationPath: "../elsewhere")
        try manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("elsewhere/2026-03-13.txt").path,
            withDestinationPath: folder.url.appendingPathComponent("one/2026-03-13.txt").path)
        try manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("elsewhere/gone.txt").path, withDestinationPath: "/nonexistent/x")
        try manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("elsewhere/loop").path, withDestinationPath: ".")
        var warnings: [String] = []
        let summary = try SiteBuild(
            content: folder.url.appendingPathComponent("content"), templates: nil,
            output: folder.url.appendingPathComponent("site")
        ).run(report: { warnings.append($0.description) })
        #expect(summary.days == 2 && summary.papers == 2)
        #expect(warnings.contains { $0.contains("gone.txt:1:1: warning: broken symbolic link") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("symbolic link loop") }, "\(warnings)")
    }

    @Test("an empty or missing dumps folder does not replace a site that has papers, unless asked")
    func emptiedDumps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (content, output) = try publishedSite(folder)
        let before = allFiles(in: output)
        try FileManager.default.removeItem(at: content.appendingPathComponent("dumps"))
        try FileManager.default.createDirectory(
            at: content.appendingPathComponent("dumps"), withIntermediateDirectories: true)
        let error = failure(content, output)
        #expect(
            error?.diagnostics.first?.message.contains("holds a site with 2 papers") == true,
            "\(String(describing: error))")
        #expect(allFiles(in: output) == before, "the published site is untouched")
        let summary = try {
            var build = SiteBuild(content: content, templates: nil, output: output)
            build.allowEmpty = true
            return try build.run()
        }()
        #expect(summary.papers == 0)
    }

    @Test(
        "files that are not dumps fail the build at file:line:column and leave the site as it was",
        arguments: [
            (
                "random bytes", Data((0..<20_000).map { UInt8(truncatingIfNeeded: ($0 &* 7_919 &+ 13) % 251) }),
                "binary data"
            ),
            (
                "an HTML page",
                Data("<!DOCTYPE html>\n<html><head><title>Daily Papers</title></head><body>x</body></html>\n".utf8),
                "HTML page"
            ),
            (
                "an unknown date line",
                Data("new\n\nFoo 12\n\nA Title Here\n\nAnother Title Here\n\n\(abstract())\n".utf8), "no date line"
            ),
        ] as [(String, Data, String)])
    func notADump(name: String, bytes: Data, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (content, output) = try publishedSite(folder)
        let before = try allFiles(in: output).map { try Data(contentsOf: output.appendingPathComponent($0)) }
        try bytes.write(to: content.appendingPathComponent("dumps/2026-03-14.txt"))
        let error = failure(content, output)
        let first = error?.diagnostics.errors.first?.description ?? ""
        #expect(
            first.hasPrefix("content/dumps/2026-03-14.txt:") || first.contains("/dumps/2026-03-14.txt:"),
            "\(name): \(first)")
        #expect(first.contains(": error: ") && first.contains(message), "\(name): \(first)")
        #expect(try allFiles(in: output).map { try Data(contentsOf: output.appendingPathComponent($0)) } == before)
        // digest import refuses it too, writing nothing.
        let importer = DumpImporter(
            dumps: content.appendingPathComponent("dumps"), today: try #require(DayDate(iso: "2026-03-20")))
        #expect(throws: BuildFailure.self) { try importer.importDump(SourceFile(path: "pasted.txt", data: bytes)) }
    }

    @Test("a dump whose file name is not UTF-8 is named in a warning, not taken for a broken link")
    func nonUTF8FileName() throws {
        let folder = try oneDay("Readable Name Paper", "names")
        defer { folder.remove() }
        // The folder's path, a slash, then `\xFF.txt`.
        let bytes =
            Array(folder.url.appendingPathComponent("content/dumps").path.utf8) + [0x2F, 0xFF] + Array(".txt\0".utf8)
        let descriptor = bytes.withUnsafeBufferPointer { path in
            path.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        var warnings: [String] = []
        let summary = try SiteBuild(
            content: folder.url.appendingPathComponent("content"), templates: nil,
            output: folder.url.appendingPathComponent("site")
        ).run(report: { warnings.append($0.description) })
        #expect(summary.papers == 1)
        #expect(
            warnings.contains { $0.contains("\u{FFFD}.txt:1:1: warning: a file name that is not UTF-8") }, "\(warnings)"
        )
        #expect(!warnings.contains { $0.contains("broken symbolic link") }, "\(warnings)")
    }

    @Test("theme files whose template keys collide (a copied theme nested in itself) build with a warning")
    func collidingAssetKeys() throws {
        let folder = try oneDay("Nested Theme Paper", "themes")
        defer { folder.remove() }
        _ = try folder.write("templates/assets/favicon.svg", "<svg id='outer'/>")
        _ = try folder.write("templates/Templates/assets/favicon.svg", "<svg id='nested'/>")
        let output = folder.url.appendingPathComponent("site")
        var warnings: [String] = []
        _ = try SiteBuild(
            content: folder.url.appendingPathComponent("content"),
            templates: folder.url.appendingPathComponent("templates"), output: output
        ).run(report: { warnings.append($0.description) })
        #expect(
            warnings.contains {
                $0.contains(
                    "theme files 'Templates/assets/favicon.svg' and 'assets/favicon.svg' share the template key assets.favicon_svg"
                )
            }, "\(warnings)")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Templates/assets/favicon.svg?v="))
        for path in ["assets/favicon.svg", "Templates/assets/favicon.svg"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test("a first build killed while writing leaves its journal, and the next build takes the folder up")
    func interruptedFirstBuild() throws {
        let folder = try oneDay("Journal Kept Paper", "journals")
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("site")
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        // What SIGKILL leaves just before the end of a first build: every file written and
        // listed in the journal, no manifest yet.
        let written = allFiles(in: output).filter { !$0.hasPrefix(".") }
        try FileManager.default.removeItem(at: output.appendingPathComponent(".paperdigest"))
        _ = try folder.write("site/.paperdigest-journal", written.joined(separator: "\n") + "\n")
        _ = try folder.write("site/mine.txt", "the user's own file")
        _ = try folder.write(
            "content/dumps/2026-03-13.txt", dumpText(date: "Mar 13", [("Next Day Paper", abstract("days"))]))
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        #expect(try differencesFromCleanBuild(content, output, in: folder) == ["only in one: mine.txt"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".paperdigest-journal").path))
    }

    @Test("links planted at the names the build keeps its own files under are never written through")
    func linksAtOwnNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (content, output) = try publishedSite(folder)
        let manager = FileManager.default
        let victim = try folder.write("victim.txt", "the user's own file")
        func plant(_ path: String) throws {
            let link = folder.url.appendingPathComponent(path)
            try manager.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.createSymbolicLink(at: link, withDestinationURL: victim)
        }
        // The journal and the manifest decide which files are the build's own: a link there
        // stops the build, named.
        for name in [".paperdigest-journal", ".paperdigest"] {
            let moved = folder.url.appendingPathComponent("moved")
            if name == ".paperdigest" { try manager.moveItem(at: output.appendingPathComponent(name), to: moved) }
            try plant("site/\(name)")
            let failed = failure(content, output)
            #expect(
                failed?.description.contains("site/\(name) is a symbolic link") == true, "\(String(describing: failed))"
            )
            try manager.removeItem(at: output.appendingPathComponent(name))
            if name == ".paperdigest" { try manager.moveItem(at: moved, to: output.appendingPathComponent(name)) }
        }
        // Temporaries and the cache's files are the build's to replace: the links go, and
        // what they point at stays as it was.
        let paper = try #require(
            try manager.contentsOfDirectory(atPath: output.appendingPathComponent("papers").path).first {
                $0.hasPrefix("sparse-attention")
            })
        let planted = [
            "site/days/2026-03-13/.index.html.digest-tmp", "site/.feed.xml.digest-tmp",
            "site/papers/\(paper)/.index.html.digest-tmp",
            "site/.paperdigest.new", ".paperdigest-cache/cache.bin.new", ".paperdigest-cache/texts.bin.new",
            ".paperdigest-cache/catalog.bin.new",
        ]
        for path in planted { try plant(path) }
        _ = try folder.write(
            "content/dumps/2026-03-13.txt",
            dumpText(date: "Mar 13", [("Sparse Attention Revisited", abstract("attention, edited"))]))
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        #expect(try String(contentsOf: victim, encoding: .utf8) == "the user's own file")
        for path in planted {
            let attributes = try? manager.attributesOfItem(atPath: folder.url.appendingPathComponent(path).path)
            #expect(attributes?[.type] as? FileAttributeType != .typeSymbolicLink, "\(path)")
        }
        #expect(try differencesFromCleanBuild(content, output, in: folder) == [])
        // A folder at a temporary name is not removed: the build stops, naming it.
        try manager.createDirectory(
            at: output.appendingPathComponent(".feed.xml.digest-tmp"), withIntermediateDirectories: false)
        _ = try folder.write(
            "content/dumps/2026-03-13.txt",
            dumpText(date: "Mar 13", [("Sparse Attention Revisited", abstract("attention, edited again"))]))
        let blocked = failure(content, output)
        #expect(blocked?.description.contains("site/.feed.xml.digest-tmp: Is a directory") == true)
        // One at the manifest's name is named as a folder, not taken for a missing manifest.
        try manager.removeItem(at: output.appendingPathComponent(".feed.xml.digest-tmp"))
        try manager.removeItem(at: output.appendingPathComponent(".paperdigest"))
        try manager.createDirectory(
            at: output.appendingPathComponent(".paperdigest"), withIntermediateDirectories: false)
        let manifestFolder = failure(content, output)
        #expect(
            manifestFolder?.description.contains("site/.paperdigest is a folder, not a file digest build wrote") == true
        )
    }

    @Test("a journal left by a failed build never has the next one delete through a linked folder, nor a folder")
    func journalThroughLinkedFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (content, output) = try publishedSite(folder)
        let manager = FileManager.default
        _ = try folder.write("elsewhere/.index.html.digest-tmp/notes.txt", "the user's own file")
        _ = try folder.write("site/days/.index.html.digest-tmp/notes.txt", "the user's own file")
        try manager.removeItem(at: output.appendingPathComponent("papers"))
        try manager.createSymbolicLink(
            at: output.appendingPathComponent("papers"),
            withDestinationURL: folder.url.appendingPathComponent("elsewhere"))
        // What an interrupted build leaves: its journal, naming pages in both folders.
        _ = try folder.write("site/.paperdigest-journal", "papers/index.html\ndays/index.html\n")
        _ = failure(content, output)
        #expect(
            manager.fileExists(
                atPath: folder.url.appendingPathComponent("elsewhere/.index.html.digest-tmp/notes.txt").path))
        #expect(manager.fileExists(atPath: output.appendingPathComponent("days/.index.html.digest-tmp/notes.txt").path))
    }

    @Test("a build that fails while writing says so, and the next build, the obstacle gone, completes the site")
    func failureWhileWriting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (content, output) = try publishedSite(folder)
        let feed = output.appendingPathComponent("feed.xml")
        try FileManager.default.removeItem(at: feed)
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: false)
        _ = try folder.write(
            "content/dumps/2026-03-14.txt", dumpText(date: "Mar 14", [("Written Half Paper", abstract("halves"))]))
        let failed = failure(content, output)
        #expect(failed?.mayHaveWritten == true)
        #expect(failure(folder.url.appendingPathComponent("nowhere"), output)?.mayHaveWritten == false)
        try FileManager.default.removeItem(at: feed)
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        #expect(try differencesFromCleanBuild(content, output, in: folder) == [])
    }

    @Test(
        "a static file where the site puts a folder, inside one of its files, or named like its own files fails before writing",
        arguments: [
            ("papers", "static/papers is a file where the site makes a folder of pages"),
            ("feed.xml/entry.xml", "static/feed.xml/entry.xml would go inside feed.xml, a file the site makes"),
            (".paperdigest-journal", "static/.paperdigest-journal takes a name digest build keeps for itself"),
            (
                ".paperdigest-pagefind/x.js",
                "static/.paperdigest-pagefind/x.js takes a name digest build keeps for itself"
            ),
            // A page's temporary: the build would write the page into it, then rename it away.
            (".index.html.digest-tmp", "static/.index.html.digest-tmp takes a name digest build keeps for itself"),
            (
                "days/.index.html.digest-tmp",
                "static/days/.index.html.digest-tmp takes a name digest build keeps for itself"
            ),
        ])
    func staticCollisions(path: String, message: String) throws {
        let folder = try oneDay("Static Clash Paper", "clashes")
        defer { folder.remove() }
        _ = try folder.write("content/static/\(path)", "mine")
        let output = folder.url.appendingPathComponent("site")
        let failed = failure(folder.url.appendingPathComponent("content"), output)
        // Named where the file is, as for every other input.
        #expect(
            failed?.description.contains("content/static/\(path):1:1: error: \(message)") == true,
            "\(String(describing: failed))")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(
        "an output folder that is not the build's keeps a folder at Pagefind's staging name: nothing is deleted before that is checked"
    )
    func stagingInAFolderNotOurs() throws {
        let folder = try oneDay("Staging Paper", "staging")
        defer { folder.remove() }
        let kept = try folder.write("mine/\(Pagefind.stagingFolder)/notes.txt", "the user's own file")
        let failed = failure(folder.url.appendingPathComponent("content"), folder.url.appendingPathComponent("mine"))
        #expect(failed?.description.contains("did not write") == true, "\(String(describing: failed))")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "the user's own file")
    }

    @Test("titles of punctuation alone (???, !!!) stay papers of their own, each with its page")
    func punctuationTitles() throws {
        #expect(TitleKey("???") != TitleKey("!!!"))
        #expect(TitleKey("? ? ?") == TitleKey(" ?  ? ?"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(
            "content/dumps/2026-03-12.txt",
            dumpText([("???", abstract("questions")), ("!!!", abstract("exclamations")), ("...", abstract("dots"))]))
        let summary = try SiteBuild(
            content: folder.url.appendingPathComponent("content"), templates: nil,
            output: folder.url.appendingPathComponent("site")
        ).run()
        #expect(summary.papers == 3)
    }

    @Test(
        "two dumps of one day giving a paper different abstracts: a warning at the later one, as full and incremental builds give it"
    )
    func sameDayConflict() throws {
        let folder = try oneDay("Earlier Paper", "earlier")
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("site")
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        _ = try folder.write(
            "content/dumps/2026-03-13-a.txt",
            dumpText(date: "Mar 13", [("Twice Listed", abstract("morning")), ("Same Both Times", abstract("same"))]))
        _ = try folder.write(
            "content/dumps/2026-03-13-b.txt",
            dumpText(date: "Mar 13", [("Same Both Times", abstract("same")), ("Twice  listed", abstract("evening"))]))
        let expected =
            "2026-03-13-b.txt:15:1: warning: 2026-03-13-a.txt:11 lists this paper on the same day with another abstract; this one is shown"
        var incremental: [String] = []
        let added = try SiteBuild(content: content, templates: nil, output: output).run(report: {
            incremental.append($0.description)
        })
        #expect(added.catalogExtended, "the new day extended the last catalog")
        #expect(incremental.filter { $0.contains("same day") }.count == 1, "\(incremental)")
        #expect(incremental.contains { $0.hasSuffix(expected) }, "\(incremental)")
        var full: [String] = []
        _ = try SiteBuild(
            content: content, templates: nil, output: folder.url.appendingPathComponent("clean"),
            cacheFolder: folder.url.appendingPathComponent("clean-cache")
        ).run(report: { full.append($0.description) })
        #expect(full == incremental)
        #expect(try differencesFromCleanBuild(content, output, in: folder).isEmpty)
        #expect(
            try String(contentsOf: output.appendingPathComponent("papers/twice-listed/index.html"), encoding: .utf8)
                .contains("evening"))
    }

    @Test("site.yml that is a folder, and pages/ or static/ that are files, are named for what they are")
    func foldersAndFilesSwapped() throws {
        let folder = try oneDay("Swapped Paper", "swaps")
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        _ = try folder.write("content/pages", "not a folder")
        _ = try folder.write("content/static", "not a folder")
        var warnings: [String] = []
        _ = try SiteBuild(content: content, templates: nil, output: folder.url.appendingPathComponent("site")).run(
            report: { warnings.append($0.description) })
        for name in ["pages", "static"] {
            #expect(
                warnings.contains {
                    $0.hasSuffix("content/\(name):1:1: warning: not a folder, so the site has nothing from it")
                },
                "\(warnings)")
        }
        _ = try folder.write("content/site.yml/x", "title: x\n")
        let failed = failure(content, folder.url.appendingPathComponent("site"))
        #expect(
            failed?.description.contains("site.yml:1:1: error: cannot read file: it is a folder") == true,
            "\(String(describing: failed))")
    }

    @Test(
        "a folder named like a template, a page or a dump, and a pipe among the dumps, are named in warnings, also when added after a build"
    )
    func entriesTheBuildWouldMiss() throws {
        let folder = try oneDay("Folder Named Like A File", "folders")
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let templates = folder.url.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let build = SiteBuild(content: content, templates: templates, output: folder.url.appendingPathComponent("site"))
        _ = try build.run()
        // Added after a build, while no file it reads changes: empty folders, a pipe.
        for path in ["theme/index.mustache", "content/pages/about.md", "content/dumps/2026-03-13.txt"] {
            try FileManager.default.createDirectory(
                at: folder.url.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        let pipe = content.appendingPathComponent("dumps/incoming.txt").path
        #expect(mkfifo(pipe, 0o644) == 0)
        var warnings: [String] = []
        let summary = try build.run(report: { warnings.append($0.description) })
        #expect(summary.papers == 1)
        // Nothing changed since: the same warnings again.
        var again: [String] = []
        _ = try build.run(report: { again.append($0.description) })
        #expect(again == warnings)
        for (path, kind) in [
            ("theme/index.mustache", ".mustache"), ("content/pages/about.md", ".md"),
            ("content/dumps/2026-03-13.txt", ".txt"),
        ] {
            #expect(
                warnings.contains {
                    $0.hasSuffix(
                        "\(path):1:1: warning: a folder, not a \(kind) file: read as a folder (rename it if a file was meant)"
                    )
                },
                "\(path): \(warnings)")
        }
        #expect(
            warnings.contains {
                $0.hasSuffix(
                    "dumps/incoming.txt:1:1: warning: neither a file nor a folder (a pipe, socket or device), ignored")
            },
            "\(warnings)")
    }

    @Test("pages of pages/ whose names collide, with each other or with the site's own folders, fail the build")
    func pageNameCollisions() throws {
        let folder = try oneDay("Page Clash Paper", "pages")
        defer { folder.remove() }
        _ = try folder.write("content/pages/About.md", "# About this site\n")
        _ = try folder.write("content/pages/more/about.md", "# A\n")
        _ = try folder.write("content/pages/Days.md", "# Days\n")
        let failed = failure(folder.url.appendingPathComponent("content"), folder.url.appendingPathComponent("site"))
        let messages = failed?.diagnostics.map(\.description) ?? []
        #expect(
            messages.contains {
                $0.hasSuffix(
                    "pages/more/about.md:1:1: error: this page's name, 'about' (from its file name), is also that of \(folder.url.path)/content/pages/About.md; rename one"
                )
            }, "\(messages)")
        #expect(
            messages.contains {
                $0.hasSuffix(
                    "pages/Days.md:1:1: error: a page named 'days' would replace the site's own days/; rename the file")
            },
            "\(messages)")
    }

    @Test("bidirectional override characters never reach titles, <title> or feeds")
    func bidiControls() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(
            "content/dumps/2026-03-12.txt",
            dumpText([("Safe\u{202E}txt.exe Title \u{2066}Isolated\u{2069}", abstract("bidi \u{202D}x"))]))
        let output = folder.url.appendingPathComponent("site")
        var warnings: [String] = []
        _ = try SiteBuild(content: folder.url.appendingPathComponent("content"), templates: nil, output: output)
            .run(report: { warnings.append($0.description) })
        #expect(warnings.contains { $0.contains("bidirectional control character U+202E removed") })
        for file in allFiles(in: output)
        where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".json") {
            let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            #expect(
                !text.unicodeScalars.contains {
                    (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                }, "\(file)")
        }
    }

    @Test(
        "without an origin no sitemap is written (it needs absolute URLs), with one warning; with one, every URL is absolute"
    )
    func sitemapNeedsOrigin() throws {
        let folder = try oneDay("A Paper About Things", "things")
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        var warnings: [String] = []
        let pathOnly = folder.url.appendingPathComponent("a")
        _ = try SiteBuild(content: content, templates: nil, output: pathOnly, baseURL: BaseURL("/repo/"))
            .run(report: { warnings.append($0.description) })
        #expect(warnings.filter { $0.contains("no sitemap.xml") }.count == 1, "\(warnings)")
        #expect(!FileManager.default.fileExists(atPath: pathOnly.appendingPathComponent("sitemap.xml").path))
        #expect(
            try String(contentsOf: pathOnly.appendingPathComponent("robots.txt"), encoding: .utf8)
                == "User-agent: *\nAllow: /\n")
        let absolute = folder.url.appendingPathComponent("b")
        _ = try SiteBuild(
            content: content, templates: nil, output: absolute, baseURL: BaseURL("https://x.example/repo/")
        ).run()
        let sitemap = try String(contentsOf: absolute.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst()
        #expect(!locations.isEmpty && locations.allSatisfy { $0.hasPrefix("https://x.example/repo/") })
    }

    @Test("messages name where the problem starts: an unclosed YAML quote, a reserved topic slug")
    func messages() throws {
        var diagnostics: [Diagnostic] = []
        _ = SiteConfig.load(
            SourceFile(path: "site.yml", text: "title: \"Unclosed\ndescription: x\nyear: 2026\n"),
            diagnostics: &diagnostics)
        #expect(diagnostics.first?.description.hasPrefix("site.yml:1:8: error: invalid YAML") == true, "\(diagnostics)")
        diagnostics = []
        _ = Taxonomy.load(
            SourceFile(path: "topics.yml", text: "topics:\n  - name: A\n    slug: other\n    phrases: [x]\n"),
            diagnostics: &diagnostics)
        #expect(diagnostics.first?.description.contains("'other' is reserved") == true, "\(diagnostics)")
    }

    @Test("digest import says when it rewrites a day file that was not UTF-8 with LF line ends")
    func importReencoding() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dumps = folder.url.appendingPathComponent("dumps")
        let original = dumpText([("First Paper Of The Day", abstract("first"))]).replacingOccurrences(
            of: "\n", with: "\r\n")
        _ = try folder.write("dumps/2026-03-12.txt", original)
        let importer = DumpImporter(dumps: dumps, today: try #require(DayDate(iso: "2026-03-20")))
        let outcome = try importer.importDump(
            SourceFile(path: "new.txt", text: dumpText([("Second Paper Of The Day", abstract("second"))])))
        #expect(outcome.new == 1)
        #expect(
            outcome.diagnostics.contains { $0.message.contains("had CR or CRLF line ends; it is rewritten as UTF-8") })
    }

    @Test(
        "inputs that once broke a stage (Tests/Fuzz/regressions) read without crashing",
        arguments: ["dump", "math", "yaml"])
    func fuzzRegressions(target: String) throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fuzz/regressions/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.isEmpty)
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            var diagnostics: [Diagnostic] = []
            switch target {
            case "dump": _ = DumpParser(defaultYear: 2026).parse(SourceFile(path: name, data: data))
            case "math":
                _ = Markdown.html(inline: RichTextParser().parse(String(decoding: data, as: UTF8.self)).0.inlines)
            default:
                _ = SiteConfig.load(SourceFile(path: name, data: data), diagnostics: &diagnostics)
                _ = Taxonomy.load(SourceFile(path: name, data: data), diagnostics: &diagnostics)
            }
        }
    }
}
