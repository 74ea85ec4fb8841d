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

        /// The day it was first listed, as its paper's `firstSeen`.
        public var firstSeen: DayDate { Paper.firstDay(of: appearances) }

        /// The paper listed again by `entry`: the newest title wins, and the newest
        /// abstract when the entry has one.
        mutating func add(_ entry: DumpEntry, on appearance: Paper.Appearance) {
            appearances.append(appearance)
            if entry.hasAbstract {
                latest = entry
            } else {
                // The newer title, with the abstract the paper was last listed with.
                latest.title = entry.title
                latest.titleLocation = entry.titleLocation
            }
        }
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
        let keys = days.parallelMap { day in
            day.entries.indices.map { index in
                let key = TitleKey(day.entries[index].title)
                return (key: key, print: Fingerprint.of(key.value))
            }
        }
        // A paper's number in the index is its place in `drafts`.
        let entries = keys.reduce(0) { $0 + $1.count }
        var found = FingerprintIndex<TitleKey>(capacity: entries)
        drafts.reserveCapacity(entries)
        for (dayNumber, day) in days.enumerated() {
            var papers: [Int] = []
            papers.reserveCapacity(day.entries.count)
            for (position, entry) in day.entries.enumerated() {
                let (key, print) = keys[dayNumber][position]
                let (number, isNew) = found.insert(key, print: print)
                let appearance = Paper.Appearance(date: day.date, position: position)
                papers.append(number)
                if isNew {
                    drafts.append(Draft(key: key, latest: entry, appearances: [appearance]))
                } else {
                    drafts[number].add(entry, on: appearance)
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

    /// The catalog, given each draft's rendered title and abstract and its facts: the
    /// `slugBase` of its title, then the topics `matcher` found for it (both in the order of
    /// `drafts.papers`; the facts as a build cache keeps them, not split apart again).
    public func assemble(
        _ drafts: Drafts, texts: [(title: PaperText, abstract: PaperText)], facts: [[String]]
    ) -> Catalog {
        assembleInOrder(drafts, texts: texts, facts: facts).catalog
    }

    /// `assemble`, with the draft each paper of the catalog was made from.
    func assembleInOrder(
        _ drafts: Drafts, texts: [(title: PaperText, abstract: PaperText)], facts: [[String]]
    ) -> (catalog: Catalog, order: [Int]) {
        // Newest last listing first, each paper made once, in place: a paper is a large value to copy.
        let listings = Listings(drafts.dayPapers, papers: drafts.papers.count)
        let order = listings.byLastListing
        // On every core, field by field: a draft copied whole would retain its entry's
        // strings for nothing.
        var papers = order.parallelMap { index in
            Paper(
                key: drafts.papers[index].key, slug: "", title: texts[index].title, abstract: texts[index].abstract,
                appearances: drafts.papers[index].appearances, topics: Array(facts[index].dropFirst()),
                titleLocation: drafts.papers[index].latest.titleLocation,
                abstractLocation: drafts.papers[index].latest.abstractLocation)
        }
        Trace.mark("papers made")
        assignSlugs(&papers, order: order, facts: facts)
        Trace.mark("slugs")

        // Where each draft went in that order.
        var sorted = Array(repeating: 0, count: order.count)
        for (position, draft) in order.enumerated() { sorted[draft] = position }
        let catalogDays = zip(drafts.days, drafts.dayPapers).map { day, papers in
            Catalog.Day(date: day.date, papers: papers.map { sorted[$0] }, sources: day.sources)
        }
        var members = Array(repeating: [Int](), count: taxonomy.topics.count)
        // Each paper's topics found on every core (ten years have half a million to place),
        // then listed in order.
        let position = Dictionary(uniqueKeysWithValues: taxonomy.topics.enumerated().map { ($1.slug, $0) })
        let places = order.parallelMap { facts[$0].dropFirst().compactMap { position[$0] } }
        var others: [Int] = []
        for (paper, draft) in order.enumerated() {
            if facts[draft].count < 2 { others.append(paper) }
            for topic in places[paper] { members[topic].append(paper) }
        }
        var topics = zip(taxonomy.topics, members).map { Catalog.TopicPapers(topic: $0, papers: $1) }
        if !others.isEmpty {
            topics.append(Catalog.TopicPapers(topic: taxonomy.other, papers: others))
            for paper in others { papers[paper].topics = [taxonomy.other.slug] }
        }
        let firstListing = listings.byFirstListing.map { sorted[$0] }
        return (Catalog(papers: papers, days: catalogDays, topics: topics, firstListing: firstListing), order)
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
        let facts = zip(rendered, topics).map { [Self.slugBase(ofTitle: $0.0.title.plainText)] + $1 }
        return (assemble(drafts, texts: rendered.map(\.0), facts: facts), rendered.flatMap(\.1))
    }

    /// Slugs come from the plain title (the first of each draft's `facts`; `papers` are the
    /// drafts in `order`). On a collision the paper seen first keeps the plain slug and the
    /// others get a suffix derived from their title, so adding new days never renames an
    /// existing page.
    private func assignSlugs(_ papers: inout [Paper], order: [Int], facts: [[String]]) {
        // Slugs are found by fingerprints made on every core, each hashed once: a dictionary
        // of ten years of slugs hashed each one twice, a quarter of a second.
        let bases = order.parallelMap { facts[$0].first ?? "" }
        let prints = bases.parallelMap { Fingerprint.of($0) }
        // Every slug taken, plain ones first; the paper that took each plain one, by its number.
        var taken = FingerprintIndex<String>(capacity: bases.count)
        var owners: [Int] = []
        owners.reserveCapacity(bases.count)
        // Only slugs several papers share need an order (and suffixes): a handful of groups,
        // found by the number of their plain slug (not hashed again as a string).
        var sharedMembers: [Int: [Int]] = [:]
        for (index, base) in bases.enumerated() {
            let (number, isNew) = taken.insert(base, print: prints[index])
            if isNew {
                owners.append(index)
                papers[index].slug = base
            } else {
                sharedMembers[number, default: [owners[number]]].append(index)
            }
        }
        // Room made once for the suffixed slugs (a table grown by doubling rehashes them all).
        taken.reserveCapacity(taken.count + sharedMembers.values.reduce(0) { $0 + $1.count })
        // Each group ordered and its members' suffixed slugs made on every core (ten years of
        // the benchmark's titles put 120,000 papers in such groups), then taken in order.
        let groups = sharedMembers.map { number, members in
            // Read once: a comparison that reads a paper from the array copies all of it.
            (
                base: taken.keys[number],
                members: members.map { (index: $0, seen: papers[$0].firstSeen.ordinal, key: papers[$0].key) }
            )
        }.sorted { $0.base < $1.base }
        let planned = groups.parallelMap { group in
            let ordered = group.members.sorted { $0.seen != $1.seen ? $0.seen < $1.seen : $0.key < $1.key }
            return ordered.indices.map { rank in
                let slug = rank == 0 ? group.base : group.base + "-" + Slug.suffix(for: ordered[rank].key.value)
                return (index: ordered[rank].index, slug: slug, print: Fingerprint.of(slug))
            }
        }
        for group in planned {
            guard let first = group.first else { continue }
            papers[first.index].slug = first.slug
            for (index, suffixed, print) in group.dropFirst() {
                var (slug, print) = (suffixed, print)
                var attempt = 1
                // Taken by the first try that is not taken yet.
                while !taken.insert(slug, print: print).isNew {
                    attempt += 1
                    slug = suffixed + "-" + String(attempt)
                    print = Fingerprint.of(slug)
                }
                papers[index].slug = slug
            }
        }
    }
}
