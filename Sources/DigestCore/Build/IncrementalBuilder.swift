import Foundation

/// Rebuilds a site again and again, redoing only what changed: dumps are re-read only
/// when their bytes change, abstracts re-parsed only when their text changes, and a page
/// is re-rendered only when what its template sees (or the template itself) changed.
///
/// One instance serves one preview session; calls must not overlap.
public final class IncrementalBuilder: @unchecked Sendable {
    public struct Rebuild: Sendable {
        /// Files whose bytes differ from the previous build (all files the first time).
        public var changed: [Page]
        /// Files of the previous build that no longer exist.
        public var removed: [String]
        /// Every file of the site.
        public var total: Int
        /// Files actually rendered (the rest were reused unchanged).
        public var rendered: Int
        public var days: Int
        public var papers: Int
        public var topics: Int
        public var diagnostics: [Diagnostic]
        public var seconds: Double
        public var isFirst: Bool
    }

    public var baseURL: BaseURL?
    private let caches = BuildCaches()
    private var previous: [String: (fingerprint: UInt64, page: Page)] = [:]
    private var built = false

    public init(baseURL: BaseURL? = nil) {
        self.baseURL = baseURL
    }

    /// The pages of the last successful build, by path.
    public var pages: [String: Page] { previous.mapValues(\.page) }

    /// The base-url path of the last successful build (`/` or `/repo/`).
    public private(set) var basePath = "/"

    public func build(_ snapshot: ContentSnapshot) throws(BuildFailure) -> Rebuild {
        let started = DispatchTime.now()
        defer { caches.finishBuild() }
        let prepared = try SiteGenerator(baseURL: baseURL, caches: caches).prepare(snapshot)
        let renderer = prepared.renderer
        let previous = self.previous

        let outcomes = renderer.jobs().parallelMap { job -> (page: Page, fingerprint: UInt64, rendered: Bool) in
            guard job.template != nil else {
                let page = renderer.render(job)
                return (page, Fingerprint.of(page.path) ^ Self.hash(page.data), false)
            }
            let (location, context) = renderer.context(for: job)
            let fingerprint = renderer.fingerprint(job, context: context)
            let path = job == .notFound ? Routes.notFound : Routes.file(for: location)
            if let old = previous[path], old.fingerprint == fingerprint {
                return (old.page, fingerprint, false)
            }
            return (renderer.renderHTML(job, location: location, context: context), fingerprint, true)
        }

        var next: [String: (fingerprint: UInt64, page: Page)] = [:]
        var changed: [Page] = []
        for outcome in outcomes {
            next[outcome.page.path] = (outcome.fingerprint, outcome.page)
            if previous[outcome.page.path]?.page.data != outcome.page.data { changed.append(outcome.page) }
        }
        let removed = previous.keys.filter { next[$0] == nil }.sorted()
        let isFirst = !built
        self.previous = next
        basePath = renderer.routes.base.path
        built = true
        return Rebuild(
            changed: changed, removed: removed, total: outcomes.count,
            rendered: outcomes.filter(\.rendered).count, days: prepared.days, papers: prepared.papers,
            topics: prepared.topics, diagnostics: prepared.diagnostics,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
            isFirst: isFirst)
    }

    private static func hash(_ data: Data) -> UInt64 {
        var fingerprint = Fingerprint()
        for byte in data { fingerprint.add(byte: byte) }
        return fingerprint.value
    }
}
