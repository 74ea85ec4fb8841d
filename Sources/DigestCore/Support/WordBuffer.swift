/// Collects words byte by byte as UTF-8, all of a text's words back to back in one byte
/// array: no `String` is made for a word unless a caller asks for it, and most words a
/// search or a topic scan looks at are turned away on their bytes.
struct WordBuffer {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Where the current word starts in `bytes`.
    private var start = 0

    /// Words made so far (a word may be in progress after the last end).
    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
        start = ends.last ?? 0
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: run)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) }
        }
    }

    /// Ends the current word, if any.
    mutating func flush() {
        guard bytes.count > start else { return }
        ends.append(bytes.count)
        start = bytes.count
    }

    /// Ends the current word after `tail`.
    mutating func flush(endingWith tail: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: tail)
        flush()
    }

    var list: WordList { WordList(bytes: bytes, ends: ends) }
}

extension WordBuffer {
    /// Each byte as a word keeps it: ASCII letters lower-cased, digits as they are, 0 for
    /// other ASCII (which ends a word), 0xFF for a byte that is not ASCII.
    private static let asciiFold: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0x41...0x5A: UInt8(byte) | 0x20
        case 0x80...: 0xFF
        default: 0
        }
    }

    /// The words of `text`: ASCII letters (lower-cased) and digits make words and other ASCII
    /// ends them, without Unicode look-ups; every other scalar goes to `other`, which
    /// appends to the word or ends it.
    ///
    /// Up to the first byte that is not ASCII (many texts have none), each byte is written
    /// straight into a buffer the size of the text; from there on, runs of lower-case
    /// letters and digits are appended at once and a scalar is decoded where a byte is not
    /// ASCII. (Appending every word's run to an array cost more than reading its bytes.)
    static func words(in text: String, other: (Unicode.Scalar, inout WordBuffer) -> Void) -> WordList {
        var text = text
        return text.withUTF8 { bytes in
            var ends: [Int] = []
            var stop = bytes.count
            let ascii = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                var count = 0
                // At most one word in two bytes. Without branches on the bytes: where words
                // end is as unpredictable as the text, and a branch there missed every few bytes.
                ends = [Int](unsafeUninitializedCapacity: bytes.count / 2 + 1) { wordEnds, found in
                    var inWord = 0
                    Self.asciiFold.withUnsafeBufferPointer { fold in
                        for index in 0..<bytes.count {
                            let folded = fold[Int(bytes[index])]
                            if folded == 0xFF {
                                stop = index
                                break
                            }
                            // 1 for a letter or digit, 0 for a byte that ends a word, by
                            // arithmetic: `folded == 0 ? 0 : 1` compiled to a branch.
                            let isWord = Int(truncatingIfNeeded: (UInt16(folded) &+ 0xFF) >> 8)
                            buffer[count] = folded
                            wordEnds[found] = count
                            // Wrapping: neither count can pass the text's length.
                            found &+= inWord & (isWord ^ 1)
                            count &+= isWord
                            inWord = isWord
                        }
                    }
                    if inWord == 1 && stop == bytes.count {
                        wordEnds[found] = count
                        found += 1
                    }
                }
                initialized = count
            }
            if stop == bytes.count { return WordList(bytes: ascii, ends: ends, isASCII: true) }
            var words = WordBuffer(bytes: ascii, ends: ends)
            // Where the run of bytes kept as they are, not yet appended, starts.
            var runStart = stop
            var index = stop
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
            return words.list
        }
    }
}
