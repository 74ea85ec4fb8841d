/// Collects words byte by byte as UTF-8: appending to a byte array and decoding once per
/// word is several times faster than growing a `String` scalar by scalar.
struct WordBuffer {
    private(set) var words: [String] = []
    private var current: [UInt8] = []

    init() {
        current.reserveCapacity(32)
    }

    mutating func append(_ byte: UInt8) {
        current.append(byte)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            current.append(UInt8(scalar.value))
        } else {
            if let encoded = UTF8.encode(scalar) { current.append(contentsOf: encoded) }
        }
    }

    /// Ends the current word, if any.
    mutating func flush() {
        guard !current.isEmpty else { return }
        words.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
    }
}

extension WordBuffer {
    /// The words of `text`: ASCII letters (lower-cased) and digits make words and other ASCII
    /// ends them, without Unicode look-ups; every other scalar goes to `other`, which
    /// appends to the word or ends it.
    static func words(in text: String, other: (Unicode.Scalar, inout WordBuffer) -> Void) -> [String] {
        var words = WordBuffer()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: words.append(UInt8(value))
                case 0x41...0x5A: words.append(UInt8(value + 0x20))
                default: words.flush()
                }
            } else {
                other(scalar, &words)
            }
        }
        words.flush()
        return words.words
    }
}
