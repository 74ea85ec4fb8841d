import Foundation

/// Turns the catalog into the files of the site: HTML pages through the theme, feeds,
/// sitemap and assets. Pure: the same input gives the same bytes.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let catalog: Catalog
    public let contentPages: [ContentPage]
    public let theme: Theme
    public let routes: Routes
    let rendered: [RenderedPaper]
    let topicIndex: [String: Int]
    let assetURLs: [String: String]
    /// For each paper, the indices of the most similar papers.
    let related: [[Int]]

    public init(
        config: SiteConfig, catalog: Catalog, contentPages: [ContentPage], theme: Theme, cache: BuildCaches? = nil
    ) {
        self.config = config
        self.catalog = catalog
        self.contentPages = contentPages
        self.theme = theme
        self.routes = Routes(base: config.baseURL)
        let rendered = catalog.papers.parallelMap { cache?.rendered($0) ?? RenderedPaper($0) }
        self.rendered = rendered
        // The title counts twice: it says what a paper is about more densely than the abstract.
        self.related = RelatedPapers.compute(
            rendered.parallelMap { Terms.significant($0.titlePlain + " " + $0.titlePlain + " " + $0.abstractPlain) })
        self.topicIndex = Dictionary(uniqueKeysWithValues: catalog.topics.enumerated().map { ($1.topic.slug, $0) })
        let routes = self.routes
        self.assetURLs = Dictionary(
            uniqueKeysWithValues: theme.assets.map { asset in
                (
                    Self.assetKey(asset.path),
                    routes.url(asset.path) + "?v=" + Slug.suffix(for: String(decoding: asset.data, as: UTF8.self))
                )
            })
    }

    /// Every file of the site, in a fixed order.
    public func jobs() -> [PageJob] {
        var jobs: [PageJob] = [.index, .days, .topics, .notFound, .feed, .sitemap, .search, .searchIndex, .robots]
        jobs += catalog.days.indices.map(PageJob.day)
        for (index, topic) in catalog.topics.enumerated() {
            jobs += (1...pageCount(topic)).map { PageJob.topic(index, page: $0) }
            jobs.append(.topicFeed(index))
        }
        jobs += catalog.papers.indices.map(PageJob.paper)
        jobs += contentPages.indices.map(PageJob.content)
        jobs += theme.assets.indices.map(PageJob.asset)
        return jobs
    }

    /// Renders every job, spread over the cores.
    public func renderAll() -> [Page] {
        jobs().parallelMap(render)
    }

    public func render(_ job: PageJob) -> Page {
        switch job {
        case .feed:
            return Page(path: Routes.feed, text: siteFeed())
        case .topicFeed(let index):
            return Page(path: Routes.topicFeed(catalog.topics[index].topic.slug), text: topicFeed(index))
        case .sitemap:
            return Page(path: Routes.sitemap, text: sitemap())
        case .searchIndex:
            return Page(path: Routes.searchIndex, text: searchIndex())
        case .robots:
            return Page(
                path: Routes.robots, text: "User-agent: *\nAllow: /\nSitemap: \(routes.absolute(Routes.sitemap))\n")
        case .asset(let index):
            let asset = theme.assets[index]
            return Page(path: asset.path, data: asset.data)
        default:
            let (location, context) = self.context(for: job)
            return renderHTML(job, location: location, context: context)
        }
    }

    /// The site-relative location a job is published at.
    public func location(of job: PageJob) -> String {
        switch job {
        case .index: Routes.home
        case .days: Routes.days
        case .day(let index): Routes.day(catalog.days[index].date)
        case .topics: Routes.topics
        case .topic(let index, let page): Routes.topic(catalog.topics[index].topic.slug, page: page)
        case .paper(let index): Routes.paper(catalog.papers[index].slug)
        case .content(let index): Routes.page(contentPages[index].name)
        case .notFound: Routes.notFound
        case .feed: Routes.feed
        case .topicFeed(let index): Routes.topicFeed(catalog.topics[index].topic.slug)
        case .sitemap: Routes.sitemap
        case .asset(let index): theme.assets[index].path
        case .search: Routes.search
        case .searchIndex: Routes.searchIndex
        case .robots: Routes.robots
        }
    }

    func pageCount(_ topic: Catalog.TopicPapers) -> Int {
        max(1, (topic.papers.count + config.papersPerPage - 1) / config.papersPerPage)
    }

    /// `assets/style.css` → `style_css`, the key templates use: `{{assets.style_css}}`.
    static func assetKey(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

extension SiteRenderer {
    /// A number that changes whenever a job's output may change: the values its template
    /// sees and the text of every template it uses. Feeds, sitemap and assets are hashed
    /// by their bytes (they are cheap to make).
    func fingerprint(_ job: PageJob, context: [String: Any]) -> UInt64 {
        var fingerprint = Fingerprint()
        let template = job.template ?? "404"
        for name in (theme.dependencies[template] ?? [template]).sorted() {
            fingerprint.add(name)
            fingerprint.add(theme.templateHashes[name] ?? 0)
        }
        fingerprint.add(value: context)
        return fingerprint.value
    }

    /// Renders an HTML job whose context is already made.
    func renderHTML(_ job: PageJob, location: String, context: [String: Any]) -> Page {
        let html = theme.render(job.template ?? "404", context)
        return Page(path: job == .notFound ? Routes.notFound : Routes.file(for: location), text: html)
    }
}
