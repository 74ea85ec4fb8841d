/// One file of the site to produce. Jobs are cheap values; rendering them is the work.
public enum PageJob: Hashable, Sendable {
    case index
    case days
    /// A day's papers, page `page` (1-based; long days are split).
    case day(Int, page: Int)
    case topics
    /// A topic's landing page: its newest papers and its months.
    case topic(Int)
    /// One month of a topic's archive (papers first listed that month), page `page`.
    case topicMonth(Int, month: Int, page: Int)
    case paper(Int)
    case content(Int)
    case notFound
    case feed
    case topicFeed(Int)
    /// `sitemap.xml`: the sitemap itself, or an index of `sitemapPart`s when it is too long.
    case sitemap
    case sitemapPart(Int)
    case asset(Int)
    /// A file of the content folder's `static/`, copied as it is.
    case staticFile(Int)
    /// The search page, and the index its script loads.
    case search
    case searchIndex
    case robots

    /// A paper's own page: the most common job and one of the quickest (the others list
    /// papers, or the whole site).
    var isPaper: Bool {
        if case .paper = self { return true }
        return false
    }

    /// A sitemap, or a part of one: a long job (every page's URL) that needs no paper's
    /// texts.
    var isSitemap: Bool {
        switch self {
        case .sitemap, .sitemapPart: true
        default: false
        }
    }

    /// The template an HTML job renders with; nil for feeds, sitemaps and assets.
    public var template: String? {
        switch self {
        case .index: "index"
        case .days: "days"
        case .day: "day"
        case .topics: "topics"
        case .topic, .topicMonth: "topic"
        case .paper: "paper"
        case .content: "page"
        case .notFound: "404"
        case .search: "search"
        case .feed, .topicFeed, .sitemap, .sitemapPart, .asset, .staticFile, .searchIndex, .robots: nil
        }
    }
}
