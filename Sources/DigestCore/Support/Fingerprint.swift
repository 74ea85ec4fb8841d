import Foundation

/// A 64-bit hash of values, stable across runs and machines (unlike `Hasher`, which is
/// seeded per process): what incremental builds compare to skip work and writes.
///
/// Bytes are mixed eight at a time (multiply, xor-shift), fast enough to hash every page a
/// build makes; it guards against accidental change, not against an adversary.
public struct Fingerprint: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    public static func of(_ text: String) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        return fingerprint.value
    }

    /// The fingerprint of UTF-8 bytes: the same as of the string they spell.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes: UnsafeRawBufferPointer(bytes))
        return fingerprint.value
    }

    public static func of(_ data: Data) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        return fingerprint.value
    }

    /// The fingerprint of a written file's bytes (what the output manifest records): four
    /// lanes of eight bytes mixed side by side, then folded together with the rest. One
    /// lane waits on each multiply, and a clean year hashes 400 MB of pages.
    static func ofContents(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { bytes in
            var lanes = (Fingerprint(), Fingerprint(), Fingerprint(), Fingerprint())
            lanes.1.mix(1)
            lanes.2.mix(2)
            lanes.3.mix(3)
            var index = 0
            while index + 32 <= bytes.count {
                lanes.0.mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes.1.mix(bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                lanes.2.mix(bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
                lanes.3.mix(bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                index += 32
            }
            var folded = Fingerprint()
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { folded.mix(lane.value) }
            folded.add(bytes: UnsafeRawBufferPointer(rebasing: bytes[index...]))
            folded.add(bytes.count)
            return folded.value
        }
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* Self.prime
        value ^= value >> 31
    }

    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        // The last bytes as one little-endian word. Most of what is fingerprinted is words,
        // shorter than eight bytes and of every length: the tail is read in whole loads
        // that overlap and shifts (a shift of 64 gives 0), not with a branch per size.
        let rest = UInt64(count - index)
        var tail: UInt64 = 0
        if count >= 8 {
            let last = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            tail = last >> ((8 - rest) * 8)
        } else if count >= 4 {
            let low = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            tail = UInt64(low) | (UInt64(high) >> ((8 - rest) * 8)) << 32
        } else if count > 0 {
            // One to three bytes: the first, the middle one and the last cover them.
            let middle: UInt64 = count >= 2 ? UInt64(bytes[count >> 1]) << 8 : 0
            let last: UInt64 = count == 3 ? UInt64(bytes[2]) << 16 : 0
            tail = UInt64(bytes[0]) | middle | last
        }
        mix(tail ^ (UInt64(count) << 56))
    }

    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(bytes: $0) }
    }

    public mutating func add(_ text: String) {
        text.withUTF8Bytes { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ number: UInt64) {
        mix(number)
    }

    public mutating func add(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    public mutating func add(_ flag: Bool) {
        mix(flag ? 0x5bd1e995 : 0x27d4eb2f)
    }

    /// Plain values: strings, numbers, booleans, arrays and dictionaries (keys in sorted
    /// order, so the hash does not depend on dictionary order).
    public mutating func add(value: Any) {
        switch value {
        case let text as String:
            mix(1)
            add(text)
        case let number as Int:
            mix(2)
            add(number)
        case let flag as Bool:
            mix(3)
            add(flag)
        case let dictionary as [String: Any]:
            mix(4)
            for key in dictionary.keys.sorted() {
                add(key)
                if let item = dictionary[key] { add(value: item) }
            }
        case let array as [Any]:
            mix(5)
            add(array.count)
            for item in array { add(value: item) }
        default:
            mix(6)
            add(String(describing: value))
        }
    }
}
