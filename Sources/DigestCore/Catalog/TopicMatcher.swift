/// Decides which topics a paper belongs to by looking for each topic's phrases as whole words.
///
/// Every phrase of every topic is indexed by its first word (prefix phrases such as
/// `adapter*` by their first three bytes), so a text is scanned once with a look-up or two
/// per word, however many topics and phrases the taxonomy has.
public struct TopicMatcher: Sendable {
    private struct Phrase: Sendable {
        var words: [[UInt8]]
        /// The last word matches any word it starts (`adapter*`).
        var prefix: Bool
        var topic: Int
        var excludes: Bool
    }

    private let slugs: [String]
    private let minMentions: [Int]
    private let phrases: [Phrase]
    /// Phrases (indices) by the fingerprint of their first word (a match compares the
    /// words themselves): the table gives the number of their list in `candidateLists`. (A
    /// `Dictionary` hashed each fingerprint again, for every word that passed the filter.)
    private let byFirstWord: FingerprintTable
    /// Single-word prefix phrases by the first bytes of the prefix (mixed into a key by
    /// `headKey`); `shortPrefixes` are those of fewer than three bytes, checked at every word.
    private let prefixByHead: FingerprintTable
    /// The lists of phrases the tables lead to, one after another: list `n` is
    /// `candidates[candidateLists[n]..<candidateLists[n + 1]]`. One array, because reading
    /// a list held as an array of its own retained and released it at every word found.
    private let candidates: [Int]
    private let candidateLists: [Int]
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
        var byFirstWord: [UInt64: [Int]] = [:]
        var prefixByHead: [UInt32: [Int]] = [:]
        var shortPrefixes: [Int] = []
        var firstWordKeys: [UInt32] = []
        for (index, topic) in topics.enumerated() {
            for (text, excludes) in topic.phrases.map({ ($0, false) }) + topic.exclude.map({ ($0, true) }) {
                let list = Words.split(text)
                let words = (0..<list.count).map { Array(list.bytes[list.range($0)]) }
                guard let first = words.first else { continue }
                let number = phrases.count
                phrases.append(Phrase(words: words, prefix: text.hasSuffix("*"), topic: index, excludes: excludes))
                let (key, print) = first.withUnsafeBufferPointer { (Self.keys($0), Fingerprint.of($0)) }
                if text.hasSuffix("*") && words.count == 1 {
                    if let head = key.head {
                        prefixByHead[head, default: []].append(number)
                    } else {
                        shortPrefixes.append(number)
                    }
                } else {
                    byFirstWord[print, default: []].append(number)
                    firstWordKeys.append(key.filter)
                }
            }
        }
        self.phrases = phrases
        var candidates: [Int] = []
        var candidateLists = [0]
        func table<Key>(_ lists: [Key: [Int]], key: (Key) -> UInt64) -> FingerprintTable {
            var table = FingerprintTable(capacity: lists.count)
            for (entry, list) in lists {
                table.insert(candidateLists.count - 1, for: key(entry))
                candidates += list
                candidateLists.append(candidates.count)
            }
            return table
        }
        self.byFirstWord = table(byFirstWord) { $0 }
        self.prefixByHead = table(prefixByHead, key: Self.headKey)
        self.candidates = candidates
        self.candidateLists = candidateLists
        self.shortPrefixes = shortPrefixes
        firstWordFilter = KeyFilter(firstWordKeys)
        headFilter = KeyFilter(prefixByHead.keys)
    }

    /// What a word is looked up by before its fingerprint is made: its first two bytes and
    /// its length packed (what `firstWordFilter` holds), and its first three bytes packed
    /// (nil for shorter words).
    private static func keys(_ word: UnsafeBufferPointer<UInt8>) -> (filter: UInt32, head: UInt32?) {
        let a = word.count > 0 ? word[0] : 0
        let b = word.count > 1 ? word[1] : 0
        let filter = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(min(word.count, 255))
        return (filter, word.count > 2 ? UInt32(a) << 16 | UInt32(b) << 8 | UInt32(word[2]) : nil)
    }

    /// A prefix head as a table key: its bits spread over the top ones, which pick a slot.
    private static func headKey(_ head: UInt32) -> UInt64 {
        UInt64(head) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Slugs of the matching topics, in taxonomy order.
    public func topics(title: String, abstract: String) -> [String] {
        topics(title: Words.split(title), abstract: Words.split(abstract))
    }

    /// `topics` of texts already split (by `Words.split`, or any split of an ASCII text).
    func topics(title: WordList, abstract: WordList) -> [String] {
        var excluded = Array(repeating: false, count: slugs.count)
        var inTitle = excluded
        var mentions = Array(repeating: 0, count: slugs.count)
        scan(title) { topic, excludes in
            if excludes { excluded[topic] = true } else { inTitle[topic] = true }
        }
        scan(abstract) { topic, excludes in
            if excludes { excluded[topic] = true } else { mentions[topic] += 1 }
        }
        return slugs.indices.compactMap { topic in
            guard !excluded[topic], inTitle[topic] || mentions[topic] >= minMentions[topic] else { return nil }
            return slugs[topic]
        }
    }

    /// Calls `found` with the topic of a phrase, and whether it excludes it, once for every
    /// place the phrase occurs in `words`, read on their bytes. Phrases are read where they
    /// are in `phrases`: one copied out retained its words at every word of a text.
    private func scan(_ words: WordList, found: (_ topic: Int, _ excludes: Bool) -> Void) {
        words.bytes.withUnsafeBufferPointer { all in
            for start in 0..<words.count {
                let word = UnsafeBufferPointer(rebasing: all[words.range(start)])
                let key = Self.keys(word)
                if firstWordFilter.mayContain(key.filter), let list = byFirstWord.position(of: Fingerprint.of(word)) {
                    for place in candidateLists[list]..<candidateLists[list + 1] {
                        let number = candidates[place]
                        if matches(number, words, all, at: start) {
                            found(phrases[number].topic, phrases[number].excludes)
                        }
                    }
                }
                if let head = key.head, headFilter.mayContain(head),
                    let list = prefixByHead.position(of: Self.headKey(head))
                {
                    for place in candidateLists[list]..<candidateLists[list + 1] {
                        let number = candidates[place]
                        if startsPhrase(number, word) { found(phrases[number].topic, phrases[number].excludes) }
                    }
                }
                for place in 0..<shortPrefixes.count where startsPhrase(shortPrefixes[place], word) {
                    found(phrases[shortPrefixes[place]].topic, phrases[shortPrefixes[place]].excludes)
                }
            }
        }
    }

    /// Whether `word` starts with the first word of phrase `number` (a prefix phrase).
    private func startsPhrase(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        phrases[number].words[0].withUnsafeBufferPointer { prefix in
            prefix.count <= word.count && UnsafeBufferPointer(rebasing: word[..<prefix.count]).hasSameBytes(as: prefix)
        }
    }

    private func matches(
        _ number: Int, _ words: WordList, _ all: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> Bool {
        // Read in place: a phrase copied out retained its words.
        let count = phrases[number].words.count
        guard start + count <= words.count else { return false }
        for offset in 0..<count {
            let candidate = UnsafeBufferPointer(rebasing: all[words.range(start + offset)])
            let matches = phrases[number].words[offset].withUnsafeBufferPointer { word in
                offset == count - 1 && phrases[number].prefix
                    ? candidate.starts(with: word) : candidate.hasSameBytes(as: word)
            }
            if !matches { return false }
        }
        return true
    }
}

/// Lower-cased, accent-folded runs of letters and digits: what topic phrases are matched on.
enum Words {
    static func split(_ text: String) -> WordList {
        WordBuffer.words(in: text) { scalar, words in
            if scalar.properties.isAlphabetic {
                for part in scalar.properties.lowercaseMapping.unicodeScalars { words.append(part) }
            } else {
                words.flush()
            }
        }
    }
}
