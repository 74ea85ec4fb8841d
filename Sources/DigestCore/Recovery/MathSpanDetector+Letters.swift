/// Single letters and Greek names: variables or English? Articles, contractions, enumerations,
/// hyphenated terms, Greek names used as names or nouns.
extension MathSpanDetector {
    /// Lone letters are variables: `three n times d`, `matrices Q, K, V`; not `a`, `I`,
    /// enumerations `(i)`, abbreviations `e.g.` or compounds `top-k`.
    mutating func markSingleLetter(_ i: Int) {
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

    /// Math already, or a lone letter.
    func isSymbolic(_ k: Int) -> Bool {
        math[k] || (tokens[k].kind == .word && tokens[k].length == 1)
    }

    /// The `s` of `Cohen's`, the `t` of `don't`: a letter after an apostrophe ending a word.
    func isContraction(_ k: Int) -> Bool {
        guard tokens[k].kind == .word, tokens[k].length == 1, let mark = attachedPrevious(k), isPunct(mark, "'"),
            let word = attachedPrevious(mark)
        else { return false }
        return tokens[word].kind == .word
    }

    /// A Greek name used as a symbol: not part of a model name (`Phi-2`, `MHR-mu`,
    /// `PanGu-pi-1B`); `epsilon-optimal` and `delta-approximate` are symbols with a suffix.
    func isStandalone(_ i: Int) -> Bool {
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
    func isGreekNamedThing(_ i: Int) -> Bool {
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
    func isEnglishCollocation(_ i: Int) -> Bool {
        guard let next = next(i), tokens[next].kind == .word else { return false }
        let pair = text(i).lowercased() + " " + text(next).lowercased()
        return EnglishLexicon.greekCollocations.contains { pair.hasPrefix($0) }
    }

    /// `A`, `I` and `a` as symbols: `matrices A and B`, `of A.`, `Moran's I`, `divisor of a.`
    /// An article is always followed by the word it introduces.
    func isArticleUsedAsSymbol(_ i: Int) -> Bool {
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
}
