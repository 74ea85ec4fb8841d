import Foundation

/// `digest build`: read the content and theme, generate, and swap the result into the
/// output folder, logging each named step.
public struct SiteBuild: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    public var baseURL: BaseURL?
    /// Whether Pagefind also indexes the site (the built-in index is always written).
    public var pagefind: Pagefind.Mode

    public init(
        content: URL, templates: URL, output: URL, baseURL: BaseURL? = nil, pagefind: Pagefind.Mode = .never
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.pagefind = pagefind
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var days: Int
        public var papers: Int
        public var topics: Int
        public var pages: Int
        public var seconds: Double
        public var warnings: Int
        /// Pagefind indexed the site too.
        public var pagefind = false

        public var description: String {
            let warningText =
                (pagefind ? " (plus a Pagefind index)" : "")
                + (warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")")
            return
                "Built \(days) days, \(papers) papers, \(topics) topics: \(pages) pages written in \(String(format: "%.2f", seconds)) s\(warningText)"
        }
    }

    /// Runs all six steps. On failure the output folder is left exactly as it was.
    /// `report` sees every warning as soon as its step ends (errors come with the failure).
    public func run(log: @escaping SiteGenerator.StepLog = { _, _, _ in }, report: (Diagnostic) -> Void = { _ in })
        throws(BuildFailure) -> Summary
    {
        let started = DispatchTime.now()
        var clock = StepClock(log: log, first: 1)
        let (snapshot, readDiagnostics) = try ContentSnapshot.read(content: content, templates: templates)
        readDiagnostics.forEach(report)
        clock.lap(SiteGenerator.steps[0])

        var generator = SiteGenerator(baseURL: baseURL)
        let indexer = Pagefind(mode: pagefind)
        generator.pagefind = indexer.willRun
        let site = try generator.generate(snapshot, clock: &clock)
        site.diagnostics.forEach(report)

        var pagefindDiagnostics: [Diagnostic] = []
        do {
            try OutputWriter(directory: output).replace(with: site.pages) { staging in
                pagefindDiagnostics = try indexer.index(staging)
            }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(.error("\(error)"))
        }
        pagefindDiagnostics.forEach(report)
        clock.lap(SiteGenerator.steps[5])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Summary(
            days: site.days, papers: site.papers, topics: site.topics, pages: site.pages.count, seconds: seconds,
            warnings: readDiagnostics.count + site.diagnostics.warnings.count + pagefindDiagnostics.count,
            pagefind: indexer.willRun && pagefindDiagnostics.isEmpty)
    }
}
