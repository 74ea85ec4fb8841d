import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

@Suite("A build cache kept in memory across rebuilds, as digest serve keeps it", .serialized)
struct BuildCacheSessionTests {
    @Test("each rebuild stays exact, and the cache does not keep a file open per rebuild")
    func rebuildsWithOneCache() throws {
        let site = try SyntheticSite(seed: 29)
        defer { site.remove() }
        let build = SiteBuild(content: site.content, templates: site.templates, output: site.output)
        let cache = BuildCache.load(from: build.cacheFolder)
        _ = try build.run(cache: cache)
        for step in 0..<6 {
            // A new day and an edited abstract each bring texts the cache has not seen.
            try site.addDay(relisting: 1)
            try site.editAbstract()
            let summary = try build.run(cache: cache)
            #expect(summary.rendered > 0, "step \(step)")
            #expect(cache.openStores <= 2, "step \(step): \(cache.openStores) stores open")
        }
        let difference = differences(site.output, try site.cleanBuild())
        #expect(difference.isEmpty, "\(difference.prefix(5))")
    }

    @Test(
        "a title made by a build is written to the store and stays at hand; an abstract too in a build making few texts, else it is read back from the store",
        arguments: [BuildCache.heldTextsLimit, BuildCache.heldTextsLimit + 1])
    func titlesStayAtHand(newTexts: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = BuildCache.load(from: folder.url)
        cache.expectNewTexts(newTexts)
        let abstractHeld = newTexts <= BuildCache.heldTextsLimit
        let words = String(repeating: "Scaling laws for sparse mixtures of experts with $O(n^2)$ routing ", count: 3)
        let (title, _) = PaperText.render(words, at: nil, role: .title)
        let (abstract, _) = PaperText.render(words + ".", at: nil, role: .abstract)
        let storedTitle = cache.stored(BuildCache.Text(text: title, diagnostics: []), role: .title).text
        let storedAbstract = cache.stored(BuildCache.Text(text: abstract, diagnostics: []), role: .abstract).text
        // Both are in the store (the next build reads them from texts.bin).
        #expect(storedTitle.kept != nil)
        #expect(storedAbstract.kept != nil)
        // With the store's bytes damaged, only what is not at hand is read from it.
        cache.writeStoredTexts()
        let store = folder.url.appendingPathComponent(BuildCache.textsName + ".new")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int)
        // Overwritten in place: the store reads through the descriptor it opened.
        let handle = try FileHandle(forWritingTo: store)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: size))
        try handle.close()
        #expect(storedTitle.html == title.html)
        #expect(storedTitle.plainText == title.plainText)
        #expect(storedTitle.html.contains("<math"))
        if abstractHeld {
            #expect(storedAbstract.html == abstract.html)
            #expect(!cache.isDamaged)
        } else {
            #expect(storedAbstract.html.isEmpty)
            #expect(cache.isDamaged)
        }
    }

    @Test("texts are written to the store a megabyte at a time, read back before and after, and saved whole")
    func textsWrittenBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = BuildCache.load(from: folder.url)
        // About 1.4 MB of abstracts: the first megabyte written to the file, the rest pending.
        var made: [(key: UInt64, text: BuildCache.Text)] = []
        var bytes = TextStore.headerSize
        for number in 0..<900 {
            let words =
                "Abstract \(number): " + String(repeating: "sparse experts route tokens \(number % 97) ", count: 40)
            let (abstract, _) = PaperText.render(words, at: nil, role: .abstract)
            let stored = cache.stored(BuildCache.Text(text: abstract, diagnostics: []), role: .abstract)
            #expect(stored.text.kept != nil)
            made.append((UInt64(number + 1), stored))
            bytes += TextStore.body(of: abstract).count
        }
        let store = folder.url.appendingPathComponent(BuildCache.textsName + ".new")
        let written = try #require(try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int)
        #expect(written > 1 << 20, "the first megabyte went to the file as it came")
        #expect(written < bytes, "the last texts are still pending: \(written) of \(bytes) bytes written")
        func expectAll(_ texts: [BuildCache.Text?], _ when: String) {
            for (number, text) in texts.enumerated() {
                #expect(text?.text.html.hasPrefix("<p>Abstract \(number): sparse") == true, "\(when): \(number)")
            }
        }
        expectAll(made.map(\.text), "before saving")
        cache.remember(texts: made)
        try cache.save(to: folder.url)
        #expect(!cache.isDamaged)
        let loaded = BuildCache.load(from: folder.url)
        expectAll(loaded.texts(made.map(\.key)), "after loading")
        #expect(!loaded.isDamaged)
    }

    @Test(
        "when texts.bin cannot be saved, cache.bin (written at the same time) is not put in place, and the next load is clean"
    )
    func textsFailureKeepsCacheOut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cache = BuildCache.load(from: folder.url)
        let (abstract, _) = PaperText.render(
            "Sparse experts route tokens. " + String(repeating: "Experts are sparse. ", count: 20), at: nil,
            role: .abstract)
        cache.remember(texts: [
            (key: 1, text: cache.stored(BuildCache.Text(text: abstract, diagnostics: []), role: .abstract))
        ])
        cache.remember(facts: [(2, ["sparse-experts", "moe"])])
        // A folder where texts.bin goes: the new file cannot be renamed over it.
        let texts = folder.url.appendingPathComponent(BuildCache.textsName)
        try FileManager.default.createDirectory(
            at: texts.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try cache.save(to: folder.url) }
        let cacheFile = folder.url.appendingPathComponent(BuildCache.fileName)
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path), "cache.bin is not written without texts.bin")
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path + ".new"), "nor left half-written")
        let loaded = BuildCache.load(from: folder.url)
        #expect(loaded.note == nil)
        #expect(loaded.texts([1]).compactMap { $0 }.isEmpty)
        #expect(loaded.facts([2]) == [nil])
        // Once the way is clear, the same cache saves, and both come back.
        try FileManager.default.removeItem(at: texts)
        try cache.save(to: folder.url)
        let saved = BuildCache.load(from: folder.url)
        #expect(saved.texts([1]).compactMap { $0?.text.html } == [abstract.html])
        #expect(saved.facts([2]) == [["sparse-experts", "moe"]])
    }

    @Test("a cache of an older format (an older digest) is dropped without a word; a damaged one is reported")
    func olderFormatIsStale() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent(BuildCache.fileName)
        var older = CacheWriter()
        older.add("PaperDigest build cache 3")
        older.add(BinaryVersion.current)
        older.add(0)
        older.addChecksum()
        try Data(older.bytes).write(to: file)
        #expect(BuildCache.load(from: folder.url).note == nil)
        try Data("not a cache at all, though long enough".utf8).write(to: file)
        #expect(BuildCache.load(from: folder.url).note != nil)
    }

    @Test(
        "a store another build made at this cache's store name, after a rebuild of its own failed, is left to that build"
    )
    func storeTakenBetweenRebuilds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([("Kept Store Paper", abstract("stores"))]))
        let content = folder.url.appendingPathComponent("content")
        let build = SiteBuild(content: content, templates: nil, output: folder.url.appendingPathComponent("site"))
        let cache = BuildCache.load(from: build.cacheFolder)
        _ = try build.run(cache: cache)
        // A rebuild that fails after making the new day's texts keeps them, in its store.
        _ = try folder.write(
            "content/dumps/2026-03-13.txt", dumpText(date: "Mar 13", [("Second Store Paper", abstract("days"))]))
        var broken = build
        broken.templates = try folder.write("templates/page.mustache", "{{#unclosed}}").deletingLastPathComponent()
        #expect(throws: BuildFailure.self) { try broken.run(cache: cache) }
        let store = build.cacheFolder.appendingPathComponent(BuildCache.newTextsName)
        #expect(FileManager.default.fileExists(atPath: store.path))
        // `digest build` ran meanwhile and made a store of its own at that name.
        try FileManager.default.removeItem(at: store)
        let other = try folder.write(".paperdigest-cache/\(BuildCache.newTextsName)", "another build's store")
        _ = try build.run(cache: cache)
        #expect(try String(contentsOf: other, encoding: .utf8) == "another build's store")
        let clean = folder.url.appendingPathComponent("clean")
        _ = try SiteBuild(
            content: content, templates: nil, output: clean,
            cacheFolder: folder.url.appendingPathComponent("clean-cache")
        ).run()
        #expect(differences(build.output, clean) == [])
    }
}
