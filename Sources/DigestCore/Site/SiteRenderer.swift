import Foundation

/// Turns the catalog into the files of the site: HTML pages through the theme, feeds,
/// sitemaps and assets. Pure: the same input gives the same bytes.
///
/// Besides rendering, it tells a build which pages can be skipped: `inputs(of:)` is a
/// fingerprint of everything a page shows, made without rendering it.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let catalog: Catalog
    public let contentPages: [ContentPage]
    public let theme: Theme
    /// Files published as they are (the content folder's `static/`).
    public let statics: [SourceFile]
    public let routes: Routes
    let topicIndex: [String: Int]
    /// Each topic as a card's chip shows it, and each listed day's texts, made once.
    let topicChips: [TemplateContext]
    let dayTexts: [DayDate: DayText]
    let assetURLs: [String: String]
    /// What every page's context shares (`site`, `nav`, `assets`), for a page in each
    /// section that marks a link of the navigation current, and for every other page
    /// (`sharedFields`): made once, copied into each page's context.
    let shared: [String: TemplateContext]
    let plainShared: TemplateContext
    /// What each paper's JSON-LD says of the site (`articleSite(config:routes:)`).
    let articleSite: String
    /// For each paper, the indices of the most similar earlier papers.
    public let related: [[Int]]
    /// For each topic, its papers grouped by the month they were first listed, newest first.
    let months: [[TopicMonth]]
    /// A fingerprint of each paper's card, and of what a list of related papers shows of it.
    let cardPrints: [UInt64]
    let mentionPrints: [UInt64]
    /// A fingerprint of what every page shares, and of each template with those it uses.
    let sharedPrint: UInt64
    let templatePrints: [String: UInt64]
    /// The sitemap's URLs and parts (none without an origin: sitemaps need absolute URLs).
    let sitemapPlan: SitemapPlan
    let cards = CardMemo()

    /// The template of a paper card, which day and topic pages embed rendered.
    static let cardTemplate = "partials/paper-card"

    /// Paper cards, rendered once per build and shared by every page that lists the paper.
    /// A paper's two cards are made together: they read the same texts back, and a month's
    /// day pages show the full card where its topic pages show the compact one.
    final class CardMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [Int: Cards] = [:]
        /// The cards held before the last trim: the newest are never all forgotten at once.
        private var older: [Int: Cards] = [:]

        struct Card: Sendable {
            var title: String
            /// UTF-8, printed into pages as it is.
            var html: [UInt8]
            /// Its title shows a formula, or its abstract (in full cards, which have it).
            var showsMath: Bool
        }

        /// A class: a page's list hands each paper's cards around, and a struct of four
        /// strings was retained four times at every hand-over.
        final class Cards: Sendable {
            let full: Card
            let compact: Card

            init(full: Card, compact: Card) {
                self.full = full
                self.compact = compact
            }
        }

        /// The cards of `papers`, those not held made by `make` outside the lock: taken for
        /// a page's list at once, as the lock taken twice a paper kept both cores waiting.
        func cards(_ papers: [Int], make: (Int) -> Cards) -> [Cards] {
            let held = lock.withLock { papers.map { made[$0] ?? older[$0] } }
            var result: [Cards] = []
            result.reserveCapacity(papers.count)
            var added: [(paper: Int, cards: Cards)] = []
            for (paper, hit) in zip(papers, held) {
                if let hit {
                    result.append(hit)
                } else {
                    let value = make(paper)
                    result.append(value)
                    added.append((paper, value))
                }
            }
            if !added.isEmpty { lock.withLock { for (paper, cards) in added { made[paper] = cards } } }
            return result
        }

        /// Makes and holds the cards of `paper` unless held: its page makes them while its
        /// texts are loaded, for the lists rendered after it.
        func keep(_ paper: Int, make: () -> Cards) {
            guard lock.withLock({ made[paper] == nil && older[paper] == nil }) else { return }
            let value = make()
            lock.withLock { made[paper] = value }
        }

        /// Keeps at most `limit` papers' cards: once more than half of that were made since
        /// the last trim, those made before it are forgotten (the newest never are).
        func trim(to limit: Int) {
            lock.withLock {
                guard made.count > limit / 2 || limit == 0 else { return }
                older = limit > 0 ? made : [:]
                made = [:]
            }
        }
    }

    struct TopicMonth: Sendable {
        var key: String
        var title: String
        /// Oldest first listing first: new papers go at the end.
        var papers: [Int]
        /// The month of the newest day, still growing: its first page counts papers "so far".
        var isOpen: Bool
    }

    public init(
        config: SiteConfig, catalog: Catalog, contentPages: [ContentPage], theme: Theme, related: [[Int]],
        statics: [SourceFile] = []
    ) {
        self.statics = statics
        self.config = config
        self.catalog = catalog
        self.contentPages = contentPages
        self.theme = theme
        self.related = related
        self.routes = Routes(base: config.baseURL)
        self.topicIndex = Dictionary(uniqueKeysWithValues: catalog.topics.enumerated().map { ($1.topic.slug, $0) })
        let routes = self.routes
        self.topicChips = catalog.topics.map { Self.topicChip($0.topic, routes: routes) }
        self.dayTexts = Dictionary(
            catalog.days.map { ($0.date, DayText($0.date, routes: routes)) }, uniquingKeysWith: { first, _ in first })
        // Two assets with one key (`a/x.css`, `b/x.css`): the first by path keeps it, as `Theme.load` warns.
        self.assetURLs = Dictionary(
            theme.assets.map { asset in
                (
                    Theme.assetKey(asset.path),
                    routes.url(asset.path) + "?v=" + asset.data.withUnsafeBytes { Slug.suffix(forBytes: $0) }
                )
            }, uniquingKeysWith: { first, _ in first })
        self.articleSite = Self.articleSite(config: config, routes: routes)
        (self.shared, self.plainShared) = Self.sharedFields(
            contentPages: contentPages, config: config, routes: routes, assetURLs: assetURLs)
        var ranks = Array(repeating: 0, count: catalog.papers.count)
        for (place, paper) in catalog.firstListing.enumerated() { ranks[paper] = place }
        let (rank, newest) = (ranks, catalog.days.last?.date.monthKey ?? "")
        self.months = catalog.topics.parallelMap { Self.months(of: $0, in: catalog, rank: rank, newest: newest) }
        self.sitemapPlan =
            config.baseURL.origin == nil
            ? SitemapPlan(pages: [], papers: [], limit: config.sitemapLimit)
            : Self.sitemapPlan(catalog: catalog, months: months, contentPages: contentPages, config: config)
        // Through a pointer: a paper read from the array, even to borrow it, was copied whole.
        let prints = catalog.papers.withUnsafeBufferPointer { papers in
            let first = UncheckedSendable(papers.baseAddress)
            return Array(catalog.papers.indices).parallelMap { index in
                guard let paper = first.value.map({ $0 + index }) else { return (card: UInt64(0), mention: UInt64(0)) }
                return (card: Self.cardPrint(paper), mention: Self.mentionPrint(paper))
            }
        }
        self.cardPrints = prints.map(\.card)
        self.mentionPrints = prints.map(\.mention)
        self.templatePrints = theme.dependencies.mapValues { names in
            var print = Fingerprint()
            for name in names.sorted() {
                print.add(name)
                print.add(theme.templateHashes[name] ?? 0)
            }
            return print.value
        }
        var shared = Fingerprint()
        shared.add(value: Self.configValue(config))
        shared.add(value: assetURLs)
        for page in contentPages {
            shared.add(page.name)
            shared.add(page.title)
            shared.add(page.inNavigation)
        }
        for topic in catalog.topics {
            shared.add(topic.topic.slug)
            shared.add(topic.topic.name)
        }
        for name in (theme.dependencies[Self.cardTemplate] ?? []).sorted() {
            shared.add(name)
            shared.add(theme.templateHashes[name] ?? 0)
        }
        self.sharedPrint = shared.value
    }

    /// Every file of the site, in a fixed order: month by month, the pages of the papers
    /// first listed in it, then its days and the months of topics, which list mostly those
    /// papers. A paper's page makes its cards for those lists, and a build can forget them
    /// after each month. Pages that link to a paper are written after it (its related
    /// papers are older).
    public func jobs() -> [PageJob] {
        var jobs: [PageJob] = []
        var byMonth: [String: [PageJob]] = [:]
        for paper in catalog.firstListing {
            byMonth[catalog.papers[paper].firstSeen.monthKey, default: []].append(.paper(paper))
        }
        for (index, day) in catalog.days.enumerated() {
            byMonth[day.date.monthKey, default: []] += (1...Self.pageCount(day.papers.count, config.dayPageSize)).map {
                PageJob.day(index, page: $0)
            }
        }
        for (topic, months) in months.enumerated() {
            for (month, entry) in months.enumerated() {
                byMonth[entry.key, default: []] += (1...Self.pageCount(entry.papers.count, config.papersPerPage)).map {
                    PageJob.topicMonth(topic, month: month, page: $0)
                }
            }
        }
        for key in byMonth.keys.sorted() { jobs += byMonth[key] ?? [] }
        for topic in catalog.topics.indices { jobs += [.topic(topic), .topicFeed(topic)] }
        jobs += contentPages.indices.map(PageJob.content)
        jobs += theme.assets.indices.map(PageJob.asset)
        jobs += statics.indices.map(PageJob.staticFile)
        // The sitemap protocol allows only absolute URLs: no sitemap without an origin.
        let hasOrigin = routes.base.origin != nil
        if hasOrigin { jobs += (0..<sitemapParts).map(PageJob.sitemapPart) }
        jobs += [.days, .topics, .notFound, .feed] + (hasOrigin ? [.sitemap] : [])
        jobs += [.search, .searchIndex, .robots, .index]
        return jobs
    }

    /// Drops the older paper cards rendered so far when they are many (a build calls it
    /// between batches, so memory stays flat); a card needed again is rendered again. At
    /// least the last 4,096 papers' cards are kept: well over a month's (about 2,900 papers
    /// a month, repeats included, 3 KB of cards each), so a paper's cards are rendered once,
    /// with its page, for its days and all its topics.
    public func forgetCards(all: Bool = false) {
        cards.trim(to: all ? 0 : 8192)
    }

    /// Renders every job, spread over the cores (tests and small sites; builds stream).
    public func renderAll() -> [Page] {
        jobs().parallelMap(render)
    }

    public func render(_ job: PageJob) -> Page {
        let path = self.path(of: job)
        switch job {
        case .feed:
            return Page(path: path, text: siteFeed())
        case .topicFeed(let index):
            return Page(path: path, text: topicFeed(index))
        case .sitemap:
            return Page(path: path, text: sitemap())
        case .sitemapPart(let number):
            return Page(path: path, text: sitemapPart(number))
        case .searchIndex:
            return Page(path: path, text: searchIndex())
        case .robots:
            let sitemap = routes.base.origin == nil ? "" : "Sitemap: \(routes.absolute(Routes.sitemap))\n"
            return Page(path: path, text: "User-agent: *\nAllow: /\n" + sitemap)
        case .asset(let index):
            return Page(path: path, data: theme.assets[index].data)
        case .staticFile(let index):
            return Page(path: path, data: statics[index].data)
        default:
            return Page(path: path, data: theme.renderPage(job.template ?? "404", context(for: job).context))
        }
    }

    /// The site-relative location a job is published at (what links point to).
    public func location(of job: PageJob) -> String {
        switch job {
        case .index: Routes.home
        case .days: Routes.days
        case .day(let index, let page): Routes.day(catalog.days[index].date, page: page)
        case .topics: Routes.topics
        case .topic(let index): Routes.topic(catalog.topics[index].topic.slug)
        case .topicMonth(let index, let month, let page):
            Routes.topicMonth(catalog.topics[index].topic.slug, month: months[index][month].key, page: page)
        case .paper(let index): Routes.paper(catalog.papers[index].slug)
        case .content(let index): Routes.page(contentPages[index].name)
        case .notFound: Routes.notFound
        case .feed: Routes.feed
        case .topicFeed(let index): Routes.topicFeed(catalog.topics[index].topic.slug)
        case .sitemap: Routes.sitemap
        case .sitemapPart(let number): Routes.sitemapPart(number)
        case .asset(let index): theme.assets[index].path
        case .staticFile(let index): statics[index].path
        case .search: Routes.search
        case .searchIndex: Routes.searchIndex
        case .robots: Routes.robots
        }
    }

    /// The file a job is written to, under the output folder.
    public func path(of job: PageJob) -> String {
        if case .paper(let index) = job {
            // Through a pointer: borrowed from the array, the paper was copied whole, every page.
            return catalog.papers.withUnsafeBufferPointer { Routes.paperFile($0[index].slug) }
        }
        return Routes.file(for: location(of: job))
    }

    /// A fingerprint of everything a job's file shows, made without rendering it: equal
    /// fingerprints mean equal bytes, so a build may skip the job. Pages a site has thousands
    /// of (papers, days, months of topics) hash the cards they list; the few others hash
    /// their whole template context.
    ///
    /// Made for every page of every build, so it hashes fingerprints made once per build
    /// (cards, templates) and reads papers in place rather than copying them.
    public func inputs(of job: PageJob) -> UInt64 {
        var print = Fingerprint()
        print.add(sharedPrint)
        if let template = job.template {
            print.add(template)
            print.add(templatePrints[template] ?? 0)
        }
        switch job {
        case .paper(let index):
            // The card's print covers the abstract's links.
            print.add(cardPrints[index])
            print.add(related[index].count)
            for other in related[index] { print.add(mentionPrints[other]) }
        case .day(let index, let page):
            let day = catalog.days[index]
            print.add(day.date.iso)
            print.add(page)
            print.add(day.papers.count)
            for neighbour in [index - 1, index + 1] where catalog.days.indices.contains(neighbour) {
                print.add(neighbour - index)
                print.add(catalog.days[neighbour].date.iso)
                print.add(catalog.days[neighbour].papers.count)
            }
            for paper in pageSlice(day.papers, page: page, size: config.dayPageSize) { print.add(cardPrints[paper]) }
        case .topicMonth(let index, let month, let page):
            let topic = catalog.topics[index].topic
            print.add(value: [topic.slug, topic.name, topic.description])
            let entry = months[index][month]
            print.add(entry.key)
            print.add(page)
            // What the page shows of the month (see `context(for:)`): the first page, its
            // count, pages and neighbours; a later page, the end of its window of page links.
            let pages = Self.pageCount(entry.papers.count, config.papersPerPage)
            print.add(page == 1 ? pages : min(pages, page + Self.paginationWindow))
            if page == 1 {
                print.add(value: [entry.isOpen, entry.papers.count] as [Any])
                for neighbour in [month - 1, month + 1] where months[index].indices.contains(neighbour) {
                    print.add(neighbour - month)
                    print.add(months[index][neighbour].key)
                }
            }
            for paper in pageSlice(entry.papers, page: page, size: config.papersPerPage) {
                print.add(cardPrints[paper])
            }
        case .feed:
            print.add(value: [config.feedDays, config.feedEntries])
            print.add(catalog.days.last?.date.iso ?? "")
            for day in catalog.days.suffix(config.feedDays) {
                print.add(day.date.iso)
                for paper in day.papers { print.add(cardPrints[paper]) }
            }
        case .topicFeed(let index):
            // An empty feed is dated by the newest day.
            print.add(value: [catalog.topics[index].topic.slug, config.topicFeedSize] as [Any])
            print.add(catalog.days.last?.date.iso ?? "")
            for paper in catalog.topics[index].papers.prefix(config.topicFeedSize) { print.add(cardPrints[paper]) }
        case .sitemap:
            // A sitemap index changes with its parts' number and dates, not their URLs.
            let parts = sitemapPlan.parts
            print.add(parts.count)
            for number in parts.indices { print.add(sitemapPlan.lastmod(ofPart: number)?.iso ?? "") }
            if parts.isEmpty { addSitemapEntries(sitemapPlan.entries.indices, to: &print) }
        case .sitemapPart(let number):
            addSitemapEntries(sitemapPlan.parts[number], to: &print)
        case .searchIndex:
            print.add(config.searchPapers)
            for card in cardPrints.prefix(config.searchPapers) { print.add(card) }
        case .robots:
            break
        case .asset(let index):
            print.add(theme.assets[index].path)
            print.add(theme.assets[index].data)
        case .staticFile(let index):
            print.add(statics[index].path)
            print.add(statics[index].data)
        case .index, .days, .topics, .topic, .content, .search, .notFound:
            context(for: job).context.add(to: &print)
        }
        return print.value
    }

    private func addSitemapEntries(_ range: Range<Int>, to print: inout Fingerprint) {
        for entry in sitemapPlan.entries[range] {
            print.add(entry.name)
            print.add(entry.isPaper)
            print.add(entry.lastmod.map(Self.dateNumber) ?? 0)
        }
    }

    /// Pages linked on each side of the current one (see `pagination`); a page's print
    /// covers the end of this window.
    static let paginationWindow = 3

    static func pageCount(_ items: Int, _ size: Int) -> Int {
        max(1, (items + size - 1) / size)
    }

    func pageSlice(_ items: [Int], page: Int, size: Int) -> ArraySlice<Int> {
        let start = min((page - 1) * size, items.count)
        return items[start..<min(start + size, items.count)]
    }

    /// What a paper card shows, hashed: the same on every page that lists the paper.
    static func cardPrint(_ paper: UnsafePointer<Paper>) -> UInt64 {
        var print = Fingerprint()
        print.add(paper.pointee.slug)
        print.add(paper.pointee.title.fingerprint)
        print.add(paper.pointee.abstract.fingerprint)
        print.add(paper.pointee.appearances.count)
        for appearance in paper.pointee.appearances { print.add(dateNumber(appearance.date)) }
        print.add(paper.pointee.topics.count)
        for topic in paper.pointee.topics { print.add(topic) }
        return print.value
    }

    /// What another paper's list of related papers shows of a paper, hashed.
    static func mentionPrint(_ paper: UnsafePointer<Paper>) -> UInt64 {
        var print = Fingerprint()
        print.add(paper.pointee.slug)
        print.add(paper.pointee.title.fingerprint)
        print.add(dateNumber(paper.pointee.firstSeen))
        return print.value
    }

    /// `2026-03-12` → 20260312: a date to hash without formatting it.
    static func dateNumber(_ date: DayDate) -> Int {
        (date.year * 100 + date.month) * 100 + date.day
    }

    static func configValue(_ config: SiteConfig) -> [String: Any] {
        [
            "title": config.title, "description": config.description, "base": config.baseURL.path,
            "origin": config.baseURL.origin ?? "", "language": config.language, "author": config.author,
            "papers_per_page": config.papersPerPage, "day_page_size": config.dayPageSize,
            "pagefind": config.pagefind,
        ]
    }

    /// A topic's months, newest first, each with its papers in the order they were first
    /// listed (oldest first). A new day only adds papers at the end of the newest month, so
    /// its earlier pages keep their papers as the archive grows. `rank` is each paper's
    /// place in `catalog.firstListing`; `newest` is the month key of the catalog's last day.
    static func months(of topic: Catalog.TopicPapers, in catalog: Catalog, rank: [Int], newest: String) -> [TopicMonth]
    {
        let papers = topic.papers.sorted { rank[$0] < rank[$1] }
        // Through a pointer: a paper read from the array, even to borrow it, was copied whole.
        let firstSeen = catalog.papers.withUnsafeBufferPointer { all in papers.map { all[$0].firstSeen } }
        var result: [TopicMonth] = []
        var start = 0
        while start < papers.count {
            let first = firstSeen[start]
            var end = start + 1
            while end < papers.count {
                let date = firstSeen[end]
                guard date.year == first.year, date.month == first.month else { break }
                end += 1
            }
            let key = first.monthKey
            result.append(
                TopicMonth(
                    key: key, title: first.monthTitle, papers: Array(papers[start..<end]), isOpen: key == newest))
            start = end
        }
        return result.reversed()
    }
}
