import Foundation

/// The values templates see. Keys are snake_case; HTML-valued keys end in `_html` and are
/// meant for triple mustaches (`{{{abstract_html}}}`); everything else is plain text.
/// Written straight into a page's `TemplateContext`: no tree of values between building
/// and rendering.
extension SiteRenderer {
    typealias Slot = TemplateContext.Slot

    func context(for job: PageJob) -> (location: String, context: TemplateContext) {
        let location = self.location(of: job)
        let root = TemplateContext.root
        var context = TemplateContext(nodes: 256, bytes: 16384)
        let page: Slot
        // Whether the page shows a formula when it opens or when an abstract is opened.
        var showsMath = false
        switch job {
        case .index:
            page = common(location, title: nil, description: config.description, section: "home", in: &context)
            let latest = catalog.days.suffix(config.homeDays)
            let previews = 3
            let days = context.addList(.latestDays, to: root)
            for day in latest.reversed() {
                addDayLink(day, preview: previews, to: context.addItem(to: days), in: &context)
            }
            showsMath = latest.contains { $0.papers.prefix(previews).contains { catalog.papers[$0].title.showsMath } }
            let topics = context.addList(.topics, to: root)
            for index in catalog.topics.indices {
                let link = context.addItem(to: topics)
                addTopicLink(catalog.topics[index], withCount: true, to: link, in: &context)
                context.add(.sparklineHTML, sparkline(ofTopic: index), to: link)
            }
            let recent = archiveMonths().suffix(6)
            if let first = recent.first, let last = recent.last {
                context.add(
                    .trendSpan, first == last ? first.monthTitle : "\(first.monthTitle) to \(last.monthTitle)", to: root
                )
            }
            let stats = context.addObject(.stats, to: root)
            context.add(.papers, catalog.papers.count, to: stats)
            context.add(.days, catalog.days.count, to: stats)
            context.add(.topics, catalog.topics.count, to: stats)
        case .days:
            page = common(
                location, title: "All days", description: "Every day of \(config.title), newest first.",
                section: "days",
                in: &context)
            addMonthsOfDays(to: context.addList(.months, to: root), in: &context)
        case .day(let index, let pageNumber):
            let day = catalog.days[index]
            let pages = Self.pageCount(day.papers.count, config.dayPageSize)
            page = common(
                location,
                title: pageNumber > 1 ? "\(day.date.long) (page \(pageNumber) of \(pages))" : day.date.long,
                description: "\(count(day.papers.count, "paper")) listed on \(day.date.long).", section: "days",
                in: &context)
            let dayValue = context.addObject(.day, to: root)
            addDayLink(day, preview: 0, to: dayValue, in: &context)
            if index > 0 {
                addDayLink(
                    catalog.days[index - 1], preview: 0, to: context.addObject(.previous, to: dayValue), in: &context)
            }
            if index + 1 < catalog.days.count {
                addDayLink(
                    catalog.days[index + 1], preview: 0, to: context.addObject(.next, to: dayValue), in: &context)
            }
            let start = (pageNumber - 1) * config.dayPageSize
            context.add(.counterStart, start, to: root)
            addListItems(
                pageSlice(day.papers, page: pageNumber, size: config.dayPageSize), compact: false,
                numberedFrom: start + 1,
                to: context.addList(.papers, to: root), in: &context, showsMath: &showsMath)
            addPagination(
                page: pageNumber, pages: pages, to: context.addObject(.pagination, to: root), in: &context
            ) {
                routes.url(Routes.day(day.date, page: $0))
            }
        case .topics:
            page = common(
                location, title: "Topics", description: "Papers of \(config.title) by topic.", section: "topics",
                in: &context)
            let topics = context.addList(.topics, to: root)
            for topic in catalog.topics {
                let link = context.addItem(to: topics)
                addTopicLink(topic, withCount: true, to: link, in: &context)
                context.add(
                    .descriptionHTML,
                    Markdown.html(fromMarkdown: topic.topic.description, rootPrefix: routes.base.path),
                    to: link)
            }
        case .topic(let index):
            let topic = catalog.topics[index]
            page = common(
                location, title: topic.topic.name,
                description: "\(count(topic.papers.count, "paper")) on \(topic.topic.name.lowercased()).",
                section: "topics", in: &context)
            let topicValue = context.addObject(.topic, to: root)
            addTopicLink(topic, withCount: true, to: topicValue, in: &context)
            context.add(
                .descriptionHTML, Markdown.html(fromMarkdown: topic.topic.description, rootPrefix: routes.base.path),
                to: topicValue)
            addTrend(ofTopic: index, to: context.addObject(.trend, to: root), in: &context)
            addListItems(
                topic.papers.prefix(config.papersPerPage), compact: true, to: context.addList(.papers, to: root),
                in: &context, showsMath: &showsMath)
            let months = context.addList(.months, to: root)
            for month in self.months[index] {
                let item = context.addItem(to: months)
                context.add(.title, month.title, to: item)
                context.add(.key, month.key, to: item)
                context.add(.count, month.papers.count, to: item)
                context.add(.url, routes.url(Routes.topicMonth(topic.topic.slug, month: month.key)), to: item)
            }
            context.add(.hasMonths, !self.months[index].isEmpty, to: root)
            context.add(.feedURL, routes.url(Routes.topicFeed(topic.topic.slug)), to: root)
        case .topicMonth(let index, let monthIndex, let pageNumber):
            let topic = catalog.topics[index]
            let month = months[index][monthIndex]
            let slug = topic.topic.slug
            let about = "on \(topic.topic.name.lowercased()) first listed in \(month.title)"
            // Only the first page shows the month's count, its number of pages and its
            // neighbours: a new day changes the first two and a new month adds a neighbour,
            // and neither should rewrite every page of the month. Later pages only gain
            // papers at the end, and links to the pages that follow.
            page = common(
                location,
                title: "\(topic.topic.name), \(month.title)" + (pageNumber > 1 ? " (page \(pageNumber))" : ""),
                description: pageNumber > 1
                    ? "Papers \(about), page \(pageNumber)." : "\(count(month.papers.count, "paper")) \(about).",
                section: "topics", in: &context)
            let topicValue = context.addObject(.topic, to: root)
            addTopicLink(topic, withCount: false, to: topicValue, in: &context)
            context.add(.feedURL, routes.url(Routes.topicFeed(slug)), to: topicValue)
            let monthValue = context.addObject(.month, to: topicValue)
            context.add(.title, month.title, to: monthValue)
            context.add(.key, month.key, to: monthValue)
            context.add(.url, routes.url(Routes.topicMonth(slug, month: month.key)), to: monthValue)
            if pageNumber == 1 {
                context.add(.count, month.papers.count, to: monthValue)
                context.add(.countLabel, count(month.papers.count, "paper"), to: monthValue)
                context.add(.soFar, month.isOpen, to: monthValue)
                if monthIndex + 1 < months[index].count {
                    let older = months[index][monthIndex + 1]
                    let link = context.addObject(.older, to: monthValue)
                    context.add(.title, older.title, to: link)
                    context.add(.url, routes.url(Routes.topicMonth(slug, month: older.key)), to: link)
                }
                if monthIndex > 0 {
                    let newer = months[index][monthIndex - 1]
                    let link = context.addObject(.newer, to: monthValue)
                    context.add(.title, newer.title, to: link)
                    context.add(.url, routes.url(Routes.topicMonth(slug, month: newer.key)), to: link)
                }
                // A topic of one month has no other month to link to, and no empty nav.
                context.add(.neighbours, months[index].count > 1, to: monthValue)
            }
            addListItems(
                pageSlice(month.papers, page: pageNumber, size: config.papersPerPage), compact: true,
                to: context.addList(.papers, to: root), in: &context, showsMath: &showsMath)
            addPagination(
                page: pageNumber, pages: Self.pageCount(month.papers.count, config.papersPerPage),
                showsEnd: pageNumber == 1, to: context.addObject(.pagination, to: root), in: &context
            ) {
                routes.url(Routes.topicMonth(slug, month: month.key, page: $0))
            }
        case .paper(let index):
            var paper = catalog.papers[index]
            paper.loadTexts()
            let summary = Self.summary(of: paper.abstract.plainText)
            page = common(
                location, title: paper.title.plainText, description: summary, section: "papers", type: "article",
                in: &context)
            context.add(.published, dayText(paper.firstSeen).iso, to: page)
            // Its cards too, while its texts are loaded: the pages of its days and topics, which
            // list it, come next (see `jobs`).
            cards.keep(index) { madeCards(paper, summary: summary) }
            let card = context.addObject(.paper, to: root)
            addPaperCard(paper, to: card, in: &context)
            context.add(.firstSeen, dayText(paper.firstSeen).long, to: card)
            context.add(.lastSeen, dayText(paper.lastSeen).long, to: card)
            let links = context.addList(.links, to: card)
            for link in OutboundLinks.of(paper) {
                let item = context.addItem(to: links)
                context.add(.url, link.url, to: item)
                context.add(.label, link.label, to: item)
            }
            showsMath = paper.title.showsMath || paper.abstract.showsMath
            let related = context.addList(.related, to: card)
            for other in self.related[index] {
                let item = context.addItem(to: related)
                // Read once, in place: a title may come from texts.bin.
                catalog.papers[other].title.withHTML { title in
                    showsMath = showsMath || PaperText.showsMath(title)
                    context.add(.titleHTML, utf8: title, to: item)
                }
                let firstSeen = dayText(catalog.papers[other].firstSeen)
                context.add(.url, routes.paperURL(catalog.papers[other].slug), to: item)
                context.add(.firstSeen, firstSeen.long, to: item)
                context.add(.firstSeenISO, firstSeen.iso, to: item)
            }
            context.add(.hasRelated, !self.related[index].isEmpty, to: card)
            structuredData(paper, location: location).withUnsafeBufferPointer {
                context.add(.structuredDataHTML, utf8: $0, to: root)
            }
        case .content(let index):
            let content = contentPages[index]
            page = common(
                location, title: content.title,
                description: content.description.isEmpty ? config.description : content.description,
                section: "page-\(content.name)", in: &context)
            context.add(
                .contentHTML, Markdown.html(fromMarkdown: content.markdown, rootPrefix: routes.base.path), to: root)
        case .search:
            page = common(
                location, title: "Search", description: "Find papers of \(config.title) by any word.",
                section: "search",
                in: &context)
            context.add(.searchIndexURL, routes.url(Routes.searchIndex), to: root)
            if config.pagefind { context.add(.pagefindURL, routes.url("pagefind/pagefind.js"), to: root) }
        case .notFound, .feed, .topicFeed, .sitemap, .sitemapPart, .asset, .staticFile, .searchIndex, .robots:
            page = common(
                location, title: "Page not found", description: "This page does not exist.", section: "404",
                in: &context)
        }
        // The layout then preloads the math font, which is drawn only if it arrives in time.
        if showsMath { context.add(.hasMath, true, to: page) }
        return (location, context)
    }

    /// What every page has: the site, the navigation and asset URLs (made once, and copied
    /// in), and the page's own metadata, whose object is returned for the fields a page
    /// adds to it.
    private func common(
        _ location: String, title: String?, description: String, section: String, type: String = "website",
        in context: inout TemplateContext
    ) -> Slot {
        context.addFields(of: shared[section] ?? plainShared, to: TemplateContext.root)
        let page = context.addObject(.page, to: TemplateContext.root)
        context.add(.title, title ?? config.title, to: page)
        context.add(.fullTitle, title.map { "\($0) · \(config.title)" } ?? config.title, to: page)
        context.add(.description, description, to: page)
        context.add(.url, routes.url(location), to: page)
        context.add(.canonical, routes.absolute(location), to: page)
        context.add(.type, type, to: page)
        context.add(.section, section, to: page)
        context.add(.isHome, section == "home", to: page)
        context.add(.isSearch, section == "search", to: page)
        return page
    }

    /// What every page shares, `site`, `nav` and `assets`, for a page in each section that
    /// marks a link of the navigation current, and for every other page: made once.
    static func sharedFields(
        contentPages: [ContentPage], config: SiteConfig, routes: Routes, assetURLs: [String: String]
    )
        -> (bySection: [String: TemplateContext], plain: TemplateContext)
    {
        let links =
            [("days", "Days", routes.url(Routes.days)), ("topics", "Topics", routes.url(Routes.topics))]
            + contentPages.filter(\.inNavigation).map {
                ("page-\($0.name)", $0.title, routes.url(Routes.page($0.name)))
            }
        let site: TemplateValue = [
            "title": .string(config.title),
            "description": .string(config.description),
            "language": .string(config.language),
            "author": .string(config.author),
            "base": .string(routes.base.path),
            "home_url": .string(routes.url(Routes.home)),
            "feed_url": .string(routes.url(Routes.feed)),
            "feed_absolute_url": .string(routes.absolute(Routes.feed)),
            "search_url": .string(routes.url(Routes.search)),
            "has_origin": .bool(routes.base.origin != nil),
        ]
        let assets = TemplateValue.object(TemplateFields(assetURLs.mapValues(TemplateValue.string)))
        func shared(current: String?) -> TemplateContext {
            var context = TemplateContext()
            context.add(.site, site, to: TemplateContext.root)
            let nav = context.addList(.nav, to: TemplateContext.root)
            for (section, title, url) in links {
                let link = context.addItem(to: nav)
                context.add(.title, title, to: link)
                context.add(.url, url, to: link)
                context.add(.current, section == current, to: link)
            }
            context.add(.assets, assets, to: TemplateContext.root)
            return context
        }
        let bySection = Dictionary(
            links.map { section, _, _ in (section, shared(current: section)) }, uniquingKeysWith: { first, _ in first })
        return (bySection, shared(current: nil))
    }

    /// JSON-LD `ScholarlyArticle` for search engines, safe inside `<script>`. It carries no
    /// abstract or description: the page body and the meta description have them already.
    /// Written as UTF-8 bytes (appending to a `String` cost more than escaping).
    private func structuredData(_ paper: Paper, location: String) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(1024)
        func add(_ text: StaticString) {
            json.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        add(
            #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"ScholarlyArticle","headline":"#
        )
        JSON.append(paper.title.plainText, to: &json)
        add(#","url":"#)
        JSON.append(routes.absolute(location), to: &json)
        add(#","datePublished":"#)
        JSON.append(dayText(paper.firstSeen).iso, to: &json)
        add(#","dateModified":"#)
        JSON.append(dayText(paper.lastSeen).iso, to: &json)
        json.append(contentsOf: articleSite.utf8)
        let keywords = paper.topics.compactMap { topicIndex[$0].map { catalog.topics[$0].topic.name } }
        if !keywords.isEmpty {
            add(#","keywords":"#)
            JSON.append(keywords.joined(separator: ", "), to: &json)
        }
        // The URLs alone: `paper.links` labels each one, and was asked for twice.
        let links = paper.abstract.links
        if !links.isEmpty {
            add(#","sameAs":["#)
            for (number, link) in links.enumerated() {
                if number > 0 { json.append(0x2C) }
                JSON.append(link, to: &json)
            }
            json.append(0x5D)
        }
        add("}</script>")
        return json
    }

    /// The members of every paper's JSON-LD that describe the site, made once.
    static func articleSite(config: SiteConfig, routes: Routes) -> String {
        let site = JSON.object([
            ("@type", JSON.string("WebSite")), ("name", JSON.string(config.title)),
            ("url", JSON.string(routes.absolute(Routes.home))),
        ])
        return #","inLanguage":"# + JSON.string(config.language) + #","isPartOf":"# + site
    }

    /// About `limit` characters of plain text cut at a word, for meta descriptions and feeds.
    static func summary(of text: String, limit: Int = 160) -> String {
        // Characters never outnumber UTF-8 bytes: short texts need no counting, and long
        // ones are cut after `limit` scalars without counting the rest.
        guard text.utf8.count > limit else { return text }
        // Most texts begin with `limit` ASCII bytes: then scalars are bytes, and the cut and
        // its last space are found on the bytes, not by walking scalars and characters.
        if text.withUTF8Bytes({ $0.prefix(limit).allSatisfy { $0 < 0x80 } }) {
            let cut = text[..<text.utf8.index(text.utf8.startIndex, offsetBy: limit)]
            return trimmed(cut[..<(cut.utf8.lastIndex(of: 0x20) ?? cut.endIndex)]) + "…"
        }
        guard
            let limitIndex = text.unicodeScalars.index(
                text.unicodeScalars.startIndex, offsetBy: limit, limitedBy: text.unicodeScalars.endIndex),
            limitIndex < text.unicodeScalars.endIndex
        else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return trimmed(cut[..<end]) + "…"
    }

    /// What a summary trims from both ends.
    private static let trimmedCharacters = CharacterSet.punctuationCharacters.union(.whitespaces)
    /// `trimmedCharacters` for each ASCII scalar, looked up without Foundation.
    private static let trimmedASCII = (0..<128).map { trimmedCharacters.contains(Unicode.Scalar(UInt8($0))) }

    /// `text` without punctuation and spaces at its ends. ASCII ends are trimmed here; a
    /// non-ASCII one left at an end goes to Foundation, which knows the Unicode categories.
    private static func trimmed(_ text: Substring) -> String {
        var scalars = text.unicodeScalars
        while let first = scalars.first, first.isASCII, trimmedASCII[Int(first.value)] { scalars.removeFirst() }
        while let last = scalars.last, last.isASCII, trimmedASCII[Int(last.value)] { scalars.removeLast() }
        if let first = scalars.first, let last = scalars.last, first.isASCII && last.isASCII {
            return String(scalars)
        }
        return Substring(scalars).trimmingCharacters(in: trimmedCharacters)
    }
}
