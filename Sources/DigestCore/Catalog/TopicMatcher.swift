/// Decides which topics a paper belongs to by looking for each topic's phrases as whole words.
///
/// Every phrase of every topic is indexed by its first word (prefix phrases such as
/// `adapter*` by their first three bytes), so a text is scanned once with a look-up or two
/// per word, however many topics and phrases the taxonomy has.
public struct TopicMatcher: Sendable {
    private struct Phrase: Sendable {
        var words: [String]
        /// The last word matches any word it starts (`adapter*`).
        var prefix: Bool
        var topic: Int
        var excludes: Bool
    }

    private let slugs: [String]
    private let minMentions: [Int]
    private let phrases: [Phrase]
    /// Phrases (indices) by their first word.
    private let byFirstWord: [String: [Int]]
    /// Single-word prefix phrases by the first bytes of the prefix; `shortPrefixes` are
    /// those of fewer than three bytes, checked at every word.
    private let prefixByHead: [UInt32: [Int]]
    private let shortPrefixes: [Int]
    /// Which words may start a phrase and which heads a prefix, asked before the
    /// dictionaries: most words of a text start none, and are turned away without hashing.
    private let firstWordFilter: KeyFilter
    private let headFilter: KeyFilter

    /// A set of 32-bit keys that answers "no" or "maybe" with one read of a 64 Kbit table.
    private struct KeyFilter: Sendable {
        private var bits = [UInt64](repeating: 0, count: 1024)

        init(_ keys: some Sequence<UInt32>) {
            for key in keys {
                let slot = Self.slot(key)
                bits[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }

        func mayContain(_ key: UInt32) -> Bool {
            let slot = Self.slot(key)
            return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
        }

        /// The top 16 bits of a multiplicative hash.
        private static func slot(_ key: UInt32) -> Int {
            Int((key &* 0x9E37_79B1) >> 16)
        }
    }

    public init(_ topics: [Topic]) {
        slugs = topics.map(\.slug)
        minMentions = topics.map(\.minMentions)
        var phrases: [Phrase] = []
        var byFirstWord: [String: [Int]] = [:]
        var prefixByHead: [UInt32: [Int]] = [:]
        var shortPrefixes: [Int] = []
        for (index, topic) in topics.enumerated() {
            for (text, excludes) in topic.phrases.map({ ($0, false) }) + topic.exclude.map({ ($0, true) }) {
                let words = Words.split(text)
                guard let first = words.first else { continue }
                let number = phrases.count
                phrases.append(Phrase(words: words, prefix: text.hasSuffix("*"), topic: index, excludes: excludes))
                if text.hasSuffix("*") && words.count == 1 {
                    if let head = Self.head(first) {
                        prefixByHead[head, default: []].append(number)
                    } else {
                        shortPrefixes.append(number)
                    }
                } else {
                    byFirstWord[first, default: []].append(number)
                }
            }
        }
        self.phrases = phrases
        self.byFirstWord = byFirstWord
        self.prefixByHead = prefixByHead
        self.shortPrefixes = shortPrefixes
        firstWordFilter = KeyFilter(byFirstWord.keys.map(Self.filterKey))
        headFilter = KeyFilter(prefixByHead.keys)
    }

    /// A word's first two bytes and its length, packed: what `firstWordFilter` holds.
    private static func filterKey(_ word: String) -> UInt32 {
        var utf8 = word.utf8.makeIterator()
        let a = utf8.next() ?? 0
        let b = utf8.next() ?? 0
        return UInt32(a) << 16 | UInt32(b) << 8 | UInt32(min(word.utf8.count, 255))
    }

    /// The first three bytes of a word, packed; nil for shorter words.
    private static func head(_ word: String) -> UInt32? {
        var utf8 = word.utf8.makeIterator()
        guard let a = utf8.next(), let b = utf8.next(), let c = utf8.next() else { return nil }
        return UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// Slugs of the matching topics, in taxonomy order.
    public func topics(title: String, abstract: String) -> [String] {
        var excluded = Array(repeating: false, count: slugs.count)
        var inTitle = excluded
        var mentions = Array(repeating: 0, count: slugs.count)
        scan(Words.split(title)) { phrase in
            if phrase.excludes { excluded[phrase.topic] = true } else { inTitle[phrase.topic] = true }
        }
        scan(Words.split(abstract)) { phrase in
            if phrase.excludes { excluded[phrase.topic] = true } else { mentions[phrase.topic] += 1 }
        }
        return slugs.indices.compactMap { topic in
            guard !excluded[topic], inTitle[topic] || mentions[topic] >= minMentions[topic] else { return nil }
            return slugs[topic]
        }
    }

    /// Calls `found` once for every place a phrase occurs in `words`.
    private func scan(_ words: [String], found: (Phrase) -> Void) {
        for start in words.indices {
            let word = words[start]
            if firstWordFilter.mayContain(Self.filterKey(word)), let candidates = byFirstWord[word] {
                for number in candidates where matches(phrases[number], words, at: start) { found(phrases[number]) }
            }
            if let head = Self.head(word), headFilter.mayContain(head), let candidates = prefixByHead[head] {
                for number in candidates where word.hasPrefix(phrases[number].words[0]) { found(phrases[number]) }
            }
            for number in shortPrefixes where word.hasPrefix(phrases[number].words[0]) { found(phrases[number]) }
        }
    }

    private func matches(_ phrase: Phrase, _ words: [String], at start: Int) -> Bool {
        guard start + phrase.words.count <= words.count else { return false }
        for (offset, word) in phrase.words.enumerated() {
            let candidate = words[start + offset]
            let isLast = offset == phrase.words.count - 1
            if isLast && phrase.prefix ? !candidate.hasPrefix(word) : candidate != word { return false }
        }
        return true
    }
}

/// Lower-cased, accent-folded runs of letters and digits: what topic phrases are matched on.
enum Words {
    static func split(_ text: String) -> [String] {
        WordBuffer.words(in: text) { scalar, words in
            if scalar.properties.isAlphabetic {
                for part in scalar.properties.lowercaseMapping.unicodeScalars { words.append(part) }
            } else {
                words.flush()
            }
        }
    }
}
