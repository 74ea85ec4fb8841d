/// Cuts prose into `ProseToken`s in one pass.
enum ProseTokenizer {
    static func tokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        var tokens: [ProseToken] = []
        tokens.reserveCapacity(scalars.count / 3)
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            let start = i
            let kind: ProseToken.Kind
            if isLetter(s) {
                // A Greek letter glued to a Latin word (`sqrtκ`, `φin`) starts a new word.
                let greek = isGreek(s)
                i += 1
                while i < n,
                    (isLetter(scalars[i]) && isGreek(scalars[i]) == greek)
                        || (!scalars[i].isASCII && scalars[i].properties.generalCategory == .nonspacingMark)
                {
                    i += 1
                }
                kind = .word
            } else if isDigit(s) {
                i += 1
                while i < n, isDigit(scalars[i]) || (scalars[i] == "." && i + 1 < n && isDigit(scalars[i + 1])) {
                    i += 1
                }
                kind = .number
            } else if isSpace(s) || s == "~" {
                // A tie `~` (`256~times~256`) separates like a space.
                i += 1
                while i < n, isSpace(scalars[i]) || scalars[i] == "~" { i += 1 }
                kind = .space
            } else {
                i += 1
                kind = .punct
            }
            tokens.append(ProseToken(kind: kind, start: start, end: i))
        }
        return tokens
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
