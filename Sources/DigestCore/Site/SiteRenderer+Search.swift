import Foundation

/// The built-in search index: every word of every title and abstract, for a small script
/// that searches without a server.
///
/// `{"papers": [[title, url, iso date, summary], …], "terms": [sorted words],
/// "postings": ["3.1.a.2", …]}`: `postings[i]` lists the papers holding `terms[i]` as
/// base-36 gaps between paper numbers, which keeps the file a fraction of the size of the
/// abstracts themselves.
extension SiteRenderer {
    /// The papers the index covers: the newest `searchPapers` (the index must stay small
    /// enough to download); a Pagefind index, when built, covers every paper.
    public var searchedPapers: Range<Int> {
        0..<min(max(0, config.searchPapers), catalog.papers.count)
    }

    func searchIndex() -> String {
        searchIndex(
            entries: Array(searchedPapers).parallelMap { index in
                SearchEntry(title: catalog.papers[index].title, abstract: catalog.papers[index].abstract)
            })
    }

    /// The index from each searched paper's entry, in the order of `searchedPapers`.
    /// Words are told apart by their fingerprints (a hit checked against the word itself):
    /// hundreds of thousands of them, too many to hash as strings.
    public func searchIndex(entries: [SearchEntry]) -> String {
        var table = FingerprintTable(capacity: 1 << 15)
        var terms: [String] = []
        var postings: [[Int]] = []
        /// Words whose fingerprint an earlier, different word holds.
        var others: [String: Int] = [:]
        for (number, entry) in entries.enumerated() {
            var words = entry.words
            words.withUTF8 { bytes in
                // Each word's bytes are hashed in place; a string is made only for a new term.
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    if word.isEmpty { continue }
                    var id = terms.count
                    if let found = table.insert(id, for: Fingerprint.of(word)) {
                        if terms[found].hasUTF8(word) {
                            id = found
                        } else {
                            let text = String(decoding: word, as: UTF8.self)
                            if let other = others[text] {
                                id = other
                            } else {
                                others[text] = id
                            }
                        }
                    }
                    if id == terms.count {
                        terms.append(String(decoding: word, as: UTF8.self))
                        postings.append([])
                    }
                    postings[id].append(number)
                }
            }
        }
        // UTF-16 order, the order the script's binary search compares in.
        let order = terms.indices.sorted { terms[$0].precedesInUTF16Order(terms[$1]) }
        var encoded: [UInt8] = [0x5B]
        for (place, id) in order.enumerated() {
            if place > 0 { encoded.append(0x2C) }
            Self.appendPostings(postings[id], to: &encoded)
        }
        encoded.append(0x5D)
        // Field by field: a paper read out of the array whole is copied, every string it
        // holds retained and released.
        let rows = zip(searchedPapers, entries).map { index, entry -> String in
            JSON.array([
                JSON.string(catalog.papers[index].title.plainText),
                JSON.string(routes.paperURL(catalog.papers[index].slug)),
                JSON.string(dayText(catalog.papers[index].lastSeen).iso), JSON.string(entry.summary),
            ])
        }
        return JSON.object([
            ("papers", JSON.array(rows)), ("postings", String(decoding: encoded, as: UTF8.self)),
            ("terms", JSON.array(order.map { JSON.string(terms[$0]) })), ("version", "1"),
        ]) + "\n"
    }

    /// `[0, 2, 13]` → `"0.1.a"`, quoted: base-36 gaps written digit by digit into the
    /// index's buffer (digits and dots need no JSON escaping), as it has tens of thousands of
    /// terms. Most gaps are one digit or two: the digits are written in order, from the
    /// largest power of 36 down, rather than written backwards and reversed.
    static func appendPostings(_ papers: [Int], to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var previous = -1
        for (offset, paper) in papers.enumerated() {
            if offset > 0 { bytes.append(0x2E) }
            let gap = paper - previous - 1
            previous = paper
            var power = 1
            while power <= gap / 36 { power *= 36 }
            while power > 0 {
                let digit = UInt8(truncatingIfNeeded: gap / power % 36)
                bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
                power /= 36
            }
        }
        bytes.append(0x22)
    }
}
