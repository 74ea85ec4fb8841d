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
    private(set) var math: [Bool]
    /// Braces that only grouped a hyphen in a name (`Norouzi{-}Fard`) and vanish from text.
    private(set) var droppedTokens: Set<Int> = []
    /// Text to show instead of a token: `muP` → `μP`.
    private(set) var replacements: [Int: String] = [:]
    private let match: [Int]
    private var strengths: [ProseStrength?]
    /// Fused-command splits of words (`deltageq` → delta, geq), worked out on first use.
    private let splitCache: SplitCache

    private final class SplitCache {
        var pieces: [Int: [WordSplitter.Piece]] = [:]
        var none: Set<Int> = []
    }
    /// For each word spelling a command exactly (`leq`, `times`), its index in the trie's
    /// command list; -1 for other tokens. (Plain integers: cheap to build and free.)
    private var commandIndex: [Int32]
    private let trie = CommandTrie.shared

    /// The command word `k` spells, if any.
    private func command(_ k: Int) -> MathCommand? {
        let index = commandIndex[k]
        return index >= 0 ? trie.commands[Int(index)].command : nil
    }
    /// Brackets spanning more tokens than this are never treated as one formula, which
    /// keeps pathological nesting linear.
    static let maxGroup = 400

    /// Whether lone letters count as variables (not inside `\textit{O}`).
    private let singleLetters: Bool

    init(_ scalars: [Unicode.Scalar], forced: [Range<Int>] = [], singleLetters: Bool = true) {
        self.singleLetters = singleLetters
        self.scalars = scalars
        tokens = ProseTokenizer.tokens(scalars)
        math = Array(repeating: false, count: tokens.count)
        match = Self.matchBrackets(tokens, scalars)
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

    // MARK: Evidence

    private mutating func markEvidence() {
        for i in tokens.indices {
            switch tokens[i].kind {
            case .punct:
                // `12\,\%` lost its backslash: `12,%` is 12%.
                if isPunct(i, ","), let number = attachedPrevious(i), tokens[number].kind == .number,
                    let percent = attachedNext(i), isPunct(percent, "%")
                {
                    droppedTokens.insert(i)
                }
                if isPunct(i, "^_") { markScript(i) }
                // `x!in!{4,8}`, `sim!10^3`: a negative thin space `\!` lost its backslash.
                if isPunct(i, "!"), let l = attachedPrevious(i), let r = attachedNext(i),
                    (tokens[l].kind == .word && strengths[l] != nil) || (tokens[r].kind == .word && strengths[r] != nil)
                {
                    mark(l...extent(of: r))
                }
                if isPunct(i, "{") { markBraces(i) }
                if isPunct(i, "=<>") { markRelation(i) }
            case .word:
                // Most words are plain English: only commands, single letters and words that
                // may hide a command (by their first letters) need a closer look.
                let length = tokens[i].length
                let applied = length <= 4 && attachedNext(i).map { isPunct($0, "(") } == true
                if strengths[i] != nil || length == 1 || applied
                    || (length >= 4 && trie.mayHideStrong(scalars, tokens[i].start))
                {
                    markWord(i)
                }
            case .number:
                // `11.9times higher`: a number fused with an operator name.
                if let next = attachedNext(i), tokens[next].kind == .word, strengths[next] == .weak,
                    let symbol = operatorSymbol(next), symbol == "×" || symbol == "±"
                {
                    mark(i...next)
                }
            case .space:
                break
            }
        }
        // Single letters and infix operators need to see the evidence marked above.
        for i in tokens.indices where tokens[i].kind == .word {
            if strengths[i] == .weak {
                markInfix(i)
                markAccent(i)
            }
            if tokens[i].length == 1 { markSingleLetter(i) }
            if strengths[i] == nil, !math[i], (3...7).contains(tokens[i].length), isFusedRelation(i) { mark(i...i) }
            if tokens[i].length >= 3, strengths[i] == nil { repairName(i) }
            if tokens[i].length >= 5, strengths[i] == nil, !math[i] { repairFusedOperator(i) }
            if strengths[i] == .greek || command(i) == .symbol("ℓ"), !math[i] { repairHyphenatedGreek(i) }
        }
        markGroups()
        markMultipliers()
    }

    /// `approx 120 times faster`, `16 times fewer` in a text that uses `times` as ×
    /// elsewhere (`256 times 256`): a number with `times` after it is a multiplier. Without
    /// such evidence "16 times fewer" stays English.
    private mutating func markMultipliers() {
        var evidence = false
        for k in tokens.indices where math[k] && tokens[k].kind == .word {
            if operatorSymbol(k) == "×" || (commandIndex[k] < 0 && split(k)?.contains(.command("times")) == true) {
                evidence = true
                break
            }
        }
        for k in tokens.indices where tokens[k].kind == .word && !math[k] && operatorSymbol(k) == "×" {
            guard let number = previous(k), number < k - 1, tokens[number].kind == .number,
                let after = next(k), after > k + 1, tokens[after].kind == .word,
                !EnglishLexicon.isFunctionWord(text(after))
            else { continue }
            if math[number] {
                // `times4.8 times faster`: a quantity already multiplied is not multiplied again.
                if let before = previous(number), operatorSymbol(before) == "×" || attachedPrevious(number) != nil {
                    continue
                }
                mark(number...k)
            } else if evidence {
                mark(number...k)
            }
        }
    }

    /// `alpha-Flow`, `tau-Bench`, `PixArt-alpha`, `MHR-mu`, `ENN-ell`: a lower-case Greek name in
    /// a hyphenated name is the letter (the text stays text). Not `delta-sparsification`-like
    /// English (left to the standalone rule), nor capitalised `Phi-2`, `Gamma-Hurdle`.
    private mutating func repairHyphenatedGreek(_ i: Int) {
        let first = scalars[tokens[i].start]
        guard first >= "a" && first <= "z" else { return }
        let before = i > 1 && isPunct(i - 1, "-") && tokens[i - 2].kind != .space
        let after = i + 2 < tokens.count && isPunct(i + 1, "-") && tokens[i + 2].kind != .space
        guard before || after else { return }
        if after, tokens[i + 2].kind == .word, scalars[tokens[i + 2].start].properties.isLowercase {
            // `epsilon-optimal`, `gamma-ray`: the standalone rule or English decides.
            return
        }
        if before, tokens[i - 2].kind == .word, EnglishLexicon.greekPrefixWords.contains(text(i - 2).lowercased()) {
            return  // `pre-alpha`, `open-beta`
        }
        let name = text(i)
        switch MathVocabulary.command(name) {
        case .greek(let letter, _)?: replacements[i] = letter
        case .symbol(let symbol)?: replacements[i] = symbol
        default: return
        }
    }

    /// `ARleftrightarrowEN`, `LongotimesShort`, `DALLcdotE`, `LLMtimesMapReduce`, `EntoDe`:
    /// an operator name fused between two names stays text, with its symbol restored.
    private mutating func repairFusedOperator(_ i: Int) {
        let range = tokens[i].start..<tokens[i].end
        let afterNumber = attachedPrevious(i).map { tokens[$0].kind == .number } ?? false
        let hasInnerCapital = scalars[(range.lowerBound + 1)..<range.upperBound].contains { $0 >= "A" && $0 <= "Z" }
        guard hasInnerCapital, range.count <= WordSplitter.maxWordLength,
            scalars[range].allSatisfy({ $0.isASCII && ProseTokenizer.isLetter($0) })
        else { return }
        let word = text(i)
        for (name, symbol) in EnglishLexicon.fusableOperators {
            guard let found = word.range(of: name) else { continue }
            let left = String(word[word.startIndex..<found.lowerBound])
            let right = String(word[found.upperBound...])
            guard let rightFirst = right.unicodeScalars.first, rightFirst >= "A" && rightFirst <= "Z" else { continue }
            let leftFirst = left.unicodeScalars.first
            let leftIsName = leftFirst.map { $0 >= "A" && $0 <= "Z" } ?? false
            switch name {
            case "to":
                // `EntoDe`, `ZhtoEn`: two-letter language codes only (not `ProtoNet`).
                guard left.count == 2, right.count == 2, leftIsName,
                    right.unicodeScalars.dropFirst().allSatisfy({ $0 >= "a" && $0 <= "z" }),
                    left.unicodeScalars.dropFirst().allSatisfy({ $0 >= "a" && $0 <= "z" })
                else { continue }
            case "times":
                // `LLMtimesMapReduce`, `SpatialtimesTemporal`, `4timesRTX`.
                guard (leftIsName && left.count >= 2) || (left.isEmpty && afterNumber) else { continue }
            default:
                guard leftIsName || (left.isEmpty && afterNumber) else { continue }
            }
            replacements[i] = left + symbol + right
            return
        }
    }

    /// `x_0`, `d^2`, `QK^top`, `G_{stack}`; not `snake_case`.
    private mutating func markScript(_ i: Int) {
        guard let right = attachedNext(i) else { return }
        if attachedPrevious(i) == nil, isPunct(i, "^"), let close = previous(i), isPunct(close, ")"), match[close] >= 0,
            isPunct(right, "{"), match[right] > right
        {
            mark(match[close]...match[right])  // `(Delta -1) ^{-1/2}`: a space before the script
            return
        }
        guard let left = attachedPrevious(i), !isPunct(left, ",.;") else {
            // `earlier,^{3-5} the`, `97 ^{18}F`: a superscript without a base (a citation, an
            // isotope) when it holds only numbers.
            if isPunct(i, "^"), isNumericGroup(right) { mark(i...(isPunct(right, "{") ? match[right] : right)) }
            return
        }
        let leftOK = tokens[left].kind == .word || tokens[left].kind == .number || isPunct(left, ")]}'")
        let rightOK = tokens[right].kind == .word || tokens[right].kind == .number || isPunct(right, "{+-\\*!")
        guard leftOK && rightOK else { return }
        if isPunct(i, "_"), isPlainWord(left), isPlainWord(right), tokens[left].length > 1, tokens[right].length > 1 {
            return
        }
        var lo = left
        if isPunct(left, ")]}"), match[left] >= 0, left - match[left] <= Self.maxGroup { lo = match[left] }
        var hi = right
        if isPunct(right, "{"), match[right] >= 0, match[right] - right <= Self.maxGroup { hi = match[right] }
        if isPunct(right, "+-"), let number = attachedNext(right), tokens[number].kind == .number { hi = number }
        mark(lo...hi)
    }

    /// A number, or braces holding only numbers, `-` and `,`: `3`, `{3-5}`, `{18}`.
    private func isNumericGroup(_ k: Int) -> Bool {
        if tokens[k].kind == .number { return true }
        guard isPunct(k, "{"), match[k] > k + 1, match[k] - k <= 12 else { return false }
        return ((k + 1)..<match[k]).allSatisfy { tokens[$0].kind == .number || isPunct($0, "-,") }
    }

    /// `1{2}`, `D{to}infty`, `64{times}64`; `Norouzi{-}Fard` only loses its braces.
    private mutating func markBraces(_ i: Int) {
        let close = match[i]
        guard close > i, close - i <= Self.maxGroup else { return }
        if close == i + 2, tokens[i + 1].kind == .punct,
            let before = attachedPrevious(i), let after = attachedNext(close),
            isPlainWord(before), isPlainWord(after), tokens[before].length > 1, tokens[after].length > 1
        {
            droppedTokens.insert(i)
            droppedTokens.insert(close)
            return
        }
        mark(i...close)
    }

    /// `=`, `<`, `>` between operands: `2<p<infty`, `D = diag(…)`, `Ax=b`; not a metric
    /// readout like `pass@1 = 41.4%`.
    private mutating func markRelation(_ i: Int) {
        guard let left = previous(i), let right = next(i) else { return }
        let attached = attachedPrevious(i) != nil && attachedNext(i) != nil
        func operand(_ k: Int, rightSide: Bool) -> Bool {
            if isOperand(k, rightSide: rightSide) { return true }
            return attached && tokens[k].kind == .word && tokens[k].length == 2
        }
        guard operand(left, rightSide: false), operand(right, rightSide: true) else { return }
        if let percent = attachedNext(right), isPunct(percent, "%") { return }
        if let at = attachedPrevious(left), isPunct(at, "@") { return }
        mark(startOfOperand(left)...extent(of: right))
    }

    private mutating func markWord(_ i: Int) {
        switch strengths[i] {
        case .strong:
            mark(i...i)
        case .greek:
            if isStandalone(i) && !isEnglishCollocation(i) && !isGreekNamedThing(i) { mark(i...i) }
        case .weak:
            // Functions applied to parentheses or to an operand: `exp(d)`, `log n`, `poly(…)`.
            if case .function? = command(i) {
                if let open = attachedNext(i), isPunct(open, "("), match[open] > open, isMathContent(open) {
                    mark(i...match[open])
                } else if let operand = next(i), operand > i + 1, tokens[operand].kind == .word,
                    tokens[operand].length == 1, !isArticle(operand)
                {
                    mark(i...operand)
                }
            }
        case nil:
            // `O(n^3)`, `Omega(…)`, `f(x)`: a letter applied to math in parentheses.
            if tokens[i].length <= 4, tokens[i].length > 1, let open = attachedNext(i), isPunct(open, "("),
                match[open] == open + 2, tokens[open + 1].kind == .word, tokens[open + 1].length == 1,
                scalars[tokens[open + 1].start] != "s"
            {
                // `SU(r)`, `sl(n)`, `Sing(F)`: a short name applied to one symbol (not `model(s)`).
                mark(i...match[open])
            } else if tokens[i].length == 1, !isArticle(i), let open = attachedNext(i), isPunct(open, "(["),
                match[open] > open, isMathContent(open)
            {
                mark(i...match[open])
            } else if isFusedMath(i, strongOnly: true) {
                mark(i...i)
            }
        }
    }

    /// `tilde O(…)`, `hat x`: an accent name before a letter.
    private mutating func markAccent(_ i: Int) {
        guard case .accent? = command(i), let base = next(i), tokens[base].kind == .word,
            tokens[base].length == 1 || strengths[base] == .greek
        else { return }
        mark(i...extent(of: base))
    }

    /// The word's split into commands and letters (at most three), if it has a command.
    private func split(_ k: Int) -> [WordSplitter.Piece]? {
        if let pieces = splitCache.pieces[k] { return pieces }
        if splitCache.none.contains(k) || commandIndex[k] >= 0 { return nil }
        var letters: [UInt8] = []
        let range = tokens[k].start..<tokens[k].end
        if tokens[k].kind == .word, range.count >= 2, range.count <= WordSplitter.maxWordLength {
            for position in range {
                let v = scalars[position].value
                guard v < 128 else { break }
                letters.append(UInt8(v))
            }
        }
        let pieces = letters.count == range.count ? WordSplitter.split(letters, maxLetters: 3) : nil
        if let pieces { splitCache.pieces[k] = pieces } else { splitCache.none.insert(k) }
        return pieces
    }

    /// `muP`, `muParam` (μP), `VSEinfty` (VSE∞): names spelled with a damaged symbol. They
    /// stay text, with the symbol restored.
    private mutating func repairName(_ i: Int) {
        guard strengths[i] == nil, !math[i], tokens[i].length >= 3, replacements[i] == nil else { return }
        let start = tokens[i].start, end = tokens[i].end
        let isUpper = { (s: Unicode.Scalar) in s >= "A" && s <= "Z" }
        let a = scalars[start], b = scalars[start + 1]
        // `muP`, `muTransfer`: `mu` followed by a capital (μP is the standard spelling). Not
        // `nuScenes`, `nuPlan`, `piCam`: those names are spelled with Latin letters.
        if isUpper(scalars[start + 2]), a == "m", b == "u" {
            replacements[i] = "μ" + ScalarText.string(scalars[(start + 2)..<end])
            return
        }
        // `rhoSIM`, `betaVAE`: a lower-case Greek name before capitals (a lost `\text{SIM}`).
        if let greek = Self.leadingGreek(scalars[start..<end]), end - start > greek.nameLength,
            scalars[(start + greek.nameLength)..<end].allSatisfy({ isUpper($0) || ProseTokenizer.isDigit($0) }),
            isUpper(scalars[start + greek.nameLength])
        {
            replacements[i] = greek.symbol + ScalarText.string(scalars[(start + greek.nameLength)..<end])
            return
        }
        // `mus-level`, `20 mum`: micro units.
        if a == "m", b == "u", end - start <= 4 {
            let unit = ScalarText.string(scalars[(start + 2)..<end])
            let afterNumber = previous(i).map { tokens[$0].kind == .number } ?? false
            if unit == "s" || (afterNumber && EnglishLexicon.microUnits.contains(unit)) {
                replacements[i] = "μ" + unit
                return
            }
        }
        // `LegalDelta`, `ParamDelta`: a name ending in a capital Greek letter.
        if end - start >= 8, isUpper(a), let letter = Self.trailingCapitalGreek(scalars[start..<end]) {
            replacements[i] = ScalarText.string(scalars[start..<(end - letter.nameLength)]) + letter.symbol
            return
        }
        // Capitals ending in `infty`.
        guard end - start > 6, scalars[end - 1] == "y", scalars[end - 2] == "t", scalars[end - 3] == "f",
            scalars[end - 4] == "n", scalars[end - 5] == "i", scalars[start..<(end - 5)].allSatisfy(isUpper)
        else { return }
        replacements[i] = ScalarText.string(scalars[start..<(end - 5)]) + "∞"
    }

    /// The lower-case Greek name starting a word (`rho|SIM`), with its letter.
    private static func leadingGreek(_ word: ArraySlice<Unicode.Scalar>) -> (symbol: String, nameLength: Int)? {
        var name = ""
        for scalar in word.prefix(7) {
            guard scalar >= "a" && scalar <= "z" else { break }
            name.unicodeScalars.append(scalar)
        }
        while name.count >= 2 {
            if case .greek(let letter, _)? = MathVocabulary.command(name) { return (letter, name.count) }
            name.removeLast()
        }
        return nil
    }

    /// The capital Greek name ending a longer name (`Legal|Delta`), after a lower-case letter.
    private static func trailingCapitalGreek(_ word: ArraySlice<Unicode.Scalar>) -> (symbol: String, nameLength: Int)? {
        let text = String(String.UnicodeScalarView(word))
        for name in ["Delta", "Gamma", "Sigma", "Omega", "Theta", "Lambda"] where text.hasSuffix(name) {
            let before = word[word.endIndex - name.count - 1]
            guard text.count >= name.count + 3, before >= "a" && before <= "z" else { return nil }
            if case .greek(let letter, _)? = MathVocabulary.command(name) { return (letter, name.count) }
        }
        return nil
    }

    /// A bracket group holding math, with math-compatible content, is math as a whole, and so
    /// is a letter or name applied to it: `Obig(n+nk{m}big)`, `(1{2}-epsilon)`.
    private mutating func markGroups() {
        for open in tokens.indices where isPunct(open, "([") && match[open] > open {
            let close = match[open]
            guard close - open <= Self.maxGroup, ((open + 1)..<close).contains(where: { math[$0] }),
                isMathContent(open)
            else { continue }
            mark(open...close)
            if let name = attachedPrevious(open), tokens[name].kind == .word,
                !isPlainWord(name) || tokens[name].length == 1 || isFusedWeak(name)
            {
                mark(name...name)
            }
        }
    }

    /// `n times d`, `11.0 pm 1.3`, `m gg n`, `100M sim 1B`, `D to infty`, and leading
    /// relations before a quantity: `(ge 175B)`, `sim99%`.
    private mutating func markInfix(_ i: Int) {
        guard let symbol = operatorSymbol(i) else { return }
        let left = previous(i)
        guard let right = next(i), isOperand(right, rightSide: true) || isShortSymbolWord(right) else { return }
        guard let left, isOperand(left, rightSide: false) || isShortSymbolWord(left) && isShortSymbolWord(right) else {
            // A relation opening a quantity: `(ge 175B)`, `e.g., leq 7B`, `sim10times`.
            // No English puts `pm`, `sim`, `approx`, `ge` or `times` before a number:
            // `(pm 1.3)`, `sim 90%`, `approx 40%`, `at times4`.
            let opens = left.map { isPunct($0, "(,") } ?? true || attachedNext(i) == right
            let leading = ["±", "∓", "∼", "≈", "≃", "≤", "≥", "≪", "≫", "×"].contains(symbol)
            if opens || leading, leading || symbol == "<" || symbol == ">", tokens[right].kind == .number {
                mark(i...extent(of: right))
            }
            return
        }
        switch symbol {
        case "⊨", "←", "⟹":
            // `models`, `gets`, `implies` are English verbs: only between symbols (`M models phi`).
            guard isSymbolic(left), isSymbolic(right) else { return }
        case "→":
            // `5 to 15`, `from O(T^2) to O(T)`: English. `D to infty`, `epsilon to 0`: a limit;
            // `g: X times Y to [0,1]`: a map into an interval.
            let limit = text(right) == "infty" || (tokens[right].kind == .number && text(right) == "0")
            let interval = isPunct(right, "[") && match[right] > right && isMathContent(right)
            if math[left], interval, !followsFrom(startOfOperand(left)) { break }
            guard limit, tokens[left].kind == .word else { return }
        case "∈", "∋":
            // Too common in English: the right side must already be math, and the left a symbol.
            let interval = isPunct(right, "([") && match[right] > right && isMathContent(right)
            guard math[right] || interval, tokens[left].kind == .word,
                tokens[left].length == 1 || strengths[left] == .greek || math[left]
            else { return }
        default:
            break
        }
        mark(startOfOperand(left)...extent(of: right))
    }

    /// Whether "from" comes shortly before token `k`, as in "from O(T^2) to O(T)".
    private func followsFrom(_ k: Int) -> Bool {
        var p = k - 1
        var words = 0
        while p >= 0, words < 4 {
            if tokens[p].kind == .word {
                if text(p).lowercased() == "from" { return true }
                words += 1
            }
            if isPunct(p, ".;") { return false }
            p -= 1
        }
        return false
    }

    /// Lone letters are variables: `three n times d`, `matrices Q, K, V`; not `a`, `I`,
    /// enumerations `(i)`, abbreviations `e.g.` or compounds `top-k`.
    private mutating func markSingleLetter(_ i: Int) {
        if math[i] || !singleLetters { return }
        // `(r x r)`: a letter x between sizes means "by", and the sizes stay prose too.
        if isBy(i) || previous(i).map(isBy) == true || next(i).map(isBy) == true { return }
        let before = i > 0 ? i - 1 : nil
        let after = i + 1 < tokens.count ? i + 1 : nil
        var standaloneBefore = before.map { tokens[$0].kind == .space || isPunct($0, "([,") } ?? true
        var standaloneAfter = after.map { tokens[$0].kind == .space || isPunct($0, ")],;:.'") } ?? true
        // `k-means`, `top-k`, `rank-r`, `p-adic`, `τ-twisted`, `C-reducible`: the variable of a
        // hyphenated term. Not `e-mail`, `a-priori`, `x-ray`, `U-Net`, `Q-learning`, `V-shaped`.
        let scalar = scalars[tokens[i].start]
        let isLower = (scalar >= "a" && scalar <= "z") || ProseTokenizer.isGreek(scalar)
        let isUpper = scalar >= "A" && scalar <= "Z"
        if (isLower && scalar != "e" && scalar != "a") || (isUpper && scalar != "A" && scalar != "I") {
            // After a hyphen, only lower-case variables and only after a lower-case word:
            // `top-k`, `rank-r`; not `ViT-b`, `inverted-U`.
            if let before, isPunct(before, "-"), before > 0, tokens[before - 1].kind == .word, isLower,
                scalars[tokens[before - 1].start].properties.isLowercase
            {
                standaloneBefore = true
            }
            // Before a hyphen: `k-means`, `p-adic`, `K-shot`; not `B-Coder`, `N-LRCs`, `U-Net`.
            if let after, isPunct(after, "-"), after + 1 < tokens.count, tokens[after + 1].kind == .word,
                !EnglishLexicon.hyphenNames.contains(text(after + 1).lowercased()),
                !(isUpper && scalars[tokens[after + 1].start].properties.isUppercase)
            {
                standaloneAfter = true
            }
        }
        // `E/F`: single letters on both sides of a slash.
        if let after, isPunct(after, "/"), after + 1 < tokens.count, tokens[after + 1].length == 1,
            tokens[after + 1].kind == .word, !isArticle(after + 1)
        {
            standaloneAfter = true
        }
        if let before, isPunct(before, "/"), before > 0, tokens[before - 1].length == 1,
            tokens[before - 1].kind == .word,
            !isArticle(before - 1)
        {
            standaloneBefore = true
        }
        guard standaloneBefore && standaloneAfter else { return }
        if let after, isPunct(after, "."), after + 1 < tokens.count, tokens[after + 1].kind == .word { return }  // e.g.
        if let before, isPunct(before, "."), before > 0, tokens[before - 1].kind == .word,
            tokens[before - 1].length == 1
        {
            return  // i.e.
        }
        if let after, isPunct(after, ")"), match[after] < 0, before.map({ tokens[$0].kind == .space }) ?? true {
            return  // `i) enhancing`, `b) We`
        }
        if let before, let after, isPunct(before, "("), isPunct(after, ")") {
            // `(i)` is an enumeration unless it follows a name it is applied to.
            if before == 0 || tokens[before - 1].kind == .space { return }
        }
        if isContraction(i) { return }  // `Cohen's kappa`, `don't`
        if isArticle(i) && !isArticleUsedAsSymbol(i) {
            // Only inside math: `alpha B A / r`. The article `a` needs math before it: in
            // `via a Delta scheme` it introduces a noun.
            let neighbours = (scalar == "a" ? [previous(i)] : [previous(i), next(i)]).compactMap { $0 }
            guard neighbours.contains(where: { math[$0] || isPunct($0, "/+=") }) else { return }
        }
        if !scalar.isASCII && !(0x391...0x3C9).contains(scalar.value) { return }
        mark(i...i)
    }

    // MARK: Growing

    /// Joins neighbours into the spans: attached operands and operators, groups of math,
    /// and across one space, operators and operands that continue the formula.
    private mutating func grow() {
        var changed = true
        var passes = 0
        while changed && passes < 4 {
            changed = false
            passes += 1
            var i = 0
            while i < tokens.count {
                guard math[i] else {
                    i += 1
                    continue
                }
                var j = i
                while j + 1 < tokens.count, math[j + 1] { j += 1 }
                if let end = growRight(from: j), end > j {
                    mark((j + 1)...end)
                    changed = true
                }
                if let start = growLeft(from: i), start < i {
                    mark(start...(i - 1))
                    changed = true
                }
                i = j + 1
                while i < tokens.count, math[i] { i += 1 }
            }
        }
    }

    /// How far a math run ending at `j` extends to the right.
    private func growRight(from j: Int) -> Int? {
        guard j + 1 < tokens.count else { return nil }
        let t = j + 1
        switch tokens[t].kind {
        case .space:
            guard let u = t + 1 < tokens.count ? t + 1 : nil else { return nil }
            if isPunct(u, "=<>+/|") || (isPunct(u, "-") && u + 1 < tokens.count && tokens[u + 1].kind == .space) {
                guard let v = next(u), isOperand(v, rightSide: true) else { return nil }
                return extent(of: v)
            }
            if isPunct(u, "([") && match[u] > u && isMathContent(u) && !endsWithOperand(j) { return match[u] }
            if tokens[u].kind == .number && !endsWithOperator(j) { return nil }
            if isContinuation(u) && !endsWithSentence(j) { return extent(of: u) }
            return nil
        case .punct:
            if isPunct(t, "([{") {
                guard match[t] > t, isMathContent(t) else { return nil }
                return match[t]
            }
            if isPunct(t, ")]}") { return match[t] >= 0 && math[match[t]] ? t : nil }
            if isPunct(t, "-") {
                // `-based`, `-approximate`, `-times`: a hyphenated English word ends the formula.
                guard let v = attachedNext(t), !isPlainWord(v) || tokens[v].length == 1, !isPunct(v, "-"),
                    strengths[v] != .weak
                else {
                    return nil
                }
                return extent(of: v)
            }
            if isPunct(t, "+*/=<>|^_!'") {
                guard let v = attachedNext(t) else { return isPunct(t, "'!|") ? t : nil }
                if isPunct(t, "|") { return t }
                return isOperand(v, rightSide: true) || isPunct(v, "({[|") ? extent(of: v) : nil
            }
            return nil
        case .word:
            if isPlainWord(t) && tokens[t].length > 1 {
                // `Params(M)` inside a formula is a function applied to math.
                if let open = attachedNext(t), isPunct(open, "("), match[open] > open, isMathContent(open) {
                    return match[open]
                }
                return nil
            }
            return extent(of: t)
        case .number:
            return extent(of: t)
        }
    }

    /// How far a math run starting at `i` extends to the left.
    private func growLeft(from i: Int) -> Int? {
        guard i > 0 else { return nil }
        let t = i - 1
        switch tokens[t].kind {
        case .space:
            guard t > 0 else { return nil }
            let u = t - 1
            if isPunct(u, "=<>+/|:") {
                guard let v = previous(u), isOperand(v, rightSide: false) else { return nil }
                if isPunct(u, ":") && !(tokens[v].kind == .word && tokens[v].length == 1) { return nil }
                return startOfOperand(v)
            }
            if tokens[u].kind == .number { return nil }  // `+6.9 DET_l`: a number before a formula is prose
            if isContinuation(u) && (tokens[u].kind != .word || tokens[u].length == 1 || strengths[u] != nil) {
                if isPunct(u, ")]}") { return match[u] >= 0 ? match[u] : nil }
                return startOfOperand(u)
            }
            return nil
        case .punct:
            if isPunct(t, ")]}") { return match[t] >= 0 && isMathContent(match[t]) ? startOfOperand(t) : nil }
            if isPunct(t, "([{") { return match[t] > t && math[match[t]] ? t : nil }
            // `3,mathrm{ms}`: a thin space `\,` between a number and its unit.
            if isPunct(t, ","), let v = attachedPrevious(t), tokens[v].kind == .number, tokens[i].kind == .word,
                strengths[i] == .strong
            {
                return v
            }
            if isPunct(t, "+-*/=<>|") {
                guard let v = attachedPrevious(t) else { return isPunct(t, "-|") ? t : nil }
                if isPunct(t, "|") { return t }
                if isPunct(t, "-"), isPlainWord(v), tokens[v].length > 1 { return nil }
                // `1.5-2.7times`: a range of numbers, not a subtraction.
                if isPunct(t, "-"), tokens[v].kind == .number, tokens[i].kind == .number { return nil }
                return isOperand(v, rightSide: false) ? startOfOperand(v) : nil
            }
            return nil
        case .word:
            // `mutext{s}`, `rhotext{SIM}`: a symbol fused with a text command.
            if isPunct(i, "{"), MathParser.fusedTextCommand(text(t)) != nil { return t }
            // `nk{m}`: short names fused to math are its variables.
            if isPlainWord(t) && tokens[t].length > 3 && !(isPunct(i, "{") && isFusedWeak(t)) { return nil }
            if isPlainWord(t) && tokens[t].length > 1 && !(isPunct(i, "{^_") || tokens[i].kind == .number) {
                return nil
            }
            return t
        case .number:
            return t
        }
    }

    /// A letter x between two short operands, as in `(r x r)` or `3 x 3`: "by".
    private func isBy(_ i: Int) -> Bool {
        guard tokens[i].kind == .word, tokens[i].length == 1, scalars[tokens[i].start] == "x", let left = previous(i),
            let right = next(i),
            left < i - 1, right > i + 1
        else { return false }
        return !math[left] && !math[right] && tokens[left].length <= 2 && tokens[right].length <= 2
            && tokens[left].kind != .punct && tokens[right].kind != .punct
    }

    /// A token that can follow a formula across a space and still belong to it.
    private func isContinuation(_ u: Int) -> Bool {
        switch tokens[u].kind {
        case .word:
            if math[u] { return true }
            if tokens[u].length == 1 { return !isArticle(u) && !isBy(u) && !isContraction(u) }
            if case .function? = command(u), let v = next(u), isOperand(v, rightSide: true) {
                return true
            }
            return strengths[u] == .strong || strengths[u] == .greek
        case .number:
            // `leq 7B`, `+ 1`; a number alone after a finished formula is prose.
            return true
        case .punct:
            return math[u] || (isPunct(u, "{") && match[u] > u)
        case .space:
            return false
        }
    }

    // MARK: Helpers

    private mutating func mark(_ range: ClosedRange<Int>) {
        for k in range where k >= 0 && k < math.count { math[k] = true }
    }

    /// The end of the operand starting at `v` (a whole group, a number with its unit).
    private func extent(of v: Int) -> Int {
        if isPunct(v, "({["), match[v] > v { return match[v] }
        if tokens[v].kind == .number, let unit = attachedNext(v), tokens[unit].kind == .word,
            tokens[unit].length == 1
        {
            return unit
        }
        if tokens[v].kind == .word, let open = attachedNext(v), isPunct(open, "("), match[open] > open,
            isMathContent(open), !isPlainWord(v) || tokens[v].length == 1
        {
            return match[open]
        }
        return v
    }

    private func startOfOperand(_ v: Int) -> Int {
        if isPunct(v, ")]}"), match[v] >= 0 {
            let open = match[v]
            if let name = attachedPrevious(open), tokens[name].kind == .word,
                !isPlainWord(name) || tokens[name].length == 1
            {
                return name
            }
            return open
        }
        if tokens[v].kind == .word, tokens[v].length == 1, let number = attachedPrevious(v),
            tokens[number].kind == .number
        {
            return number
        }
        return v
    }

    private func endsWithOperand(_ j: Int) -> Bool {
        tokens[j].kind == .word || tokens[j].kind == .number || isPunct(j, ")]}")
    }

    /// The run ends with an operator waiting for its right side: `leq`, `=`, fused `deltageq`.
    private func endsWithOperator(_ j: Int) -> Bool {
        if isPunct(j, "=<>+-*/") { return true }
        guard tokens[j].kind == .word else { return false }
        let word = text(j)
        let last: String
        if MathVocabulary.command(word) != nil {
            last = word
        } else if case .command(let name)? = WordSplitter.split(word)?.last {
            last = name
        } else {
            return false
        }
        if case .op = MathVocabulary.command(last) { return true }
        return false
    }

    private func endsWithSentence(_ j: Int) -> Bool {
        isPunct(j, ".,;:")
    }

    /// Something a formula can have on that side of an operator.
    private func isOperand(_ k: Int, rightSide: Bool) -> Bool {
        switch tokens[k].kind {
        case .number: return true
        case .word:
            if math[k] { return true }
            if tokens[k].length == 1 { return true }
            if let strength = strengths[k], strength != .weak { return true }
            if case .function? = command(k) { return rightSide }
            if !rightSide, let number = attachedPrevious(k), tokens[number].kind == .number { return true }  // 100M
            return isFusedMath(k)
        case .punct:
            if math[k] { return true }
            return rightSide ? isPunct(k, "([{|") && match[k] > k : isPunct(k, ")]}|")
        case .space:
            return false
        }
    }

    /// Brackets whose content reads as math: no English word outside nested braces (a name
    /// applied to parentheses, like `Params(M)`, is fine), no sentence.
    private func isMathContent(_ open: Int) -> Bool {
        let close = match[open]
        guard close > open, close - open <= Self.maxGroup else { return false }
        var k = open + 1
        while k < close {
            if isPunct(k, "{"), match[k] > k {
                k = match[k] + 1
                continue
            }
            if isPlainWord(k), tokens[k].length > 2, !(attachedNext(k).map { isPunct($0, "(") } ?? false),
                !isFusedWeak(k)
            {
                return false
            }
            // `(256 times 256 to 540 times 960)`: `to` between quantities is English.
            if operatorSymbol(k) == "→", let a = previous(k), let b = next(k), tokens[a].kind == .number,
                tokens[b].kind == .number
            {
                return false
            }
            // `(N up to 1024)`: two-letter English words make the group a phrase.
            if isPlainWord(k), tokens[k].length == 2, EnglishLexicon.twoLetterWords.contains(text(k).lowercased()) {
                return false
            }
            if isPunct(k, ".;"), k + 2 < close, tokens[k + 1].kind == .space, tokens[k + 2].kind == .word {
                return false
            }
            k += 1
        }
        return true
    }

    /// A word that is neither a command nor fused commands: English, a name, an acronym.
    private func isPlainWord(_ k: Int) -> Bool {
        tokens[k].kind == .word && strengths[k] == nil && !isFusedMath(k)
    }

    /// `1leq`, `deltageq`, `Omegasubseteq`, `nLvarepsilon`, `Phicirc`, `varepsilond`: fused
    /// command names with at least one that is never English. English words that hide a
    /// command (`well`, `circle`, `meta`, `thetas`) are left alone. With `strongOnly` false,
    /// `Uin R^{…}` (a capital fused with `in`, before math) counts too.
    private func isFusedMath(_ k: Int, strongOnly: Bool = false) -> Bool {
        let range = tokens[k].start..<tokens[k].end
        guard range.count > 2 else { return false }
        guard range.count >= 4, CommandTrie.shared.containsStrong(scalars, range), let pieces = split(k) else {
            return !strongOnly && isFusedRelation(k)
        }
        let letters = pieces.filter(\.isLetter).count
        guard letters <= 2, pieces.count <= 4 else { return false }
        let strongIndex = pieces.firstIndex { piece in
            guard case .command(let name) = piece else { return false }
            switch MathVocabulary.proseStrength(name) {
            case .strong: return true
            case .greek: return name.count >= 5 || (name.first?.isUppercase == true && name.count >= 3)
            default: return false
            }
        }
        guard let strongIndex else { return false }
        // `DeltaTune`, `GammaNet`: a Greek name starting a CamelCase name.
        if strongIndex == 0, case .command(let name) = pieces[0], case .greek? = MathVocabulary.command(name),
            tokens[k].length > name.count + 2
        {
            let rest = scalars[(tokens[k].start + name.count)..<tokens[k].end]
            if let first = rest.first, first >= "A" && first <= "Z", rest.contains(where: { $0 >= "a" && $0 <= "z" }) {
                return false
            }
        }
        // `Llambda`, `Vgamma`: a capital and a lower-case Greek name make a name.
        if pieces.count == 2, case .letter(let c) = pieces[0], c.isUppercase, case .command(let name) = pieces[1],
            name.first?.isLowercase == true, case .greek? = MathVocabulary.command(name)
        {
            return false
        }
        // After a Greek name, at most one letter, and not a plural `s`: `varepsilond`, but
        // not `thetas`, nor `noting` (notin, g).
        if case .letter(let c)? = pieces.last {
            guard case .command(let name) = pieces[strongIndex], case .greek? = MathVocabulary.command(name) else {
                return false
            }
            return pieces.count == strongIndex + 2 && c != "s"
        }
        return true
    }

    /// `Uin R^{…}`, `ain A`, `ple 1`, `Age ||B||`: a letter fused with a relation or binary
    /// operator name (`in`, `le`, `ge`, `ne`, `times`, …), right before an operand.
    private func isFusedRelation(_ k: Int) -> Bool {
        let range = tokens[k].start..<tokens[k].end
        guard range.count >= 3 else { return false }
        // The letter and the operator name are found by one trie look-up, no split.
        let suffix = trie.lookup(scalars, (range.lowerBound + 1)..<range.upperBound)
        guard range.count <= 7, ProseTokenizer.isLetter(scalars[range.lowerBound]), suffix >= 0,
            case .op(let symbol, let kind) = trie.commands[Int(suffix)].command,
            kind == .relation || kind == .binary, let right = next(k), !isPunct(right, ")]},.;"),
            range.count > 3 || !EnglishLexicon.shortWords.contains(text(k).lowercased())
        else { return false }
        if symbol == "∈" || symbol == "∋" {
            // `bin B`, `win A` are rare; `Uin R^{…}` and `iin [n]` are math.
            return math[right] || isPunct(right, "[") || (tokens[right].length == 1 && tokens[right].kind == .word)
        }
        return math[right] || tokens[right].kind == .number || isPunct(right, "|")
            || (tokens[right].length == 1 && tokens[right].kind == .word && !isArticle(right))
    }

    /// Math already, or a lone letter.
    private func isSymbolic(_ k: Int) -> Bool {
        math[k] || (tokens[k].kind == .word && tokens[k].length == 1)
    }

    /// The `s` of `Cohen's`, the `t` of `don't`: a letter after an apostrophe ending a word.
    private func isContraction(_ k: Int) -> Bool {
        guard tokens[k].kind == .word, tokens[k].length == 1, let mark = attachedPrevious(k), isPunct(mark, "'"),
            let word = attachedPrevious(mark)
        else { return false }
        return tokens[word].kind == .word
    }

    /// `mtimes`, `nlog`, `mloglog`, `Obig`: a letter fused with operator or function names,
    /// which counts as math inside a formula's brackets.
    private func isFusedWeak(_ k: Int) -> Bool {
        guard let pieces = split(k), pieces.count >= 2, pieces.count <= 4, pieces[0].isLetter else { return false }
        return pieces.dropFirst().allSatisfy { piece in
            guard case .command(let name) = piece else { return false }
            switch MathVocabulary.command(name) {
            case .op, .function, .sizing, .accent: return true
            default: return false
            }
        }
    }

    /// A Greek name used as a symbol: not part of a model name (`Phi-2`, `MHR-mu`,
    /// `PanGu-pi-1B`); `epsilon-optimal` and `delta-approximate` are symbols with a suffix.
    private func isStandalone(_ i: Int) -> Bool {
        if i > 1, isPunct(i - 1, "-"), tokens[i - 2].kind != .space { return false }
        if i + 2 < tokens.count, isPunct(i + 1, "-") {
            let next = tokens[i + 2]
            if next.kind == .number { return false }
            if next.kind == .word, scalars[next.start].properties.isUppercase { return false }
        }
        return true
    }

    /// `Omega Squared`, `Phi 3.5 Mini`, `Phi families`: a capitalised Greek name that names a
    /// model or statistic; `delta compression`, `delta rule`: the English noun delta.
    private func isGreekNamedThing(_ i: Int) -> Bool {
        let name = text(i)
        let isCapitalised = name.first?.isUppercase == true
        if isCapitalised, let before = previous(i), before < i - 1, tokens[before].kind == .word, !math[before],
            tokens[before].length >= 3, scalars[tokens[before].start].properties.isUppercase
        {
            return true  // `Raspberry Pi`
        }
        guard let next = next(i), next > i + 1 else { return false }
        if isCapitalised {
            if tokens[next].kind == .number { return true }
            guard tokens[next].kind == .word else { return false }
            let word = text(next)
            if word.count >= 3, word.first?.isUppercase == true { return true }
            return EnglishLexicon.nameFamilies.contains(word)
        }
        guard name == "delta", tokens[next].kind == .word, tokens[next].length >= 4 else { return false }
        let word = text(next)
        return word.first?.isLowercase == true && strengths[next] == nil && !EnglishLexicon.isFunctionWord(word)
    }

    /// `lambda functions`, `beta version`: Greek names that are English here.
    private func isEnglishCollocation(_ i: Int) -> Bool {
        guard let next = next(i), tokens[next].kind == .word else { return false }
        let pair = text(i).lowercased() + " " + text(next).lowercased()
        return EnglishLexicon.greekCollocations.contains { pair.hasPrefix($0) }
    }

    private func operatorSymbol(_ k: Int) -> String? {
        if case .op(let symbol, let kind)? = command(k), kind == .binary || kind == .relation {
            return symbol
        }
        return nil
    }

    /// `A`, `I` and `a` as symbols: `matrices A and B`, `of A.`, `Moran's I`, `divisor of a.`
    /// An article is always followed by the word it introduces.
    private func isArticleUsedAsSymbol(_ i: Int) -> Bool {
        let isCapitalI = scalars[tokens[i].start] == "I"
        if scalars[tokens[i].start] == "a" { return false }  // a lower-case `a` is an article
        guard let next = next(i) else { return !isCapitalI }
        // `Part I.`, `Type I:` are numerals: a lone `I` needs a verb or conjunction after it.
        if tokens[next].kind == .punct { return !isCapitalI && !isPunct(next, "(-'") }
        guard tokens[next].kind == .word, scalars[tokens[i].start] != "a" else { return false }
        return isCapitalI
            ? ["and", "or", "is", "be", "are", "has", "have"].contains(text(next))
            : EnglishLexicon.afterSymbol.contains(text(next))
    }

    /// `nm` in `nm times nm`: a two-letter word that is not an English word.
    private func isShortSymbolWord(_ k: Int) -> Bool {
        guard tokens[k].kind == .word, tokens[k].length == 2 else { return false }
        return !EnglishLexicon.twoLetterWords.contains(text(k).lowercased())
    }

    /// `a`, `A` and `I` are English words far more often than variables.
    private func isArticle(_ k: Int) -> Bool {
        guard tokens[k].length == 1 else { return false }
        let s = scalars[tokens[k].start]
        return s == "a" || s == "A" || s == "I"
    }

    private func isPunct(_ k: Int, _ set: StaticString) -> Bool {
        guard k >= 0 && k < tokens.count, tokens[k].kind == .punct else { return false }
        let v = scalars[tokens[k].start].value
        guard v < 128 else { return false }
        return set.withUTF8Buffer { $0.contains(UInt8(v)) }
    }

    func text(_ k: Int) -> String {
        String(String.UnicodeScalarView(scalars[tokens[k].start..<tokens[k].end]))
    }

    /// The neighbour without whitespace in between.
    private func attachedPrevious(_ k: Int) -> Int? {
        k > 0 && tokens[k - 1].kind != .space ? k - 1 : nil
    }

    private func attachedNext(_ k: Int) -> Int? {
        k + 1 < tokens.count && tokens[k + 1].kind != .space ? k + 1 : nil
    }

    /// The neighbour, skipping at most one run of whitespace.
    private func previous(_ k: Int) -> Int? {
        var p = k - 1
        if p >= 0, tokens[p].kind == .space { p -= 1 }
        return p >= 0 ? p : nil
    }

    private func next(_ k: Int) -> Int? {
        var n = k + 1
        if n < tokens.count, tokens[n].kind == .space { n += 1 }
        return n < tokens.count ? n : nil
    }

    /// A span worth typesetting: more than a lone number or punctuation.
    private func isMeaningful(_ range: ClosedRange<Int>) -> Bool {
        range.contains { tokens[$0].kind == .word } || range.contains { isPunct($0, "^_{=<>+") }
    }

    /// Pairs `(`/`)`, `[`/`]`, `{`/`}` with a stack; unmatched ones get -1.
    private static func matchBrackets(_ tokens: [ProseToken], _ scalars: [Unicode.Scalar]) -> [Int] {
        var match = Array(repeating: -1, count: tokens.count)
        var stack: [(Int, Unicode.Scalar)] = []
        for (k, token) in tokens.enumerated() where token.kind == .punct {
            let s = scalars[token.start]
            let open: Unicode.Scalar
            switch s {
            case "(", "[", "{":
                stack.append((k, s))
                continue
            case ")": open = "("
            case "]": open = "["
            case "}": open = "{"
            default: continue
            }
            do {
                let window = stack.indices.suffix(8)
                if let index = window.last(where: { stack[$0].1 == open }) {
                    let (start, _) = stack[index]
                    stack.removeSubrange(index...)
                    match[start] = k
                    match[k] = start
                }
            }
        }
        return match
    }
}
