/// A paper's distinct terms, in the order they first occur, each with how often it occurs
/// and its fingerprint (made once, on every core, for the related-papers index to find
/// the term by). The terms' UTF-8 bytes lie one after another in one buffer: a paper has
/// a hundred terms, and a string made (and freed) for each cost more than counting them.
public struct TermCounts: Sendable, Equatable {
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []

    /// Where a term's bytes end (each starts where the one before ended), its count and
    /// fingerprint.
    private struct Entry: Sendable, Equatable {
        var end: Int32
        var count: Int32
        var print: UInt64
    }

    public init() {}

    init(capacity: Int) {
        bytes.reserveCapacity(capacity * 8)
        entries.reserveCapacity(capacity)
    }

    /// How many distinct terms there are.
    public var count: Int { entries.count }
    public var terms: [String] { (0..<count).map { k in withTerm(k) { String(decoding: $0, as: UTF8.self) } } }
    public var counts: [Int] { entries.map { Int($0.count) } }
    public var prints: [UInt64] { entries.map(\.print) }

    /// Adds a term not counted before, occurring `count` times.
    mutating func append(_ term: UnsafeBufferPointer<UInt8>, count: Int, print: UInt64) {
        bytes.append(contentsOf: term)
        entries.append(
            Entry(
                end: Int32(truncatingIfNeeded: bytes.count), count: Int32(truncatingIfNeeded: count), print: print))
    }

    /// Counts term `k` `more` times again.
    mutating func add(_ more: Int, to k: Int) {
        entries[k].count &+= Int32(truncatingIfNeeded: more)
    }

    /// Whether term `k` is `term`.
    func holds(_ term: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        withTerm(k) { $0.hasSameBytes(as: term) }
    }

    /// Calls `body` with each term's bytes, count and fingerprint, in order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int, UInt64) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for entry in entries {
                let end = Int(entry.end)
                body(UnsafeBufferPointer(rebasing: all[start..<end]), Int(entry.count), entry.print)
                start = end
            }
        }
    }

    private func withTerm<Result>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = k == 0 ? 0 : Int(entries[k - 1].end)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(entries[k].end)])) }
    }
}
