/// Growing: joining neighbours into the marked spans, one token or group at a time.
extension MathSpanDetector {
    /// Joins neighbours into the spans: attached operands and operators, groups of math,
    /// and across one space, operators and operands that continue the formula.
    mutating func grow() {
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
    func growRight(from j: Int) -> Int? {
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
    func growLeft(from i: Int) -> Int? {
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
    func isBy(_ i: Int) -> Bool {
        guard tokens[i].kind == .word, tokens[i].length == 1, scalars[tokens[i].start] == "x", let left = previous(i),
            let right = next(i),
            left < i - 1, right > i + 1
        else { return false }
        return !math[left] && !math[right] && tokens[left].length <= 2 && tokens[right].length <= 2
            && tokens[left].kind != .punct && tokens[right].kind != .punct
    }

    /// A token that can follow a formula across a space and still belong to it.
    func isContinuation(_ u: Int) -> Bool {
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

    /// The end of the operand starting at `v` (a whole group, a number with its unit).
    func extent(of v: Int) -> Int {
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

    func startOfOperand(_ v: Int) -> Int {
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

    func endsWithOperand(_ j: Int) -> Bool {
        tokens[j].kind == .word || tokens[j].kind == .number || isPunct(j, ")]}")
    }

    /// The run ends with an operator waiting for its right side: `leq`, `=`, fused `deltageq`.
    func endsWithOperator(_ j: Int) -> Bool {
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

    func endsWithSentence(_ j: Int) -> Bool {
        isPunct(j, ".,;:")
    }
}
