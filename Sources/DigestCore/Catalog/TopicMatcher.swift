/// Decides which topics a paper belongs to by looking for each topic's phrases as whole words.
struct TopicMatcher: Sendable {
    private struct Phrase: Sendable {
        var words: [String]
        /// The last word matches any word it starts (`adapter*`).
        var prefix: Bool
    }

    private struct CompiledTopic: Sendable {
        var slug: String
        var phrases: [Phrase]
        var exclude: [Phrase]
        var minMentions: Int
    }

    private let topics: [CompiledTopic]

    init(_ topics: [Topic]) {
        self.topics = topics.map { topic in
            CompiledTopic(
                slug: topic.slug, phrases: topic.phrases.compactMap(Self.compile),
                exclude: topic.exclude.compactMap(Self.compile), minMentions: topic.minMentions)
        }
    }

    /// Slugs of the matching topics, in taxonomy order.
    func topics(title: String, abstract: String) -> [String] {
        let titleWords = WordIndex(title)
        let abstractWords = WordIndex(abstract)
        return topics.compactMap { topic in
            let excluded = topic.exclude.contains { titleWords.count($0) > 0 || abstractWords.count($0) > 0 }
            if excluded { return nil }
            if topic.phrases.contains(where: { titleWords.count($0) > 0 }) { return topic.slug }
            let mentions = topic.phrases.reduce(0) { $0 + abstractWords.count($1) }
            return mentions >= topic.minMentions ? topic.slug : nil
        }
    }

    private static func compile(_ phrase: String) -> Phrase? {
        let words = Words.split(phrase)
        return words.isEmpty ? nil : Phrase(words: words, prefix: phrase.hasSuffix("*"))
    }

    /// The words of one text with where each occurs, for quick phrase look-ups.
    private struct WordIndex {
        let words: [String]
        let positions: [String: [Int]]

        init(_ text: String) {
            words = Words.split(text)
            var positions: [String: [Int]] = [:]
            for (index, word) in words.enumerated() { positions[word, default: []].append(index) }
            self.positions = positions
        }

        /// How many times `phrase` occurs.
        func count(_ phrase: Phrase) -> Int {
            let first = phrase.words[0]
            if phrase.prefix && phrase.words.count == 1 {
                return words.reduce(0) { $0 + ($1.hasPrefix(first) ? 1 : 0) }
            }
            return (positions[first] ?? []).reduce(0) { total, start in
                total + (matches(phrase, at: start) ? 1 : 0)
            }
        }

        private func matches(_ phrase: Phrase, at start: Int) -> Bool {
            guard start + phrase.words.count <= words.count else { return false }
            for (offset, word) in phrase.words.enumerated() {
                let candidate = words[start + offset]
                let isLast = offset == phrase.words.count - 1
                if isLast && phrase.prefix ? !candidate.hasPrefix(word) : candidate != word { return false }
            }
            return true
        }
    }
}

/// Lower-cased, accent-folded runs of letters and digits: what topic phrases are matched on.
enum Words {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
