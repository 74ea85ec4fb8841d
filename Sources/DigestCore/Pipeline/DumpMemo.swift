import Foundation

/// What parsing each dump gave in the last build, so a rebuild neither reads nor parses a
/// dump that did not change (same path within the content folder, size, modification time
/// and inode, so a site folder moved elsewhere keeps its memo): its day comes
/// back with the abstracts' fingerprints instead of their text, as the build cache holds
/// those texts rendered under their fingerprints.
///
/// `dumps.bin` in the cache folder: titles, locations and fingerprints, a small fraction of
/// the dumps' size. It names the binary that wrote it and carries a checksum; anything else
/// gives an empty memo, and every dump is then read and parsed. Each parse is kept encoded
/// until it is asked for: ten years of them are decoded on every core by the build, and
/// saved again as they were read.
struct DumpMemo: Sendable {
    /// One dump as the last build saw it.
    struct Entry {
        /// The file's size, time and inode when the build began (before reading it).
        var file: InputState.Entry
        /// The parser's `defaultYear` (dates without a year depend on it).
        var year: Int?
        /// A fingerprint of the file's bytes, for the build stamp.
        var digest: UInt64
        /// The parse, abstracts by fingerprint only, encoded (see `encode(_:path:)`).
        var parse: Bytes
    }

    /// By path within the content folder (`key`).
    private var entries: [String: Entry] = [:]
    /// The content folder, as locations name its files (`sourcePath`).
    private let root: String
    /// Each dump's file as this build's scan saw it, by path as shown.
    private var seen: [String: InputState.Entry] = [:]
    /// Changed since it was loaded.
    private var dirty = false

    static let fileName = "dumps.bin"
    static let magic = "PaperDigest dump memo 3"

    /// An empty memo of the dumps in the content folder `root` (as `sourcePath` gives it).
    init(root: String) {
        self.root = root
    }

    /// What the entry of the dump at `path` (as locations name it) is found by: its path
    /// within the content folder.
    private func key(_ path: String) -> String {
        relativePath(path, within: root)
    }

    /// The path locations name the dump of the entry at `key` by.
    private func path(_ key: String) -> String {
        key.hasPrefix("/") ? key : root + "/" + key
    }

    /// The fingerprint of the bytes of the dump at `path`, when remembered.
    func digest(of path: String) -> UInt64? {
        entries[key(path)]?.digest
    }

    /// The fingerprint of each remembered dump's bytes, by path as locations name it.
    var digests: [String: UInt64] {
        Dictionary(entries.map { (path($0.key), $0.value.digest) }) { first, _ in first }
    }

    /// Whether the dump shown as `path` is still the file its entry was made from, as
    /// `file` (from the scan at the start of this build, before any reading) describes it.
    /// Notes `file` for `remember`.
    mutating func isCurrent(_ path: String, file: InputState.Entry?) -> Bool {
        seen[path] = file
        guard let entry = entries[key(path)], let file else { return false }
        // The same file, wherever the content folder is now (a move keeps times and inodes).
        return (entry.file.size, entry.file.seconds, entry.file.nanoseconds, entry.file.inode)
            == (file.size, file.seconds, file.nanoseconds, file.inode)
    }

    /// What parsing the dump shown as `path` gave, when it was parsed with `year` as the
    /// default year; nil also when its record is damaged (the dump is then read again).
    func result(_ path: String, year: Int?) -> DumpParseResult? {
        guard let entry = entries[key(path)], entry.year == year else { return nil }
        var reader = CacheReader(entry.parse)
        do {
            var result = try Self.decode(path: path, from: &reader)
            // Its warnings are all about the dump, which may have moved with the site.
            result.diagnostics.place(in: path)
            return reader.isAtEnd ? result : nil
        } catch {
            return nil
        }
    }

    /// Remembers the parse of the dump shown as `path`, whose bytes have fingerprint
    /// `digest`, keeping only fingerprints of its abstracts. The file's identity is the one
    /// `isCurrent` noted before it was read: should it change after that, the next build
    /// finds it changed and parses it again.
    mutating func remember(_ result: DumpParseResult, of path: String, digest: UInt64, year: Int?) {
        guard let file = seen[path] else { return }
        var light = result
        if var day = light.day {
            day.entries = day.entries.map(\.withoutText)
            light.day = day
        }
        var writer = CacheWriter()
        Self.encode(light, path: path, into: &writer)
        entries[key(path)] = Entry(file: file, year: year, digest: digest, parse: Bytes(writer.bytes))
        dirty = true
    }

    /// Notes that the dump shown as `path`, read again, had the bytes its entry was made
    /// from: the entry now describes the file as this build's scan saw it.
    mutating func refresh(_ path: String) {
        guard let file = seen[path], entries[key(path)] != nil else { return }
        entries[key(path)]?.file = file
        dirty = true
    }

    /// Keeps only the dumps at `paths` (the others were deleted or renamed).
    mutating func keep(only paths: Set<String>) {
        let before = entries.count
        let keys = Set(paths.map(key))
        entries = entries.filter { keys.contains($0.key) }
        if entries.count != before { dirty = true }
    }

    // MARK: Binary form

    /// The memo in `folder` of the dumps in the content folder `root`, or an empty one when
    /// it is missing, damaged or not this binary's.
    static func load(from folder: URL, root: String) -> DumpMemo {
        let empty = DumpMemo(root: root)
        guard let data = FileBytes.read(folder.appendingPathComponent(fileName).path) else { return empty }
        do {
            var reader = try CacheReader(checksummed: data)
            guard try reader.string() == magic, try reader.uint64() == BinaryVersion.current, reader.checksumHolds
            else { return empty }
            var memo = empty
            for _ in 0..<(try reader.count(itemSize: 64)) {
                let key = try reader.string()
                memo.entries[key] = try decodeEntry(from: &reader)
            }
            return reader.isAtEnd ? memo : empty
        } catch {
            return empty
        }
    }

    /// Saves the memo when it changed, replacing the file atomically.
    func save(to folder: URL) throws {
        guard dirty else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CacheWriter.save(to: folder.appendingPathComponent(Self.fileName)) { writer in
            writer.add(Self.magic)
            writer.add(BinaryVersion.current)
            writer.add(entries.count)
            for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
                writer.add(key)
                Self.encode(entry, into: &writer)
            }
            writer.addChecksum()
        }
    }

    /// A location in `path` as one number (line, column); another file's path, should a
    /// location ever name one, is written out after it.
    private static func add(_ location: SourceLocation, path: String, to writer: inout CacheWriter) {
        writer.add(
            UInt64(UInt32(truncatingIfNeeded: location.line)) << 32
                | UInt64(UInt32(truncatingIfNeeded: location.column)))
        writer.add(location.path == path ? "" : location.path)
    }

    private static func location(in path: String, from reader: inout CacheReader) throws(CacheReader.Corrupt)
        -> SourceLocation
    {
        let packed = try reader.uint64()
        let other = try reader.string()
        return SourceLocation(
            path: other.isEmpty ? path : other, line: Int(packed >> 32), column: Int(packed & 0xFFFF_FFFF))
    }

    private static func encode(_ entry: Entry, into writer: inout CacheWriter) {
        writer.add(entry.file.path)
        for number in [entry.file.size, entry.file.seconds, entry.file.nanoseconds] { writer.add(number) }
        writer.add(entry.file.inode)
        writer.add(entry.year.map { $0 + 1 } ?? 0)
        writer.add(entry.digest)
        writer.add(entry.parse.count)
        writer.add(bytes: entry.parse)
    }

    private static func decodeEntry(from reader: inout CacheReader) throws(CacheReader.Corrupt) -> Entry {
        let file = InputState.Entry(
            path: try reader.string(), size: try reader.int(), seconds: try reader.int(),
            nanoseconds: try reader.int(), inode: try reader.uint64())
        let year = try reader.int()
        let digest = try reader.uint64()
        let parse = try reader.bytes(try reader.count())
        return Entry(file: file, year: year == 0 ? nil : year - 1, digest: digest, parse: parse)
    }

    /// A parse of the dump at `path` (the path its locations mostly name).
    private static func encode(_ result: DumpParseResult, path: String, into writer: inout CacheWriter) {
        writer.add(result.diagnostics.count)
        for diagnostic in result.diagnostics { writer.add(diagnostic) }
        guard let day = result.day else { return writer.add(0) }
        writer.add(1)
        for number in [day.date.year, day.date.month, day.date.day] { writer.add(number) }
        writer.add(day.sources.count)
        for source in day.sources { writer.add(source) }
        writer.add(day.entries.count)
        for item in day.entries {
            writer.add(item.title)
            add(item.titleLocation, path: path, to: &writer)
            writer.add(item.abstractDigest)
            writer.add((item.hasAbstract ? 1 : 0) | (item.abstractLocation == nil ? 0 : 2))
            if let location = item.abstractLocation { add(location, path: path, to: &writer) }
        }
    }

    private static func decode(path: String, from reader: inout CacheReader) throws(CacheReader.Corrupt)
        -> DumpParseResult
    {
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count(itemSize: 40)) { diagnostics.append(try reader.diagnostic()) }
        var day: DumpDay?
        if try reader.int() == 1 {
            guard let date = DayDate(year: try reader.int(), month: try reader.int(), day: try reader.int()) else {
                throw .damaged
            }
            var sources: [String] = []
            for _ in 0..<(try reader.count(itemSize: 8)) { sources.append(try reader.string()) }
            var items: [DumpEntry] = []
            let count = try reader.count(itemSize: 40)
            items.reserveCapacity(count)
            for _ in 0..<count {
                let title = try reader.string()
                let titleLocation = try location(in: path, from: &reader)
                let abstractDigest = try reader.uint64()
                let flags = try reader.int()
                let abstractLocation = flags & 2 == 0 ? nil : try location(in: path, from: &reader)
                items.append(
                    DumpEntry(
                        title: title, abstractDigest: abstractDigest, hasAbstract: flags & 1 == 1,
                        titleLocation: titleLocation, abstractLocation: abstractLocation))
            }
            day = DumpDay(date: date, entries: items, sources: sources)
        }
        return DumpParseResult(day: day, diagnostics: diagnostics)
    }
}
