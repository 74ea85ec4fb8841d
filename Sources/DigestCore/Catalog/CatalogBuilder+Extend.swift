/// A catalog extended by days after its newest: the same catalog `collect` and `assemble`
/// make from every day, made from the last one and the new days alone. A digest grows by
/// one dump a day, and ten years of papers collected and assembled again each time cost
/// most of a new day's build.
extension CatalogBuilder {
    /// The papers the new days list, folded as `collect` folds days: new papers, and papers
    /// of the catalog listed again (`previous` names them).
    struct Extension: Sendable {
        /// The new days, merged, oldest first.
        var days: [DumpDay]
        var drafts: [Draft]
        /// Each draft's index in the catalog extended; nil for a new paper.
        var previous: [Int?]
        /// Whether each draft kept the abstract it had in the catalog (every new listing of
        /// it had none): its text is the catalog's, not one of the new days'.
        var keepsAbstract: [Bool]
        /// For each new day, its entries' papers (indices into `drafts`), in dump order.
        var dayPapers: [[Int]]
    }

    /// Folds `days` into the papers of `catalog`; nil when a day is not after its newest.
    func collect(_ days: [DumpDay], after catalog: Catalog) -> Extension? {
        let days = DumpDay.merging(days)
        guard let newest = catalog.days.last?.date, days.allSatisfy({ $0.date > newest }) else { return nil }
        // The papers of the catalog listed again, found in one pass over its keys.
        let listed = Set(days.flatMap { $0.entries.map { TitleKey($0.title) } })
        var known: [TitleKey: Int] = [:]
        catalog.papers.withUnsafeBufferPointer { papers in
            for index in papers.indices where listed.contains(papers[index].key) { known[papers[index].key] = index }
        }
        var touched: [TitleKey: Int] = [:]
        var result = Extension(days: days, drafts: [], previous: [], keepsAbstract: [], dayPapers: [])
        for day in days {
            var papers: [Int] = []
            for (position, entry) in day.entries.enumerated() {
                let key = TitleKey(entry.title)
                let appearance = Paper.Appearance(date: day.date, position: position)
                if let number = touched[key] {
                    papers.append(number)
                    result.drafts[number].add(entry, on: appearance)
                    if entry.hasAbstract { result.keepsAbstract[number] = false }
                    continue
                }
                touched[key] = result.drafts.count
                papers.append(result.drafts.count)
                if let index = known[key] {
                    var latest = entry
                    if !entry.hasAbstract { latest.abstractLocation = catalog.papers[index].abstractLocation }
                    result.drafts.append(
                        Draft(key: key, latest: latest, appearances: catalog.papers[index].appearances + [appearance]))
                    result.previous.append(index)
                    result.keepsAbstract.append(!entry.hasAbstract)
                } else {
                    result.drafts.append(Draft(key: key, latest: entry, appearances: [appearance]))
                    result.previous.append(nil)
                    result.keepsAbstract.append(false)
                }
            }
            result.dayPapers.append(papers)
        }
        return result
    }

    /// `catalog` with `added`'s days, given each draft's rendered texts and facts (as
    /// `assemble` takes them), and where each paper came from; nil when a slug could come
    /// out otherwise than `assemble` would give it (a paper listed again whose title now
    /// makes another slug, a new paper's slug some paper already has), and the caller then
    /// assembles every day.
    func extend(
        _ catalog: consuming Catalog, with added: Extension, texts: [(title: PaperText, abstract: PaperText)],
        facts: [[String]]
    ) -> (catalog: Catalog, order: [Source])? {
        let listings = Listings(added.dayPapers, papers: added.drafts.count)
        // The new days' papers come first, newest last listing first; the others keep their
        // order, as each one's last listing is unchanged.
        let front = listings.byLastListing
        guard let slugs = slugs(of: front, added: added, facts: facts, catalog: catalog) else { return nil }
        let count = catalog.papers.count
        var place = Array(repeating: -1, count: count)
        for (position, draft) in front.enumerated() {
            if let old = added.previous[draft] { place[old] = position }
        }
        var order = front.map(Source.draft)
        order.reserveCapacity(front.count + count)
        for index in 0..<count where place[index] < 0 {
            place[index] = order.count
            order.append(.kept(index))
        }
        // The papers kept are moved, not copied (a paper copied retains every string it holds;
        // an array's `swapAt` copies, its buffer's moves).
        var papers = catalog.papers
        catalog.papers = []
        var kept = 0
        papers.withUnsafeMutableBufferPointer { papers in
            for index in 0..<count where place[index] >= front.count {
                papers.swapAt(kept, index)
                kept += 1
            }
        }
        papers.removeLast(count - kept)
        papers.insert(
            contentsOf: front.indices.map { position in
                let (draft, latest) = (front[position], added.drafts[front[position]].latest)
                return Paper(
                    key: added.drafts[draft].key, slug: slugs[position], title: texts[draft].title,
                    abstract: texts[draft].abstract, appearances: added.drafts[draft].appearances,
                    topics: Array(facts[draft].dropFirst()), titleLocation: latest.titleLocation,
                    abstractLocation: latest.abstractLocation)
            }, at: 0)

        // Topics: the new days' papers first, then each topic's papers as they were.
        let others = taxonomy.other.slug
        var topics: [Catalog.TopicPapers] = []
        for topic in taxonomy.topics + [taxonomy.other] {
            let isOther = topic.slug == others
            var members = front.indices.filter { position in
                let found = facts[front[position]].dropFirst()
                return isOther ? found.isEmpty : found.contains(topic.slug)
            }
            if let old = catalog.topics.first(where: { $0.topic.slug == topic.slug }) {
                members += old.papers.lazy.map { place[$0] }.filter { $0 >= front.count }
            }
            if isOther {
                for paper in members where paper < front.count { papers[paper].topics = [others] }
                if members.isEmpty { continue }
            }
            topics.append(Catalog.TopicPapers(topic: topic, papers: members))
        }
        var days = catalog.days.map {
            Catalog.Day(date: $0.date, papers: $0.papers.map { place[$0] }, sources: $0.sources)
        }
        var placeOfDraft = Array(repeating: 0, count: added.drafts.count)
        for (position, draft) in front.enumerated() { placeOfDraft[draft] = position }
        for (day, members) in zip(added.days, added.dayPapers) {
            days.append(Catalog.Day(date: day.date, papers: members.map { placeOfDraft[$0] }, sources: day.sources))
        }
        let firstListing =
            catalog.firstListing.map { place[$0] }
            + listings.byFirstListing.filter { added.previous[$0] == nil }.map { placeOfDraft[$0] }
        return (Catalog(papers: papers, days: days, topics: topics, firstListing: firstListing), order)
    }

    /// What a paper of an extended catalog was made from.
    enum Source {
        /// The paper at this index of the catalog extended, unchanged.
        case kept(Int)
        /// The draft at this index of the extension.
        case draft(Int)
    }

    /// The slugs of the drafts in `front`, as `assignSlugs` over every paper would give
    /// them, or nil. A paper listed again keeps its slug while its title makes the same slug
    /// base. A new paper takes its base when no paper has it as a slug, else joins the
    /// base's group after the papers already in it (it was seen last); any other meeting of
    /// slugs is left to `assemble`.
    private func slugs(of front: [Int], added: Extension, facts: [[String]], catalog: Catalog) -> [String]? {
        let bases = front.map { facts[$0].first ?? "" }
        let suffixed = front.indices.map { bases[$0] + "-" + Slug.suffix(for: added.drafts[front[$0]].key.value) }
        // The papers of the catalog that have one of these slugs, found in one pass.
        let wanted = Set(bases + suffixed)
        var owners: [String: Int] = [:]
        catalog.papers.withUnsafeBufferPointer { papers in
            for index in papers.indices where wanted.contains(papers[index].slug) { owners[papers[index].slug] = index }
        }
        func base(of index: Int) -> String { Self.slugBase(ofTitle: catalog.papers[index].title.plainText) }
        var slugs = Array(repeating: "", count: front.count)
        var groups: [String: [Int]] = [:]
        for (position, draft) in front.enumerated() {
            if let old = added.previous[draft] {
                guard bases[position] == base(of: old) else { return nil }
                slugs[position] = catalog.papers[old].slug
            } else {
                groups[bases[position], default: []].append(position)
            }
        }
        // Plain slugs first, as `assignSlugs` takes them, then the suffixed ones.
        var taken = Set<String>()
        var later: [Int] = []
        for (slug, members) in groups.sorted(by: { $0.key < $1.key }) {
            let seen = { (position: Int) in added.drafts[front[position]].firstSeen.ordinal }
            var rest = members.sorted {
                (seen($0), added.drafts[front[$0]].key) < (seen($1), added.drafts[front[$1]].key)
            }[...]
            if let owner = owners[slug] {
                // Taken by a paper of the catalog: fine only as the plain slug of its group.
                guard catalog.papers[owner].slug == base(of: owner) else { return nil }
            } else if let first = rest.popFirst() {
                slugs[first] = slug
                taken.insert(slug)
            }
            later += rest
        }
        for position in later {
            guard owners[suffixed[position]] == nil, taken.insert(suffixed[position]).inserted else { return nil }
            slugs[position] = suffixed[position]
        }
        return slugs
    }
}
