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
        // Every operator name ends in w, s, t or o and is followed by a capital: check that
        // cheaply before building the word.
        let hasBoundary = ((range.lowerBound + 1)..<range.upperBound).contains { q in
            let last = scalars[q - 1]
            return scalars[q] >= "A" && scalars[q] <= "Z" && (last == "w" || last == "s" || last == "t" || last == "o")
        }
        guard hasBoundary, range.count <= WordSplitter.maxWordLength,
            scalars[range].allSatisfy({ $0.isASCII && ProseTokenizer.isLetter($0) })
        else { return }
        // ASCII letters: each name is found by comparing bytes (a Foundation search per
        // name cost more than the rest of a text's detection, for names like `ChatGPT`).
        let letters = scalars[range].map { UInt8(truncatingIfNeeded: $0.value) }
        for (name, symbol) in EnglishLexicon.fusableOperators {
            guard let at = Self.firstOccurrence(of: name, in: letters) else { continue }
            let end = at + name.utf8.count
            guard end < letters.count, letters[end] >= 0x41 && letters[end] <= 0x5A else { continue }
            let left = String(decoding: letters[..<at], as: UTF8.self)
            let right = String(decoding: letters[end...], as: UTF8.self)
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

    /// Where `name` (ASCII) first occurs in `letters`.
    private static func firstOccurrence(of name: String, in letters: [UInt8]) -> Int? {
        let name = Array(name.utf8)
        guard name.count <= letters.count else { return nil }
        return (0...(letters.count - name.count)).first { start in
            name.indices.allSatisfy { letters[start + $0] == name[$0] }
        }
    }

    /// What each repair of `repairName` needs, asked before calling it: most words need none
    /// (`mu…`, a capital inside, a long capitalised name, or a long one ending in `y`), and
    /// the call alone cost more than the answer for the millions of words of an archive.
    @inline(__always)
    func mayNeedNameRepair(_ i: Int, camel: Bool) -> Bool {
        let start = tokens[i].start, end = tokens[i].end
        return end - start >= 3
            && (camel || scalars[start] == "m" || (end - start >= 8 && scalars[start] >= "A" && scalars[start] <= "Z")
                || (end - start > 6 && scalars[end - 1] == "y"))
    }

    /// `muP`, `muParam` (μP), `VSEinfty` (VSE∞): names spelled with a damaged symbol. They
    /// stay text, with the symbol restored.
    mutating func repairName(_ i: Int, camel: Bool) {
        guard mayNeedNameRepair(i, camel: camel) else { return }
        let start = tokens[i].start, end = tokens[i].end
        // Most texts have no replacement: then none is looked up (a hash per word).
        guard strengths[i] == nil, !math[i], replacements.isEmpty || replacements[i] == nil else { return }
        let isUpper = { (s: Unicode.Scalar) in s >= "A" && s <= "Z" }
        let a = scalars[start], b = scalars[start + 1]
        // `muP`, `muTransfer`: `mu` followed by a capital (μP is the standard spelling). Not
        // `nuScenes`, `nuPlan`, `piCam`: those names are spelled with Latin letters.
        if isUpper(scalars[start + 2]), a == "m", b == "u" {
            replacements[i] = "μ" + ScalarText.string(scalars[(start + 2)..<end])
            return
        }
        // `rhoSIM`, `betaVAE`: a lower-case Greek name before capitals (a lost `\text{SIM}`).
        if camel, let greek = leadingGreek(start..<end), end - start > greek.nameLength,
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
        if end - start >= 8, isUpper(a), let letter = trailingCapitalGreek(start..<end) {
            replacements[i] = ScalarText.string(scalars[start..<(end - letter.nameLength)]) + letter.symbol
            return
        }
        // Capitals ending in `infty`.
        guard end - start > 6, scalars[end - 1] == "y", scalars[end - 2] == "t", scalars[end - 3] == "f",
            scalars[end - 4] == "n", scalars[end - 5] == "i", scalars[start..<(end - 5)].allSatisfy(isUpper)
        else { return }
        replacements[i] = ScalarText.string(scalars[start..<(end - 5)]) + "∞"
    }

    /// The lower-case Greek name starting a word and ending at its first capital (`rho|SIM`),
    /// found by one trie look-up.
    func leadingGreek(_ range: Range<Int>) -> (symbol: String, nameLength: Int)? {
        guard let first = scalars[range].first, first >= "a" && first <= "z",
            let capital = scalars[range].firstIndex(where: { $0 >= "A" && $0 <= "Z" }), capital - range.lowerBound >= 2
        else { return nil }
        return greekLetter(range.lowerBound..<capital).map { ($0, capital - range.lowerBound) }
    }

    /// The capital Greek name (five or six letters) ending a longer name after a lower-case
    /// letter (`Legal|Delta`).
    func trailingCapitalGreek(_ range: Range<Int>) -> (symbol: String, nameLength: Int)? {
        for length in 5...6 where range.count >= length + 3 {
            let name = (range.upperBound - length)..<range.upperBound
            let before = scalars[name.lowerBound - 1]
            guard scalars[name.lowerBound] >= "A" && scalars[name.lowerBound] <= "Z", before >= "a" && before <= "z"
            else { continue }
            if let letter = greekLetter(name) { return (letter, length) }
        }
        return nil
    }

    /// The Greek letter `scalars[range]` names, if it names one.
    private func greekLetter(_ range: Range<Int>) -> String? {
        let index = trie.lookup(scalars, range)
        guard index >= 0, case .greek(let letter, _) = trie.commands[Int(index)].command else { return nil }
        return letter
    }
}
