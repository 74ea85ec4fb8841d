import Synchronization

/// A name templates look values up by (`title`, `card_html`), as a number: a render finds a
/// field by comparing numbers, where comparing strings was a call into the standard library
/// at every field passed over. Templates are compiled and contexts built with the same
/// numbers, given out by one table for the process.
public struct TemplateName: Hashable, Sendable {
    let number: Int32

    /// The number of `text`, given on its first use.
    public init(_ text: String) {
        number = Self.table.withLock { table in
            if let number = table.numbers[text] { return number }
            let number = Int32(truncatingIfNeeded: table.names.count)
            table.numbers[text] = number
            table.names.append(text)
            return number
        }
    }

    /// The name numbered `number`, as written.
    static func text(of number: Int32) -> String {
        table.withLock { $0.names[Int(number)] }
    }

    private init(number: Int32) {
        self.number = number
    }

    /// `.`, the value of the innermost section.
    static let dot = TemplateName(".")

    /// What the items of a list are named by: none, no field is looked up by it.
    static let item = TemplateName(number: -1)

    private struct Table {
        var numbers: [String: Int32] = [:]
        var names: [String] = []
    }

    private static let table = Mutex(Table())
}

/// The names the site's contexts use, numbered once for every page that sets them.
extension TemplateName {
    static let abstractHTML = TemplateName("abstract_html")
    static let assets = TemplateName("assets")
    static let author = TemplateName("author")
    static let base = TemplateName("base")
    static let canonical = TemplateName("canonical")
    static let caption = TemplateName("caption")
    static let cardHTML = TemplateName("card_html")
    static let compact = TemplateName("compact")
    static let compactCardHTML = TemplateName("compact_card_html")
    static let contentHTML = TemplateName("content_html")
    static let count = TemplateName("count")
    static let countLabel = TemplateName("count_label")
    static let counterStart = TemplateName("counter_start")
    static let current = TemplateName("current")
    static let day = TemplateName("day")
    static let days = TemplateName("days")
    static let description = TemplateName("description")
    static let descriptionHTML = TemplateName("description_html")
    static let feedAbsoluteURL = TemplateName("feed_absolute_url")
    static let feedURL = TemplateName("feed_url")
    static let first = TemplateName("first")
    static let firstSeen = TemplateName("first_seen")
    static let firstSeenISO = TemplateName("first_seen_iso")
    static let fullTitle = TemplateName("full_title")
    static let hasAbstract = TemplateName("has_abstract")
    static let hasMath = TemplateName("has_math")
    static let hasMonths = TemplateName("has_months")
    static let hasOrigin = TemplateName("has_origin")
    static let hasPages = TemplateName("has_pages")
    static let hasRelated = TemplateName("has_related")
    static let homeURL = TemplateName("home_url")
    static let isHome = TemplateName("is_home")
    static let isSearch = TemplateName("is_search")
    static let iso = TemplateName("iso")
    static let key = TemplateName("key")
    static let label = TemplateName("label")
    static let language = TemplateName("language")
    static let last = TemplateName("last")
    static let lastSeen = TemplateName("last_seen")
    static let latestDays = TemplateName("latest_days")
    static let links = TemplateName("links")
    static let listedOn = TemplateName("listed_on")
    static let month = TemplateName("month")
    static let months = TemplateName("months")
    static let more = TemplateName("more")
    static let name = TemplateName("name")
    static let nav = TemplateName("nav")
    static let neighbours = TemplateName("neighbours")
    static let newer = TemplateName("newer")
    static let next = TemplateName("next")
    static let nextURL = TemplateName("next_url")
    static let number = TemplateName("number")
    static let older = TemplateName("older")
    static let page = TemplateName("page")
    static let pagefindURL = TemplateName("pagefind_url")
    static let pages = TemplateName("pages")
    static let pagination = TemplateName("pagination")
    static let paper = TemplateName("paper")
    static let papers = TemplateName("papers")
    static let peak = TemplateName("peak")
    static let preview = TemplateName("preview")
    static let previous = TemplateName("previous")
    static let previousURL = TemplateName("previous_url")
    static let published = TemplateName("published")
    static let related = TemplateName("related")
    static let searchIndexURL = TemplateName("search_index_url")
    static let searchURL = TemplateName("search_url")
    static let section = TemplateName("section")
    static let seenCount = TemplateName("seen_count")
    static let seenMany = TemplateName("seen_many")
    static let short = TemplateName("short")
    static let site = TemplateName("site")
    static let slug = TemplateName("slug")
    static let soFar = TemplateName("so_far")
    static let sparklineHTML = TemplateName("sparkline_html")
    static let stats = TemplateName("stats")
    static let structuredDataHTML = TemplateName("structured_data_html")
    static let summary = TemplateName("summary")
    static let svgHTML = TemplateName("svg_html")
    static let title = TemplateName("title")
    static let titleHTML = TemplateName("title_html")
    static let topic = TemplateName("topic")
    static let topics = TemplateName("topics")
    static let total = TemplateName("total")
    static let trend = TemplateName("trend")
    static let trendSpan = TemplateName("trend_span")
    static let type = TemplateName("type")
    static let url = TemplateName("url")
    static let weekday = TemplateName("weekday")
}
