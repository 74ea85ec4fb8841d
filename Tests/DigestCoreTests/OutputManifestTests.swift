import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

@Suite("FingerprintTable: positions by fingerprint")
struct FingerprintTableTests {
    @Test("every key finds its position through growth; a key stored twice keeps its first; unknown keys find none")
    func positions() {
        var table = FingerprintTable()
        // Keys that differ only in their high bits, or only in their low bits (which then share
        // a slot: real keys are fingerprints, mixed in every bit), probe past each other.
        let keys = (0..<5_000).map { UInt64($0) << 40 } + (1..<5_000).map { UInt64($0) }
        for (position, key) in keys.enumerated() { #expect(table.insert(position, for: key) == nil) }
        #expect(table.count == keys.count)
        #expect(keys.indices.allSatisfy { table.position(of: keys[$0]) == $0 })
        #expect(table.insert(99, for: keys[7]) == 7)
        #expect(table.position(of: keys[7]) == 7)
        #expect(table.position(of: 0xDEAD_BEEF) == nil)
        #expect(FingerprintTable().position(of: 0) == nil)
    }

    @Test("fingerprints spread over the table: no run of filled slots is long, however it grew")
    func spread() {
        var random = SeededRandom(state: 12)
        for capacity in [0, 20_000] {
            var table = FingerprintTable(capacity: capacity)
            let keys = (0..<20_000).map { Fingerprint.of("page \($0) \(random.next())") }
            for (position, key) in keys.enumerated() { table.insert(position, for: key) }
            #expect(table.longestRun < 200, "a look-up probes tens of slots, not thousands")
            #expect(keys.indices.allSatisfy { table.position(of: keys[$0]) == $0 })
        }
    }
}

@Suite("FingerprintIndex: keys numbered in order, found by fingerprint, exactly")
struct FingerprintIndexTests {
    @Test("keys are numbered as first added; a key added again keeps its number; keys sharing a fingerprint stay apart")
    func numbers() {
        var index = FingerprintIndex<String>()
        #expect(index.insert("a", print: 1) == (0, true))
        #expect(index.insert("b", print: 2) == (1, true))
        // Different keys with the same fingerprint (rare as a lottery win, forced here).
        #expect(index.insert("c", print: 1) == (2, true))
        #expect(index.insert("d", print: 1) == (3, true))
        #expect(index.insert("c", print: 1) == (2, false))
        #expect(index.insert("a", print: 1) == (0, false))
        #expect(index.keys == ["a", "b", "c", "d"])
        #expect(["a", "b", "c", "d"].map { index.number(of: $0, print: $0 == "b" ? 2 : 1) } == [0, 1, 2, 3])
        #expect(index.number(of: "e", print: 1) == nil)
        #expect(index.number(of: "b", print: 1) == nil)
    }
}

@Suite("MemoTable: what a build cache remembers, and what the last build used")
struct MemoTableTests {
    @Test("values are found by key, a key set again is replaced in place, and a batch finds each key or none")
    func values() {
        var table = MemoTable<String>()
        for number in 0..<1_000 { table.set("v\(number)", for: UInt64(number) << 32) }
        table.set("again", for: 7 << 32)
        #expect(table.count == 1_000)
        #expect(table[7 << 32] == "again")
        #expect(table[8 << 32] == "v8")
        #expect(table[12345] == nil)
        let found = table.use([3 << 32, 12345, 999 << 32])
        #expect(found == ["v3", nil, "v999"])
        #expect(table.usedCount == 2)
        #expect(table.sorted.map(\.key) == (0..<1_000).map { UInt64($0) << 32 })
    }

    @Test("unused entries are dropped only when more than an eighth of the table; the marks start again after")
    func dropUnused() {
        var table = MemoTable<Int>()
        for key in 0..<80 { table.set(key, for: UInt64(key)) }
        // 70 of 80 used: 10 unused is an eighth, kept.
        _ = table.use((0..<70).map(UInt64.init))
        let droppedAny = table.dropUnused()
        #expect(!droppedAny)
        #expect(table.count == 80)
        #expect(table.usedCount == 0)
        // 69 used: 11 unused is more than an eighth, dropped; what was used is still found.
        _ = table.use((0..<69).map(UInt64.init))
        let single = table.use(UInt64(68))
        #expect(single == 68, "a single look-up marks too")
        let dropped = table.dropUnused()
        #expect(dropped)
        #expect(table.count == 69)
        #expect(table[68] == 68)
        #expect(table[69] == nil)
        // Set with `use`, an entry counts as used; set without, it does not.
        table.set(500, for: 500, use: true)
        table.set(501, for: 501)
        #expect(table.usedCount == 1)
    }

    @Test("entries removed by a rule are gone; the others keep their values and marks")
    func removeAll() {
        var table = MemoTable<Int>()
        for key in 0..<10 { table.set(key * 10, for: UInt64(key)) }
        _ = table.use([1, 2])
        table.removeAll { key, _ in key % 2 == 0 }
        #expect(table.count == 5)
        #expect(table[2] == nil)
        #expect(table[3] == 30)
        #expect(table.usedCount == 1)
    }
}

@Suite("OutputManifest: the files a build wrote")
struct OutputManifestTests {
    /// A manifest line as a build writes it for the file at `path` holding `text`.
    func manifestLine(_ path: String, holding text: String) -> String {
        let hex = String(Fingerprint.of(Data(text.utf8)), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + " \(text.utf8.count) " + path
    }

    /// A build that wrote `paths` into `site`, each holding its own path, and finished.
    @discardableResult
    func build(_ paths: [String], into site: URL) throws -> OutputManifest {
        let writer = try OutputWriter(directory: site)
        try writer.willWrite(paths)
        var manifest = OutputManifest()
        for path in paths {
            try writer.write(Data(path.utf8), to: path)
            manifest.set(.init(hash: Fingerprint.of(Data(path.utf8)), size: path.utf8.count), for: path)
        }
        try writer.finish(files: manifest)
        return manifest
    }

    func record(_ hash: UInt64) -> OutputWriter.FileRecord {
        OutputWriter.FileRecord(hash: hash, size: Int(hash))
    }

    @Test("files keep the order they were listed in; setting a listed path replaces its record in place")
    func order() {
        var manifest: OutputManifest = ["b/index.html": record(1), "a/index.html": record(2)]
        manifest.set(record(3), for: "c.xml")
        manifest.set(record(4), for: "b/index.html")
        #expect(manifest.paths == ["b/index.html", "a/index.html", "c.xml"])
        #expect(manifest.records.map(\.hash) == [4, 2, 3])
        #expect(manifest["a/index.html"] == record(2))
        #expect(manifest.index(of: "c.xml") == 2)
        #expect(manifest["missing.html"] == nil)
    }

    @Test("the manifest on disk lists files in the build's order; finish reports what it deleted, sorted")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        let first = try OutputWriter(directory: site)
        let files = ["z/index.html", "a.xml", "m/index.html", "gone.txt", "b/gone.txt"]
        try first.willWrite(files)
        for path in files { try first.write(Data(path.utf8), to: path) }
        var manifest = OutputManifest()
        for path in files {
            manifest.set(.init(hash: Fingerprint.of(Data(path.utf8)), size: path.utf8.count), for: path)
        }
        #expect(try first.finish(files: manifest).isEmpty)
        let second = try OutputWriter(directory: site)
        #expect(second.previous.paths == files)
        #expect(second.previous.records == manifest.records)
        var kept = OutputManifest()
        for path in ["m/index.html", "z/index.html", "a.xml"] { kept.set(manifest[path] ?? record(0), for: path) }
        #expect(try second.finish(files: kept) == ["b/gone.txt", "gone.txt"])
        #expect(allFiles(in: site).sorted() == [".paperdigest", "a.xml", "m/index.html", "z/index.html"])
        #expect(OutputWriter.isIntact(site))
    }

    @Test("a file no longer built is deleted with the folders it leaves empty; a folder put in its place stays whole")
    func removal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        let manifest = try build(
            ["papers/x/index.html", "papers/y/index.html", "days/d/index.html", "keep/a.html"], into: site)
        // Someone's notes beside a page, and a folder of theirs where a page was.
        try Data("mine".utf8).write(to: site.appendingPathComponent("papers/y/notes.txt"))
        let page = site.appendingPathComponent("days/d/index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)
        try Data("mine too".utf8).write(to: page.appendingPathComponent("draft.txt"))

        var kept = OutputManifest()
        kept.set(manifest["keep/a.html"] ?? record(0), for: "keep/a.html")
        let removed = try OutputWriter(directory: site).finish(files: kept)
        #expect(removed == ["days/d/index.html", "papers/x/index.html", "papers/y/index.html"])
        #expect(
            allFiles(in: site).sorted() == [
                ".paperdigest", "days/d/index.html/draft.txt", "keep/a.html", "papers/y/notes.txt",
            ])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("papers/x").path))
    }

    @Test("a symbolic link put where the site has a folder is never written or deleted through")
    func linkedFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        let manifest = try build(["about/index.html", "papers/x/index.html"], into: site)
        let mine = folder.url.appendingPathComponent("mine")
        _ = try folder.write("mine/index.html", "my notes")
        _ = try folder.write("mine/x/index.html", "my other notes")
        let manager = FileManager.default
        for name in ["about", "papers"] {
            try manager.removeItem(at: site.appendingPathComponent(name))
            try manager.createSymbolicLink(at: site.appendingPathComponent(name), withDestinationURL: mine)
        }
        let writer = try OutputWriter(directory: site)
        for path in ["about/index.html", "papers/x/index.html"] {
            let failure = #expect(throws: OutputWriter.Failure.self) { try writer.write(Data("page".utf8), to: path) }
            #expect(failure?.description.contains("is a symbolic link or a file where the site puts a folder") == true)
        }
        // The pages gone from the site: their files behind the links stay.
        _ = try writer.finish(files: OutputManifest())
        #expect(
            try folder.read("mine/index.html") == "my notes" && folder.read("mine/x/index.html") == "my other notes")
        #expect(manifest.paths.count == 2)
    }

    @Test(
        "a file removed, resized or replaced by a folder since the last build makes the output not intact, and only it unknown"
    )
    func intactness() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        try build(["index.html", "papers/a/index.html", "papers/b/index.html", "days/c/index.html"], into: site)
        #expect(OutputWriter.isIntact(site))
        #expect(try OutputWriter(directory: site).verify())

        for (path, spoil) in [
            ("papers/a/index.html", { (url: URL) in try FileManager.default.removeItem(at: url) }),
            ("papers/b/index.html", { (url: URL) in try Data("longer than it was".utf8).write(to: url) }),
            (
                "days/c/index.html",
                { (url: URL) in
                    try FileManager.default.removeItem(at: url)
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                }
            ),
        ] {
            let url = site.appendingPathComponent(path)
            let saved = try Data(contentsOf: url)
            try spoil(url)
            #expect(!OutputWriter.isIntact(site), "\(path)")
            let reopened = try OutputWriter(directory: site)
            #expect(!reopened.verify(), "\(path)")
            #expect(reopened.previous.paths.filter { reopened.previous[$0]?.hash == 0 } == [path])
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try saved.write(to: url)
            #expect(OutputWriter.isIntact(site), "\(path) put back")
        }
    }

    @Test(
        "files are checked from their first folder: that folder gone, every file in it is unknown; a link to a copy of it is followed"
    )
    func intactnessByFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        let files = ["index.html", "papers/a/index.html", "days/c/index.html", "papers/b/index.html", "days/d.xml"]
        try build(files, into: site)
        let days = site.appendingPathComponent("days")
        let moved = folder.url.appendingPathComponent("days-elsewhere")
        try FileManager.default.moveItem(at: days, to: moved)
        #expect(!OutputWriter.isIntact(site))
        let reopened = try OutputWriter(directory: site)
        #expect(!reopened.verify())
        let unknown = reopened.previous.paths.filter { reopened.previous[$0]?.hash == 0 }
        #expect(unknown == ["days/c/index.html", "days/d.xml"])

        try FileManager.default.createSymbolicLink(at: days, withDestinationURL: moved)
        #expect(OutputWriter.isIntact(site))
        #expect(try OutputWriter(directory: site).verify())
    }

    @Test("a manifest of an earlier build, sorted by path, still names the build's files, so a CNAME beside them stays")
    func sortedManifest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        _ = try folder.write("site/a/index.html", "A")
        _ = try folder.write("site/b.xml", "B")
        _ = try folder.write("site/CNAME", "example.org")
        let lines = [manifestLine("a/index.html", holding: "A"), manifestLine("b.xml", holding: "B")]
        _ = try folder.write(
            "site/.paperdigest", "PaperDigest output manifest 3\n" + lines.joined(separator: "\n") + "\n")
        let writer = try OutputWriter(directory: site)
        #expect(writer.previous.paths == ["a/index.html", "b.xml"])
        #expect(try writer.finish(files: ["a/index.html": writer.previous["a/index.html"] ?? record(0)]) == ["b.xml"])
        #expect(allFiles(in: site).sorted() == [".paperdigest", "CNAME", "a/index.html"])
    }

    @Test("malformed manifest lines (a size too long for a number, a short hash, no space) are skipped, never trusted")
    func malformedLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        _ = try folder.write("site/a/index.html", "A")
        let good = manifestLine("a/index.html", holding: "A")
        let lines = [
            good, String(repeating: "f", count: 16) + " 1234567890123456789012345 big.html",
            "abc 1 short.html", String(repeating: "0", count: 16) + "1nospace.html",
        ]
        _ = try folder.write("site/.paperdigest", "PaperDigest output manifest 3\n" + lines.joined(separator: "\n"))
        #expect(!OutputWriter.isIntact(site))
        guard case .current(let records, let finished) = OutputWriter.readManifest(site) else {
            Issue.record("the manifest was not read as this version's")
            return
        }
        #expect(records.paths == ["a/index.html"])
        #expect(!finished)
    }
}

@Suite("CacheWriter: cache files written a mebibyte at a time")
struct CacheWriterTests {
    /// Strings and numbers enough for several mebibytes, each item different.
    func encode(_ writer: inout CacheWriter) {
        for number in 0..<60_000 {
            writer.add(number)
            writer.add("paper \(number): " + String(repeating: "x", count: number % 97))
        }
        writer.add(bytes: ArraySlice(repeating: 7, count: 3 << 20))
        writer.addChecksum()
    }

    @Test("a file written piece by piece holds the bytes and checksum an in-memory writer makes, and reads back")
    func streamedFileEqualsMemory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var memory = CacheWriter()
        encode(&memory)
        let file = folder.url.appendingPathComponent("cache.bin")
        try CacheWriter.save(to: file) { encode(&$0) }
        let written = try #require(FileBytes.read(file.path))
        #expect(written.count > 4 << 20, "spans several mebibytes")
        #expect(Array(written) == memory.bytes)
        var reader = try CacheReader(checksummed: written)
        #expect(reader.checksumHolds)
        #expect(try reader.int() == 0)
        #expect(try reader.string() == "paper 0: ")
        #expect(!FileManager.default.fileExists(atPath: file.path + ".new"), "no temporary file left")
    }

    @Test("a file that cannot be written throws and leaves the old one as it was")
    func failureKeepsOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("no/such/folder/cache.bin")
        #expect(throws: (any Error).self) { try CacheWriter.save(to: missing) { encode(&$0) } }
        let file = try folder.write("cache.bin", "old")
        try FileManager.default.createDirectory(
            atPath: file.path + ".new", withIntermediateDirectories: true)  // in the way of the temporary file
        #expect(throws: (any Error).self) { try CacheWriter.save(to: file) { encode(&$0) } }
        #expect(try folder.read("cache.bin") == "old")
    }

    /// What a build cache does when `texts.bin`, saved beside it, could not be.
    struct Stopped: Error {}

    @Test("an encoding that stops with an error, past the first mebibyte, leaves the old file and no temporary one")
    func stoppedEncodingKeepsOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("cache.bin", "old")
        #expect(throws: Stopped.self) {
            try CacheWriter.save(to: file) { writer in
                encode(&writer)
                throw Stopped()
            }
        }
        #expect(try folder.read("cache.bin") == "old")
        #expect(!FileManager.default.fileExists(atPath: file.path + ".new"), "no temporary file left")
    }
}

@Suite("StoredList: lists of strings the build cache keeps encoded until asked for")
struct StoredListTests {
    func roundTrip(_ list: StoredList) throws -> StoredList {
        var writer = CacheWriter()
        list.encode(into: &writer)
        var reader = CacheReader(writer.bytes)
        let read = try StoredList.decode(from: &reader)
        #expect(reader.isAtEnd)
        return read
    }

    @Test("a list written and read back gives its strings, also written again from its encoded form")
    func roundTrips() throws {
        let strings = ["slug-base", "", "machine-learning", "ünïcode ∑"]
        let once = try roundTrip(.decoded(strings))
        #expect(once.strings == strings)
        #expect(try roundTrip(once).strings == strings)
        #expect(try roundTrip(.decoded([])).strings == [])
    }

    @Test("damaged bytes give no strings (the list is made again), never a wrong list")
    func damaged() {
        var writer = CacheWriter()
        writer.add(3)
        writer.add("only one")
        #expect(StoredList.encoded(Bytes(writer.bytes)).strings == nil)
        #expect(StoredList.encoded(Bytes([1, 2, 3] as [UInt8])).strings == nil)
        var trailing = CacheWriter()
        trailing.add(1)
        trailing.add("one")
        trailing.add(7)
        #expect(StoredList.encoded(Bytes(trailing.bytes)).strings == nil)
    }
}
