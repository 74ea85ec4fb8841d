import Dispatch
import Foundation

/// Related papers that stay put as the archive grows: each paper is compared only with
/// papers listed before it or on the same day, weighted by what was known that day.
///
/// Papers are added one day (a group) at a time, then that day's papers are looked up.
/// The result for a paper depends only on the days up to its own, so adding a day never
/// changes an older paper's page, and a build can reuse a day's answers while every day
/// before it is unchanged. Each term keeps the `postingCap` most recent papers holding it
/// and a look-up uses a paper's `queryTerms` strongest terms, so a day costs the same in a
/// ten-year archive as in a one-year one.
public struct RelatedPapers: Sendable {
    static let queryTerms = 16
    static let postingCap = 200

    /// Terms by id, found by their fingerprints (a `Dictionary` would hash each again).
    private var ids = FingerprintIndex<String>()
    private var frequency: [Int] = []
    /// Per term: (paper ordinal, weight), oldest first; trimmed from the front.
    private var postings: [[Posting]] = []
    /// Papers added so far; ordinals count from 0 in the order papers were added.
    public private(set) var count = 0
    /// Zeroed scores for look-ups, one row of `scoreStride` per worker; a look-up zeroes
    /// what it touched, so rows are reused from day to day.
    private var scores: [Float] = []
    private var scoreStride = 0
    private static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// A paper holding a term, and the term's weight in it. The ordinal is 32 bits, as in
    /// the saved state: half the bytes a look-up reads (and the index holds) of a full `Int`.
    public typealias Posting = (document: Int32, weight: Float)

    public init() {}

    /// Everything later days are compared with, for a build cache to keep.
    public struct State: Sendable {
        /// Terms in id order, how many papers hold each, and each term's recent papers.
        public var terms: [String]
        public var frequency: [Int]
        public var postings: [[Posting]]
        public var count: Int

        public init(terms: [String], frequency: [Int], postings: [[Posting]], count: Int) {
            self.terms = terms
            self.frequency = frequency
            self.postings = postings
            self.count = count
        }
    }

    public var state: State {
        State(
            terms: ids.keys, frequency: frequency, postings: postings.map { Array($0.suffix(Self.postingCap)) },
            count: count)
    }

    /// Resumes from a saved state; nil when the state is inconsistent.
    public init?(_ state: State) {
        guard state.terms.count == state.frequency.count, state.terms.count == state.postings.count else {
            return nil
        }
        ids.reserveCapacity(state.terms.count)
        for term in state.terms { _ = ids.insert(term, print: Fingerprint.of(term)) }
        guard ids.count == state.terms.count,
            state.postings.allSatisfy({ $0.allSatisfy { (0..<state.count).contains(Int($0.document)) } })
        else { return nil }
        frequency = state.frequency
        postings = state.postings
        count = state.count
    }

    /// Adds one day's papers (their significant terms), then returns the `count` most
    /// similar papers for each, as ordinals, best first (ties by ordinal).
    public mutating func addDay(_ documents: [[String]], lookUp: Bool, count: Int = 5) -> [[Int]] {
        addDay(counted: documents.map(Self.termCounts), lookUp: lookUp, count: count)
    }

    /// A document's distinct terms with how often each occurs, in the order they first occur
    /// (the order new terms get their ids in). Pure, so a build counts in parallel before
    /// adding days one by one.
    public static func termCounts(_ terms: [String]) -> TermCounts {
        var position = FingerprintIndex<String>(capacity: terms.count)
        var counts = TermCounts(capacity: terms.count)
        for term in terms {
            let print = Fingerprint.of(term)
            let (at, isNew) = position.insert(term, print: print)
            if isNew {
                term.withUTF8Bytes { counts.append($0, count: 1, print: print) }
            } else {
                counts.add(1, to: at)
            }
        }
        return counts
    }

    /// `addDay` for documents already counted by `termCounts`.
    public mutating func addDay(counted documents: [TermCounts], lookUp: Bool, count: Int = 5) -> [[Int]] {
        let first = self.count
        var vectors: [[(term: Int, weight: Float)]] = []
        var counts: [[(id: Int, count: Int)]] = []
        for terms in documents {
            var tf: [(id: Int, count: Int)] = []
            tf.reserveCapacity(terms.count)
            terms.forEach { term, count, print in
                let (id, isNew) = self.ids.insert(utf8: term, print: print)
                if isNew {
                    // `self.`: this day's `postings` below is another value.
                    self.frequency.append(0)
                    self.postings.append([])
                }
                tf.append((id, count))
            }
            for entry in tf { frequency[entry.id] += 1 }
            counts.append(tf)
        }
        let n = first + documents.count
        self.count = n
        let limit = max(2, n / 2)
        for (offset, tf) in counts.enumerated() {
            // Each term's id and weight packed in one integer, high and low half, sorted as
            // integers: in term order (each term is there once), without a comparison closure.
            var packed: [UInt64] = []
            packed.reserveCapacity(tf.count)
            for (id, count) in tf where frequency[id] > 1 && frequency[id] <= limit {
                let idf = log(Double(n) / Double(frequency[id]))
                let weight = Float((1 + log(Double(count))) * idf)
                packed.append(UInt64(id) << 32 | UInt64(weight.bitPattern))
            }
            packed.sort()
            func weight(_ entry: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: entry)) }
            let norm = packed.reduce(Float(0)) { $0 + weight($1) * weight($1) }.squareRoot()
            let unit: [(term: Int, weight: Float)] = norm > 0 ? packed.map { (Int($0 >> 32), weight($0) / norm) } : []
            vectors.append(unit)
            let document = Int32(truncatingIfNeeded: first + offset)
            postings.withUnsafeMutableBufferPointer { postings in
                for entry in unit {
                    postings[entry.term].append((document, entry.weight))
                    if postings[entry.term].count >= 2 * Self.postingCap {
                        postings[entry.term].removeFirst(postings[entry.term].count - Self.postingCap)
                    }
                }
            }
        }
        guard lookUp, !vectors.isEmpty else { return [] }
        // A day's look-ups only read the postings: they run on every core, each worker with
        // its own row of scores, and give what one after another would.
        let workers = min(Self.workers, vectors.count)
        if n > scoreStride {
            scoreStride = max(n, 2 * scoreStride)
            scores = Array(repeating: 0, count: Self.workers * scoreStride)
        }
        let (postings, stride, days) = (self.postings, scoreStride, vectors)
        var results = Array(repeating: [Int](), count: vectors.count)
        scores.withUnsafeMutableBufferPointer { scores in
            results.withUnsafeMutableBufferPointer { results in
                let shared = UncheckedSendable((scores, results))
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let (scores, results) = shared.value
                    let row = UnsafeMutableBufferPointer(rebasing: scores[(worker * stride)..<((worker + 1) * stride)])
                    // Every paper a look-up reaches, at most one per posting read.
                    var touched = [Int32](repeating: 0, count: Self.queryTerms * Self.postingCap)
                    touched.withUnsafeMutableBufferPointer { touched in
                        for index in Swift.stride(from: worker, to: days.count, by: workers) {
                            results[index] = Self.similar(
                                to: Int32(truncatingIfNeeded: first + index), vector: days[index], count: count,
                                postings: postings, scores: row, touched: touched)
                        }
                    }
                }
            }
        }
        return results
    }

    /// The `queryTerms` strongest entries of `vector` (ties to the lower term), in term
    /// order: `vector` is in term order, each term once. Each entry becomes one integer that
    /// ranks strongest lowest (its weight's bits inverted above its term: weights are never
    /// negative, so their bits order as they do), and the weakest kept is the one that
    /// ranks `queryTerms`th, found by partitioning around it (no sort, no comparison
    /// closure: keeping them in order as they came took a twentieth of the look-ups' time).
    static func strongest(_ vector: [(term: Int, weight: Float)]) -> [(term: Int, weight: Float)] {
        guard vector.count > queryTerms else { return vector }
        func key(_ entry: (term: Int, weight: Float)) -> UInt64 {
            UInt64(~entry.weight.bitPattern) << 32 | UInt64(truncatingIfNeeded: entry.term)
        }
        var keys = vector.map(key)
        let weakest = keys.withUnsafeMutableBufferPointer { Self.select(queryTerms - 1, in: $0) }
        return vector.filter { key($0) <= weakest }
    }

    /// The key that would be at `rank` if `keys` (all different) were sorted: Hoare's
    /// selection, each round keeping the side that holds `rank`. Reorders `keys`.
    private static func select(_ rank: Int, in keys: UnsafeMutableBufferPointer<UInt64>) -> UInt64 {
        var low = 0
        var high = keys.count - 1
        while low < high {
            let pivot = keys[low + (high - low) / 2]
            var i = low
            var j = high
            while i <= j {
                while keys[i] < pivot { i += 1 }
                while keys[j] > pivot { j -= 1 }
                if i <= j {
                    keys.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                break
            }
        }
        return keys[rank]
    }

    /// The `count` items that rank highest, best first, kept in order in a short list as
    /// they come (`ranksAbove` is a strict order): no sort of all of them.
    private static func best<Item>(
        _ count: Int, of items: some Sequence<Item>, by ranksAbove: (Item, Item) -> Bool
    ) -> [Item] {
        var best: [Item] = []
        best.reserveCapacity(count + 1)
        for item in items {
            if best.count == count, let last = best.last, !ranksAbove(item, last) { continue }
            var position = best.count
            while position > 0 && ranksAbove(item, best[position - 1]) { position -= 1 }
            best.insert(item, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    private static func similar(
        to document: Int32, vector: [(term: Int, weight: Float)], count: Int, postings: [[Posting]],
        scores: UnsafeMutableBufferPointer<Float>, touched: UnsafeMutableBufferPointer<Int32>
    ) -> [Int] {
        var reached = 0
        for entry in strongest(vector) {
            postings[entry.term].withUnsafeBufferPointer { list in
                for posting in list.suffix(Self.postingCap) {
                    let other = Int(posting.document)
                    // Noted without a branch: whether a paper was reached before is as
                    // unpredictable as the postings, and a branch on it missed half the time.
                    touched[reached] = posting.document
                    reached &+= scores[other] == 0 ? 1 : 0
                    scores[other] += entry.weight * posting.weight
                }
            }
        }
        // The paper itself, reached through its own postings, is taken out once here rather
        // than passed over at every posting read.
        let own = Int(document)
        if scores[own] != 0, let at = touched[..<reached].firstIndex(of: document) {
            touched[at] = touched[reached - 1]
            reached -= 1
        }
        scores[own] = 0
        let reachedPapers = UnsafeMutableBufferPointer(rebasing: touched[..<reached])
        // Ties go to the lower ordinal.
        let found = best(count, of: reachedPapers.lazy.map { Int($0) }) {
            scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
        }
        for index in reachedPapers { scores[Int(index)] = 0 }
        return found
    }
}
