import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `texts.bin`, the build cache's rendered titles and abstracts, read so that a build
/// loads only what it needs: every title (slugs are made from them) and the abstracts of
/// the pages it renders, not the archive's whole text.
///
/// The file is a run of segments, one appended per build that made new texts (rewritten
/// whole when much of it is stale). A segment is a header (magic, binary, the lengths of
/// the two parts), the bodies (each text's strings), the index (each text's key,
/// fingerprint and warnings, with its body when short, as titles are, or where its body
/// is and a checksum of it), then a checksum of the index. A body is checked when read; a
/// damaged one gives an empty text and marks the store damaged, and the build is then
/// made again without the cache.
final class TextStore: Sendable {
    /// Where a text's body is in the file, and its checksum.
    struct Location: Sendable {
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    /// One text of the index: the text (its strings deferred when they are elsewhere in
    /// the file) and where its body is in that case.
    struct Entry {
        var text: BuildCache.Text
        var location: Location?
    }

    /// Starts every segment ("PDTEXTS2").
    static let magic: UInt64 = 0x3253_5458_4554_4450
    static let headerSize = 32
    /// Bodies this short are kept in the index, read with it.
    static let inlineLimit = 768

    private let descriptor: Int32
    private let damage = Atomic<Bool>(false)

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// A body could not be read back as written: texts of this build may be wrong.
    var isDamaged: Bool { damage.load(ordering: .relaxed) }

    /// The index of every segment of the file at `path`, or nil when there is no file.
    static func open(_ path: String) throws(CacheReader.Corrupt) -> (
        store: TextStore, entries: [UInt64: Entry], count: Int, size: Int
    )? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let store = TextStore(descriptor: descriptor)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .damaged }
        let size = Int(info.st_size)
        var entries: [UInt64: Entry] = [:]
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
            let indexBody = index.prefix(indexLength - 8)
            var trailer = CacheReader(index.suffix(8))
            guard try trailer.uint64() == StreamChecksum.of(indexBody) else { throw .damaged }
            var reader = CacheReader(indexBody)
            for _ in 0..<(try reader.count(itemSize: 32)) {
                let key = try reader.uint64()
                let fingerprint = try reader.uint64()
                var diagnostics: [Diagnostic] = []
                for _ in 0..<(try reader.count(itemSize: 40)) { diagnostics.append(try reader.diagnostic()) }
                if try reader.int() == 1 {
                    let parts = try decodeBody(try reader.bytes(try reader.count()))
                    entries[key] = Entry(
                        text: BuildCache.Text(
                            text: PaperText(
                                html: parts.html, plainText: parts.plainText, links: parts.links,
                                fingerprint: fingerprint), diagnostics: diagnostics), location: nil)
                } else {
                    let location = Location(
                        offset: bodiesStart + (try reader.int()), length: try reader.int(),
                        checksum: try reader.uint64())
                    guard location.offset >= bodiesStart, location.length >= 0,
                        location.offset + location.length <= indexStart
                    else { throw .damaged }
                    let text = PaperText(fingerprint: fingerprint) { [store] in store.parts(at: location) }
                    entries[key] = Entry(
                        text: BuildCache.Text(text: text, diagnostics: diagnostics), location: location)
                }
                count += 1
            }
            guard reader.isAtEnd else { throw .damaged }
            offset = indexStart + indexLength
        }
        return (store, entries, count, size)
    }

    /// The body at `location`, checked; nil (and the store marked damaged) when it is not
    /// what was written.
    func body(at location: Location) -> ArraySlice<UInt8>? {
        guard let bytes = read(at: location.offset, count: location.length),
            StreamChecksum.of(bytes) == location.checksum
        else {
            damage.store(true, ordering: .relaxed)
            return nil
        }
        return bytes
    }

    private func parts(at location: Location) -> PaperText.Parts {
        guard let bytes = body(at: location), let parts = try? Self.decodeBody(bytes) else {
            damage.store(true, ordering: .relaxed)
            return PaperText.Parts(html: "", plainText: "", links: [])
        }
        return parts
    }

    private func read(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
            }
            guard got > 0 else { return nil }
            filled += got
        }
        return bytes[...]
    }

    // MARK: Writing

    /// A text's strings as a body.
    static func body(of text: PaperText) -> [UInt8] {
        var writer = CacheWriter()
        writer.add(text.html)
        writer.add(text.plainText)
        writer.add(text.links.count)
        for link in text.links { writer.add(link) }
        return writer.bytes
    }

    private static func decodeBody(_ bytes: ArraySlice<UInt8>) throws(CacheReader.Corrupt) -> PaperText.Parts {
        var reader = CacheReader(bytes)
        let html = try reader.string()
        let plainText = try reader.string()
        var links: [String] = []
        for _ in 0..<(try reader.count(itemSize: 8)) { links.append(try reader.string()) }
        guard reader.isAtEnd else { throw .damaged }
        return PaperText.Parts(html: html, plainText: plainText, links: links)
    }

    /// Appends a segment holding `entries` (key, text, body) to `file`, the bodies a
    /// mebibyte at a time; returns the segment's size.
    static func appendSegment(
        _ entries: [(key: UInt64, text: BuildCache.Text, body: ArraySlice<UInt8>)], to file: URL
    ) throws -> Int {
        guard let handle = FileHandle(forWritingAtPath: file.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        defer { try? handle.close() }
        let start = try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0, count: headerSize))  // filled in at the end
        var index = CacheWriter()
        index.add(entries.count)
        var chunk: [UInt8] = []
        var bodies = 0
        for entry in entries {
            index.add(entry.key)
            index.add(entry.text.text.fingerprint)
            index.add(entry.text.diagnostics.count)
            for diagnostic in entry.text.diagnostics { index.add(diagnostic) }
            if entry.body.count <= inlineLimit {
                index.add(1)
                index.add(entry.body.count)
                index.add(bytes: entry.body)
            } else {
                index.add(0)
                index.add(bodies)
                index.add(entry.body.count)
                index.add(StreamChecksum.of(entry.body))
                chunk += entry.body
                bodies += entry.body.count
                if chunk.count >= StreamChecksum.window {
                    try handle.write(contentsOf: Data(chunk))
                    chunk = []
                }
            }
        }
        try handle.write(contentsOf: Data(chunk))
        index.add(StreamChecksum.of(index.bytes[...]))
        try handle.write(contentsOf: Data(index.bytes))
        var header = CacheWriter()
        header.add(magic)
        header.add(BinaryVersion.current)
        header.add(bodies)
        header.add(index.bytes.count)
        try handle.seek(toOffset: start)
        try handle.write(contentsOf: Data(header.bytes))
        return headerSize + bodies + index.bytes.count
    }
}
