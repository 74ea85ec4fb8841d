/// Finds damaged math in prose that lost its `$…$`: `mathcal{O}(d^2)`, `1leq p<2`,
/// `n times d`, `11.0 pm 1.3`, `ell_p`, single-letter variables.
///
/// A word becomes math only with math evidence around it: scripts and braces, command
/// names that are never English, digits, single letters and operators on both sides of an
/// English-looking operator. English survives: "multiple times", "5 to 15 times faster",
/// "lambda functions", "(log) probability". One pass of marking, one of growing; linear.
struct MathSpanDetector {
    let scalars: [Unicode.Scalar]
    let tokens: [ProseToken]
    /// Whether each token is math; set by marking and growing, read by `spans()`.
    var math: [Bool]

    /// Braces that only grouped a hyphen in a name (`Norouzi{-}Fard`) and vanish from text.
    var droppedTokens: Set<Int> = []

    /// Text to show instead of a token: `muP` → `μP`.
    var replacements: [Int: String] = [:]

    /// Each bracket token's partner, or -1.
    let match: [Int]
    /// How each word counts as math evidence; nil for ordinary words.
    var strengths: [ProseStrength?]

    /// Fused-command splits of words (`deltageq` → delta, geq), worked out on first use.
    let splitCache: SplitCache

    final class SplitCache {
        var pieces: [Int: [WordSplitter.Piece]] = [:]
        var none: Set<Int> = []
    }

    /// For each word spelling a command exactly (`leq`, `times`), its index in the trie's
    /// command list; -1 for other tokens. (Plain integers: cheap to build and free.)
    var commandIndex: [Int32]

    let trie = CommandTrie.shared

    /// Marks tokens as math (indices outside the text are ignored).
    mutating func mark(_ range: ClosedRange<Int>) {
        for k in range where k >= 0 && k < math.count { math[k] = true }
    }

    /// The command word `k` spells, if any.
    func command(_ k: Int) -> MathCommand? {
        let index = commandIndex[k]
        return index >= 0 ? trie.commands[Int(index)].command : nil
    }

    /// Brackets spanning more tokens than this are never treated as one formula, which
    /// keeps pathological nesting linear.
    static let maxGroup = 400

    /// Whether lone letters count as variables (not inside `\textit{O}`).
    let singleLetters: Bool

    init(_ scalars: [Unicode.Scalar], forced: [Range<Int>] = [], singleLetters: Bool = true) {
        self.singleLetters = singleLetters
        self.scalars = scalars
        tokens = ProseTokenizer.tokens(scalars)
        math = Array(repeating: false, count: tokens.count)
        match = BracketMatcher.match(tokens, scalars)
        strengths = Array(repeating: nil, count: tokens.count)
        commandIndex = Array(repeating: -1, count: tokens.count)
        splitCache = SplitCache()
        for i in tokens.indices where tokens[i].kind == .word {
            let index = trie.lookup(scalars, tokens[i].start..<tokens[i].end)
            if index >= 0 {
                commandIndex[i] = index
                strengths[i] = trie.commands[Int(index)].strength
            }
        }
        for range in forced {
            for i in tokens.indices where tokens[i].start < range.upperBound && tokens[i].end > range.lowerBound {
                math[i] = true
            }
        }
        markEvidence()
        grow()
    }

    /// Maximal runs of math tokens, as scalar ranges, trimmed of edge spaces and punctuation.
    func spans() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < tokens.count {
            guard math[i] else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < tokens.count, math[j + 1] { j += 1 }
            var lo = i, hi = j
            while lo <= hi, tokens[lo].kind == .space || isPunct(lo, ",.;:") { lo += 1 }
            while hi >= lo, tokens[hi].kind == .space || isPunct(hi, ",.;:") { hi -= 1 }
            // A bracket whose partner lies outside the span stays text.
            while lo <= hi, isPunct(lo, "([{"), match[lo] < 0 || match[lo] > hi { lo += 1 }
            while hi >= lo, isPunct(hi, ")]}"), match[hi] < 0 || match[hi] < lo { hi -= 1 }
            // `(MHC^3)`, `(ge 175B)`: parentheses around a whole formula stay text.
            while lo < hi, isPunct(lo, "("), match[lo] == hi,
                attachedPrevious(lo).map({ tokens[$0].kind != .word }) ?? true
            {
                lo += 1
                hi -= 1
            }
            if lo <= hi && isMeaningful(lo...hi) {
                result.append(tokens[lo].start..<tokens[hi].end)
            }
            i = j + 1
        }
        return result
    }

    func operatorSymbol(_ k: Int) -> String? {
        if case .op(let symbol, let kind)? = command(k), kind == .binary || kind == .relation {
            return symbol
        }
        return nil
    }

    /// `a`, `A` and `I` are English words far more often than variables.
    func isArticle(_ k: Int) -> Bool {
        guard tokens[k].length == 1 else { return false }
        let s = scalars[tokens[k].start]
        return s == "a" || s == "A" || s == "I"
    }

    /// Asked several times of every token: the byte is made without a conversion check
    /// (`v` is below 128).
    func isPunct(_ k: Int, _ set: StaticString) -> Bool {
        guard k >= 0 && k < tokens.count, tokens[k].kind == .punct else { return false }
        let v = scalars[tokens[k].start].value
        guard v < 128 else { return false }
        return set.withUTF8Buffer { $0.contains(UInt8(truncatingIfNeeded: v)) }
    }

    func text(_ k: Int) -> String {
        String(String.UnicodeScalarView(scalars[tokens[k].start..<tokens[k].end]))
    }

    /// The neighbour without whitespace in between. (These four are asked of every token
    /// many times: `k` is a token's index, so `&+` and `&-` cannot overflow.)
    func attachedPrevious(_ k: Int) -> Int? {
        k > 0 && tokens[k &- 1].kind != .space ? k &- 1 : nil
    }

    func attachedNext(_ k: Int) -> Int? {
        k &+ 1 < tokens.count && tokens[k &+ 1].kind != .space ? k &+ 1 : nil
    }

    /// The neighbour, skipping at most one run of whitespace.
    func previous(_ k: Int) -> Int? {
        var p = k &- 1
        if p >= 0, tokens[p].kind == .space { p &-= 1 }
        return p >= 0 ? p : nil
    }

    func next(_ k: Int) -> Int? {
        var n = k &+ 1
        if n < tokens.count, tokens[n].kind == .space { n &+= 1 }
        return n < tokens.count ? n : nil
    }

    /// A span worth typesetting: more than a lone number or punctuation.
    func isMeaningful(_ range: ClosedRange<Int>) -> Bool {
        range.contains { tokens[$0].kind == .word } || range.contains { isPunct($0, "^_{=<>+") }
    }
}
