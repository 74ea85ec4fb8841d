/// Cuts prose into `ProseToken`s in one pass.
enum ProseTokenizer {
    static func tokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        let isASCII = scalars.withUnsafeBufferPointer { $0.reduce(UInt32(0)) { $0 | $1.value } } < 0x80
        return isASCII ? asciiTokens(scalars) : scannedTokens(scalars)
    }

    /// `scannedTokens` of an all-ASCII text (most texts), sixty-four characters at a time.
    ///
    /// Scanned a token at a time, each token ended with a branch the processor could not
    /// foresee. Here each character's group (word, number, space, punctuation) comes from a
    /// table, and a block's characters become bit masks, one bit a character: eight table
    /// entries are packed in a word and each wanted bit of theirs gathered by one multiply.
    /// Token starts are then found for the whole block at once: where a run of a group
    /// begins, and at every punctuation mark; a `.` between digits belongs to the number
    /// (`1.5`). Only the starts are visited, one loop turn a token.
    static func asciiTokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        let n = scalars.count
        // Read once: a static is checked for its first use at every read.
        let kinds = tokenKinds
        return [ProseToken](unsafeUninitializedCapacity: n) { tokens, count in
            scalars.withUnsafeBufferPointer { scalars in
                asciiEntries.withUnsafeBufferPointer { entries in
                    func entry(_ i: Int) -> UInt64 { UInt64(entries[Int(scalars[i].value)]) }
                    // The last character of the block before: in a run of words, numbers,
                    // spaces; a digit.
                    var (wordBefore, numberBefore, spaceBefore, digitBefore): (UInt64, UInt64, UInt64, UInt64) =
                        (0, 0, 0, 0)
                    // The token begun and not yet ended: where, its kind, where in the block
                    // its inner capitals (capitals that start no token) are looked for, and
                    // whether earlier blocks held one of them. (Found by masks, not counted:
                    // the baseline x86-64 has no instruction to count bits.)
                    var start = -1
                    var kind = 0
                    var fromBit: UInt64 = 0
                    var capitalBefore = false
                    var block = 0
                    while block < n {
                        let length = min(64, n - block)
                        // Bit planes of the entries: group bits 1 and 2, capital, `.`.
                        var (low, high, capital, dot): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
                        var offset = 0
                        while offset < length {
                            // Wrapping arithmetic and masking shifts: no place or shift here can
                            // overflow, and checked ones cost a branch each.
                            var packed: UInt64 = 0
                            let at = block &+ offset
                            if length &- offset >= 8 {
                                for k in 0..<8 { packed |= entry(at &+ k) &<< UInt64(8 &* k) }
                            } else {
                                for k in 0..<(length &- offset) { packed |= entry(at &+ k) &<< UInt64(8 &* k) }
                            }
                            let shift = UInt64(offset)
                            low |= ByteWord.lowBits(packed) &<< shift
                            high |= ByteWord.lowBits(packed &>> 1) &<< shift
                            capital |= ByteWord.lowBits(packed &>> 3) &<< shift
                            dot |= ByteWord.lowBits(packed &>> 5) &<< shift
                            offset &+= 8
                        }
                        let inBlock: UInt64 = length == 64 ? ~0 : (1 &<< UInt64(length)) &- 1
                        let digitAfter = block + 64 < n ? (entry(block + 64) >> 4) & 1 : 0
                        let word = low & ~high
                        let digit = high & ~low
                        let space = low & high
                        let dotInNumber = dot & (digit << 1 | digitBefore) & (digit >> 1 | digitAfter << 63)
                        let number = digit | dotInNumber
                        let punct = ~(low | high) & ~dotInNumber & inBlock
                        let starts =
                            word & ~(word << 1 | wordBefore) | number & ~(number << 1 | numberBefore)
                            | space & ~(space << 1 | spaceBefore) | punct
                        let innerCapitals = capital & ~starts
                        // A start's kind as two bits: the index of `tokenKinds`.
                        let (kindLow, kindHigh) = (word | space, number | space)
                        var remaining = starts
                        while remaining != 0 {
                            let bit = UInt64(remaining.trailingZeroBitCount)
                            if start >= 0 {
                                let between = (1 &<< bit) &- (1 &<< fromBit)
                                tokens.initializeElement(
                                    at: count,
                                    to: ProseToken(
                                        kind: kinds[kind], start: start, end: block &+ Int(bit),
                                        hasInnerCapital: capitalBefore || innerCapitals & between != 0))
                                count &+= 1
                            }
                            start = block &+ Int(bit)
                            kind = Int((kindLow &>> bit) & 1 | ((kindHigh &>> bit) & 1) &<< 1)
                            fromBit = bit
                            capitalBefore = false
                            remaining &= remaining &- 1
                        }
                        // The token begun goes on into the next block.
                        capitalBefore = capitalBefore || innerCapitals &>> fromBit != 0
                        fromBit = 0
                        (wordBefore, numberBefore, spaceBefore, digitBefore) =
                            (word >> 63, number >> 63, space >> 63, digit >> 63)
                        block += 64
                    }
                    if start >= 0 {
                        tokens.initializeElement(
                            at: count,
                            to: ProseToken(
                                kind: kinds[kind], start: start, end: n, hasInnerCapital: capitalBefore))
                        count += 1
                    }
                }
            }
        }
    }

    private static let wordGroup: UInt8 = 1
    private static let numberGroup: UInt8 = 2
    private static let spaceGroup: UInt8 = 3
    private static let punctGroup: UInt8 = 4
    /// Token kinds by the two bits of a start: a word or space, a number or space.
    private static let tokenKinds: [ProseToken.Kind] = [.punct, .word, .number, .space]
    /// For each ASCII character, as bits: its group (the low three), whether it is a capital
    /// (8), a digit (16), a `.` (32). A tie `~` is space.
    private static let asciiEntries: [UInt8] = (0..<128).map { value in
        switch asciiClasses[value] {
        case upperLetter: wordGroup | 8
        case letter: wordGroup
        case digit: numberGroup | 16
        case space: spaceGroup
        default: value == 0x2E ? punctGroup | 32 : punctGroup
        }
    }

    /// Tokens found by reading each token to its end: any text.
    static func scannedTokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        // ASCII (most of a text) is told apart by one table look-up per scalar. Tokens go
        // straight into a buffer with room for one per scalar (no growth, no check per token).
        [ProseToken](unsafeUninitializedCapacity: scalars.count) { tokens, count in
            scalars.withUnsafeBufferPointer { scalars in
                asciiClasses.withUnsafeBufferPointer { classes in
                    func asciiClass(_ s: Unicode.Scalar) -> UInt8 { s.value < 128 ? classes[Int(s.value)] : nonASCII }
                    var i = 0
                    let n = scalars.count
                    while i < n {
                        let s = scalars[i]
                        let start = i
                        let kind: ProseToken.Kind
                        let first = asciiClass(s)
                        // ASCII capitals after a word's first letter (`rhoSIM`, `ARleftrightarrowEN`).
                        var capitals: UInt8 = 0
                        if first & letter != 0 || (first == nonASCII && isLetter(s)) {
                            // A Greek letter glued to a Latin word (`sqrtκ`, `φin`) starts a new word.
                            let greek = isGreek(s)
                            i += 1
                            while i < n {
                                let next = asciiClass(scalars[i])
                                if next & letter != 0 {
                                    if greek { break }
                                    capitals |= next
                                } else if next != nonASCII
                                    || !((isLetter(scalars[i]) && isGreek(scalars[i]) == greek)
                                        || scalars[i].properties.generalCategory == .nonspacingMark)
                                {
                                    break
                                }
                                i += 1
                            }
                            kind = .word
                        } else if first == digit {
                            i += 1
                            while i < n,
                                isDigit(scalars[i]) || (scalars[i] == "." && i + 1 < n && isDigit(scalars[i + 1]))
                            {
                                i += 1
                            }
                            kind = .number
                        } else if first == space || (first == nonASCII && isSpace(s)) {
                            // A tie `~` (`256~times~256`) separates like a space.
                            i += 1
                            while i < n {
                                let next = asciiClass(scalars[i])
                                guard next == space || (next == nonASCII && isSpace(scalars[i])) else { break }
                                i += 1
                            }
                            kind = .space
                        } else {
                            i += 1
                            kind = .punct
                        }
                        tokens.initializeElement(
                            at: count,
                            to: ProseToken(
                                kind: kind, start: start, end: i, hasInnerCapital: capitals & upperLetter == upperLetter
                            ))
                        count += 1
                    }
                }
            }
        }
    }

    // Classes as bits: a capital is a letter with one bit more.
    private static let letter: UInt8 = 1
    private static let upperLetter: UInt8 = 1 | 8
    private static let digit: UInt8 = 2
    private static let space: UInt8 = 4
    private static let nonASCII: UInt8 = 16
    /// What starts or continues a token, for each ASCII scalar (0 for punctuation); a tie
    /// `~` counts as space.
    private static let asciiClasses: [UInt8] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        if scalar >= "A" && scalar <= "Z" { return upperLetter }
        if isLetter(scalar) { return letter }
        if isDigit(scalar) { return digit }
        if isSpace(scalar) || scalar == "~" { return space }
        return 0
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic
    }

    static func isGreek(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x370 && s.value <= 0x3FF
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || (s.value >= 9 && s.value <= 13) }
        return s.properties.isWhitespace
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s >= "0" && s <= "9"
    }
}
