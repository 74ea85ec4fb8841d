/// The URL contract of a generated site. Every internal link is made here, so all of them
/// honour the base-url path; `SiteRenderer.path(of:)` is the one place a job gets its file.
///
/// URLs never move as days are added: a day, a paper and a month of a topic keep their
/// address, and long lists are split into pages that fill from the start.
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

    public static func day(_ date: DayDate, page: Int = 1) -> String {
        paged("days/\(date.iso)/", page)
    }
    public static func paper(_ slug: String) -> String { String.joined("papers/", slug, "/") }
    /// `file(for: paper(slug))` made in one buffer: a build names every paper's file.
    public static func paperFile(_ slug: String) -> String { String.joined("papers/", slug, "/index.html") }
    public static func topic(_ slug: String) -> String { "topics/\(slug)/" }
    /// `topics/<slug>/2026-03/`: the topic's papers first listed in that month.
    public static func topicMonth(_ slug: String, month: String, page: Int = 1) -> String {
        paged("topics/\(slug)/\(month)/", page)
    }
    public static func topicFeed(_ slug: String) -> String { "topics/\(slug)/feed.xml" }
    public static func sitemapPart(_ number: Int) -> String { "sitemaps/sitemap-\(number).xml" }
    public static func page(_ name: String) -> String { "\(name)/" }
    /// The first folders of the site's own pages (and of the theme's `assets/`), which no
    /// page of `pages/` may take: `page("days")` would be the days index.
    public static let ownFolders = Set(
        [days, topics, search, paper("x"), sitemapPart(1), "assets/"].compactMap { $0.split(separator: "/").first }
            .map(String.init))

    private static func paged(_ location: String, _ page: Int) -> String {
        page <= 1 ? location : location + "page/\(page)/"
    }

    /// `days/2026-03-12/` → `days/2026-03-12/index.html`.
    public static func file(for location: String) -> String {
        location.isEmpty || location.hasSuffix("/") ? location + "index.html" : location
    }

    /// Root-relative link with the base path: `/repo/days/2026-03-12/`.
    public func url(_ location: String) -> String { base.path + location }

    /// `url(Routes.paper(slug))` made in one buffer: pages link papers by the thousand.
    public func paperURL(_ slug: String) -> String { String.joined(base.path, "papers/", slug, "/") }

    /// Absolute link when the origin is known, else root-relative.
    public func absolute(_ location: String) -> String { (base.origin ?? "") + url(location) }
}
