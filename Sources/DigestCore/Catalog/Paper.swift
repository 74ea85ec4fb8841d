/// One paper of the catalog, however many days it appeared on.
public struct Paper: Hashable, Sendable {
    public var key: TitleKey
    /// The URL name: `/papers/<slug>/`. Unique and stable across builds.
    public var slug: String
    public var title: PaperText
    public var abstract: PaperText
    /// Every day the paper was listed, oldest first, with its position in that day's dump.
    public var appearances: [Appearance]
    /// Slugs of the topics the paper belongs to, in taxonomy order.
    public var topics: [String]
    /// Where the newest title and abstract were read, for diagnostics.
    public var titleLocation: SourceLocation
    public var abstractLocation: SourceLocation?

    public struct Appearance: Hashable, Sendable {
        public var date: DayDate
        /// 0-based position in that day's list.
        public var position: Int
    }

    public var firstSeen: DayDate { Self.firstDay(of: appearances) }
    public var lastSeen: DayDate { appearances.last?.date ?? DayDate.distantPast }
    public var days: [DayDate] { appearances.map(\.date) }

    /// The day of the first of `appearances` (oldest first): a paper's first listing, for a
    /// paper and for its draft alike.
    static func firstDay(of appearances: [Appearance]) -> DayDate {
        appearances.first?.date ?? DayDate.distantPast
    }

    /// Reads the title and abstract once (see `PaperText.loaded`), for a page that shows
    /// them in several places. Mutating, on the page's own copy: a property returning the
    /// paper loaded copied it twice (the paper out of the catalog, then itself), every
    /// string it holds retained and released each time.
    mutating func loadTexts() {
        title = title.loaded
        abstract = abstract.loaded
    }

    /// Code, project and data links found in the abstract.
    public var links: [PaperLink] { abstract.links.map(PaperLink.init(url:)) }
}

/// A link from an abstract, labelled by what it most likely points to.
public struct PaperLink: Hashable, Sendable {
    public var url: String
    public var label: String

    public init(url: String, label: String) {
        self.url = url
        self.label = label
    }

    public init(url: String) {
        self.url = url
        let host = Self.host(of: url)
        switch host {
        case "github.com", "gitlab.com", "bitbucket.org": label = "Code (\(host))"
        case "huggingface.co": label = "Hugging Face"
        case "doi.org", "zenodo.org": label = "Data / DOI"
        case "arxiv.org": label = "arXiv"
        default: label = host.hasSuffix("github.io") ? "Project page" : host
        }
    }

    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }
}
