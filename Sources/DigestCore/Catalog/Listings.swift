/// The catalog's two orders of papers, read off the days rather than sorted: each day's
/// entries are distinct places, so a paper's first (or last) listing is one entry, and
/// walking the days in order meets the papers in order.
struct Listings {
    /// For each day, its entries' papers in dump order.
    let dayPapers: [[Int]]
    /// Entries are numbered across all days, oldest first: each day's first entry, and the
    /// entry of each paper's first and last listing.
    private var starts: [Int] = []
    private var first: [Int]
    private var last: [Int]

    init(_ dayPapers: [[Int]], papers: Int) {
        self.dayPapers = dayPapers
        first = Array(repeating: -1, count: papers)
        last = Array(repeating: -1, count: papers)
        starts.reserveCapacity(dayPapers.count)
        var entry = 0
        for papers in dayPapers {
            starts.append(entry)
            for paper in papers {
                if first[paper] < 0 { first[paper] = entry }
                last[paper] = entry
                entry += 1
            }
        }
    }

    /// Papers by first listing: first day, then place in that day's dump (oldest first).
    var byFirstListing: [Int] { walk(newestFirst: false, keeping: first) }

    /// Papers by last listing, newest day first, then place in that day's dump.
    var byLastListing: [Int] { walk(newestFirst: true, keeping: last) }

    /// Each paper at the entry `keeping` names for it, the days walked in the order asked.
    private func walk(newestFirst: Bool, keeping chosen: [Int]) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(chosen.count)
        let days = newestFirst ? Array(dayPapers.indices.reversed()) : Array(dayPapers.indices)
        for day in days {
            for (position, paper) in dayPapers[day].enumerated() where chosen[paper] == starts[day] + position {
                order.append(paper)
            }
        }
        return order
    }
}
