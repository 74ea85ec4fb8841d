/// One file of the site to produce. Jobs are cheap values; rendering them is the work.
public enum PageJob: Hashable, Sendable {
    case index
    case days
    case day(Int)
    case topics
    /// A topic's papers, page `page` (1-based).
    case topic(Int, page: Int)
    case paper(Int)
    case content(Int)
    case notFound
    case feed
    case topicFeed(Int)
    case sitemap
    case asset(Int)
    /// The search page, and the index its script loads.
    case search
    case searchIndex
    case robots

    /// The template an HTML job renders with; nil for feeds, sitemap and assets.
    public var template: String? {
        switch self {
        case .index: "index"
        case .days: "days"
        case .day: "day"
        case .topics: "topics"
        case .topic: "topic"
        case .paper: "paper"
        case .content: "page"
        case .notFound: "404"
        case .search: "search"
        case .feed, .topicFeed, .sitemap, .asset, .searchIndex, .robots: nil
        }
    }
}
