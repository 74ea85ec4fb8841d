/// A 64-bit FNV-1a hash of values, stable across runs (unlike `Hasher`, which is seeded per
/// process): what incremental rebuilds compare to skip work.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    static func of(_ text: String) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        return fingerprint.value
    }

    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
        add(byte: 0xFF)  // a separator no UTF-8 text contains
    }

    mutating func add(_ number: UInt64) {
        var number = number
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: number))
            number >>= 8
        }
    }

    /// Any value a template context holds: strings, numbers, booleans, arrays and
    /// dictionaries (keys in sorted order, so the hash does not depend on dictionary order).
    mutating func add(value: Any) {
        switch value {
        case let text as String:
            add(byte: 1)
            add(text)
        case let number as Int:
            add(byte: 2)
            add(UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            add(byte: 3)
            add(byte: flag ? 1 : 0)
        case let dictionary as [String: Any]:
            add(byte: 4)
            for key in dictionary.keys.sorted() {
                add(key)
                if let item = dictionary[key] { add(value: item) }
            }
        case let array as [Any]:
            add(byte: 5)
            add(UInt64(array.count))
            for item in array { add(value: item) }
        default:
            add(byte: 6)
            add(String(describing: value))
        }
    }
}
