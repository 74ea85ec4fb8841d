import Foundation

/// Splits text into the words search and similarity work on: lower-cased, accents folded,
/// split at anything that is not a letter or digit. The search script in the default theme
/// folds a query the same way (`toLowerCase`, NFD without combining marks).
public enum Terms {
    public static func words(_ text: String) -> [String] {
        WordBuffer.words(in: text) { scalar, words in
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // Accents off (é → e), then lower case, as the script's NFKD + toLowerCase.
                for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
                where part.properties.generalCategory != .nonspacingMark {
                    for lower in part.properties.lowercaseMapping.unicodeScalars { words.append(lower) }
                }
            } else if scalar.properties.generalCategory != .nonspacingMark {
                words.flush()
            }
        }
    }

    /// Words that carry meaning for similarity: no stop words, no numbers, no one- or
    /// two-letter fragments, plurals folded (`models` → `model`).
    ///
    /// Every word is looked at, so an ASCII word (most are) is judged on its bytes, and
    /// stop words are found by fingerprint rather than hashed again by a `Set`.
    public static func significant(_ text: String) -> [String] {
        words(text).compactMap { word in
            var word = word
            let ascii: (count: Int, letter: Bool, plural: Bool)? = word.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
                // `s` but not `ss`, `us` or `is` at the end of a word of five or more.
                let plural =
                    bytes.count > 4 && bytes[bytes.count - 1] == 0x73
                    && ![0x73, 0x75, 0x69].contains(bytes[bytes.count - 2])
                return (bytes.count, bytes.contains { ($0 | 0x20) &- 0x61 < 26 }, plural)
            }
            let count = ascii?.count ?? word.characterCount
            guard count > 2, !isStopWord(word), ascii?.letter ?? word.contains(where: \.isLetter) else { return nil }
            let plural =
                ascii?.plural
                ?? (count > 4 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us")
                    && !word.hasSuffix("is"))
            return plural ? String(word.dropLast()) : word
        }
    }

    static func isStopWord(_ word: String) -> Bool {
        stopWordIndex.number(of: word, print: Fingerprint.of(word)) != nil
    }

    private static let stopWordIndex: FingerprintIndex<String> = {
        var index = FingerprintIndex<String>(capacity: stopWords.count)
        for word in stopWords { _ = index.insert(word, print: Fingerprint.of(word)) }
        return index
    }()

    /// Common English words and the boilerplate of abstracts ("we propose", "results").
    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "have", "its", "they", "them", "their", "there", "these", "this", "that", "those", "with",
        "from", "into", "onto", "over", "under", "than", "then", "when", "which", "while", "who", "whom", "whose",
        "what", "where", "why", "how", "such", "both", "each", "more", "most", "other", "some", "also", "only",
        "very", "via", "may", "might", "must", "should", "would", "could", "will", "shall", "been", "being", "were",
        "does", "did", "doing", "done", "about", "above", "after", "again", "against", "between", "before", "below",
        "during", "through", "within", "without", "across", "along", "among", "upon", "per", "use", "used", "using",
        "uses", "based", "new", "novel", "propose", "proposed", "proposes", "present", "presents", "introduce",
        "introduces", "introduced", "paper", "work", "approach", "method", "methods", "result", "results", "show",
        "shows", "shown", "demonstrate", "demonstrates", "achieve", "achieves", "achieved", "existing", "however",
        "further", "furthermore", "moreover", "well", "often", "even", "here", "first", "two", "three", "across",
        "state", "art", "significantly", "significant", "performance", "improve", "improves", "improved", "task",
        "tasks", "code", "available", "http", "https", "www", "com", "github", "org", "data", "model", "models",
        "large", "including", "include", "includes", "enable", "enables", "different", "various", "key", "while",
        "thus", "therefore", "whether", "yet", "still", "much", "many", "less", "same", "own", "just", "like",
    ]
}
