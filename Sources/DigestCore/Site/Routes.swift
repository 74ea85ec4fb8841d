/// The URL contract of a generated site. Every internal link is made here, so all of them
/// honour the base-url path.
///
/// `file` is where a page lives under `Output/`; `url` is its root-relative link;
/// `absolute` adds the origin for feeds, sitemaps and canonical links.
public struct Routes: Sendable {
    public let base: BaseURL

    public init(base: BaseURL) {
        self.base = base
    }

    // Site-relative locations (no leading slash), directory-style.
    public static let home = ""
    public static let days = "days/"
    public static let topics = "topics/"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"
    public static let search = "search/"
    public static let searchIndex = "search/index.json"
    public static let robots = "robots.txt"

    public static func day(_ date: DayDate) -> String { "days/\(date.iso)/" }
    public static func paper(_ slug: String) -> String { "papers/\(slug)/" }
    public static func topic(_ slug: String, page: Int = 1) -> String {
        page <= 1 ? "topics/\(slug)/" : "topics/\(slug)/page/\(page)/"
    }
    public static func topicFeed(_ slug: String) -> String { "topics/\(slug)/feed.xml" }
    public static func page(_ name: String) -> String { "\(name)/" }

    /// `days/2026-03-12/` → `days/2026-03-12/index.html`.
    public static func file(for location: String) -> String {
        location.isEmpty || location.hasSuffix("/") ? location + "index.html" : location
    }

    /// Root-relative link with the base path: `/repo/days/2026-03-12/`.
    public func url(_ location: String) -> String { base.path + location }

    /// Absolute link when the origin is known, else root-relative.
    public func absolute(_ location: String) -> String { (base.origin ?? "") + url(location) }
}
