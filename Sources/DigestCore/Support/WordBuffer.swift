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

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        current.append(contentsOf: bytes)
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

    /// Ends the current word after `tail`. A word that is all `tail` (most are) is decoded
    /// from it directly, without a trip through the buffer.
    mutating func flush(endingWith tail: UnsafeBufferPointer<UInt8>) {
        if current.isEmpty {
            if !tail.isEmpty { words.append(String(decoding: tail, as: UTF8.self)) }
        } else {
            current.append(contentsOf: tail)
            flush()
        }
    }
}

extension WordBuffer {
    /// The words of `text`: ASCII letters (lower-cased) and digits make words and other ASCII
    /// ends them, without Unicode look-ups; every other scalar goes to `other`, which
    /// appends to the word or ends it.
    ///
    /// Scans the UTF-8 bytes and appends each run of lower-case letters and digits at once,
    /// decoding a scalar only where a byte is not ASCII.
    static func words(in text: String, other: (Unicode.Scalar, inout WordBuffer) -> Void) -> [String] {
        var words = WordBuffer()
        var text = text
        text.withUTF8 { bytes in
            // Where the run of bytes kept as they are, not yet appended, starts.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                    index += 1
                    continue
                }
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                if byte &- 0x41 < 26 {
                    words.append(run)
                    words.append(byte + 0x20)
                    index += 1
                } else if byte < 0x80 {
                    words.flush(endingWith: run)
                    index += 1
                } else {
                    var iterator = bytes[index...].makeIterator()
                    var decoder = UTF8()
                    guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
                    words.append(run)
                    other(scalar, &words)
                    index += UTF8.width(scalar)
                }
                runStart = index
            }
            words.flush(endingWith: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        }
        return words.words
    }
}
