import Foundation

/// The built-in search index: every word of every title and abstract, for a small script
/// that searches without a server.
///
/// `{"papers": [[title, url, iso date, summary], …], "terms": [sorted words],
/// "postings": ["3.1.a.2", …]}`: `postings[i]` lists the papers holding `terms[i]` as
/// base-36 gaps between paper numbers, which keeps the file a fraction of the size of the
/// abstracts themselves.
extension SiteRenderer {
    func searchIndex() -> String {
        var postings: [String: [Int]] = [:]
        for (index, view) in rendered.enumerated() {
            let words = Set(Terms.words(view.titlePlain + " " + view.abstractPlain))
            for word in words where word.count > 1 { postings[word, default: []].append(index) }
        }
        // UTF-16 order, the order the script's binary search compares in.
        let terms = postings.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        let encoded = terms.map { term -> String in
            var previous = -1
            return (postings[term] ?? []).map { index in
                defer { previous = index }
                return String(index - previous - 1, radix: 36)
            }.joined(separator: ".")
        }
        let papers = catalog.papers.indices.map { index -> [String] in
            let paper = catalog.papers[index]
            return [
                rendered[index].titlePlain, routes.url(Routes.paper(paper.slug)), paper.lastSeen.iso,
                RenderedPaper.summary(of: rendered[index].abstractPlain, limit: 180),
            ]
        }
        let index: [String: Any] = ["version": 1, "papers": papers, "terms": terms, "postings": encoded]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: index, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
