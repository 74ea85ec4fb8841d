/// Days added to a related-papers index in order of first listing, and what a build
/// remembers of them: each day's answers under its key, and the index as it stood
/// `keptBack` days before the newest (where the next build resumes). Both ways of relating
/// a build's papers go through it: after the catalog is made (`SiteGenerator.related`) and
/// while its texts are made (`RelatedFeed`).
struct RelatedDays {
    private(set) var index: RelatedPapers
    private let cache: BuildCache
    /// Every day's answers, as ordinals of papers by first listing; nil until known.
    private(set) var answers: [[[Int]]?]
    /// The day the index is remembered after (-1 for none).
    let keptDay: Int

    /// How many days (of first listings) before the newest the index is kept. An edit to a
    /// dump of those days resumes from it, where one before it adds every day again (at ten
    /// years, ten seconds); a new day adds these days again, a few hundred papers' terms.
    /// (A build may keep it fewer days back: tests do, to reach the kept day in a few days.)
    static let keptBack = 32

    init(index: RelatedPapers, answers: [[[Int]]?], cache: BuildCache, keptBack: Int) {
        self.index = index
        self.answers = answers
        self.cache = cache
        keptDay = answers.count < 2 ? -1 : max(0, answers.count - 1 - max(0, keptBack))
    }

    /// Adds day `day`, its papers' terms `counted`; looks them up unless its answers are known.
    mutating func add(day: Int, key: UInt64, counted: [TermCounts]) {
        let known = answers[day]
        let lists = index.addDay(counted: counted, lookUp: known == nil)
        if known == nil {
            answers[day] = lists
            cache.remember(related: lists, for: key)
        }
        if day == keptDay { cache.remember(relatedState: index.state, for: key) }
    }

    /// Adds the papers of one day to `prefix`, the key of every day up to it: a day's
    /// answers hold while it and every day before it list the same papers with the same texts.
    static func key(
        _ prefix: inout Fingerprint, papers: some Sequence<(key: String, title: UInt64, abstract: UInt64)>
    ) -> UInt64 {
        for paper in papers {
            prefix.add(paper.key)
            prefix.add(paper.title)
            prefix.add(paper.abstract)
        }
        return prefix.value
    }

    /// Each paper's related papers, as indices into `catalog.papers`, from the answers of
    /// `groups` (each a day's run of papers by first listing).
    static func result(_ answers: [[[Int]]?], groups: [Range<Int>], catalog: Catalog) -> [[Int]] {
        let order = catalog.firstListing
        var result = Array(repeating: [Int](), count: catalog.papers.count)
        for (day, group) in groups.enumerated() {
            for (paper, list) in zip(order[group], answers[day] ?? []) {
                result[paper] = list.compactMap { order.indices.contains($0) ? order[$0] : nil }
            }
        }
        return result
    }
}
