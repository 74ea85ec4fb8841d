import Foundation

/// What a build made: the files of the site and figures for the summary line.
public struct GeneratedSite: Sendable {
    public var pages: [Page]
    public var days: Int
    public var papers: Int
    public var topics: Int
    public var diagnostics: [Diagnostic]
}

/// A site ready to render: the catalog and theme checked, every page known.
public struct PreparedSite: Sendable {
    public var renderer: SiteRenderer
    public var diagnostics: [Diagnostic]
    public var days: Int { renderer.catalog.days.count }
    public var papers: Int { renderer.catalog.papers.count }
    public var topics: Int { renderer.catalog.topics.count }
}

/// Runs the pipeline over a content snapshot: parse dumps, build the catalog, load the
/// theme, render. Stops with a `BuildFailure` when any stage reports an error.
public struct SiteGenerator: Sendable {
    /// Overrides `base_url` from site.yml (`--base-url`).
    public var baseURL: BaseURL?
    /// The search page uses a Pagefind index (the build runs Pagefind after rendering).
    public var pagefind = false
    /// Parsed dumps and abstracts kept between builds (the preview server's rebuilds).
    public var caches: BuildCaches?

    public init(baseURL: BaseURL? = nil, caches: BuildCaches? = nil) {
        self.baseURL = baseURL
        self.caches = caches
    }

    /// A named step finished: `(number, name, seconds)`.
    public typealias StepLog = @Sendable (_ number: Int, _ name: String, _ seconds: Double) -> Void

    public static let steps = [
        "Reading content", "Parsing dumps", "Building catalog", "Loading templates", "Rendering pages",
        "Writing output",
    ]

    /// Steps 2 to 5 of `steps`; the caller reads the snapshot and writes the pages.
    public func generate(_ snapshot: ContentSnapshot, log: @escaping StepLog = { _, _, _ in }) throws(BuildFailure)
        -> GeneratedSite
    {
        var clock = StepClock(log: log, first: 2)
        return try generate(snapshot, clock: &clock)
    }

    func generate(_ snapshot: ContentSnapshot, clock: inout StepClock) throws(BuildFailure) -> GeneratedSite {
        let prepared = try prepare(snapshot, clock: &clock)
        let pages = prepared.renderer.renderAll()
        clock.lap(Self.steps[4])
        return GeneratedSite(
            pages: pages, days: prepared.days, papers: prepared.papers, topics: prepared.topics,
            diagnostics: prepared.diagnostics)
    }

    /// Steps 2 to 4: everything but rendering.
    public func prepare(_ snapshot: ContentSnapshot) throws(BuildFailure) -> PreparedSite {
        var clock = StepClock(log: { _, _, _ in }, first: 2)
        return try prepare(snapshot, clock: &clock)
    }

    func prepare(_ snapshot: ContentSnapshot, clock: inout StepClock) throws(BuildFailure) -> PreparedSite {
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
        let parser = DumpParser(defaultYear: config.year)
        let caches = self.caches
        let results = snapshot.dumps.parallelMap { file in
            caches?.dump(file, year: config.year) { parser.parse(file) } ?? parser.parse(file)
        }
        diagnostics += results.flatMap(\.diagnostics)
        try check()
        clock.lap(Self.steps[1])

        var taxonomy = Taxonomy.builtIn
        if let file = snapshot.topics {
            taxonomy = Taxonomy.load(file, diagnostics: &diagnostics) ?? taxonomy
        }
        try check()
        let (catalog, catalogDiagnostics) = CatalogBuilder(taxonomy: taxonomy, cache: caches).build(
            results.compactMap(\.day))
        diagnostics += catalogDiagnostics
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

        let renderer = SiteRenderer(
            config: config, catalog: catalog, contentPages: contentPages, theme: theme, cache: caches)
        return PreparedSite(renderer: renderer, diagnostics: diagnostics)
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
