import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `texts.bin`, the build cache's rendered titles and abstracts, read so that a build
/// loads only what it needs: the titles and abstracts of the pages it renders, not the
/// archive's whole text.
///
/// The file is a run of segments, one appended per build that made new texts (rewritten
/// whole when much of it is stale). A segment is a header (magic, binary, the lengths of
/// the two parts), the bodies (each text's strings), the index (each text's key,
/// fingerprint and warnings, with its body when very short, or where its body is and a
/// checksum of it), then a checksum of the index. A body is checked when read; a
/// damaged one gives an empty text and marks the store damaged, and the build is then
/// made again without the cache.
///
/// A build writes the long texts it makes to a new store as it makes them (`create`,
/// `append`, a megabyte at a time), so that ten years of abstracts are never all in
/// memory; when the cache is saved that store becomes the whole new `texts.bin` (`seal`),
/// or its new texts are appended to the old one.
final class TextStore: TextShelf {
    typealias Location = TextLocation

    /// Starts every segment ("PDTEXTS2").
    static let magic: UInt64 = 0x3253_5458_4554_4450
    static let headerSize = 32
    /// Bodies this short are kept in the index, read with it. Titles are longer: kept in
    /// memory, ten years of them weigh 60 MB, and are seldom needed (slug bases and topics
    /// are remembered by the cache).
    static let inlineLimit = 64

    private let descriptor: Int32
    private let damage = Atomic<Bool>(false)
    /// Bodies appended and not yet written, in a store being written: they go to the file
    /// a megabyte at a time, not one system call per text.
    private let pending = Mutex(Pending())
    /// The file of a store being written (nil for one only read).
    let file: URL?

    private init(descriptor: Int32, file: URL? = nil) {
        self.descriptor = descriptor
        self.file = file
    }

    /// A new store at `file` (replacing any file there) for the texts a build makes; nil
    /// when it cannot be made, and the texts then stay in memory.
    static func create(at file: URL) -> TextStore? {
        let descriptor = OwnFile.create(file.path, readable: true)
        guard descriptor >= 0 else { return nil }
        let store = TextStore(descriptor: descriptor, file: file)
        // The header is written when the store is sealed.
        guard store.write([UInt8](repeating: 0, count: headerSize)[...], at: 0) else { return nil }
        store.pending.withLock { $0 = Pending(start: headerSize) }
        return store
    }

    /// Bodies appended since the last write to the file, which start at `start`.
    private struct Pending {
        var start = 0
        var bytes: [UInt8] = []
        /// A write failed: the bodies stay here, and are read from here.
        var failed = false
        /// Where the next body goes.
        var end: Int { start + bytes.count }
    }

    /// Bodies pending above this many bytes are written.
    private static let writeBehind = 1 << 20

    /// Adds a body. It is written to the file with the bodies around it, and read from
    /// memory until then; once a write fails, bodies stay in memory.
    func append(_ body: ArraySlice<UInt8>) -> Location {
        let checksum = body.withUnsafeBytes(StreamChecksum.of)
        let offset = pending.withLock { pending in
            let offset = pending.end
            pending.bytes.append(contentsOf: body)
            if pending.bytes.count >= Self.writeBehind { flush(&pending) }
            return offset
        }
        return Location(offset: offset, length: body.count, checksum: checksum)
    }

    /// Writes the bodies appended so far to the file.
    func flush() {
        _ = pending.withLock { flush(&$0) }
    }

    /// Writes the pending bodies; false when that failed (now or before).
    @discardableResult
    private func flush(_ pending: inout Pending) -> Bool {
        guard !pending.failed else { return false }
        guard pending.bytes.isEmpty || write(pending.bytes[...], at: pending.start) else {
            pending.failed = true
            return false
        }
        pending.start = pending.end
        pending.bytes.removeAll(keepingCapacity: true)
        return true
    }

    /// Ends a store being written as a whole `texts.bin` of one segment: the index of the
    /// texts `entry` gives for `keys` (text, and where its body is stored), bodies not yet
    /// here added first (`moved` learns where each went), then the header. Returns the
    /// file's size and how many texts it holds.
    func seal(
        _ keys: [UInt64], entry: (UInt64) -> (text: BuildCache.Text, body: ArraySlice<UInt8>?, here: Location?)?,
        moved: (UInt64, Location) -> Void
    ) throws -> (size: Int, count: Int) {
        var index = Self.indexWriter(for: keys.count)
        var count = 0
        for key in keys {
            guard let entry = entry(key) else { continue }
            var location = entry.here
            let body = entry.body ?? []
            if location == nil && body.count > Self.inlineLimit {
                let added = append(body)
                location = added
                moved(key, added)
            }
            count += 1
            Self.addIndexEntry(key, entry.text, inline: location == nil ? body : nil, at: location, to: &index)
        }
        index.set(count, at: 0)
        index.addChecksum()
        guard let bodiesEnd = pending.withLock({ flush(&$0) ? $0.end : nil }) else { throw Self.writeError(file) }
        var header = CacheWriter()
        header.add(Self.magic)
        header.add(BinaryVersion.current)
        header.add(bodiesEnd - Self.headerSize)
        header.add(index.bytes.count)
        guard write(index.bytes[...], at: bodiesEnd), write(header.bytes[...], at: 0), fsync(descriptor) == 0 else {
            throw Self.writeError(file)
        }
        return (bodiesEnd + index.bytes.count, count)
    }

    private static func writeError(_ file: URL?) -> CocoaError {
        OwnFile.error(file?.path ?? BuildCache.newTextsName)
    }

    /// Whether the file at `path` is still this store's: another process's build may have
    /// removed it, and made a file of its own there, while this one held it open.
    func isFile(at path: String) -> Bool {
        var held = stat()
        var there = stat()
        return fstat(descriptor, &held) == 0 && lstat(path, &there) == 0 && held.st_dev == there.st_dev
            && held.st_ino == there.st_ino
    }

    private func write(_ bytes: ArraySlice<UInt8>, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset + done))
            }
            guard wrote > 0 else { return false }
            done += wrote
        }
        return true
    }

    /// A writer for the index of `count` texts, its count to be filled in at the end. Room
    /// for the largest index is reserved at once: memory reserved but not written is not
    /// resident, and an index grown by doubling (tens of megabytes at ten years) would hold
    /// two copies while it moves.
    private static func indexWriter(for count: Int) -> CacheWriter {
        var index = CacheWriter()
        index.reserve(8 + count * (inlineLimit + 64))
        index.add(0)
        return index
    }

    /// One text of a segment's index: its body inline, or where it is (`location`'s
    /// offset counted from the segment's bodies).
    private static func addIndexEntry(
        _ key: UInt64, _ text: BuildCache.Text, inline: ArraySlice<UInt8>?, at location: Location?,
        bodiesStart: Int = headerSize, to index: inout CacheWriter
    ) {
        index.add(key)
        index.add(text.text.fingerprint)
        index.add(text.diagnostics.count)
        for diagnostic in text.diagnostics { index.add(diagnostic) }
        if let location {
            index.add(0)
            index.add(location.offset - bodiesStart)
            index.add(location.length)
            index.add(location.checksum)
        } else {
            let body = inline ?? []
            index.add(1)
            index.add(body.count)
            index.add(bytes: body)
        }
    }

    deinit { close(descriptor) }

    /// A body could not be read back as written: texts of this build may be wrong.
    var isDamaged: Bool { damage.load(ordering: .relaxed) }

    /// Reads the index of every segment of the file at `path` into `texts` (those whose
    /// body stays in the file are kept on this store); nil when there is no file. Filled in
    /// place: ten years hold half a million entries, and a table copied or mapped once
    /// more costs a tenth of a second.
    static func open(
        _ path: String, texts: inout MemoTable<BuildCache.Text>
    ) throws(CacheReader.Corrupt) -> (store: TextStore, count: Int, size: Int)? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let store = TextStore(descriptor: descriptor)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .damaged }
        let size = Int(info.st_size)
        var count = 0
        var offset = 0
        while offset < size {
            guard let headerBytes = store.read(at: offset, count: headerSize) else { throw .damaged }
            var header = CacheReader(headerBytes)
            guard try header.uint64() == magic else { throw .damaged }
            guard try header.uint64() == BinaryVersion.current else { throw .stale }
            let bodies = try header.int()
            let indexLength = try header.int()
            let bodiesStart = offset + headerSize
            let indexStart = bodiesStart + bodies
            guard bodies >= 0, indexLength >= 8, indexStart + indexLength <= size,
                let index = store.read(at: indexStart, count: indexLength)
            else { throw .damaged }
            var reader = try CacheReader(checksummed: index)
            guard reader.checksumHolds else { throw .damaged }
            let entries = try reader.count(itemSize: 32)
            texts.reserveCapacity(texts.count + entries)
            for _ in 0..<entries {
                let key = try reader.uint64()
                let fingerprint = try reader.uint64()
                var diagnostics: [Diagnostic] = []
                for _ in 0..<(try reader.count(itemSize: 40)) { diagnostics.append(try reader.diagnostic()) }
                if try reader.int() == 1 {
                    let parts = try decodeBody(try reader.bytes(try reader.count()))
                    texts.set(
                        BuildCache.Text(
                            text: PaperText(
                                html: parts.html, plainText: parts.plainText, links: parts.links,
                                fingerprint: fingerprint), diagnostics: diagnostics), for: key)
                } else {
                    let location = Location(
                        offset: bodiesStart + (try reader.int()), length: try reader.int(),
                        checksum: try reader.uint64())
                    guard location.offset >= bodiesStart, location.length >= 0,
                        location.offset + location.length <= indexStart
                    else { throw .damaged }
                    let text = PaperText(fingerprint: fingerprint, keptOn: store, at: location)
                    texts.set(BuildCache.Text(text: text, diagnostics: diagnostics), for: key)
                }
                count += 1
            }
            guard reader.isAtEnd else { throw .damaged }
            offset = indexStart + indexLength
        }
        return (store, count, size)
    }

    /// The body at `location`, checked; nil (and the store marked damaged) when it is not
    /// what was written.
    func body(at location: Location) -> ArraySlice<UInt8>? {
        checkedBody(at: location).map { Array($0)[...] }
    }

    private func checkedBody(at location: Location) -> Bytes? {
        guard let bytes = read(at: location.offset, count: location.length),
            StreamChecksum.of(bytes) == location.checksum
        else {
            damage.store(true, ordering: .relaxed)
            return nil
        }
        return bytes
    }

    /// The strings of the body at `location`; empty (and the store marked damaged) when
    /// it is not what was written. The last texts read are kept: a page asks for a text's
    /// HTML, plain form and links one after another, a paper page for the titles of its
    /// related papers (mostly listed within weeks of it), and a month's day and topic pages
    /// for the same abstracts.
    func parts(at location: Location) -> PaperText.Parts {
        let recent = location.length < Self.shortBody ? recentShort : recentLong
        let slot = (location.offset >> 4) % recent.slots
        if let hit = recent.texts.withLock({ $0.offsets[slot] == location.offset ? $0.parts[slot] : nil }) {
            return hit
        }
        guard let bytes = checkedBody(at: location), let parts = try? Self.decodeBody(bytes) else {
            damage.store(true, ordering: .relaxed)
            return PaperText.Parts(html: "", plainText: "", links: [])
        }
        recent.texts.withLock {
            $0.offsets[slot] = location.offset
            $0.parts[slot] = parts
        }
        return parts
    }

    /// Bodies shorter than this (titles, mostly) are kept apart, four times as many: ten
    /// years of paper pages each show five related titles, and among 8,192 texts of both
    /// kinds a quarter of the titles read were read again (a read is a system call, a
    /// checksum and three strings made); these 32,768 weigh about 10 MB.
    private static let shortBody = 512
    private let recentShort = RecentTexts(slots: 32768)
    private let recentLong = RecentTexts(slots: 8192)

    /// Texts read lately, each in the slot its offset picks (offsets apart: a miss copies
    /// no strings).
    private final class RecentTexts: Sendable {
        let slots: Int
        let texts: Mutex<(offsets: [Int], parts: [PaperText.Parts?])>

        init(slots: Int) {
            self.slots = slots
            texts = Mutex(([Int](repeating: -1, count: slots), [PaperText.Parts?](repeating: nil, count: slots)))
        }
    }

    private func read(at offset: Int, count: Int) -> Bytes? {
        let held = pending.withLock { pending -> Bytes? in
            guard offset >= pending.start, offset + count <= pending.end else { return nil }
            // Copied: a slice would share the buffer, and the next append copy all of it.
            return Bytes(pending.bytes[(offset - pending.start)..<(offset - pending.start + count)])
        }
        return held ?? FileBytes.read(descriptor, at: offset, count: count)
    }

    // MARK: Writing

    /// A text's strings as a body. The plain text is left out (a 1 in its place) when it
    /// is what the HTML shows (`HTML.shownText`): nearly half the bytes of the store, to
    /// write and read back, for the abstracts without math or links.
    static func body(of text: PaperText) -> [UInt8] {
        var writer = CacheWriter()
        let parts = text.parts
        writer.add(parts.html)
        if HTML.shownText(parts.html) == parts.plainText {
            writer.add(1)
        } else {
            writer.add(0)
            writer.add(parts.plainText)
        }
        writer.add(parts.links.count)
        for link in parts.links { writer.add(link) }
        return writer.bytes
    }

    private static func decodeBody(_ bytes: Bytes) throws(CacheReader.Corrupt) -> PaperText.Parts {
        var reader = CacheReader(bytes)
        let html = try reader.string()
        let plainText = try reader.int() == 1 ? HTML.shownText(html) : try reader.string()
        var links: [String] = []
        for _ in 0..<(try reader.count(itemSize: 8)) { links.append(try reader.string()) }
        guard reader.isAtEnd else { throw .damaged }
        return PaperText.Parts(html: html, plainText: plainText, links: links)
    }

    /// Appends a segment to `file` holding the texts `body` gives for `keys` (key, text,
    /// body; nil to leave one out), made and written a mebibyte at a time: a large
    /// archive's texts are never all encoded at once. Returns the segment's size and how
    /// many texts it holds.
    static func appendSegment(
        _ keys: [UInt64], to file: URL, body: (UInt64) -> (text: BuildCache.Text, body: ArraySlice<UInt8>)?
    ) throws -> (size: Int, count: Int) {
        let descriptor = OwnFile.existing(file.path)
        guard descriptor >= 0 else { throw OwnFile.error(file.path) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        let start = try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0, count: headerSize))  // filled in at the end
        var index = indexWriter(for: keys.count)
        var count = 0
        var chunk: [UInt8] = []
        var bodies = 0
        for key in keys {
            guard let entry = body(key) else { continue }
            count += 1
            if entry.body.count <= inlineLimit {
                addIndexEntry(key, entry.text, inline: entry.body, at: nil, to: &index)
            } else {
                let location = Location(
                    offset: bodies, length: entry.body.count, checksum: entry.body.withUnsafeBytes(StreamChecksum.of))
                addIndexEntry(key, entry.text, inline: nil, at: location, bodiesStart: 0, to: &index)
                chunk += entry.body
                bodies += entry.body.count
                if chunk.count >= StreamChecksum.window {
                    try handle.write(contentsOf: Data(chunk))
                    chunk = []
                }
            }
        }
        try handle.write(contentsOf: Data(chunk))
        index.set(count, at: 0)
        index.addChecksum()
        try handle.write(contentsOf: Data(index.bytes))
        var header = CacheWriter()
        header.add(magic)
        header.add(BinaryVersion.current)
        header.add(bodies)
        header.add(index.bytes.count)
        try handle.seek(toOffset: start)
        try handle.write(contentsOf: Data(header.bytes))
        return (headerSize + bodies + index.bytes.count, count)
    }
}
