import Foundation

/// What a build made: the files of the site and figures for the summary line.
public struct GeneratedSite: Sendable {
    public var pages: [Page]
    public var days: Int
    public var papers: Int
    public var topics: Int
    public var diagnostics: [Diagnostic]
}

/// Runs the pipeline over a content snapshot: parse dumps, build the catalog, load the
/// theme, render. Stops with a `BuildFailure` when any stage reports an error.
public struct SiteGenerator: Sendable {
    /// Overrides `base_url` from site.yml (`--base-url`).
    public var baseURL: BaseURL?

    public init(baseURL: BaseURL? = nil) {
        self.baseURL = baseURL
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
        var diagnostics: [Diagnostic] = []
        func check() throws(BuildFailure) {
            if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        }

        var config = SiteConfig()
        if let file = snapshot.siteConfig {
            config = SiteConfig.load(file, diagnostics: &diagnostics) ?? config
        }
        if let baseURL { config.baseURL = baseURL }
        let parser = DumpParser(defaultYear: config.year)
        let results = snapshot.dumps.parallelMap(parser.parse)
        diagnostics += results.flatMap(\.diagnostics)
        try check()
        clock.lap(Self.steps[1])

        var taxonomy = Taxonomy.builtIn
        if let file = snapshot.topics {
            taxonomy = Taxonomy.load(file, diagnostics: &diagnostics) ?? taxonomy
        }
        try check()
        let (catalog, catalogDiagnostics) = CatalogBuilder(taxonomy: taxonomy).build(results.compactMap(\.day))
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

        let renderer = SiteRenderer(config: config, catalog: catalog, contentPages: contentPages, theme: theme)
        let pages = renderer.renderAll()
        clock.lap(Self.steps[4])
        return GeneratedSite(
            pages: pages, days: catalog.days.count, papers: catalog.papers.count, topics: catalog.topics.count,
            diagnostics: diagnostics)
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
