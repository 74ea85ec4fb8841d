import Foundation

/// Appends values to the build cache's binary form: little-endian integers and
/// length-prefixed UTF-8. Small and fast; the cache is private to one binary version.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.severity == .error ? 1 : 0)
        add(diagnostic.message)
        add(diagnostic.location?.path ?? "")
        add(diagnostic.location?.line ?? 0)
        add(diagnostic.location?.column ?? 0)
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

    private let data: [UInt8]
    private var offset = 0

    init(_ data: [UInt8]) { self.data = data }

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

    mutating func bytes(_ count: Int) throws(Corrupt) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= data.count else { throw Corrupt.damaged }
        defer { offset += count }
        return data[offset..<offset + count]
    }

    mutating func string() throws(Corrupt) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: data[offset..<offset + length], as: UTF8.self)
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

    mutating func ints() throws(Corrupt) -> [Int] {
        let count = try count(itemSize: 8)
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int()) }
        return values
    }
}
