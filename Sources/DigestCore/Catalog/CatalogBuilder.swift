/// Turns the days read from dumps into the catalog: one paper per normalised title, each
/// with every day it appeared, its topics and a unique slug.
///
/// Two phases, so the costly part in between (recovering and rendering each text) can be
/// memoised by the caller: `collect` finds the papers and the text each one shows;
/// `assemble` takes those texts rendered and builds the catalog.
public struct CatalogBuilder: Sendable {
    public var taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// The papers of some days before their texts are rendered.
    public struct Drafts: Sendable {
        public var days: [DumpDay]
        public var papers: [Draft]
        /// For each day, its entries' papers (indices into `papers`), in dump order.
        public var dayPapers: [[Int]]
    }

    /// One paper: the newest title and abstract it was listed with, and every appearance.
    public struct Draft: Sendable {
        public var key: TitleKey
        public var latest: DumpEntry
        public var appearances: [Paper.Appearance]
    }

    /// Everything the dumps say, in one pass; nothing is parsed yet.
    public func collect(_ days: [DumpDay]) -> Drafts {
        let days = DumpDay.merging(days)
        // Iterating oldest first lets the newest title and abstract win.
        var drafts: [Draft] = []
        var dayPapers: [[Int]] = []
        // Keys on every core first: a title with a non-ASCII letter is folded by Foundation,
        // which is slow, and ten years hold thousands of them. Papers are then found by the
        // keys' fingerprints, each hashed once here rather than by the dictionary each time.
        let keys = days.flatMap { $0.entries.map(\.title) }.parallelMap { title in
            let key = TitleKey(title)
            return (key: key, print: Fingerprint.of(key.value))
        }
        var table = FingerprintTable(capacity: keys.count)
        /// Keys whose fingerprint an earlier, different key holds (practically never).
        var others: [TitleKey: Int] = [:]
        var next = 0
        drafts.reserveCapacity(keys.count)
        for day in days {
            var papers: [Int] = []
            papers.reserveCapacity(day.entries.count)
            for (position, entry) in day.entries.enumerated() {
                let key = keys[next].key
                var known = table.insert(drafts.count, for: keys[next].print)
                next += 1
                if let found = known, drafts[found].key != key {
                    known = others[key]
                    if known == nil { others[key] = drafts.count }
                }
                let appearance = Paper.Appearance(date: day.date, position: position)
                papers.append(known ?? drafts.count)
                if let known {
                    drafts[known].appearances.append(appearance)
                    if entry.hasAbstract {
                        drafts[known].latest = entry
                    } else {
                        // The newer title, with the abstract the paper was last listed with.
                        drafts[known].latest.title = entry.title
                        drafts[known].latest.titleLocation = entry.titleLocation
                    }
                } else {
                    drafts.append(Draft(key: key, latest: entry, appearances: [appearance]))
                }
            }
            dayPapers.append(papers)
        }
        return Drafts(days: days, papers: drafts, dayPapers: dayPapers)
    }

    /// Decides each paper's topics from its plain title and abstract.
    public var matcher: TopicMatcher { TopicMatcher(taxonomy.topics) }

    /// What a paper's slug is made from: its plain title, folded (see `Slug.make`). Pure, so
    /// a caller may remember it by the title's fingerprint.
    public static func slugBase(ofTitle plainTitle: String) -> String { Slug.make(plainTitle) }

    /// The catalog, given each draft's rendered title and abstract, the topics `matcher`
    /// found for them and the `slugBase` of each title (same order as `drafts.papers`).
    public func assemble(
        _ drafts: Drafts, texts: [(title: PaperText, abstract: PaperText)], topics matched: [[String]],
        slugBases: [String]
    ) -> Catalog {
        // Newest last listing first; within a day, dump order (positions within a day are
        // distinct, so keys only break ties between merged dumps). Sorted by plain integers
        // kept beside each index (looked up by index, each comparison missed the cache), and
        // each paper is made once, in place: a paper is a large value to copy.
        let order = drafts.papers.indices.map { index in
            let last = drafts.papers[index].appearances.last
            return (day: (last?.date ?? .distantPast).ordinal, position: last?.position ?? 0, index: index)
        }.sorted { a, b in
            if a.day != b.day { return a.day > b.day }
            return a.position != b.position
                ? a.position < b.position : drafts.papers[a.index].key < drafts.papers[b.index].key
        }.map(\.index)
        // On every core, field by field: a draft copied whole would retain its entry's
        // strings for nothing.
        var papers = order.parallelMap { index in
            Paper(
                key: drafts.papers[index].key, slug: "", title: texts[index].title, abstract: texts[index].abstract,
                appearances: drafts.papers[index].appearances, topics: matched[index],
                titleLocation: drafts.papers[index].latest.titleLocation,
                abstractLocation: drafts.papers[index].latest.abstractLocation)
        }
        assignSlugs(&papers, bases: order.map { slugBases[$0] })

        // Where each draft went in that order.
        var sorted = Array(repeating: 0, count: order.count)
        for (position, draft) in order.enumerated() { sorted[draft] = position }
        let catalogDays = zip(drafts.days, drafts.dayPapers).map { day, papers in
            Catalog.Day(date: day.date, papers: papers.map { sorted[$0] }, sources: day.sources)
        }
        var members = Array(repeating: [Int](), count: taxonomy.topics.count)
        let position = Dictionary(uniqueKeysWithValues: taxonomy.topics.enumerated().map { ($1.slug, $0) })
        var others: [Int] = []
        for paper in papers.indices {
            if papers[paper].topics.isEmpty { others.append(paper) }
            for slug in papers[paper].topics { if let topic = position[slug] { members[topic].append(paper) } }
        }
        var topics = zip(taxonomy.topics, members).map { Catalog.TopicPapers(topic: $0, papers: $1) }
        if !others.isEmpty {
            topics.append(Catalog.TopicPapers(topic: taxonomy.other, papers: others))
            for paper in others { papers[paper].topics = [taxonomy.other.slug] }
        }
        let firstListing = papers.indices.map { index in
            (
                day: papers[index].firstSeen.ordinal, position: papers[index].appearances.first?.position ?? 0,
                index: index
            )
        }.sorted { a, b in
            if a.day != b.day { return a.day < b.day }
            return a.position != b.position ? a.position < b.position : papers[a.index].key < papers[b.index].key
        }.map(\.index)
        return Catalog(papers: papers, days: catalogDays, topics: topics, firstListing: firstListing)
    }

    /// Both phases with no memo: recovers and renders every text (in parallel).
    public func build(_ days: [DumpDay]) -> (Catalog, [Diagnostic]) {
        let drafts = collect(days)
        let rendered = drafts.papers.parallelMap { draft in
            let title = PaperText.render(draft.latest.title, at: draft.latest.titleLocation, role: .title)
            let abstract = PaperText.render(
                draft.latest.abstract, at: draft.latest.abstractLocation, role: .abstract)
            return ((title: title.0, abstract: abstract.0), title.1 + abstract.1)
        }
        let matcher = self.matcher
        let topics = rendered.parallelMap {
            matcher.topics(title: $0.0.title.plainText, abstract: $0.0.abstract.plainText)
        }
        let bases = rendered.parallelMap { Self.slugBase(ofTitle: $0.0.title.plainText) }
        return (
            assemble(drafts, texts: rendered.map(\.0), topics: topics, slugBases: bases), rendered.flatMap(\.1)
        )
    }

    /// Slugs come from the plain title (`bases`, one a paper). On a collision the paper seen
    /// first keeps the plain slug and the others get a suffix derived from their title, so
    /// adding new days never renames an existing page.
    private func assignSlugs(_ papers: inout [Paper], bases: [String]) {
        // Slugs are found by fingerprints made on every core, each hashed once: a dictionary
        // of ten years of slugs hashed each one twice, a quarter of a second.
        let prints = bases.parallelMap { Fingerprint.of($0) }
        // Each plain slug, by the paper that took it first; slugs whose fingerprint an earlier,
        // different slug holds (practically never) and suffixed slugs are kept by name.
        var plain = FingerprintTable(capacity: bases.count)
        var named: [String: Int] = [:]
        func taken(_ slug: String) -> Int? {
            if let found = plain.position(of: Fingerprint.of(slug)), bases[found] == slug { return found }
            return named[slug]
        }
        // Only slugs several papers share need an order (and suffixes): a handful of groups.
        var sharedMembers: [String: [Int]] = [:]
        for (index, base) in bases.enumerated() {
            var earlier = plain.insert(index, for: prints[index])
            if let found = earlier, bases[found] != base {
                earlier = named[base]
                if earlier == nil { named[base] = index }
            }
            if let earlier {
                sharedMembers[base, default: [earlier]].append(index)
            } else {
                papers[index].slug = base
            }
        }
        // Room made once for the suffixed slugs (a table grown by doubling rehashes them all).
        named.reserveCapacity(named.count + sharedMembers.values.reduce(0) { $0 + $1.count })
        // Each group ordered and its members' suffixed slugs made on every core (ten years of
        // the benchmark's titles put 120,000 papers in such groups), then taken in order.
        let groups = sharedMembers.sorted(by: { $0.key < $1.key }).map { base, members in
            // Read once: a comparison that reads a paper from the array copies all of it.
            (base: base, members: members.map { (index: $0, seen: papers[$0].firstSeen.ordinal, key: papers[$0].key) })
        }
        let planned = groups.parallelMap { group in
            let ordered = group.members.sorted { $0.seen != $1.seen ? $0.seen < $1.seen : $0.key < $1.key }
            return ordered.indices.map { rank in
                (
                    index: ordered[rank].index,
                    slug: rank == 0 ? group.base : group.base + "-" + Slug.suffix(for: ordered[rank].key.value)
                )
            }
        }
        for group in planned {
            guard let first = group.first else { continue }
            papers[first.index].slug = first.slug
            for (index, suffixed) in group.dropFirst() {
                var slug = suffixed
                var attempt = 1
                while taken(slug) != nil {
                    attempt += 1
                    slug = suffixed + "-" + String(attempt)
                }
                named[slug] = index
                papers[index].slug = slug
            }
        }
    }
}
