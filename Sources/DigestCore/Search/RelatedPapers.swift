import Foundation

/// For each document, the most similar others by TF-IDF cosine similarity.
///
/// Candidates come from an inverted index: a document is compared only with documents that
/// share one of its strongest terms, and each term's postings are capped to the documents
/// where it weighs most. Work grows with documents × terms kept × cap, not documents², so a
/// catalog of 100 000 papers costs about what 100 demo catalogs do. Ties break by index,
/// so the result is deterministic.
public enum RelatedPapers {
    /// Terms per document that look for candidates.
    static let queryTerms = 24
    /// Documents kept per term (the ones where the term weighs most).
    static let postingCap = 400

    public static func compute(_ documents: [[String]], count: Int = 5) -> [[Int]] {
        let n = documents.count
        guard n > 1 else { return Array(repeating: [], count: n) }

        // Term ids in order of first appearance; document frequencies.
        var ids: [String: Int] = [:]
        var frequency: [Int] = []
        var counts: [[Int: Int]] = []
        counts.reserveCapacity(n)
        for terms in documents {
            var tf: [Int: Int] = [:]
            for term in terms {
                let id: Int
                if let known = ids[term] {
                    id = known
                } else {
                    id = ids.count
                    ids[term] = id
                    frequency.append(0)
                }
                tf[id, default: 0] += 1
            }
            for id in tf.keys { frequency[id] += 1 }
            counts.append(tf)
        }

        // Unit-length TF-IDF vectors, terms sorted by id. A term in one document cannot link
        // two, and one in most documents says little: both are left out.
        let limit = max(2, n / 2)
        let vectors: [[(term: Int, weight: Double)]] = counts.map { tf in
            var vector: [(term: Int, weight: Double)] = []
            for (id, count) in tf where frequency[id] > 1 && frequency[id] <= limit {
                let idf = log(Double(n) / Double(frequency[id]))
                vector.append((id, (1 + log(Double(count))) * idf))
            }
            vector.sort { $0.term < $1.term }
            let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            return norm > 0 ? vector.map { ($0.term, $0.weight / norm) } : []
        }

        // Postings: the documents where each term weighs most.
        var postings = Array(repeating: [(document: Int, weight: Double)](), count: frequency.count)
        for (document, vector) in vectors.enumerated() {
            for entry in vector { postings[entry.term].append((document, entry.weight)) }
        }
        for term in postings.indices where postings[term].count > postingCap {
            postings[term].sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.document < $1.document }
            postings[term].removeLast(postings[term].count - postingCap)
        }

        var scores = Array(repeating: 0.0, count: n)
        var touched: [Int] = []
        var related: [[Int]] = []
        related.reserveCapacity(n)
        for document in 0..<n {
            let strongest = vectors[document].sorted {
                $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term
            }.prefix(queryTerms)
            for entry in strongest.sorted(by: { $0.term < $1.term }) {
                for posting in postings[entry.term] where posting.document != document {
                    if scores[posting.document] == 0 { touched.append(posting.document) }
                    scores[posting.document] += entry.weight * posting.weight
                }
            }
            let best = touched.sorted {
                scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
            }.prefix(count)
            related.append(Array(best))
            for index in touched { scores[index] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return related
    }
}
