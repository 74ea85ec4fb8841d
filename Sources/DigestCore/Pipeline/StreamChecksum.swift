/// The build cache's checksum: a byte stream hashed a mebibyte window at a time, so that it
/// can be made while a large file is written piece by piece and checked on a slice when
/// read back.
struct StreamChecksum {
    static let window = 1 << 20
    private var combined = Fingerprint()
    private var pending: [UInt8] = []
    private var total = 0

    mutating func add(_ bytes: [UInt8]) {
        pending += bytes
        total += bytes.count
        var start = 0
        while pending.count - start >= Self.window {
            combined.add(
                pending.withUnsafeBytes {
                    Self.fingerprint(UnsafeRawBufferPointer(rebasing: $0[start..<start + Self.window]))
                })
            start += Self.window
        }
        pending.removeFirst(start)
    }

    mutating func finish() -> UInt64 {
        if !pending.isEmpty { combined.add(pending.withUnsafeBytes(Self.fingerprint)) }
        combined.add(total)
        return combined.value
    }

    /// The same checksum of bytes already in memory.
    static func of(_ bytes: Bytes) -> UInt64 {
        bytes.withUnsafeBytes(of)
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var combined = Fingerprint()
        var start = 0
        while start < bytes.count {
            let end = min(start + window, bytes.count)
            combined.add(fingerprint(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
            start = end
        }
        combined.add(bytes.count)
        return combined.value
    }

    private static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var print = Fingerprint()
        print.add(bytes: bytes)
        return print.value
    }
}
