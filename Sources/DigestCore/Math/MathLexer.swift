/// A token of (possibly damaged) LaTeX math.
struct MathToken: Hashable {
    enum Kind: Hashable {
        /// `\leq` (explicit) or a command name recovered from a damaged word (`leq`).
        case command(String, explicit: Bool)
        /// A run of ASCII letters still to be resolved: `mloglog`, `nk`, `Params`.
        case word(String)
        case number(String)
        /// Any other character: `{`, `^`, `(`, `+`, or a non-ASCII letter such as `ε`.
        case char(Character)
    }

    var kind: Kind
    /// Whitespace preceded the token in the source.
    var spaceBefore: Bool

    func isChar(_ c: Character) -> Bool {
        if case .char(let x) = kind { return x == c }
        return false
    }
}

/// Cuts math source into tokens in one pass.
enum MathLexer {
    static func tokens(_ source: String) -> [MathToken] {
        var tokens: [MathToken] = []
        let scalars = Array(source.unicodeScalars)
        var i = 0
        var space = false
        // ASCII answered without Unicode property look-ups, as ProseTokenizer does.
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.isASCII && ProseTokenizer.isLetter(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
        while i < scalars.count {
            let s = scalars[i]
            if ProseTokenizer.isSpace(s) {
                space = true
                i += 1
                continue
            }
            var kind: MathToken.Kind
            if s == "\\" {
                var j = i + 1
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                if j > i + 1 {
                    kind = .command(String(String.UnicodeScalarView(scalars[(i + 1)..<j])), explicit: true)
                    i = j
                } else if i + 1 < scalars.count {
                    kind = .command(String(scalars[i + 1]), explicit: true)
                    i += 2
                } else {
                    kind = .char("\\")
                    i += 1
                }
            } else if isLetter(s) {
                var j = i + 1
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                kind = .word(String(String.UnicodeScalarView(scalars[i..<j])))
                i = j
            } else if isDigit(s) {
                var j = i + 1
                while j < scalars.count,
                    isDigit(scalars[j]) || (scalars[j] == "." && j + 1 < scalars.count && isDigit(scalars[j + 1]))
                {
                    j += 1
                }
                kind = .number(String(String.UnicodeScalarView(scalars[i..<j])))
                i = j
            } else {
                kind = .char(Character(s))
                i += 1
            }
            tokens.append(MathToken(kind: kind, spaceBefore: space))
            space = false
        }
        return tokens
    }
}
