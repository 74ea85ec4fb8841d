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

    /// The words the index lists a paper under: each distinct word of its title and
    /// abstract longer than one character, in order of first occurrence. They depend on the
    /// two texts alone, so a build can keep them from one run to the next.
    public static func searchWords(title: PaperText, abstract: PaperText) -> [String] {
        var seen = Set<String>()
        return Terms.words(title.plainText + " " + abstract.plainText).filter {
            $0.characterCount > 1 && seen.insert($0).inserted
        }
    }

    func searchIndex() -> String {
        searchIndex(
            words: Array(searchedPapers).parallelMap { index in
                Self.searchWords(title: catalog.papers[index].title, abstract: catalog.papers[index].abstract)
            })
    }

    /// The index from each searched paper's `searchWords`, in the order of `searchedPapers`.
    public func searchIndex(words: [[String]]) -> String {
        var postings: [String: [Int]] = [:]
        for (number, list) in words.enumerated() {
            for word in list { postings[word, default: []].append(number) }
        }
        // UTF-16 order, the order the script's binary search compares in.
        let terms = postings.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        let encoded = terms.map { Self.encodePostings(postings[$0] ?? []) }
        let rows = searchedPapers.prefix(words.count).map { index -> String in
            let paper = catalog.papers[index]
            return JSON.array([
                JSON.string(paper.title.plainText), JSON.string(routes.url(Routes.paper(paper.slug))),
                JSON.string(paper.lastSeen.iso), JSON.string(Self.summary(of: paper.abstract.plainText, limit: 180)),
            ])
        }
        return JSON.object([
            ("papers", JSON.array(rows)), ("postings", JSON.array(encoded)),
            ("terms", JSON.array(terms.map(JSON.string))), ("version", "1"),
        ]) + "\n"
    }

    private static let base36Digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// `[0, 2, 13]` → `"0.1.a"`, quoted: base-36 gaps written digit by digit into one buffer
    /// (digits and dots need no JSON escaping), as the index has tens of thousands of terms.
    static func encodePostings(_ papers: [Int]) -> String {
        var bytes: [UInt8] = [0x22]
        var previous = -1
        var scratch: [UInt8] = []
        for (offset, paper) in papers.enumerated() {
            if offset > 0 { bytes.append(0x2E) }
            var gap = paper - previous - 1
            previous = paper
            scratch.removeAll(keepingCapacity: true)
            repeat {
                scratch.append(base36Digits[gap % 36])
                gap /= 36
            } while gap > 0
            bytes.append(contentsOf: scratch.reversed())
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
