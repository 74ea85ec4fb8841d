/// Cuts prose into `ProseToken`s in one pass.
enum ProseTokenizer {
    static func tokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
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
