import Foundation

/// A site ready to render: the catalog and theme checked, every page known.
public struct PreparedSite: Sendable {
    public var renderer: SiteRenderer
    public var diagnostics: [Diagnostic]
    /// Dumps read and parsed (the others were remembered from the last build).
    public var parsedDumps = 0
    /// What the next build extends when only dumps of later days are added.
    var resume: CatalogResume?
    /// The catalog was the last build's, extended by the dumps of later days added since.
    public var catalogExtended = false
    public var days: Int { renderer.catalog.days.count }
    public var papers: Int { renderer.catalog.papers.count }
    public var topics: Int { renderer.catalog.topics.count }
}

/// Runs the stages before rendering over a content snapshot: parse dumps, build the
/// catalog, relate papers, load the theme. The stages are pure; this layer memoises the
/// costly ones (text recovery, related papers) in a `BuildCache` from the outside.
/// Stops with a `BuildFailure` when any stage reports an error.
public struct SiteGenerator: Sendable {
    /// Overrides `base_url` from site.yml (`--base-url`).
    public var baseURL: BaseURL?
    /// The search page uses a Pagefind index (the build runs Pagefind after rendering).
    public var pagefind = false

    public init(baseURL: BaseURL? = nil) {
        self.baseURL = baseURL
    }

    /// A named step finished: `(number, name, seconds)`.
    public typealias StepLog = @Sendable (_ number: Int, _ name: String, _ seconds: Double) -> Void

    public static let steps = [
        "Reading content", "Parsing dumps", "Building catalog", "Loading templates", "Rendering and writing pages",
        "Finishing",
    ]

    /// Steps 2 to 4; `cache` remembers texts and related papers for the next build.
    public func prepare(_ snapshot: consuming ContentSnapshot, cache: BuildCache = BuildCache()) throws(BuildFailure)
        -> PreparedSite
    {
        var clock = StepClock(log: { _, _, _ in }, first: 2)
        var memo = DumpMemo()
        // With no dump remembered there is never a reason to read them again.
        guard let prepared = try prepare(consume snapshot, memo: &memo, cache: { cache }, clock: &clock) else {
            throw BuildFailure(.error("internal error: a dump was taken as remembered without a memo"))
        }
        return prepared
    }

    /// `cache` is asked for once the papers are collected (a build decodes it meanwhile).
    /// Dumps the snapshot left unread come from `memo`, which learns every dump parsed here.
    /// When the only change since the last build is dumps of later days, the last build's
    /// catalog (`resume`) is extended rather than made again from every dump.
    /// Nil when they cannot: a remembered dump was parsed with another default year, or
    /// the cache lacks the rendered abstract of one; the caller then reads every dump.
    func prepare(
        _ snapshot: consuming ContentSnapshot, memo: inout DumpMemo, cache: () -> BuildCache,
        resume: () -> CatalogResume? = { nil }, clock: inout StepClock
    ) throws(BuildFailure) -> PreparedSite? {
        var diagnostics: [Diagnostic] = []
        func check() throws(BuildFailure) {
            if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        }

        var config = SiteConfig()
        if let file = snapshot.siteConfig {
            config = SiteConfig.load(file, diagnostics: &diagnostics) ?? config
        }
        if let baseURL { config.baseURL = baseURL }
        config.pagefind = pagefind
        // The taxonomy's warnings follow the dumps' (and come only when those have no error).
        var taxonomyDiagnostics: [Diagnostic] = []
        var taxonomy = Taxonomy.builtIn
        if let file = snapshot.topics {
            taxonomy = Taxonomy.load(file, diagnostics: &taxonomyDiagnostics) ?? taxonomy
        }
        let builder = CatalogBuilder(taxonomy: taxonomy)
        let made: MadeCatalog
        if !diagnostics.hasErrors, !taxonomyDiagnostics.hasErrors,
            let extended = Self.extend(
                resume(), snapshot: snapshot, year: config.year, builder: builder, memo: &memo, cache: cache)
        {
            made = extended
            diagnostics += made.dumpDiagnostics + taxonomyDiagnostics
            clock.lap(Self.steps[1])
        } else {
            guard
                let collected = try Self.collect(
                    &snapshot, year: config.year, builder: builder, memo: &memo, cache: cache,
                    diagnostics: &diagnostics, taxonomyDiagnostics: taxonomyDiagnostics, clock: &clock)
            else { return nil }
            made = collected
        }
        diagnostics += made.textDiagnostics
        let catalog = made.catalog
        let cache = cache()
        let related = Self.related(catalog, cache: cache)
        Trace.mark("related")
        let contentPages = snapshot.pages.compactMap { ContentPage.parse($0, diagnostics: &diagnostics) }
        try check()
        clock.lap(Self.steps[2])

        let (theme, themeDiagnostics) = Theme.load(
            templates: snapshot.templates.map { ($0.key, $0.value) }, assets: snapshot.assets)
        diagnostics += themeDiagnostics
        if let theme {
            let needed = Set(Theme.pageTemplates.filter { $0 != "page" || !contentPages.isEmpty })
            for name in needed.subtracting(theme.templateNames).sorted() {
                diagnostics.append(.error("the theme has no '\(name).mustache', needed for \(name) pages"))
            }
        }
        try check()
        clock.lap(Self.steps[3])
        guard let theme else { throw BuildFailure(diagnostics) }

        Trace.mark("theme")
        let renderer = SiteRenderer(
            config: config, catalog: catalog, contentPages: contentPages, theme: theme, related: related,
            statics: snapshot.statics)
        if renderer.routes.base.origin == nil {
            diagnostics.append(
                .warning(
                    "base_url has no origin (like https://you.github.io/digest/): no sitemap.xml is written, as sitemaps need absolute URLs; set base_url in site.yml or pass --base-url"
                ))
        }
        Trace.mark("renderer init")
        // A static file must not take the place of a page the site makes (listing every page
        // only when there are static files at all).
        let generated =
            snapshot.statics.isEmpty
            ? []
            : Set(renderer.jobs().filter { if case .staticFile = $0 { false } else { true } }.map(renderer.path))
        for file in snapshot.statics where generated.contains(file.path) {
            diagnostics.append(
                .error(
                    "static/\(file.path) would replace a page the site makes; rename or remove it",
                    at: SourceLocation(path: "static/\(file.path)", line: 1)))
        }
        try check()
        return PreparedSite(
            renderer: renderer, diagnostics: diagnostics, parsedDumps: made.parsedDumps, resume: made.resume,
            catalogExtended: made.extended)
    }

    /// The catalog a build made, what it warned of, and what the next build extends.
    private struct MadeCatalog {
        var catalog: Catalog
        /// The dumps' warnings, in the order they were read (with the taxonomy's, when
        /// already checked), and those of the papers' texts, by first listing.
        var dumpDiagnostics: [Diagnostic]
        var textDiagnostics: [Diagnostic]
        var parsedDumps: Int
        /// What the next build extends; nil to keep the one saved.
        var resume: CatalogResume?
        var extended = false
    }

    /// Every dump parsed (or its parse remembered), collected and assembled. Nil when a
    /// remembered parse does not suffice (see `prepare`).
    private static func collect(
        _ snapshot: inout ContentSnapshot, year: Int?, builder: CatalogBuilder, memo: inout DumpMemo,
        cache: () -> BuildCache, diagnostics: inout [Diagnostic], taxonomyDiagnostics: [Diagnostic],
        clock: inout StepClock
    ) throws(BuildFailure) -> MadeCatalog? {
        let parser = DumpParser(defaultYear: year)
        // The dumps' bytes and their parse are dropped as soon as the drafts hold what is kept.
        let remembered = snapshot.rememberedDumps
        let memoSoFar = memo
        // A few dumps at a time, each one's bytes dropped once parsed: ten years of them are
        // large, and their parse as large again.
        var parsed: [(result: DumpParseResult?, digest: UInt64?)] = []
        parsed.reserveCapacity(snapshot.dumps.count)
        let digests = snapshot.dumps.map { snapshot.digest(of: $0) }
        for start in stride(from: 0, to: snapshot.dumps.count, by: 64) {
            let range = start..<min(start + 64, snapshot.dumps.count)
            parsed += Array(zip(snapshot.dumps[range], digests[range])).parallelMap {
                file, digest -> (result: DumpParseResult?, digest: UInt64?) in
                if remembered.contains(file.path) { return (memoSoFar.result(file.path, year: year), nil) }
                return (parser.parse(file), digest)
            }
            for index in range { snapshot.dumps[index].data = Data() }
        }
        var results: [DumpParseResult] = []
        results.reserveCapacity(parsed.count)
        for (file, parse) in zip(snapshot.dumps, parsed) {
            guard let result = parse.result else { return nil }
            if let digest = parse.digest { memo.remember(result, of: file.path, digest: digest, year: year) }
            results.append(result)
        }
        parsed = []
        Trace.mark("parsed")
        memo.keep(only: Set(snapshot.dumps.map(\.path)))
        let parsedDumps = snapshot.dumps.count - remembered.count
        let dumps = zip(snapshot.dumps, results).map { file, result in
            CatalogResume.Dump(
                path: file.path, digest: memo.entries[file.path]?.digest ?? 0, diagnostics: result.diagnostics)
        }
        snapshot.dumps = []
        diagnostics += results.flatMap(\.diagnostics)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        clock.lap(Self.steps[1])
        diagnostics += taxonomyDiagnostics
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        Trace.mark("taxonomy")
        var drafts = builder.collect(results.compactMap(\.day))
        Trace.mark("collect")
        results = []
        // Only each paper's latest listing is rendered: the others' texts go now.
        drafts.days = drafts.days.map { DumpDay(date: $0.date, entries: [], sources: $0.sources) }
        // By index: a draft handed to the closure whole would be copied, every field retained.
        let keys = Array(drafts.papers.indices).parallelMap { index in
            Self.textKeys(of: drafts.papers[index].latest)
        }
        Trace.mark("text keys")
        let cache = cache()
        Trace.mark("wait for cache")
        let known = cache.texts(keys.flatMap { [$0.title, $0.abstract] })
        Trace.mark("texts looked up")
        // An abstract known only by its fingerprint must be in the cache.
        for (index, draft) in drafts.papers.enumerated() where draft.latest.isRemembered && known[2 * index + 1] == nil
        {
            return nil
        }
        let texts = Self.texts(keys: keys, known: known, taxonomy: builder.taxonomy, cache: cache) {
            drafts.papers[$0].latest
        }
        // The dumps' texts are not needed once rendered (ten years of them are large).
        // (Only the texts just read and rendered are visited: a rebuild's are mostly remembered.)
        for index in drafts.papers.indices where !drafts.papers[index].latest.abstract.isEmpty {
            drafts.papers[index].latest = drafts.papers[index].latest.withoutText
        }
        if parsedDumps > FreedMemory.dumpsWorthTrimming { FreedMemory.handBack() }
        let facts = Self.facts(of: texts, matcher: builder.matcher, cache: cache)
        Trace.mark("topics")
        let (catalog, order) = builder.assembleInOrder(
            drafts, texts: texts.map { ($0.title.text, $0.abstract.text) }, facts: facts)
        Trace.mark("topic lists")
        // Drafts are in order of first listing.
        var textDiagnostics: [Diagnostic] = []
        for text in texts where !text.title.diagnostics.isEmpty || !text.abstract.diagnostics.isEmpty {
            textDiagnostics += text.title.diagnostics + text.abstract.diagnostics
        }
        var textKeys: [UInt64] = []
        textKeys.reserveCapacity(2 * order.count)
        for draft in order { textKeys += [keys[draft].title, keys[draft].abstract] }
        let resume = CatalogResume(
            dumps: dumps, year: year, taxonomy: fingerprint(of: builder.taxonomy), catalog: catalog,
            textKeys: textKeys, factKeys: order.map { texts[$0].factKey })
        return MadeCatalog(
            catalog: catalog, dumpDiagnostics: [], textDiagnostics: textDiagnostics, parsedDumps: parsedDumps,
            resume: resume)
    }

    /// The last build's catalog extended by the dumps read now, when those are the only
    /// change and all of later days than its newest; nil otherwise (the catalog is then
    /// made from every dump). The output is the same either way.
    private static func extend(
        _ resume: CatalogResume?, snapshot: ContentSnapshot, year: Int?, builder: CatalogBuilder,
        memo: inout DumpMemo, cache: () -> BuildCache
    ) -> MadeCatalog? {
        guard var resume, resume.year == year, resume.taxonomy == fingerprint(of: builder.taxonomy) else {
            return nil
        }
        // Every dump the catalog holds is here unchanged; the others (`later`) were added since.
        let remembered = snapshot.rememberedDumps
        let resumed = Dictionary(resume.dumps.map { ($0.path, $0) }) { first, _ in first }
        guard resume.dumps.allSatisfy({ remembered.contains($0.path) && memo.entries[$0.path]?.digest == $0.digest })
        else { return nil }
        let later = snapshot.dumps.filter { resumed[$0.path] == nil }
        let parser = DumpParser(defaultYear: year)
        let memoSoFar = memo
        let results = later.parallelMap {
            remembered.contains($0.path) ? memoSoFar.result($0.path, year: year) : parser.parse($0)
        }
        let parsed = results.compactMap { $0 }
        guard !later.isEmpty, parsed.count == later.count, !parsed.contains(where: \.diagnostics.hasErrors) else {
            return nil
        }
        Trace.mark("parsed")
        let cache = cache()
        Trace.mark("wait for cache")
        // Every paper's texts, from the cache: the pages need them, and their warnings are given again.
        let found = cache.texts(resume.textKeys)
        guard !found.contains(where: { $0 == nil }),
            let catalog = resume.takeCatalog(texts: found, taxonomy: builder.taxonomy)
        else { return nil }
        // Their facts are kept for the next build that makes the catalog whole.
        cache.keep(facts: resume.factKeys)
        Trace.mark("texts looked up")
        guard let added = builder.collect(parsed.compactMap(\.day), after: catalog) else { return nil }
        Trace.mark("collect")
        // A paper that kept its abstract keeps its text and key.
        var textKeys = added.drafts.map { Self.textKeys(of: $0.latest) }
        var known = cache.texts(textKeys.flatMap { [$0.title, $0.abstract] })
        for (index, old) in added.previous.enumerated() where added.keepsAbstract[index] {
            guard let old else { continue }
            textKeys[index].abstract = resume.textKeys[2 * old + 1]
            known[2 * index + 1] = found[2 * old + 1]
        }
        // An abstract known only by its fingerprint (a dump's parse remembered) must be in the cache.
        for index in added.drafts.indices where added.drafts[index].latest.isRemembered && known[2 * index + 1] == nil {
            return nil
        }
        let texts = Self.texts(keys: textKeys, known: known, taxonomy: builder.taxonomy, cache: cache) {
            added.drafts[$0].latest
        }
        let facts = Self.facts(of: texts, matcher: builder.matcher, cache: cache)
        guard
            let (extended, order) = builder.extend(
                consume catalog, with: added, texts: texts.map { ($0.title.text, $0.abstract.text) }, facts: facts)
        else { return nil }
        Trace.mark("extended")

        /// The texts' warnings by first listing, as a whole build gives them.
        func textDiagnostics(_ catalog: Catalog, _ order: [CatalogBuilder.Source]) -> [Diagnostic] {
            var warnings = Array(repeating: [Diagnostic](), count: order.count)
            for (position, source) in order.enumerated() {
                switch source {
                case .kept(let old):
                    warnings[position] = (found[2 * old]?.diagnostics ?? []) + (found[2 * old + 1]?.diagnostics ?? [])
                case .draft(let draft):
                    warnings[position] = texts[draft].title.diagnostics + texts[draft].abstract.diagnostics
                }
            }
            return catalog.firstListing.flatMap { warnings[$0] }
        }
        // What comes of the dumps just parsed is remembered, as a whole build would.
        for (file, result) in zip(later, parsed) where !remembered.contains(file.path) {
            memo.remember(result, of: file.path, digest: snapshot.digest(of: file), year: year)
        }
        memo.keep(only: Set(snapshot.dumps.map(\.path)))
        var dumps: [CatalogResume.Dump] = []
        var parses = zip(later, parsed).makeIterator()
        for file in snapshot.dumps {
            if let dump = resumed[file.path] {
                dumps.append(dump)
            } else if let (_, result) = parses.next() {
                dumps.append(
                    CatalogResume.Dump(
                        path: file.path, digest: memo.entries[file.path]?.digest ?? 0, diagnostics: result.diagnostics))
            }
        }
        let parsedDumps = later.count { !remembered.contains($0.path) }
        // The saved catalog is kept while it lacks only a few days, each extended again by
        // every build (a day is quick to add; ten years of papers are slow to save).
        guard later.count >= CatalogResume.daysWorthSaving else {
            return MadeCatalog(
                catalog: extended, dumpDiagnostics: dumps.flatMap(\.diagnostics),
                textDiagnostics: textDiagnostics(extended, order), parsedDumps: parsedDumps, resume: nil,
                extended: true)
        }
        // Each paper's keys in the new order, for the catalog saved.
        var newKeys: [UInt64] = []
        var factKeys: [UInt64] = []
        newKeys.reserveCapacity(2 * order.count)
        factKeys.reserveCapacity(order.count)
        for source in order {
            switch source {
            case .kept(let old):
                newKeys.append(resume.textKeys[2 * old])
                newKeys.append(resume.textKeys[2 * old + 1])
                factKeys.append(resume.factKeys[old])
            case .draft(let draft):
                newKeys.append(textKeys[draft].title)
                newKeys.append(textKeys[draft].abstract)
                factKeys.append(texts[draft].factKey)
            }
        }
        let next = CatalogResume(
            dumps: dumps, year: year, taxonomy: resume.taxonomy, catalog: extended, textKeys: newKeys,
            factKeys: factKeys)
        return MadeCatalog(
            catalog: extended, dumpDiagnostics: dumps.flatMap(\.diagnostics),
            textDiagnostics: textDiagnostics(extended, order), parsedDumps: parsedDumps, resume: next, extended: true)
    }

    /// The keys a paper's title and abstract, as its latest listing gives them, are remembered under.
    private static func textKeys(of latest: DumpEntry) -> (title: UInt64, abstract: UInt64) {
        (
            title: textKey(Fingerprint.of(latest.title), at: latest.titleLocation, role: .title),
            abstract: textKey(latest.abstractDigest, at: latest.abstractLocation, role: .abstract)
        )
    }

    /// Each paper's title and abstract, from `known` (what the cache has under `keys`) or
    /// rendered from its latest listing (`entry(_, index)`) and remembered, with the key of
    /// the facts the catalog derives from the two, made in the same pass: ten years of
    /// texts are slow to go over, even just to read them.
    private static func texts(
        keys: [(title: UInt64, abstract: UInt64)], known: [BuildCache.Text?], taxonomy: Taxonomy, cache: BuildCache,
        entry: (Int) -> DumpEntry
    ) -> [(title: BuildCache.Text, abstract: BuildCache.Text, factKey: UInt64)] {
        let taxonomyKey = fingerprint(of: taxonomy)
        let texts = Array(keys.indices).parallelMap { index in
            let key = keys[index]
            let title =
                known[2 * index]
                ?? render(
                    entry(index).title, key: key.title, at: entry(index).titleLocation, role: .title, cache: cache)
            let abstract =
                known[2 * index + 1]
                ?? render(
                    entry(index).abstract, key: key.abstract, at: entry(index).abstractLocation, role: .abstract,
                    cache: cache)
            var fact = Fingerprint()
            fact.add(taxonomyKey)
            fact.add(title.text.fingerprint)
            fact.add(abstract.text.fingerprint)
            return (title: title, abstract: abstract, factKey: fact.value)
        }
        var made: [(key: UInt64, text: BuildCache.Text)] = []
        made.reserveCapacity(known.count { $0 == nil })
        for index in texts.indices where known[2 * index] == nil || known[2 * index + 1] == nil {
            if known[2 * index] == nil { made.append((keys[index].title, texts[index].title)) }
            if known[2 * index + 1] == nil { made.append((keys[index].abstract, texts[index].abstract)) }
        }
        Trace.mark("texts rendered")
        cache.remember(texts: made)
        Trace.mark("texts remembered")
        return texts
    }

    /// Each paper's facts: its slug base (from its title), then its topics; remembered
    /// under the texts' fact keys.
    private static func facts(
        of texts: [(title: BuildCache.Text, abstract: BuildCache.Text, factKey: UInt64)], matcher: TopicMatcher,
        cache: BuildCache
    ) -> [[String]] {
        let factKeys = texts.map(\.factKey)
        let knownFacts = cache.facts(factKeys)
        let facts = Array(texts.indices).parallelMap { index in
            if let known = knownFacts[index], !known.isEmpty { return known }
            // Read once: a title kept in texts.bin is read back each time it is asked for.
            let title = texts[index].title.text.plainText
            return [CatalogBuilder.slugBase(ofTitle: title)]
                + matcher.topics(title: title, abstract: texts[index].abstract.text.plainText)
        }
        cache.remember(
            facts: facts.indices.filter { knownFacts[$0]?.isEmpty ?? true }.map { (factKeys[$0], facts[$0]) })
        return facts
    }

    /// What a rendered text is remembered under: its source text's fingerprint, where it
    /// was read (diagnostics name it) and its role.
    private static func textKey(_ digest: UInt64, at location: SourceLocation?, role: PaperText.Role) -> UInt64 {
        var key = Fingerprint()
        key.add(digest)
        key.add(location?.path ?? "")
        key.add(location?.line ?? 0)
        key.add(location?.column ?? 0)
        key.add(Int(role.rawValue))
        return key.value
    }

    /// A text recovered and rendered, stored by `cache` (which keeps long ones on disk).
    private static func render(
        _ text: String, key: UInt64, at location: SourceLocation?, role: PaperText.Role, cache: BuildCache
    ) -> BuildCache.Text {
        let (rendered, diagnostics) = PaperText.render(text, at: location, role: role)
        return cache.stored(BuildCache.Text(text: rendered, diagnostics: diagnostics), key: key)
    }

    static func fingerprint(of taxonomy: Taxonomy) -> UInt64 {
        var print = Fingerprint()
        for topic in taxonomy.topics + [taxonomy.other] {
            print.add(value: [topic.slug, topic.name, topic.phrases, topic.exclude, topic.minMentions] as [Any])
        }
        return print.value
    }

    /// Related papers, day by day in order of first listing. A day's answers are reused
    /// while it and every day before it hold the same papers with the same texts; when only
    /// new days follow the last build's newest, the index resumes from where it stopped.
    static func related(_ catalog: Catalog, cache: BuildCache) -> [[Int]] {
        let order = catalog.firstListing
        var groups: [Range<Int>] = []
        var start = 0
        for index in order.indices
        where index + 1 == order.count
            || catalog.papers[order[index + 1]].firstSeen != catalog.papers[order[index]].firstSeen
        {
            groups.append(start..<index + 1)
            start = index + 1
        }
        // Each day's key covers it and every day before it.
        // Papers read through a pointer: borrowed from the array, each was copied whole.
        var prefix = Fingerprint()
        let keys = catalog.papers.withUnsafeBufferPointer { papers in
            groups.map { group -> UInt64 in
                for paper in order[group] {
                    prefix.add(papers[paper].key.value)
                    prefix.add(papers[paper].title.fingerprint)
                    prefix.add(papers[paper].abstract.fingerprint)
                }
                return prefix.value
            }
        }
        // Resume after the last build's newest day when it is still a day of this build
        // and every day up to it has its answers cached.
        var index = RelatedPapers()
        var answers: [[[Int]]?] = keys.map { cache.related($0) }
        var resume = 0
        if let saved = cache.relatedState, let day = keys.firstIndex(of: saved.key),
            answers[...day].allSatisfy({ $0 != nil }), let restored = RelatedPapers(saved.state),
            restored.count == groups[day].upperBound
        {
            index = restored
            resume = day + 1
        } else {
            answers = Array(repeating: nil, count: groups.count)
        }
        // Terms are counted for a month of days at a time, on every core: ten years of them
        // at once would hold half a gigabyte. The next month's are counted while this one's
        // days are added to the index, which is done on one core.
        let chunks = stride(from: resume, to: groups.count, by: 32).map { $0..<min($0 + 32, groups.count) }
        func counting(_ days: Range<Int>) -> Background<[[RelatedPapers.TermCount]]> {
            let pending = Array(order[groups[days.lowerBound].lowerBound..<groups[days.upperBound - 1].upperBound])
            return Background {
                // The title counts twice: it says what a paper is about more densely than the abstract.
                pending.parallelMap { index in
                    // Read once, field by field: a title may come from texts.bin, and a paper
                    // copied whole retains every string it holds. Each text's words alone
                    // are those of the texts joined by spaces: the title's are made once.
                    let title = Terms.significant(catalog.papers[index].title.plainText)
                    return RelatedPapers.termCounts(
                        title + title + Terms.significant(catalog.papers[index].abstract.plainText))
                }
            }
        }
        var next = chunks.first.map(counting)
        for (number, days) in chunks.enumerated() {
            guard let counted = next else { break }
            let terms = counted.value
            next = number + 1 < chunks.count ? counting(chunks[number + 1]) : nil
            let start = groups[days.lowerBound].lowerBound
            for day in days {
                let range = (groups[day].lowerBound - start)..<(groups[day].upperBound - start)
                let known = answers[day]
                let lists = index.addDay(counted: Array(terms[range]), lookUp: known == nil)
                if known == nil {
                    answers[day] = lists
                    cache.remember(related: lists, for: keys[day])
                }
            }
        }
        if let last = keys.last, resume < groups.count || cache.relatedState == nil {
            cache.remember(relatedState: index.state, for: last)
        }
        var result = Array(repeating: [Int](), count: catalog.papers.count)
        for (day, group) in groups.enumerated() {
            for (paper, list) in zip(order[group], answers[day] ?? []) {
                result[paper] = list.compactMap { order.indices.contains($0) ? order[$0] : nil }
            }
        }
        return result
    }
}

/// Times consecutive steps and reports each as it ends.
struct StepClock {
    let log: SiteGenerator.StepLog
    var number: Int
    var start = DispatchTime.now()

    init(log: @escaping SiteGenerator.StepLog, first: Int) {
        self.log = log
        self.number = first
    }

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        log(number, name, Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        number += 1
        start = now
    }
}
