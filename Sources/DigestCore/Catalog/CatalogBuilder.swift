/// Turns the days read from dumps into the catalog: one paper per normalised title, each
/// with every day it appeared, its topics and a unique slug.
public struct CatalogBuilder: Sendable {
    public var taxonomy: Taxonomy
    public var parser: RichTextParser
    /// Reuses titles and abstracts parsed by an earlier build.
    public var cache: BuildCaches?

    public init(taxonomy: Taxonomy, parser: RichTextParser = RichTextParser(), cache: BuildCaches? = nil) {
        self.taxonomy = taxonomy
        self.parser = parser
        self.cache = cache
    }

    public func build(_ days: [DumpDay]) -> (Catalog, [Diagnostic]) {
        let days = DumpDay.merging(days)

        // Gather appearances; iterating oldest first lets the newest title and abstract win.
        var drafts: [TitleKey: Draft] = [:]
        var order: [TitleKey] = []
        for day in days {
            for (position, entry) in day.entries.enumerated() {
                let key = TitleKey(entry.title)
                let appearance = Paper.Appearance(date: day.date, position: position)
                if var draft = drafts[key] {
                    draft.appearances.append(appearance)
                    draft.latest =
                        entry.abstract.isEmpty
                        ? DumpEntry(
                            title: entry.title, abstract: draft.latest.abstract, titleLocation: entry.titleLocation,
                            abstractLocation: draft.latest.abstractLocation) : entry
                    drafts[key] = draft
                } else {
                    drafts[key] = Draft(key: key, latest: entry, appearances: [appearance])
                    order.append(key)
                }
            }
        }

        // Parse titles and abstracts (the expensive part) in parallel.
        let cache = self.cache
        let parser = self.parser
        let parse = { (text: String, location: SourceLocation?) in
            cache?.richText(text, at: location) { parser.parse(text, at: location) } ?? parser.parse(text, at: location)
        }
        let matcher = TopicMatcher(taxonomy.topics)
        let parsed = order.compactMap { drafts[$0] }.parallelMap { draft -> (Paper, [Diagnostic]) in
            let (title, titleDiagnostics) = parse(draft.latest.title, draft.latest.titleLocation)
            let (abstract, abstractDiagnostics) = parse(draft.latest.abstract, draft.latest.abstractLocation)
            let topics = matcher.topics(title: title.plainText, abstract: abstract.plainText)
            let paper = Paper(
                key: draft.key, slug: "", title: title, abstract: abstract,
                appearances: draft.appearances, topics: topics,
                titleLocation: draft.latest.titleLocation, abstractLocation: draft.latest.abstractLocation)
            return (paper, titleDiagnostics + abstractDiagnostics)
        }
        var papers = parsed.map(\.0)
        let diagnostics = parsed.flatMap(\.1)

        papers.sort(by: Self.newestFirst)
        assignSlugs(&papers)

        let index = Dictionary(uniqueKeysWithValues: papers.enumerated().map { ($1.key, $0) })
        let catalogDays = days.map { day in
            Catalog.Day(
                date: day.date, papers: day.entries.compactMap { index[TitleKey($0.title)] }, sources: day.sources)
        }
        var topics = taxonomy.topics.map { topic in
            Catalog.TopicPapers(topic: topic, papers: papers.indices.filter { papers[$0].topics.contains(topic.slug) })
        }
        let others = papers.indices.filter { papers[$0].topics.isEmpty }
        if !others.isEmpty {
            topics.append(Catalog.TopicPapers(topic: taxonomy.other, papers: others))
            for paper in others { papers[paper].topics = [taxonomy.other.slug] }
        }
        return (Catalog(papers: papers, days: catalogDays, topics: topics), diagnostics)
    }

    private struct Draft {
        var key: TitleKey
        var latest: DumpEntry
        var appearances: [Paper.Appearance]
    }

    /// Newest last appearance first; within a day, dump order.
    static func newestFirst(_ a: Paper, _ b: Paper) -> Bool {
        if a.lastSeen != b.lastSeen { return a.lastSeen > b.lastSeen }
        let positionA = a.appearances.last?.position ?? 0
        let positionB = b.appearances.last?.position ?? 0
        return positionA != positionB ? positionA < positionB : a.key < b.key
    }

    /// Slugs come from the plain title. On a collision the paper seen first keeps the plain
    /// slug and the others get a suffix derived from their title, so adding new days never
    /// renames an existing page.
    private func assignSlugs(_ papers: inout [Paper]) {
        var groups: [String: [Int]] = [:]
        for index in papers.indices {
            groups[Slug.make(papers[index].title.plainText), default: []].append(index)
        }
        var taken = Set(groups.keys)
        for (base, members) in groups.sorted(by: { $0.key < $1.key }) {
            let ordered = members.sorted {
                (papers[$0].firstSeen, papers[$0].key) < (papers[$1].firstSeen, papers[$1].key)
            }
            papers[ordered[0]].slug = base
            for index in ordered.dropFirst() {
                var slug = "\(base)-\(Slug.suffix(for: papers[index].key.value))"
                var attempt = 1
                while taken.contains(slug) {
                    attempt += 1
                    slug = "\(base)-\(Slug.suffix(for: papers[index].key.value))-\(attempt)"
                }
                taken.insert(slug)
                papers[index].slug = slug
            }
        }
    }
}
