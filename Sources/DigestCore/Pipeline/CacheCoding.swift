import Foundation

/// Appends values to the build cache's binary form: little-endian integers and
/// length-prefixed UTF-8. Small and fast; the cache is private to one binary version.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []
    /// The file `bytes` go to a mebibyte at a time, when writing one (see `save(to:_:)`).
    private var sink: FileSink?
    private var streamed = StreamChecksum()

    init() {}

    /// Encodes straight into `file`, replacing it whole: ten years of cache are not held in
    /// memory a second time while they are saved.
    /// An `encode` that throws leaves the old file as it was.
    static func save(to file: URL, _ encode: (inout CacheWriter) throws -> Void) throws {
        var writer = CacheWriter()
        writer.sink = try FileSink(replacing: file.path)
        try encode(&writer)
        writer.flush()
        try writer.sink?.commit()
    }

    /// Writes out what is buffered when writing a file and a mebibyte has gathered.
    private mutating func spillIfLarge() {
        if sink != nil && bytes.count >= FileSink.pieceSize { flush() }
    }

    private mutating func flush(checksummed: Bool = true) {
        guard sink != nil, !bytes.isEmpty else { return }
        if checksummed { streamed.add(bytes) }
        bytes.withUnsafeBytes { sink?.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        spillIfLarge()
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { utf8 in
            add(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        spillIfLarge()
    }

    mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.severity == .error ? 1 : 0)
        add(diagnostic.message)
        add(diagnostic.location?.path ?? "")
        add(diagnostic.location?.line ?? 0)
        add(diagnostic.location?.column ?? 0)
    }

    /// Overwrites the eight bytes at `offset` (a count written before it was known); only
    /// for a writer that keeps its bytes in memory.
    mutating func set(_ value: Int, at offset: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { word in
            bytes.replaceSubrange(offset..<offset + 8, with: word)
        }
    }

    /// Ends what was written with a checksum of it, which `CacheReader(checksummed:)` checks.
    mutating func addChecksum() {
        guard sink != nil else { return add(bytes.withUnsafeBytes(StreamChecksum.of)) }
        flush()
        var checksum = streamed
        withUnsafeBytes(of: checksum.finish().littleEndian) { bytes.append(contentsOf: $0) }
        flush(checksummed: false)
    }

    mutating func add(bytes more: ArraySlice<UInt8>) {
        bytes.append(contentsOf: more)
        spillIfLarge()
    }

    mutating func add(bytes more: Bytes) {
        more.withUnsafeBytes { bytes.append(contentsOf: $0) }
        spillIfLarge()
    }

    /// Values copied whole, in the machine's byte order (little-endian on every platform
    /// Swift builds this for; a cache is private to one binary).
    mutating func add(contentsOf values: [UInt64]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        spillIfLarge()
    }

    mutating func add(_ values: [Int]) {
        add(values.count)
        for value in values { add(value) }
    }
}

/// Reads what `CacheWriter` wrote; any inconsistency throws, and the cache is then ignored.
struct CacheReader {
    enum Corrupt: Error {
        /// Not what `CacheWriter` wrote: truncated or overwritten.
        case damaged
        /// Written by another build of the program.
        case stale
    }

    /// A slice, so a part of a larger buffer (a mapped file) is read without copying it.
    private let data: Bytes
    private var offset = 0

    init(_ data: [UInt8]) { self.data = Bytes(data) }

    init(_ data: Bytes) { self.data = data }

    /// Reads what `CacheWriter` wrote and ended with `addChecksum()`; `checksumHolds` says
    /// whether the bytes are whole. Callers check it after their magic and version, so a
    /// file of another binary counts as stale, not damaged.
    init(checksummed data: Bytes) throws(Corrupt) {
        guard data.count >= 8 else { throw .damaged }
        let body = data.prefix(data.count - 8)
        var tail = CacheReader(data.suffix(8))
        checksumHolds = try tail.uint64() == StreamChecksum.of(body)
        self.data = body
    }

    /// The checksum read by `init(checksummed:)` matched (true for other readers).
    private(set) var checksumHolds = true

    var isAtEnd: Bool { offset == data.count }

    mutating func uint64() throws(Corrupt) -> UInt64 {
        guard offset + 8 <= data.count else { throw Corrupt.damaged }
        let value = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws(Corrupt) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count of items to read: refused when larger than what the remaining bytes can hold.
    mutating func count(itemSize: Int = 1) throws(Corrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= (data.count - offset) / max(1, itemSize) else { throw Corrupt.damaged }
        return count
    }

    mutating func bytes(_ count: Int) throws(Corrupt) -> Bytes {
        guard count >= 0, offset + count <= data.count else { throw Corrupt.damaged }
        defer { offset += count }
        let start = data.startIndex + offset
        return data[start..<start + count]
    }

    mutating func string() throws(Corrupt) -> String {
        String(decoding: try bytes(try count()), as: UTF8.self)
    }

    mutating func diagnostic() throws(Corrupt) -> Diagnostic {
        let severity: Diagnostic.Severity = try int() == 1 ? .error : .warning
        let message = try string()
        let path = try string()
        let line = try int()
        let column = try int()
        return Diagnostic(
            severity, message, at: path.isEmpty ? nil : SourceLocation(path: path, line: line, column: column))
    }

    /// `count` values written by `add(contentsOf:)`, copied whole.
    mutating func uint64s(_ count: Int) throws(Corrupt) -> [UInt64] {
        let slice = try bytes(count * 8)
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            slice.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }

    mutating func ints() throws(Corrupt) -> [Int] {
        let count = try count(itemSize: 8)
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int()) }
        return values
    }
}
