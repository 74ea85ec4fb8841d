import Dispatch

/// Related papers made while a build makes its texts, when it has nothing to resume from:
/// the texts are made in runs of papers by first listing, and each run's term counts are
/// handed here, where whole days are added to the index on another thread as the next run
/// is made. Counted while a paper's plain texts are in memory, the abstracts are not read
/// back from `texts.bin`, and adding days (on one core) overlaps work on every core. The
/// answers are those `SiteGenerator.related` gives for an index made from nothing.
final class RelatedFeed: @unchecked Sendable {
    /// Each day's papers, as a run of ordinals by first listing.
    let groups: [Range<Int>]
    /// Runs are added one after another, each after the one before it.
    private let queue = DispatchQueue(label: "paperdigest.related")
    /// At most two runs wait: ten years of term counts at once would hold half a gigabyte.
    private let room = DispatchSemaphore(value: 2)
    /// Each paper's key (its normalised title), by first listing.
    private let keys: [String]
    // Touched only on `queue`.
    private var days: RelatedDays
    private var prefix = Fingerprint()
    /// Papers handed over and not yet added (the start of a day whose run ended mid-day):
    /// their ordinals, texts' fingerprints and terms.
    private var waiting: [(paper: Int, title: UInt64, abstract: UInt64, counted: TermCounts)] = []
    private var nextDay = 0

    /// A feed for the papers `drafts` (in order of first listing), keeping the index
    /// `keptBack` days before the newest.
    init(_ drafts: [CatalogBuilder.Draft], cache: BuildCache, keptBack: Int = RelatedDays.keptBack) {
        groups = SiteGenerator.dayGroups(drafts.map(\.firstSeen))
        keys = drafts.map(\.key.value)
        days = RelatedDays(
            index: RelatedPapers(), answers: Array(repeating: nil, count: groups.count), cache: cache,
            keptBack: keptBack)
    }

    /// Hands over the papers `run` (the next by first listing): their texts' fingerprints and
    /// terms. Waits while two runs are waiting.
    func add(_ run: Range<Int>, prints: [(title: UInt64, abstract: UInt64)], counted: [TermCounts]) {
        room.wait()
        queue.async {
            self.take(run, prints: prints, counted: counted)
            self.room.signal()
        }
    }

    /// Every day's answers, once every paper has been handed over and added.
    func answers() -> [[[Int]]?] {
        queue.sync { days.answers }
    }

    private func take(
        _ run: Range<Int>, prints: [(title: UInt64, abstract: UInt64)], counted: [TermCounts]
    ) {
        for (offset, paper) in run.enumerated() {
            waiting.append((paper, prints[offset].title, prints[offset].abstract, counted[offset]))
        }
        var used = 0
        while nextDay < groups.count, groups[nextDay].count <= waiting.count - used {
            let day = waiting[used..<(used + groups[nextDay].count)]
            used += day.count
            let key = RelatedDays.key(&prefix, papers: day.lazy.map { (self.keys[$0.paper], $0.title, $0.abstract) })
            days.add(day: nextDay, key: key, counted: day.map(\.counted))
            nextDay += 1
        }
        waiting.removeFirst(used)
    }
}
