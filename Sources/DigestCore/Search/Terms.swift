import Foundation

/// Splits text into the words search and similarity work on: lower-cased, accents folded,
/// split at anything that is not a letter or digit. The search script in the default theme
/// folds a query the same way (`toLowerCase`, NFD without combining marks).
public enum Terms {
    public static func words(_ text: String) -> [String] {
        wordList(text).strings
    }

    /// The words of `text` as this type splits them.
    static func wordList(_ text: String) -> WordList {
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

    /// Each distinct word of `text` longer than one character, in order of first
    /// occurrence, joined by spaces: the words the search index finds a paper by. Judged
    /// and compared on their bytes (the words are folded, so equal words have equal bytes).
    static func distinctWords(_ text: String) -> String {
        let list = wordList(text)
        var seen = FingerprintTable(capacity: list.count)
        /// Words whose fingerprint an earlier, different word holds.
        var others = Set<String>()
        var joined: [UInt8] = []
        joined.reserveCapacity(list.bytes.count + list.count)
        list.bytes.withUnsafeBufferPointer { all in
            for index in 0..<list.count {
                let word = UnsafeBufferPointer(rebasing: all[list.range(index)])
                // A text all ASCII (most are) needs no look at each word's bytes.
                let isLong =
                    list.isASCII || word.allSatisfy { $0 < 0x80 }
                    ? word.count > 1 : String(decoding: word, as: UTF8.self).characterCount > 1
                guard isLong else { continue }
                if let earlier = seen.insert(index, for: Fingerprint.of(word)) {
                    // A word seen before, or another one with the same fingerprint.
                    guard !UnsafeBufferPointer(rebasing: all[list.range(earlier)]).hasSameBytes(as: word),
                        others.insert(String(decoding: word, as: UTF8.self)).inserted
                    else { continue }
                }
                if !joined.isEmpty { joined.append(0x20) }
                joined.append(contentsOf: word)
            }
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Words that carry meaning for similarity: no stop words, no numbers, no one- or
    /// two-letter fragments, plurals folded (`models` → `model`).
    public static func significant(_ text: String) -> [String] {
        var kept: [String] = []
        eachSignificant(in: wordList(text)) { bytes, other, _ in
            kept.append(other ?? String(decoding: bytes, as: UTF8.self))
        }
        return kept
    }

    /// A paper's distinct significant terms with how often each occurs, the title's
    /// counting twice (it says what a paper is about more densely than the abstract), in
    /// the order they first occur: `RelatedPapers.termCounts` of the title's terms twice,
    /// then the abstract's. Counted on the words' bytes, so a term becomes a string only
    /// the first time it is seen.
    static func significantCounts(title: String, abstract: String) -> TermCounts {
        significantCounts(title: wordList(title), abstract: wordList(abstract))
    }

    /// `significantCounts` of texts split by `wordList`.
    static func significantCounts(title: WordList, abstract: WordList) -> TermCounts {
        var counts = TermCounts(capacity: 128)
        var seen = FingerprintTable(capacity: 128)
        /// Terms whose fingerprint an earlier, different term holds.
        var others: [String: Int] = [:]
        for (words, weight) in [(title, 2), (abstract, 1)] {
            eachSignificant(in: words) { bytes, other, print in
                if let at = seen.insert(counts.count, for: print) {
                    if counts.holds(bytes, at: at) { return counts.add(weight, to: at) }
                    let term = other ?? String(decoding: bytes, as: UTF8.self)
                    if let earlier = others[term] { return counts.add(weight, to: earlier) }
                    others[term] = counts.count
                }
                counts.append(bytes, count: weight, print: print)
            }
        }
        return counts
    }

    /// Calls `found` with each significant word of `list`, in order: its bytes, the word
    /// itself when not all ASCII (`other`, judged on its characters), and the fingerprint
    /// of its bytes. Most words are ASCII, judged on their bytes in one pass (stop words
    /// found by the same fingerprint) and never made a string.
    private static func eachSignificant(
        in list: WordList, _ found: (UnsafeBufferPointer<UInt8>, String?, UInt64) -> Void
    ) {
        // Read once: a static is checked for its first use at every read.
        let stopWords = stopWordTable
        list.bytes.withUnsafeBufferPointer { all in
            list.ends.withUnsafeBufferPointer { ends in
                var start = 0
                for end in ends {
                    let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
                    start = end
                    // Two bytes hold two characters at most: never significant.
                    guard bytes.count > 2 else { continue }
                    // Whether a byte is not ASCII (none is in an ASCII text), and whether one
                    // is a letter (the first, mostly), read together.
                    var high: UInt8 = 0
                    var letters = (bytes[0] | 0x20) &- 0x61 < 26 ? 1 : 0
                    if !list.isASCII || letters == 0 {
                        for byte in bytes {
                            high |= byte
                            letters |= ((byte | 0x20) &- 0x61 < 26) ? 1 : 0
                        }
                    }
                    guard high < 0x80 else {
                        guard let word = significant(other: String(decoding: bytes, as: UTF8.self)) else { continue }
                        // Its own bytes: a plural's `s` may be gone.
                        var scanned = word
                        scanned.withUTF8 { found($0, word, Fingerprint.of($0)) }
                        continue
                    }
                    guard letters != 0 else { continue }
                    let print = Fingerprint.of(bytes)
                    if let number = stopWords.table.position(of: print), stopWords.words[number].hasUTF8(bytes) {
                        continue
                    }
                    // `s` but not `ss`, `us` or `is` at the end of a word of five or more.
                    let last = bytes.count - 1
                    if bytes.count > 4 && bytes[last] == 0x73 && bytes[last - 1] != 0x73 && bytes[last - 1] != 0x75
                        && bytes[last - 1] != 0x69
                    {
                        let singular = UnsafeBufferPointer(rebasing: bytes.dropLast())
                        found(singular, nil, Fingerprint.of(singular))
                    } else {
                        found(bytes, nil, print)
                    }
                }
            }
        }
    }

    /// `significant` for a word that is not all ASCII, judged on its characters.
    private static func significant(other word: String) -> String? {
        let count = word.characterCount
        guard count > 2, word.contains(where: \.isLetter) else { return nil }
        let plural =
            count > 4 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
        return plural ? String(word.dropLast()) : word
    }

    /// Stop words by fingerprint, each kept to confirm a match.
    private static let stopWordTable: (table: FingerprintTable, words: [String]) = {
        let words = stopWords.sorted()
        var table = FingerprintTable(capacity: words.count)
        for (number, word) in words.enumerated() { table.insert(number, for: Fingerprint.of(word)) }
        return (table, words)
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
