/// What a word looks like to the detector: an operand, plain English, fused command names.
extension MathSpanDetector {
    /// The word's split into commands and letters (at most three), if it has a command.
    func split(_ k: Int) -> [WordSplitter.Piece]? {
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

    /// Something a formula can have on that side of an operator.
    func isOperand(_ k: Int, rightSide: Bool) -> Bool {
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
    func isMathContent(_ open: Int) -> Bool {
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
            if commandIndex[k] >= 0, operatorSymbol(k) == "→", let a = previous(k), let b = next(k),
                tokens[a].kind == .number, tokens[b].kind == .number
            {
                return false
            }
            // `(N up to 1024)`: two-letter English words make the group a phrase.
            if tokens[k].length == 2, isPlainWord(k), EnglishLexicon.twoLetterWords.contains(text(k).lowercased()) {
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
    func isPlainWord(_ k: Int) -> Bool {
        tokens[k].kind == .word && strengths[k] == nil && !isFusedMath(k)
    }

    /// `1leq`, `deltageq`, `Omegasubseteq`, `nLvarepsilon`, `Phicirc`, `varepsilond`: fused
    /// command names with at least one that is never English. English words that hide a
    /// command (`well`, `circle`, `meta`, `thetas`) are left alone. With `strongOnly` false,
    /// `Uin R^{…}` (a capital fused with `in`, before math) counts too.
    func isFusedMath(_ k: Int, strongOnly: Bool = false) -> Bool {
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

    /// What must follow a word fused with an operator, whichever operator it is (checked
    /// again in full by `isFusedRelation`): most words are followed by a longer word, and
    /// are turned away here, without a look-up or even a call.
    @inline(__always)
    func mayBeFusedRelation(_ k: Int) -> Bool {
        guard tokens[k].length >= 3, let right = next(k) else { return false }
        return math[right] || tokens[right].kind == .number || isPunct(right, "|[")
            || (tokens[right].length == 1 && tokens[right].kind == .word)
    }

    /// `Uin R^{…}`, `ain A`, `ple 1`, `Age ||B||`: a letter fused with a relation or binary
    /// operator name (`in`, `le`, `ge`, `ne`, `times`, …), right before an operand.
    func isFusedRelation(_ k: Int) -> Bool {
        guard mayBeFusedRelation(k), let right = next(k) else { return false }
        let range = tokens[k].start..<tokens[k].end
        // The letter and the operator name are found by one trie look-up, no split.
        let suffix = trie.lookup(scalars, (range.lowerBound + 1)..<range.upperBound)
        guard range.count <= 7, ProseTokenizer.isLetter(scalars[range.lowerBound]), suffix >= 0,
            case .op(let symbol, let kind) = trie.commands[Int(suffix)].command,
            kind == .relation || kind == .binary, !isPunct(right, ")]},.;"),
            range.count > 3 || !EnglishLexicon.shortWords.contains(text(k).lowercased())
        else { return false }
        if symbol == "∈" || symbol == "∋" {
            // `bin B`, `win A` are rare; `Uin R^{…}` and `iin [n]` are math.
            return math[right] || isPunct(right, "[") || (tokens[right].length == 1 && tokens[right].kind == .word)
        }
        return math[right] || tokens[right].kind == .number || isPunct(right, "|")
            || (tokens[right].length == 1 && tokens[right].kind == .word && !isArticle(right))
    }

    /// `mtimes`, `nlog`, `mloglog`, `Obig`: a letter fused with operator or function names,
    /// which counts as math inside a formula's brackets.
    func isFusedWeak(_ k: Int) -> Bool {
        guard let pieces = split(k), pieces.count >= 2, pieces.count <= 4, pieces[0].isLetter else { return false }
        return pieces.dropFirst().allSatisfy { piece in
            guard case .command(let name) = piece else { return false }
            switch MathVocabulary.command(name) {
            case .op, .function, .sizing, .accent: return true
            default: return false
            }
        }
    }

    /// `nm` in `nm times nm`: a two-letter word that is not an English word.
    func isShortSymbolWord(_ k: Int) -> Bool {
        guard tokens[k].kind == .word, tokens[k].length == 2 else { return false }
        return !EnglishLexicon.twoLetterWords.contains(text(k).lowercased())
    }
}
