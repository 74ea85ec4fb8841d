/// Collects words as UTF-8, all of a text's words back to back in one byte array: no
/// `String` is made for a word unless a caller asks for it, and most words a search or a
/// topic scan looks at are turned away on their bytes.
struct WordBuffer {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Where the current word starts in `bytes`.
    private var start = 0

    /// Room for the words of a text of `capacity` bytes (more is made if they need it).
    init(capacity: Int) {
        bytes.reserveCapacity(capacity + 8)
        ends.reserveCapacity(capacity / 2 + 1)
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
}

extension WordBuffer {
    /// The words of `text`: ASCII letters (lower-cased) and digits make words and other ASCII
    /// ends them, without Unicode look-ups; every other scalar goes to `other`, which
    /// appends to the word or ends it. The ASCII between those scalars (most of a text,
    /// often all of it) is read by `appendASCII`.
    static func words(in text: String, other: (Unicode.Scalar, inout WordBuffer) -> Void) -> WordList {
        text.withUTF8Bytes { bytes in
            var words = WordBuffer(capacity: bytes.count)
            var isASCII = true
            var index = 0
            while true {
                index += words.appendASCII(UnsafeBufferPointer(rebasing: bytes[index...]))
                guard index < bytes.count else { break }
                var iterator = bytes[index...].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
                isASCII = false
                other(scalar, &words)
                index += UTF8.width(scalar)
            }
            words.flush()
            return WordList(bytes: words.bytes, ends: words.ends, isASCII: isASCII)
        }
    }

    /// Appends the words of `text` up to its first byte that is not ASCII (or its end),
    /// lower-cased: a word begun before goes on if `text` starts with a letter or digit,
    /// and the last word is left open. Returns how many bytes were read.
    ///
    /// Read 64 bytes at a time: a block's bytes become bit masks (eight at once, as one
    /// integer, by arithmetic that no ASCII byte carries out of), where words start and end
    /// follows from the masks, and each word is copied whole, eight bytes at a time,
    /// lower-cased by one `or` (which leaves digits as they are). Written a byte at a time
    /// without branches, every byte cost a dozen instructions.
    private mutating func appendASCII(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        // Only the ASCII run is read, and room made for it alone: room for the whole rest
        // of the text at every scalar that is not ASCII made a long Chinese (or math-dense)
        // text cost its length squared.
        let n = Self.asciiRun(text)
        guard n > 0 else { return 0 }
        let source = UnsafeBufferPointer(rebasing: text[..<n])
        var count = bytes.count
        var found = ends.count
        // Room for every byte and eight more (words are copied eight bytes at a time), and
        // for a word in every two bytes; what is left over is cut off below.
        bytes.append(contentsOf: repeatElement(0, count: n + 8))
        ends.append(contentsOf: repeatElement(0, count: n / 2 + 1))
        bytes.withUnsafeMutableBufferPointer { buffer in
            ends.withUnsafeMutableBufferPointer { wordEnds in
                guard let base = buffer.baseAddress else { return }
                /// Copies `source[from..<to]`, lower-cased, after the words so far.
                func copy(_ from: Int, _ to: Int) {
                    var from = from
                    while from &+ 8 <= n && from < to {
                        let eight = ByteWord.load(source, at: from) | 0x2020_2020_2020_2020
                        UnsafeMutableRawPointer(base + count).storeBytes(of: eight, as: UInt64.self)
                        let copied = min(8, to &- from)
                        count &+= copied
                        from &+= copied
                    }
                    while from < to {
                        buffer[count] = source[from] | 0x20
                        count &+= 1
                        from &+= 1
                    }
                }
                // Where the word being read starts in `source` (-1: none; 0 for a word begun
                // before it), and whether the byte before the block is in a word.
                var wordStart = count > start ? 0 : -1
                var wordBefore: UInt64 = count > start ? 1 : 0
                var block = 0
                while block < n {
                    let length = min(64, n &- block)
                    // Letters and digits as bits.
                    var word: UInt64 = 0
                    if length == 64 {
                        for k in 0..<8 {
                            word |= Self.wordBits(ByteWord.load(source, at: block &+ 8 &* k)) &<< UInt64(8 &* k)
                        }
                    } else {
                        for k in 0..<((length &+ 7) / 8) {
                            let eight = ByteWord.load(source, at: block &+ 8 &* k, available: length &- 8 &* k)
                            word |= Self.wordBits(eight) &<< UInt64(8 &* k)
                        }
                    }
                    let valid: UInt64 = length == 64 ? ~0 : (1 &<< UInt64(length)) &- 1
                    // Bits where a word starts, and where one has just ended: they take turns.
                    let before = word &<< 1 | wordBefore
                    var changes = word & ~before | ~word & valid & before
                    while changes != 0 {
                        let at = block &+ changes.trailingZeroBitCount
                        if wordStart < 0 {
                            wordStart = at
                        } else {
                            copy(wordStart, at)
                            wordEnds[found] = count
                            found &+= 1
                            wordStart = -1
                        }
                        changes &= changes &- 1
                    }
                    wordBefore = word &>> 63
                    block &+= 64
                }
                // The last word stays open: the caller's next bytes may go on with it.
                if wordStart >= 0 { copy(wordStart, n) }
            }
        }
        bytes.removeLast(bytes.count - count)
        ends.removeLast(ends.count - found)
        start = ends.last ?? 0
        return n
    }

    /// How many bytes `text` starts with that are ASCII, read eight at a time.
    private static func asciiRun(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index &+ 8 <= text.count, ByteWord.isASCII(ByteWord.load(text, at: index)) { index &+= 8 }
        while index < text.count, text[index] < 0x80 { index &+= 1 }
        return index
    }

    /// Which of eight bytes are ASCII letters or digits, as the low eight bits: each range
    /// test is two additions whose top bit tells (no ASCII byte carries into the next; one
    /// that is not ASCII may, into bytes after it, which are not read).
    @inline(__always)
    private static func wordBits(_ eight: UInt64) -> UInt64 {
        let lower = eight | 0x2020_2020_2020_2020
        let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let digits = (eight &+ 0x5050_5050_5050_5050) & ~(eight &+ 0x4646_4646_4646_4646)
        return ByteWord.lowBits((letters | digits) &>> 7)
    }
}
