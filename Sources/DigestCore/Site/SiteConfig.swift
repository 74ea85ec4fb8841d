/// Site-wide settings from `site.yml`; every one has a default, so the file is optional.
public struct SiteConfig: Hashable, Sendable {
    public var title = "PaperDigest"
    public var description = "Daily machine-learning papers, with their math restored."
    public var baseURL = BaseURL.root
    public var language = "en"
    /// The year of date lines that carry none, when dump file names hold no date.
    public var year: Int?
    public var author = "PaperDigest"
    /// Papers on one page of a topic.
    public var papersPerPage = 20
    /// Days shown on the home page.
    public var homeDays = 7
    /// Days whose papers the site feed carries.
    public var feedDays = 3
    /// Papers a topic feed carries.
    public var topicFeedSize = 30
    /// At most this many entries in the site feed, however many papers its days hold.
    public var feedEntries = 100
    /// Papers on one page of a day; longer days are split into pages.
    public var dayPageSize = 200
    /// The newest papers the built-in search index covers (Pagefind, when run, covers all).
    public var searchPapers = 5_000
    /// URLs per sitemap file before `sitemap.xml` becomes an index of parts: the sitemap
    /// protocol's limit (not a site.yml setting; tests lower it).
    public var sitemapLimit = 50_000
    /// Set by the build, not by site.yml: a Pagefind index will sit in `pagefind/`.
    public var pagefind = false

    public init() {}

    static let keys: Set<String> = [
        "title", "description", "base_url", "language", "year", "author",
        "papers_per_page", "home_days", "feed_days", "topic_feed_size", "feed_entries", "day_page_size",
        "search_papers",
    ]

    /// Reads `site.yml`; nil (with errors naming `file:line`) when a setting is unusable.
    public static func load(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard let yaml = YAMLFile(file, diagnostics: &diagnostics) else { return nil }
        var config = SiteConfig()
        guard yaml.root != nil else { return config }  // an empty file means "all defaults"
        guard let fields = YAMLMapping(yaml.root, in: yaml, what: "site.yml", diagnostics: &diagnostics) else {
            return nil
        }
        let errorCount = diagnostics.errors.count
        fields.warnUnknownKeys(known: keys, diagnostics: &diagnostics)
        if let value = fields.string("title", diagnostics: &diagnostics) { config.title = value }
        if let value = fields.string("description", diagnostics: &diagnostics) { config.description = value }
        if let value = fields.string("language", diagnostics: &diagnostics) { config.language = value }
        if let value = fields.string("author", diagnostics: &diagnostics) { config.author = value }
        if let value = fields.string("base_url", diagnostics: &diagnostics) {
            if let base = BaseURL(value) {
                config.baseURL = base
            } else {
                diagnostics.append(
                    .error(
                        "base_url should be an http(s) URL or a path starting with '/'",
                        at: yaml.location(of: fields["base_url"])))
            }
        }
        config.year = fields.int("year", in: 1900...9999, diagnostics: &diagnostics)
        if let value = fields.int("papers_per_page", in: 1...1000, diagnostics: &diagnostics) {
            config.papersPerPage = value
        }
        if let value = fields.int("home_days", in: 1...365, diagnostics: &diagnostics) { config.homeDays = value }
        if let value = fields.int("feed_days", in: 1...365, diagnostics: &diagnostics) { config.feedDays = value }
        if let value = fields.int("topic_feed_size", in: 1...1000, diagnostics: &diagnostics) {
            config.topicFeedSize = value
        }
        if let value = fields.int("feed_entries", in: 1...10_000, diagnostics: &diagnostics) {
            config.feedEntries = value
        }
        if let value = fields.int("day_page_size", in: 10...10_000, diagnostics: &diagnostics) {
            config.dayPageSize = value
        }
        if let value = fields.int("search_papers", in: 100...1_000_000, diagnostics: &diagnostics) {
            config.searchPapers = value
        }
        return diagnostics.errors.count == errorCount ? config : nil
    }
}
