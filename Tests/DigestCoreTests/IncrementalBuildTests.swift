import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

/// Incremental builds: whatever sequence of edits a site goes through, building on top of
/// the last output and cache gives the same bytes as a build from nothing.
@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {
    @Test("after random sequences of edits, the incremental output equals a clean build byte for byte")
    func randomEditsMatchCleanBuilds() throws {
        for seed: UInt64 in [1, 2, 3] {
            let site = try SyntheticSite(seed: seed)
            defer { site.remove() }
            _ = try site.build()
            for step in 0..<7 {
                let edit = site.randomEdit()
                let summary = try site.build()
                let clean = try site.cleanBuild()
                let difference = differences(site.output, clean)
                #expect(difference.isEmpty, "seed \(seed), step \(step), after \(edit): \(difference.prefix(5))")
                if edit == "new day" || edit == "edit abstract" {
                    #expect(summary.rendered < summary.pages, "seed \(seed), step \(step): \(edit) re-rendered all")
                }
                // A new day extends the catalog saved by an earlier build (other edits may too,
                // when the days added since are all they leave unchanged).
                if edit == "new day" { #expect(summary.catalogExtended, "seed \(seed), step \(step)") }
            }
        }
    }

    @Test(
        "with related papers kept two days back, random edits around the kept day (it or the newest deleted, recent abstracts edited) equal a clean build"
    )
    func randomEditsAroundTheKeptIndex() throws {
        for seed: UInt64 in [4, 5] {
            let site = try SyntheticSite(seed: seed)
            defer { site.remove() }
            site.relatedKeptBack = 2
            for _ in 0..<8 { try site.addDay(relisting: 1) }
            _ = try site.build()
            var resumed = 0
            var steps: [String] = []
            for step in 0..<12 {
                let edit = site.randomEdit(including: [
                    "delete newest dump", "delete kept dump", "edit recent abstract",
                ])
                let summary = try site.build()
                steps.append("\(edit): \(summary.relatedDaysIndexed) of \(summary.days) days")
                // Fewer days than the site has: the index was resumed from the kept one.
                if summary.relatedDaysIndexed > 0, summary.relatedDaysIndexed < summary.days - 2 { resumed += 1 }
                let difference = differences(site.output, try site.cleanBuild())
                #expect(difference.isEmpty, "seed \(seed), step \(step), after \(edit): \(difference.prefix(5))")
            }
            #expect(resumed > 0, "seed \(seed): only \(resumed) builds resumed from the kept index: \(steps)")
        }
    }

    @Test("a new day rewrites only its own pages and the lists that show it, never older paper pages")
    func newDayLeavesOlderPapersAlone() throws {
        let site = try SyntheticSite(seed: 7)
        defer { site.remove() }
        _ = try site.build()
        let before = try site.paperPages()
        try site.addDay(relisting: 0)
        let summary = try site.build()
        let rewritten = summary.written.filter { $0.hasPrefix("papers/") }
        #expect(Set(rewritten).isDisjoint(with: before), "\(rewritten.filter(before.contains).prefix(3))")
        #expect(summary.written.contains("index.html"))
        let again = try site.build()
        #expect((again.rendered, again.written.count, again.removed.count) == (0, 0, 0), "nothing changed")
    }

    @Test("a topic's month grows at its end: a new day rewrites its first page and its last pages, not the rest")
    func monthPagesGrowAtTheEnd() throws {
        let site = try SyntheticSite(seed: 5)
        defer { site.remove() }
        // Three weeks of February, one paper a page: each topic's month has many pages.
        try site.set(papersPerPage: 1)
        for _ in 0..<8 { try site.addDay(relisting: 0) }
        _ = try site.build()
        try site.addDay(relisting: 0)
        let month = String(site.newestDay.prefix(7))
        // Pages of each topic's month before the new day, by topic.
        var pages: [String: Int] = [:]
        let page = /topics\/([a-z0-9-]+)\/(\d{4}-\d\d)\/page\/(\d+)\/index\.html/
        for file in allFiles(in: site.output) {
            guard let match = file.wholeMatch(of: page), match.2 == month, let number = Int(match.3) else { continue }
            pages[String(match.1), default: 1] = max(pages[String(match.1), default: 1], number)
        }
        let summary = try site.build()
        var rewritten: [String: Set<Int>] = [:]
        for file in summary.written {
            guard let match = file.wholeMatch(of: page), match.2 == month, let number = Int(match.3) else { continue }
            rewritten[String(match.1), default: []].insert(number)
        }
        // Page k links up to page k + 3, so only the three before the old end see new pages.
        var kept = 0
        for (topic, count) in pages {
            let changed = rewritten[topic] ?? []
            #expect(changed.allSatisfy { $0 >= count - 2 }, "\(topic): pages \(changed.sorted()) of \(count)")
            kept += (2..<max(2, count - 2)).count
        }
        #expect(kept > 10, "the months are long enough to show it: \(pages)")
        #expect(differences(site.output, try site.cleanBuild()).isEmpty)
    }

    @Test(
        "related papers resume from the index kept a month of days back: an edit of a recent dump adds only the days since, an older one every day"
    )
    func relatedPapersResumeForRecentEdits() throws {
        let site = try SyntheticSite(seed: 29)
        defer { site.remove() }
        for _ in 0..<(RelatedDays.keptBack + 8) { try site.addDay(relisting: 1) }
        let all = try site.build().relatedDaysIndexed
        #expect(all > RelatedDays.keptBack + 8)
        func expectClean(_ what: String) throws {
            let difference = differences(site.output, try site.cleanBuild())
            #expect(difference.isEmpty, "\(what): \(difference.prefix(5))")
        }
        // The day before the newest, then one a week back: each from the kept index on.
        for back in [1, 6] {
            try site.editAbstract(daysBack: back)
            let indexed = try site.build().relatedDaysIndexed
            #expect(indexed > 0 && indexed <= RelatedDays.keptBack + 1, "\(back) days back: \(indexed) of \(all)")
            try expectClean("an edit \(back) days back")
        }
        // A template changes no answer: no day is added.
        try site.editTemplate()
        #expect(try site.build().relatedDaysIndexed == 0)
        // A new day: the days since the kept index, and the new one.
        try site.addDay(relisting: 2)
        #expect(try site.build().relatedDaysIndexed == RelatedDays.keptBack + 1)
        try expectClean("a new day")
        // An edit older than the kept index: every day again.
        try site.editAbstract(daysBack: RelatedDays.keptBack + 4)
        #expect(try site.build().relatedDaysIndexed == all + 1)
        try expectClean("an old edit")
    }

    @Test("nothing changed: no page is rendered, even when files were touched; a page deleted by hand comes back")
    func nothingChanged() throws {
        let site = try SyntheticSite(seed: 23)
        defer { site.remove() }
        _ = try site.build()
        var summary = try site.build()
        #expect((summary.rendered, summary.written.count) == (0, 0))
        let dump = try #require(allFiles(in: site.content.appendingPathComponent("dumps")).first)
        let file = site.content.appendingPathComponent("dumps/\(dump)")
        try Data(contentsOf: file).write(to: file)
        summary = try site.build()
        #expect((summary.rendered, summary.written.count) == (0, 0))
        // An editor's temporary file, made and deleted again, leaves the inputs as they were.
        let inputs = InputPaths(content: site.content, templates: site.templates)
        let before = InputState.scan(inputs)
        for folder in ["dumps", "pages"] {
            let temporary = site.content.appendingPathComponent("\(folder)/.draft.swp")
            try FileManager.default.createDirectory(
                at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("draft".utf8).write(to: temporary)
            try FileManager.default.removeItem(at: temporary)
        }
        #expect(InputState.scan(inputs) != before, "pages/ is new")
        let withPages = InputState.scan(inputs)
        let temporary = site.templates.appendingPathComponent(".layout.mustache.swp")
        try Data("draft".utf8).write(to: temporary)
        try FileManager.default.removeItem(at: temporary)
        #expect(InputState.scan(inputs) == withPages)
        // Hidden entries are inputs only in static/, which publishes them: a lock file left
        // in a theme's `.git/` is no change.
        let git = site.templates.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try Data().write(to: git.appendingPathComponent("index.lock"))
        #expect(InputState.scan(inputs) == withPages)
        let page = try #require(try site.paperPages().sorted().first)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(page))
        summary = try site.build()
        #expect(summary.written == [page])
        #expect(differences(site.output, try site.cleanBuild()).isEmpty)
        let published = site.content.appendingPathComponent("static/.nojekyll")
        try FileManager.default.createDirectory(
            at: published.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try site.build()
        try Data().write(to: published)
        #expect(try site.build().written == [".nojekyll"])
    }

    @Test("an interrupted build (journal, half-written temporary files, damaged page) is repaired by the next")
    func interruptedBuildIsRepaired() throws {
        let site = try SyntheticSite(seed: 11)
        defer { site.remove() }
        _ = try site.build()
        let page = try #require(try site.paperPages().sorted().first)
        let file = site.output.appendingPathComponent(page)
        try Data("<html>half".utf8).write(to: file)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".index.html.digest-tmp")
        try Data("partial".utf8).write(to: temporary)
        try Data((page + "\n").utf8).write(to: site.output.appendingPathComponent(".paperdigest-journal"))
        // Killed while the manifest was written: its temporary file is left too.
        let manifestTemporary = site.output.appendingPathComponent(".paperdigest.new")
        try Data("0123".utf8).write(to: manifestTemporary)
        _ = try site.build()
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(!FileManager.default.fileExists(atPath: manifestTemporary.path))
        #expect(
            !FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".paperdigest-journal").path))
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("a damaged build cache is reported and ignored; the output is still exact")
    func damagedCacheIsIgnored() throws {
        let site = try SyntheticSite(seed: 13)
        defer { site.remove() }
        _ = try site.build()
        try site.damageCacheFile("cache.bin")
        try site.editAbstract()
        var diagnostics: [Diagnostic] = []
        _ = try site.build { diagnostics.append($0) }
        #expect(diagnostics.contains { $0.message.contains("build cache") && $0.message.contains("damaged") })
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("an unchanged dump is not read again; without the cached texts its parse is not enough, and all are read")
    func unchangedDumpsAreRemembered() throws {
        let site = try SyntheticSite(seed: 17)
        defer { site.remove() }
        #expect(try site.build().parsedDumps == 5)
        try site.addDay(relisting: 2)
        #expect(try site.build().parsedDumps == 1)
        try FileManager.default.removeItem(at: site.cache.appendingPathComponent("texts.bin"))
        try site.addDay(relisting: 1)
        var diagnostics: [Diagnostic] = []
        #expect(try site.build { diagnostics.append($0) }.parsedDumps == 7)
        #expect(diagnostics.contains { $0.message.contains("build cache") && $0.message.contains("damaged") })
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test(
        "texts all made again (every dump's lines moved down) replace the old ones in texts.bin, not pile up beside them"
    )
    func textsMadeAgainKeepTheCacheSmall() throws {
        let site = try SyntheticSite(seed: 41)
        defer { site.remove() }
        _ = try site.build()
        let texts = site.cache.appendingPathComponent("texts.bin").path
        let before = try #require(try FileManager.default.attributesOfItem(atPath: texts)[.size] as? Int)
        try site.insertLineAtTheTopOfEveryDump()
        _ = try site.build()
        let after = try #require(try FileManager.default.attributesOfItem(atPath: texts)[.size] as? Int)
        #expect(after < before + before / 4, "texts.bin: \(before) → \(after) bytes")
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test(
        "a content folder moved elsewhere keeps its parsed dumps and rendered texts; warnings name the files where they are now"
    )
    func movedContentKeepsItsTexts() throws {
        let site = try SyntheticSite(seed: 43)
        defer { site.remove() }
        try site.folder.write(
            "Content/dumps/2026-01-02.txt",
            "Daily Papers\n\nJan 2\n\nA Model Paper\n\nWe fit \\model to the data.\n\nA Title Alone\n")
        _ = try site.build()
        let texts = URL(fileURLWithPath: site.cache.appendingPathComponent("texts.bin").path)
        let before = try Data(contentsOf: texts)
        let moved = site.root.appendingPathComponent("Moved")
        try FileManager.default.moveItem(at: site.content, to: moved)
        var warnings: [Diagnostic] = []
        let summary = try SiteBuild(content: moved, templates: site.templates, output: site.output).run(report: {
            warnings.append($0)
        })
        #expect(try Data(contentsOf: texts) == before, "no text is made again")
        #expect(summary.parsedDumps == 0, "no dump is parsed again")
        // A text's warning and a dump's, each naming the file where it is now.
        let dump = moved.appendingPathComponent("dumps/2026-01-02.txt").standardizedFileURL.path
        for message in ["unknown LaTeX command", "title without an abstract"] {
            let warning = warnings.first { $0.message.contains(message) }
            #expect(warning?.location?.path == dump, "\(message): \(String(describing: warning))")
        }
        try FileManager.default.moveItem(at: moved, to: site.content)
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("new days extend the last build's catalog, also days after the one it saved; a damaged one is ignored")
    func newDaysExtendTheCatalog() throws {
        let site = try SyntheticSite(seed: 29)
        defer { site.remove() }
        _ = try site.build()
        for _ in 0..<3 {
            try site.addDay(relisting: 2)
            let summary = try site.build()
            #expect(summary.catalogExtended)
            #expect(summary.parsedDumps == 1)
        }
        var difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
        try site.damageCacheFile("catalog.bin")
        try site.addDay(relisting: 1)
        #expect(try site.build().catalogExtended == false)
        difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
        // The catalog made whole was saved again: the next day extends it.
        try site.addDay(relisting: 1)
        #expect(try site.build().catalogExtended)
        difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("after a fresh checkout (every dump's time changed) a new day still extends the catalog, parsing one dump")
    func checkoutKeepsTheCatalog() throws {
        let site = try SyntheticSite(seed: 31)
        defer { site.remove() }
        _ = try site.build()
        try site.checkOutAgain()
        try site.addDay(relisting: 2)
        let summary = try site.build()
        #expect(summary.catalogExtended)
        #expect(summary.parsedDumps == 1)
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
        // The dumps read again are remembered as they are now: the next day reads one dump.
        try site.addDay(relisting: 1)
        let next = try site.build()
        #expect(next.catalogExtended)
        #expect(next.parsedDumps == 1)
    }

    @Test("after a fresh checkout an edited old dump is the only one parsed: the others' bytes are the ones remembered")
    func checkoutParsesOnlyTheEditedDump() throws {
        let site = try SyntheticSite(seed: 37)
        defer { site.remove() }
        _ = try site.build()
        try site.checkOutAgain()
        try site.editAbstract()
        let summary = try site.build()
        #expect(!summary.catalogExtended)
        #expect(summary.parsedDumps == 1)
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("a damaged memo of parsed dumps is ignored: every dump is parsed again, output exact")
    func damagedDumpMemoIsIgnored() throws {
        let site = try SyntheticSite(seed: 23)
        defer { site.remove() }
        _ = try site.build()
        try site.damageCacheFile("dumps.bin")
        try site.addDay(relisting: 2)
        #expect(try site.build().parsedDumps == 6)
        try site.addDay(relisting: 1)
        #expect(try site.build().parsedDumps == 1)
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("a cached text damaged on disk is caught when a page reads it; everything is built again, exact")
    func damagedTextIsCaught() throws {
        let site = try SyntheticSite(seed: 19)
        defer { site.remove() }
        _ = try site.build()
        // texts.bin starts with a 32-byte header, then the bodies of the long texts (abstracts).
        let file = site.cache.appendingPathComponent("texts.bin")
        var bytes = try Data(contentsOf: file)
        let bodies = bytes[16..<24].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(bodies > 8, "no abstract is stored apart from the index")
        bytes[40] ^= 0xFF
        try bytes.write(to: file)
        // Every page is made again, so every abstract is read.
        let layout = site.templates.appendingPathComponent("layout.mustache")
        try (try String(contentsOf: layout, encoding: .utf8) + "<!-- edited -->\n").write(
            to: layout, atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        let summary = try site.build { diagnostics.append($0) }
        #expect(diagnostics.contains { $0.message.contains("build cache") && $0.message.contains("damaged") })
        #expect(summary.parsedDumps == 5)
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test("files the build did not write (CNAME, .git/) survive rebuilds; one in the way stops the build")
    func foreignFilesAreKept() throws {
        let site = try SyntheticSite(seed: 17)
        defer { site.remove() }
        _ = try site.build()
        try Data("digest.example.org\n".utf8).write(to: site.output.appendingPathComponent("CNAME"))
        try FileManager.default.createDirectory(
            at: site.output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[core]\n".utf8).write(to: site.output.appendingPathComponent(".git/config"))
        try site.addDay(relisting: 1)
        _ = try site.build()
        try site.deleteDump()
        _ = try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("CNAME").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".git/config").path))

        let title = try site.addDay(relisting: 0)
        let blocked = site.output.appendingPathComponent("papers/\(Slug.make(title))/index.html")
        try FileManager.default.createDirectory(
            at: blocked.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: blocked)
        #expect(throws: BuildFailure.self) { _ = try site.build() }
        #expect(try String(contentsOf: blocked, encoding: .utf8) == "mine")
    }

    @Test("a second build of the same output waits for the first (a lock), then runs")
    func concurrentBuildsWait() throws {
        let site = try SyntheticSite(seed: 19)
        defer { site.remove() }
        _ = try site.build()
        var lock: BuildLock? = try BuildLock(folder: site.root.appendingPathComponent(".paperdigest-cache")) {}
        let waited = Flag()
        let finished = DispatchSemaphore(value: 0)
        let result = Box<Result<SiteBuild.Summary, Error>>()
        // A thread of its own: the build blocks while it waits for the lock.
        Thread.detachNewThread {
            result.value = Result { try site.build { if $0.message.contains("waiting") { waited.set() } } }
            finished.signal()
        }
        #expect(finished.wait(timeout: .now() + 0.5) == .timedOut, "the second build waits")
        #expect(waited.isSet, "and says so")
        withExtendedLifetime(lock) {}
        lock = nil
        #expect(finished.wait(timeout: .now() + 60) == .success)
        let summary = try #require(try result.value?.get())
        #expect(summary.rendered == 0)
    }
}

/// A value handed back from another thread.
final class Box<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Set once from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Relative paths whose bytes differ between two folders, or that only one holds.
func differences(_ a: URL, _ b: URL) -> [String] {
    let left = Set(allFiles(in: a))
    let right = Set(allFiles(in: b))
    var result = left.symmetricDifference(right).sorted().map { "only in one: \($0)" }
    for path in left.intersection(right).sorted()
    where FileManager.default.contents(atPath: a.appendingPathComponent(path).path)
        != FileManager.default.contents(atPath: b.appendingPathComponent(path).path)
    {
        result.append("differs: \(path)")
    }
    return result
}

/// A small digest (synthetic papers, the default theme) in a temporary folder, with the
/// edits a site goes through, made reproducibly from a seed.
final class SyntheticSite: @unchecked Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Output") }
    var cache: URL { root.appendingPathComponent(".paperdigest-cache") }
    private var random: SplitMix
    private var day = DayDate(year: 2026, month: 1, day: 27) ?? .distantPast
    private var paperNumber = 0
    private var titles: [String] = []
    private var cleanBuilds = 0
    /// How many days back incremental builds keep the related-papers index (clean builds
    /// keep the default: the output must not depend on it).
    var relatedKeptBack = RelatedDays.keptBack

    init(seed: UInt64) throws {
        folder = try TemporaryFolder()
        random = SplitMix(seed: seed)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
        try set(papersPerPage: 4)
        for _ in 0..<5 { try addDay(relisting: 2) }
    }

    func remove() { folder.remove() }

    /// Every dump's lines one further down (a blank line above them), its text the same.
    func insertLineAtTheTopOfEveryDump() throws {
        for file in try dumpFiles() { try (Data("\n".utf8) + Data(contentsOf: file)).write(to: file) }
    }

    /// What a fresh checkout does to the dumps: every file's time changes, not its bytes.
    func checkOutAgain() throws {
        let later = Date().addingTimeInterval(60)
        for file in try dumpFiles() {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: file.path)
        }
    }

    /// Overwrites 64 bytes in the middle of the build cache's file `name`.
    func damageCacheFile(_ name: String) throws {
        let file = cache.appendingPathComponent(name)
        var bytes = try Data(contentsOf: file)
        bytes.replaceSubrange(bytes.count / 2..<bytes.count / 2 + 64, with: Data(repeating: 0xAB, count: 64))
        try bytes.write(to: file)
    }

    /// Builds into `Output/` with its cache beside it.
    @discardableResult
    func build(report: (Diagnostic) -> Void = { _ in }) throws -> SiteBuild.Summary {
        var build = SiteBuild(content: content, templates: templates, output: output)
        build.relatedKeptBack = relatedKeptBack
        return try build.run(report: report)
    }

    /// Builds the same content from nothing into a new folder; returns that output.
    func cleanBuild() throws -> URL {
        cleanBuilds += 1
        let clean = root.appendingPathComponent("clean-\(cleanBuilds)/Output")
        _ = try SiteBuild(content: content, templates: templates, output: clean).run()
        return clean
    }

    func paperPages() throws -> Set<String> {
        Set(allFiles(in: output).filter { $0.hasPrefix("papers/") })
    }

    /// One of the edits a digest sees, or of `extra`, chosen at random; returns its name.
    func randomEdit(including extra: [String] = []) -> String {
        let edits = ["new day", "edit abstract", "delete dump", "template", "config", "new day"] + extra
        let edit = edits[random.next(edits.count)]
        do {
            switch edit {
            case "new day": try addDay(relisting: random.next(3))
            case "edit abstract": try editAbstract()
            case "edit recent abstract": try editAbstract(daysBack: random.next(relatedKeptBack + 2))
            case "delete dump": try deleteDump()
            case "delete newest dump": try deleteDump(daysBack: 0)
            case "delete kept dump": try deleteDump(daysBack: relatedKeptBack)
            case "template": try editTemplate()
            default: try editConfig()
            }
        } catch {
            Issue.record("edit \(edit) failed: \(error)")
        }
        return edit
    }

    static let words = [
        "diffusion", "transformer", "reasoning", "retrieval", "agents", "alignment", "quantization", "sparse",
        "attention", "graph", "protein", "robot", "video", "speech", "benchmark", "reward", "tokens", "memory",
    ]

    func set(papersPerPage: Int) throws {
        try folder.write(
            "Content/site.yml",
            "title: Synthetic\nbase_url: https://example.org/digest/\npapers_per_page: \(papersPerPage)\n")
    }

    /// The newest day's date, `2026-02-03`.
    var newestDay: String { day.iso }

    /// Adds the next day's dump: a few new papers and `relisting` papers from earlier days;
    /// returns its first title.
    @discardableResult
    func addDay(relisting: Int) throws -> String {
        day = day.adding(days: 1 + random.next(2))
        var papers: [(String, String)] = []
        for _ in 0..<(4 + random.next(4)) {
            paperNumber += 1
            let topic = Self.words[random.next(Self.words.count)]
            let other = Self.words[random.next(Self.words.count)]
            let title = "Paper \(paperNumber): \(topic.capitalized) meets \(other)"
            titles.append(title)
            papers.append((title, Self.abstract(topic, other, number: paperNumber)))
        }
        for _ in 0..<min(relisting, titles.count - papers.count) {
            let title = titles[random.next(titles.count - papers.count)]
            papers.append((title, ""))
        }
        var text = "Daily Papers\n\n\(dateLine(day.iso))\n\n"
        for (title, abstract) in papers { text += abstract.isEmpty ? "\(title)\n\n" : "\(title)\n\n\(abstract)\n\n" }
        try folder.write("Content/dumps/\(day.iso).txt", text)
        return papers[0].0
    }

    static func abstract(_ topic: String, _ other: String, number: Int) -> String {
        "We study \(topic) with \(other) for large language models and show that O(nlog n) time and "
            + "alpha=0.5 suffice, with mathcal{L}_{rm total} = sum_i ell_i over N=\(number) runs. "
            + String(repeating: "The \(topic) method improves \(other) results on several benchmarks. ", count: 6)
    }

    func editAbstract() throws {
        let dumps = try dumpFiles()
        try editAbstract(in: dumps[random.next(dumps.count)])
    }

    /// Edits an abstract of the dump `back` dumps before the newest.
    func editAbstract(daysBack back: Int) throws {
        let dumps = try dumpFiles()
        guard dumps.indices.contains(dumps.count - 1 - back) else { return }
        try editAbstract(in: dumps[dumps.count - 1 - back])
    }

    private func editAbstract(in file: URL) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        guard let range = text.range(of: "benchmarks. \n") ?? text.range(of: "benchmarks.\n") else { return }
        text.replaceSubrange(range, with: "benchmarks. Edited \(random.next(1000)) times with beta_2.\n")
        try Data(text.utf8).write(to: file)
    }

    func deleteDump() throws {
        let dumps = try dumpFiles()
        guard dumps.count > 2 else { return }
        try FileManager.default.removeItem(at: dumps[random.next(dumps.count)])
    }

    /// Deletes the dump `back` dumps before the newest.
    func deleteDump(daysBack back: Int) throws {
        let dumps = try dumpFiles()
        guard dumps.count > max(2, back) else { return }
        try FileManager.default.removeItem(at: dumps[dumps.count - 1 - back])
    }

    func editTemplate() throws {
        let names = ["day", "paper", "topic", "layout", "partials/paper-card", "index"]
        let file = templates.appendingPathComponent(names[random.next(names.count)] + ".mustache")
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edit \(random.next(1000)) -->\n".utf8))
    }

    func editConfig() throws {
        let perPage = [2, 3, 4, 5][random.next(4)]
        try folder.write(
            "Content/site.yml",
            "title: Synthetic \(random.next(100))\nbase_url: https://example.org/digest/\npapers_per_page: \(perPage)\n"
        )
    }

    private func dumpFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: content.appendingPathComponent("dumps"), includingPropertiesForKeys: nil
        ).sorted { $0.path < $1.path }
    }
}

extension DayDate {
    /// The day `days` later.
    func adding(days: Int) -> DayDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
        let next = calendar.date(byAdding: .day, value: days, to: start) ?? start
        let parts = calendar.dateComponents([.year, .month, .day], from: next)
        return DayDate(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? day) ?? self
    }
}

/// Numbers below a bound from a seed (`SeededRandom`), so each seed replays.
struct SplitMix {
    private var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(state: seed) }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        Int(random.next() % UInt64(max(bound, 1)))
    }
}
