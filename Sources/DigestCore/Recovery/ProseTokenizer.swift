/// Cuts prose into `ProseToken`s in one pass.
enum ProseTokenizer {
    static func tokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        let isASCII = scalars.withUnsafeBufferPointer { $0.reduce(UInt32(0)) { $0 | $1.value } } < 0x80
        return isASCII ? asciiTokens(scalars) : scannedTokens(scalars)
    }

    /// `scannedTokens` of an all-ASCII text (most texts), without a branch on the text.
    ///
    /// Scanned a token at a time, each token ended with a branch the processor could not
    /// foresee: about one missed branch per token. Here every character gets a group (word,
    /// number, space, punctuation) by table and arithmetic, a token starts where the group
    /// changes, and a start is written at every character and kept by counting it. Each
    /// punctuation mark is a token of its own. A `.` between digits belongs to the number
    /// (`1.5`).
    static func asciiTokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        let n = scalars.count
        guard n > 0 else { return [] }
        var tokenCount = 0
        var capitals: Int32 = 0
        // Per token: where it starts, and how many capitals come before it (a word has one
        // inside when the count grows after its first letter; no other token holds a
        // letter). Both are written at every character, in the slot of the token a change
        // of group would start, and kept by counting the start.
        var capitalsBefore: [Int32] = []
        let starts = [Int32](unsafeUninitializedCapacity: n) { starts, initialized in
            capitalsBefore = [Int32](unsafeUninitializedCapacity: n) { capitalsBefore, counted in
                scalars.withUnsafeBufferPointer { scalars in
                    asciiEntries.withUnsafeBufferPointer { entries in
                        var previous: UInt8 = 0xFF
                        var digitBefore: UInt8 = 0
                        // Each character's entry is read once, as the one after the last.
                        var after = entries[Int(scalars[0].value)]
                        for i in 0..<n {
                            let entry = after
                            after = i + 1 < n ? entries[Int(scalars[i + 1].value)] : 0
                            let dotInNumber = (entry >> 5) & digitBefore & (after >> 4) & 1
                            var group = entry & 7
                            group ^= (group ^ numberGroup) & (0 &- dotInNumber)
                            starts[tokenCount] = Int32(truncatingIfNeeded: i)
                            capitalsBefore[tokenCount] = capitals
                            // A change of group starts a token, and so does every punctuation
                            // mark (the only group with its third bit).
                            tokenCount &+= Int(((UInt16(group ^ previous) &+ 0xFF) >> 8) | UInt16(group >> 2))
                            capitals &+= Int32((entry >> 3) & 1)
                            digitBefore = (entry >> 4) & 1
                            previous = group
                        }
                    }
                }
                counted = tokenCount
            }
            initialized = tokenCount
        }
        return [ProseToken](unsafeUninitializedCapacity: tokenCount) { tokens, count in
            scalars.withUnsafeBufferPointer { scalars in
                asciiEntries.withUnsafeBufferPointer { entries in
                    starts.withUnsafeBufferPointer { starts in
                        capitalsBefore.withUnsafeBufferPointer { capitalsBefore in
                            for k in 0..<tokenCount {
                                let start = Int(starts[k])
                                let last = k + 1 == tokenCount
                                let end = last ? n : Int(starts[k + 1])
                                // A token never starts with a `.` inside a number: its first
                                // character's own group is the token's.
                                let first = entries[Int(scalars[start].value)]
                                let capitalsAfterFirst = capitalsBefore[k] &+ Int32((first >> 3) & 1)
                                let capitalsBeforeEnd = last ? capitals : capitalsBefore[k + 1]
                                tokens.initializeElement(
                                    at: k,
                                    to: ProseToken(
                                        kind: tokenKinds[Int(first & 7)], start: start, end: end,
                                        hasInnerCapital: capitalsBeforeEnd > capitalsAfterFirst))
                            }
                        }
                    }
                }
            }
            count = tokenCount
        }
    }

    private static let wordGroup: UInt8 = 1
    private static let numberGroup: UInt8 = 2
    private static let spaceGroup: UInt8 = 3
    private static let punctGroup: UInt8 = 4
    private static let tokenKinds: [ProseToken.Kind] = [.punct, .word, .number, .space, .punct, .punct, .punct, .punct]
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
