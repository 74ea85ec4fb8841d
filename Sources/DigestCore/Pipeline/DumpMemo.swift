import Foundation

/// What parsing each dump gave in the last build, so a rebuild neither reads nor parses a
/// dump that did not change (same path, size, modification time and inode): its day comes
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
        var parse: ArraySlice<UInt8>
    }

    /// By path as diagnostics name it (the path locations hold).
    private(set) var entries: [String: Entry] = [:]
    /// Each dump's file as this build's scan saw it, by path as shown.
    private var seen: [String: InputState.Entry] = [:]
    /// Changed since it was loaded.
    private var dirty = false

    static let fileName = "dumps.bin"
    static let magic = "PaperDigest dump memo 2"

    /// The fingerprint of each remembered dump's bytes, by path as shown.
    var digests: [String: UInt64] { entries.mapValues(\.digest) }

    /// Whether the dump shown as `path` is still the file its entry was made from, as
    /// `file` (from the scan at the start of this build, before any reading) describes it.
    /// Notes `file` for `remember`.
    mutating func isCurrent(_ path: String, file: InputState.Entry?) -> Bool {
        seen[path] = file
        guard let entry = entries[path], let file else { return false }
        return entry.file == file
    }

    /// What parsing the dump shown as `path` gave, when it was parsed with `year` as the
    /// default year; nil also when its record is damaged (the dump is then read again).
    func result(_ path: String, year: Int?) -> DumpParseResult? {
        guard let entry = entries[path], entry.year == year else { return nil }
        var reader = CacheReader(entry.parse)
        do {
            let result = try Self.decode(path: path, from: &reader)
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
        entries[path] = Entry(file: file, year: year, digest: digest, parse: writer.bytes[...])
        dirty = true
    }

    /// Notes that the dump shown as `path`, read again, had the bytes its entry was made
    /// from: the entry now describes the file as this build's scan saw it.
    mutating func refresh(_ path: String) {
        guard let file = seen[path], entries[path] != nil else { return }
        entries[path]?.file = file
        dirty = true
    }

    /// Keeps only the dumps at `paths` (the others were deleted or renamed).
    mutating func keep(only paths: Set<String>) {
        let before = entries.count
        entries = entries.filter { paths.contains($0.key) }
        if entries.count != before { dirty = true }
    }

    // MARK: Binary form

    /// The memo in `folder`, or an empty one when it is missing, damaged or not this binary's.
    static func load(from folder: URL) -> DumpMemo {
        guard let data = FileBytes.read(folder.appendingPathComponent(fileName).path) else {
            return DumpMemo()
        }
        do {
            var reader = try CacheReader(checksummed: data[...])
            guard try reader.string() == magic, try reader.uint64() == BinaryVersion.current, reader.checksumHolds
            else { return DumpMemo() }
            var memo = DumpMemo()
            for _ in 0..<(try reader.count(itemSize: 64)) {
                let path = try reader.string()
                memo.entries[path] = try decodeEntry(from: &reader)
            }
            return reader.isAtEnd ? memo : DumpMemo()
        } catch {
            return DumpMemo()
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
            for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
                writer.add(path)
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
