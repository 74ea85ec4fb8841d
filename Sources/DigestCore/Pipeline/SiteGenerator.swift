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
    /// Days (of first listings) added to the related-papers index; the others' answers
    /// were the last build's.
    public var relatedDaysIndexed = 0
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
    /// How many days before the newest the related-papers index is kept for the next build.
    var relatedKeptBack = RelatedDays.keptBack

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
        var memo = DumpMemo(root: snapshot.root)
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
                    relatedKeptBack: relatedKeptBack, diagnostics: &diagnostics,
                    taxonomyDiagnostics: taxonomyDiagnostics, clock: &clock)
            else { return nil }
            made = collected
        }
        diagnostics += made.textDiagnostics
        let catalog = made.catalog
        let cache = cache()
        let (related, indexedDays) = Self.related(
            catalog, madeWith: made.related, cache: cache, keptBack: relatedKeptBack)
        Trace.mark("related")
        let contentPages = Self.contentPages(snapshot.pages, diagnostics: &diagnostics)
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
        // Nor a folder the site's pages go in, nor go inside one of its files.
        var folders = Set<Substring>()
        for path in generated {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(folder).inserted { break }
            }
        }
        for file in snapshot.statics {
            let location = SourceLocation(path: snapshot.root + "/static/" + file.path, line: 1)
            // The folders it sits in, made only if the checks before it pass.
            let above = file.path.indices.lazy.filter { file.path[$0] == "/" }.map { String(file.path[..<$0]) }
            let problem: String? =
                if generated.contains(file.path) {
                    "would replace a page the site makes"
                } else if folders.contains(file.path[...]) {
                    "is a file where the site makes a folder of pages"
                } else if let page = above.first(where: generated.contains) {
                    "would go inside \(page), a file the site makes"
                } else if OutputWriter.isOwnName(file.path) {
                    "takes a name digest build keeps for itself"
                } else if pagefind && file.path.split(separator: "/").first == "pagefind" {
                    "would go inside pagefind/, where the Pagefind index is written"
                } else {
                    nil
                }
            if let problem {
                diagnostics.append(.error("static/\(file.path) \(problem); rename or remove it", at: location))
            }
        }
        try check()
        return PreparedSite(
            renderer: renderer, diagnostics: diagnostics, parsedDumps: made.parsedDumps, resume: made.resume,
            catalogExtended: made.extended, relatedDaysIndexed: indexedDays)
    }

    /// The pages of `pages/`, each name (its URL) taken once: two files with one name
    /// (`About.md`, `about.md`) would race to write one page.
    static func contentPages(_ files: [SourceFile], diagnostics: inout [Diagnostic]) -> [ContentPage] {
        var pages: [ContentPage] = []
        var taken: [String: String] = [:]
        for file in files {
            guard let page = ContentPage.parse(file, diagnostics: &diagnostics) else { continue }
            let location = SourceLocation(path: file.path, line: 1)
            if Routes.ownFolders.contains(page.name) {
                diagnostics.append(
                    .error(
                        "a page named '\(page.name)' would replace the site's own \(page.name)/; rename the file",
                        at: location))
            } else if let first = taken[page.name] {
                diagnostics.append(
                    .error(
                        "this page's name, '\(page.name)' (from its file name), is also that of \(displayPath(first)); rename one",
                        at: location))
            } else {
                taken[page.name] = file.path
                pages.append(page)
            }
        }
        return pages
    }

    /// What a rendered text is remembered under: its source text's fingerprint, where it
    /// was read (diagnostics name it; its file by its path within the content folder
    /// `root`, so that a site moved elsewhere keeps its texts) and its role.
    static func textKey(_ digest: UInt64, at location: SourceLocation?, role: PaperText.Role, root: String) -> UInt64 {
        var key = Fingerprint()
        key.add(digest)
        key.add(relativePath(location?.path ?? "", within: root))
        key.add(location?.line ?? 0)
        key.add(location?.column ?? 0)
        key.add(Int(role.rawValue))
        return key.value
    }

    /// A text recovered and rendered, stored by `cache` (which keeps long ones on disk),
    /// and its plain text while it is still in memory.
    static func render(
        _ text: String, at location: SourceLocation?, role: PaperText.Role, cache: BuildCache
    ) -> (stored: BuildCache.Text, plainText: String) {
        let (rendered, diagnostics) = PaperText.render(text, at: location, role: role)
        return (cache.stored(BuildCache.Text(text: rendered, diagnostics: diagnostics), role: role), rendered.plainText)
    }

    static func fingerprint(of taxonomy: Taxonomy) -> UInt64 {
        var print = Fingerprint()
        for topic in taxonomy.topics + [taxonomy.other] {
            print.add(value: [topic.slug, topic.name, topic.phrases, topic.exclude, topic.minMentions] as [Any])
        }
        return print.value
    }

    /// The related papers `feed` made while the texts were made, when it made them for every
    /// day of `catalog`; otherwise `related(_:cache:keptBack:)`.
    /// Also how many days were added to the index this build (the feed's are).
    static func related(
        _ catalog: Catalog, madeWith feed: RelatedFeed?, cache: BuildCache, keptBack: Int = RelatedDays.keptBack
    ) -> (lists: [[Int]], indexedDays: Int) {
        if let feed {
            let answers = feed.answers()
            if feed.groups.last?.upperBound ?? 0 == catalog.papers.count, !answers.contains(where: { $0 == nil }) {
                return (RelatedDays.result(answers, groups: feed.groups, catalog: catalog), feed.groups.count)
            }
        }
        return related(catalog, cache: cache, keptBack: keptBack)
    }

    /// Related papers, day by day in order of first listing. A day's answers are reused
    /// while it and every day before it hold the same papers with the same texts; the index
    /// resumes from the day it was kept after (`keptBack` before the newest) when every day
    /// up to it is unchanged, and stops after the last day that needs it.
    static func related(_ catalog: Catalog, cache: BuildCache, keptBack: Int = RelatedDays.keptBack) -> (
        lists: [[Int]], indexedDays: Int
    ) {
        let order = catalog.firstListing
        // Papers read through a pointer: borrowed from the array, each was copied whole.
        let groups = catalog.papers.withUnsafeBufferPointer { papers in dayGroups(order.map { papers[$0].firstSeen }) }
        var prefix = Fingerprint()
        let keys = catalog.papers.withUnsafeBufferPointer { papers in
            groups.map { group in
                RelatedDays.key(
                    &prefix,
                    papers: order[group].lazy.map {
                        (papers[$0].key.value, papers[$0].title.fingerprint, papers[$0].abstract.fingerprint)
                    })
            }
        }
        // Resume after the day the last build kept the index at when it is still a day of
        // this build and every day up to it has its answers cached. That day is a month of
        // days before the newest: the newest days are those whose dumps change (the newest
        // saved again as the page grows, or removed; a mistake found in last week's), and
        // adding them once more costs a month's work, where an index that cannot resume is
        // built again over the whole archive.
        var answers: [[[Int]]?] = keys.map { cache.related($0) }
        var days: RelatedDays
        var resume = 0
        if let saved = cache.relatedState, let day = keys.firstIndex(of: saved.key),
            answers[...day].allSatisfy({ $0 != nil }), let restored = RelatedPapers(saved.state),
            restored.count == groups[day].upperBound
        {
            days = RelatedDays(index: restored, answers: answers, cache: cache, keptBack: keptBack)
            resume = day + 1
        } else {
            answers = Array(repeating: nil, count: groups.count)
            days = RelatedDays(index: RelatedPapers(), answers: answers, cache: cache, keptBack: keptBack)
        }
        // Days after both the one to keep the index at and the last without answers are not
        // added: their answers are known, and the index after them is not kept.
        let end = max(days.keptDay, answers.lastIndex(where: { $0 == nil }) ?? -1) + 1
        // Terms are counted for a month of days at a time, on every core: ten years of them
        // at once would hold half a gigabyte. The next month's are counted while this one's
        // days are added to the index, which is done on one core.
        let chunks = stride(from: resume, to: end, by: 32).map { $0..<min($0 + 32, end) }
        func counting(_ days: Range<Int>) -> Background<[TermCounts]> {
            let pending = Array(order[groups[days.lowerBound].lowerBound..<groups[days.upperBound - 1].upperBound])
            return Background {
                pending.parallelMap { index in
                    // Field by field: a paper copied whole retains every string it holds.
                    Terms.significantCounts(
                        title: catalog.papers[index].title.plainText,
                        abstract: catalog.papers[index].abstract.plainText)
                }
            }
        }
        var next = chunks.first.map(counting)
        for (number, chunk) in chunks.enumerated() {
            guard let counted = next else { break }
            let terms = counted.value
            next = number + 1 < chunks.count ? counting(chunks[number + 1]) : nil
            let start = groups[chunk.lowerBound].lowerBound
            for day in chunk {
                let range = (groups[day].lowerBound - start)..<(groups[day].upperBound - start)
                days.add(day: day, key: keys[day], counted: Array(terms[range]))
            }
        }
        return (RelatedDays.result(days.answers, groups: groups, catalog: catalog), max(0, end - resume))
    }

    /// Runs of equal days in `firstSeen` (each paper's first day, by first listing): the
    /// days papers are added to a related-papers index in.
    static func dayGroups(_ firstSeen: [DayDate]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        for index in firstSeen.indices where index + 1 == firstSeen.count || firstSeen[index + 1] != firstSeen[index] {
            groups.append(start..<index + 1)
            start = index + 1
        }
        return groups
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
