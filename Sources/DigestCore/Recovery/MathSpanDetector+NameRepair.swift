/// Names spelled with a damaged symbol stay text with the symbol restored: `muP` → μP,
/// `LegalDelta` → LegalΔ, `tau-Bench` → τ-Bench, `ARleftrightarrowEN` → AR↔EN.
extension MathSpanDetector {
    /// `alpha-Flow`, `tau-Bench`, `PixArt-alpha`, `MHR-mu`, `ENN-ell`: a lower-case Greek name in
    /// a hyphenated name is the letter (the text stays text). Not `delta-sparsification`-like
    /// English (left to the standalone rule), nor capitalised `Phi-2`, `Gamma-Hurdle`.
    mutating func repairHyphenatedGreek(_ i: Int) {
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
    mutating func repairFusedOperator(_ i: Int) {
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

    /// `muP`, `muParam` (μP), `VSEinfty` (VSE∞): names spelled with a damaged symbol. They
    /// stay text, with the symbol restored.
    mutating func repairName(_ i: Int) {
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
    static func leadingGreek(_ word: ArraySlice<Unicode.Scalar>) -> (symbol: String, nameLength: Int)? {
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
    static func trailingCapitalGreek(_ word: ArraySlice<Unicode.Scalar>) -> (symbol: String, nameLength: Int)? {
        let text = String(String.UnicodeScalarView(word))
        for name in ["Delta", "Gamma", "Sigma", "Omega", "Theta", "Lambda"] where text.hasSuffix(name) {
            let before = word[word.endIndex - name.count - 1]
            guard text.count >= name.count + 3, before >= "a" && before <= "z" else { return nil }
            if case .greek(let letter, _)? = MathVocabulary.command(name) { return (letter, name.count) }
        }
        return nil
    }
}
