/// Marking: the words, scripts, braces and operators that are math on their own evidence.
extension MathSpanDetector {
    mutating func markEvidence() {
        for i in tokens.indices {
            switch tokens[i].kind {
            case .punct:
                switch scalars[tokens[i].start] {
                case ",":
                    // `12\,\%` lost its backslash: `12,%` is 12%.
                    if let number = attachedPrevious(i), tokens[number].kind == .number,
                        let percent = attachedNext(i), isPunct(percent, "%")
                    {
                        droppedTokens.insert(i)
                    }
                case "^", "_": markScript(i)
                case "!":
                    // `x!in!{4,8}`, `sim!10^3`: a negative thin space `\!` lost its backslash.
                    if let l = attachedPrevious(i), let r = attachedNext(i),
                        (tokens[l].kind == .word && strengths[l] != nil)
                            || (tokens[r].kind == .word && strengths[r] != nil)
                    {
                        mark(l...extent(of: r))
                    }
                case "{": markBraces(i)
                case "=", "<", ">": markRelation(i)
                default: break
                }
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
            if strengths[i] == nil, !math[i], (3...7).contains(tokens[i].length), mayBeFusedRelation(i),
                isFusedRelation(i)
            {
                mark(i...i)
            }
            if tokens[i].length >= 3, strengths[i] == nil {
                // Most repairs need a capital inside the word (`rhoSIM`, `ARleftrightarrowEN`).
                let camel = tokens[i].hasInnerCapital
                if mayNeedNameRepair(i, camel: camel) { repairName(i, camel: camel) }
                if camel, tokens[i].length >= 5, !math[i] { repairFusedOperator(i) }
            }
            if strengths[i] == .greek || (strengths[i] == .weak && command(i) == .symbol("ℓ")), !math[i] {
                repairHyphenatedGreek(i)
            }
        }
        markGroups()
        markMultipliers()
    }

    /// `approx 120 times faster`, `16 times fewer` in a text that uses `times` as ×
    /// elsewhere (`256 times 256`): a number with `times` after it is a multiplier. Without
    /// such evidence "16 times fewer" stays English.
    mutating func markMultipliers() {
        var evidence: Bool?
        for k in tokens.indices where commandIndex[k] >= 0 && !math[k] && operatorSymbol(k) == "×" {
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
                continue
            }
            if evidence == nil { evidence = usesTimesAsMath() }
            if evidence == true { mark(number...k) }
        }
    }

    /// Whether some `times` is already math: `256 times 256`, `19times`, `mtimes n`.
    private func usesTimesAsMath() -> Bool {
        tokens.indices.contains { k in
            guard math[k], tokens[k].kind == .word else { return false }
            return operatorSymbol(k) == "×" || (commandIndex[k] < 0 && split(k)?.contains(.command("times")) == true)
        }
    }

    /// `x_0`, `d^2`, `QK^top`, `G_{stack}`; not `snake_case`.
    mutating func markScript(_ i: Int) {
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
    func isNumericGroup(_ k: Int) -> Bool {
        if tokens[k].kind == .number { return true }
        guard isPunct(k, "{"), match[k] > k + 1, match[k] - k <= 12 else { return false }
        return ((k + 1)..<match[k]).allSatisfy { tokens[$0].kind == .number || isPunct($0, "-,") }
    }

    /// `1{2}`, `D{to}infty`, `64{times}64`; `Norouzi{-}Fard` only loses its braces.
    mutating func markBraces(_ i: Int) {
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
    mutating func markRelation(_ i: Int) {
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

    mutating func markWord(_ i: Int) {
        switch strengths[i] {
        case .strong:
            mark(i...i)
        case .greek:
            if isStandalone(i) && !isEnglishCollocation(i) && !isGreekNamedThing(i) { mark(i...i) }
        case .weak:
            // `bm v`, `bf x`: a short font name before a lone letter.
            if case .font? = command(i), let letter = next(i), letter > i + 1, tokens[letter].kind == .word,
                tokens[letter].length == 1, !isArticle(letter)
            {
                mark(i...letter)
            }
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
    mutating func markAccent(_ i: Int) {
        guard case .accent? = command(i), let base = next(i), tokens[base].kind == .word,
            tokens[base].length == 1 || strengths[base] == .greek
        else { return }
        mark(i...extent(of: base))
    }

    /// A bracket group holding math, with math-compatible content, is math as a whole, and so
    /// is a letter or name applied to it: `Obig(n+nk{m}big)`, `(1{2}-epsilon)`.
    mutating func markGroups() {
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
    mutating func markInfix(_ i: Int) {
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
    func followsFrom(_ k: Int) -> Bool {
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
}
