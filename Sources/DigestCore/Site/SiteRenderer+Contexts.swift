import Foundation

/// The values templates see. Keys are snake_case; HTML-valued keys end in `_html` and are
/// meant for triple mustaches (`{{{abstract_html}}}`); everything else is plain text.
/// Built as `TemplateValue`s directly: no dynamic casts between building and rendering.
extension SiteRenderer {
    func context(for job: PageJob) -> (location: String, context: TemplateFields) {
        let location = self.location(of: job)
        var context: TemplateFields
        // Whether the page shows a formula when it opens or when an abstract is opened.
        var showsMath = false
        switch job {
        case .index:
            context = common(location, title: nil, description: config.description, section: "home")
            let latest = catalog.days.suffix(config.homeDays)
            let previews = 3
            context["latest_days"] = .list(latest.reversed().map { .object(dayLink($0, preview: previews)) })
            showsMath = latest.contains { $0.papers.prefix(previews).contains { catalog.papers[$0].title.showsMath } }
            context["topics"] = .list(
                catalog.topics.indices.map { index in
                    var link = topicLink(catalog.topics[index])
                    link["sparkline_html"] = .string(sparkline(ofTopic: index))
                    return .object(link)
                })
            let recent = archiveMonths().suffix(6)
            if let first = recent.first, let last = recent.last {
                context["trend_span"] = .string(
                    first == last ? first.monthTitle : "\(first.monthTitle) to \(last.monthTitle)")
            }
            context["stats"] = [
                "papers": .int(catalog.papers.count), "days": .int(catalog.days.count),
                "topics": .int(catalog.topics.count),
            ]
        case .days:
            context = common(
                location, title: "All days", description: "Every day of \(config.title), newest first.", section: "days"
            )
            context["months"] = .list(monthsOfDays())
        case .day(let index, let page):
            let day = catalog.days[index]
            let pages = Self.pageCount(day.papers.count, config.dayPageSize)
            context = common(
                location, title: page > 1 ? "\(day.date.long) (page \(page) of \(pages))" : day.date.long,
                description: "\(count(day.papers.count, "paper")) listed on \(day.date.long).", section: "days")
            var dayValue = dayLink(day, preview: 0)
            if index > 0 { dayValue["previous"] = .object(dayLink(catalog.days[index - 1], preview: 0)) }
            if index + 1 < catalog.days.count {
                dayValue["next"] = .object(dayLink(catalog.days[index + 1], preview: 0))
            }
            context["day"] = .object(dayValue)
            let start = (page - 1) * config.dayPageSize
            context["counter_start"] = .int(start)
            context["papers"] = .list(
                listItems(
                    pageSlice(day.papers, page: page, size: config.dayPageSize), compact: false, showsMath: &showsMath
                )
                .enumerated().map { offset, item in
                    var item = item
                    item["number"] = .int(start + offset + 1)
                    return .object(item)
                })
            context["pagination"] = .object(
                pagination(page: page, pages: pages) {
                    routes.url(Routes.day(day.date, page: $0))
                })
        case .topics:
            context = common(
                location, title: "Topics", description: "Papers of \(config.title) by topic.", section: "topics")
            context["topics"] = .list(
                catalog.topics.map { topic in
                    var link = topicLink(topic)
                    link["description_html"] = .string(
                        Markdown.html(fromMarkdown: topic.topic.description, rootPrefix: routes.base.path))
                    return .object(link)
                })
        case .topic(let index):
            let topic = catalog.topics[index]
            context = common(
                location, title: topic.topic.name,
                description: "\(count(topic.papers.count, "paper")) on \(topic.topic.name.lowercased()).",
                section: "topics")
            var topicValue = topicLink(topic)
            topicValue["description_html"] = .string(
                Markdown.html(fromMarkdown: topic.topic.description, rootPrefix: routes.base.path))
            context["topic"] = .object(topicValue)
            context["trend"] = .object(trendValue(ofTopic: index))
            context["papers"] = .list(
                listItems(topic.papers.prefix(config.papersPerPage), compact: true, showsMath: &showsMath).map {
                    .object($0)
                })
            context["months"] = .list(
                months[index].map { month in
                    [
                        "title": .string(month.title), "key": .string(month.key), "count": .int(month.papers.count),
                        "url": .string(routes.url(Routes.topicMonth(topic.topic.slug, month: month.key))),
                    ]
                })
            context["has_months"] = .bool(!months[index].isEmpty)
            context["feed_url"] = .string(routes.url(Routes.topicFeed(topic.topic.slug)))
        case .topicMonth(let index, let monthIndex, let page):
            let topic = catalog.topics[index]
            let month = months[index][monthIndex]
            let slug = topic.topic.slug
            let about = "on \(topic.topic.name.lowercased()) first listed in \(month.title)"
            // Only the first page shows the month's count, its number of pages and its
            // neighbours: a new day changes the first two and a new month adds a neighbour,
            // and neither should rewrite every page of the month. Later pages only gain
            // papers at the end, and links to the pages that follow.
            context = common(
                location, title: "\(topic.topic.name), \(month.title)" + (page > 1 ? " (page \(page))" : ""),
                description: page > 1
                    ? "Papers \(about), page \(page)." : "\(count(month.papers.count, "paper")) \(about).",
                section: "topics")
            var topicValue = topicLink(topic, withCount: false)
            topicValue["feed_url"] = .string(routes.url(Routes.topicFeed(slug)))
            var monthValue: TemplateFields = [
                "title": .string(month.title), "key": .string(month.key),
                "url": .string(routes.url(Routes.topicMonth(slug, month: month.key))),
            ]
            if page == 1 {
                monthValue["count"] = .int(month.papers.count)
                monthValue["count_label"] = .string(count(month.papers.count, "paper"))
                monthValue["so_far"] = .bool(month.isOpen)
                if monthIndex + 1 < months[index].count {
                    let older = months[index][monthIndex + 1]
                    monthValue["older"] = [
                        "title": .string(older.title),
                        "url": .string(routes.url(Routes.topicMonth(slug, month: older.key))),
                    ]
                }
                if monthIndex > 0 {
                    let newer = months[index][monthIndex - 1]
                    monthValue["newer"] = [
                        "title": .string(newer.title),
                        "url": .string(routes.url(Routes.topicMonth(slug, month: newer.key))),
                    ]
                }
                // A topic of one month has no other month to link to, and no empty nav.
                monthValue["neighbours"] = .bool(months[index].count > 1)
            }
            topicValue["month"] = .object(monthValue)
            context["topic"] = .object(topicValue)
            context["papers"] = .list(
                listItems(
                    pageSlice(month.papers, page: page, size: config.papersPerPage), compact: true,
                    showsMath: &showsMath
                )
                .map { .object($0) })
            context["pagination"] = .object(
                pagination(
                    page: page, pages: Self.pageCount(month.papers.count, config.papersPerPage), showsEnd: page == 1
                ) {
                    routes.url(Routes.topicMonth(slug, month: month.key, page: $0))
                })
        case .paper(let index):
            var paper = catalog.papers[index]
            paper.loadTexts()
            let summary = Self.summary(of: paper.abstract.plainText)
            context = common(location, title: paper.title.plainText, description: summary, section: "papers")
            var card = paperCard(paper)
            // Its cards too, while its texts are loaded: the pages of its days and topics, which
            // list it, come next (see `jobs`).
            cards.keep(index) { madeCards(paper, card: card, summary: summary) }
            card["first_seen"] = .string(dayText(paper.firstSeen).long)
            card["last_seen"] = .string(dayText(paper.lastSeen).long)
            card["links"] = .list(OutboundLinks.of(paper).map { ["url": .string($0.url), "label": .string($0.label)] })
            showsMath = paper.title.showsMath || paper.abstract.showsMath
            card["related"] = .list(
                related[index].map { other in
                    // Read once: a title may come from texts.bin.
                    let title = catalog.papers[other].title.html
                    showsMath = showsMath || PaperText.showsMath(title)
                    let firstSeen = dayText(catalog.papers[other].firstSeen)
                    return [
                        "title_html": .string(title),
                        "url": .string(routes.paperURL(catalog.papers[other].slug)),
                        "first_seen": .string(firstSeen.long),
                        "first_seen_iso": .string(firstSeen.iso),
                    ]
                })
            card["has_related"] = .bool(!related[index].isEmpty)
            context["paper"] = .object(card)
            context["structured_data_html"] = .bytes(structuredData(paper, location: location))
            Self.addToPage([("type", "article"), ("published", .string(dayText(paper.firstSeen).iso))], in: &context)
        case .content(let index):
            let page = contentPages[index]
            context = common(
                location, title: page.title,
                description: page.description.isEmpty ? config.description : page.description,
                section: "page-\(page.name)")
            context["content_html"] = .string(Markdown.html(fromMarkdown: page.markdown, rootPrefix: routes.base.path))
        case .search:
            context = common(
                location, title: "Search", description: "Find papers of \(config.title) by any word.", section: "search"
            )
            context["search_index_url"] = .string(routes.url(Routes.searchIndex))
            if config.pagefind { context["pagefind_url"] = .string(routes.url("pagefind/pagefind.js")) }
        case .notFound, .feed, .topicFeed, .sitemap, .sitemapPart, .asset, .staticFile, .searchIndex, .robots:
            context = common(
                location, title: "Page not found", description: "This page does not exist.", section: "404")
        }
        // The layout then preloads the math font, which is drawn only if it arrives in time.
        if showsMath { Self.addToPage([("has_math", true)], in: &context) }
        return (location, context)
    }

    /// Sets `fields` in the context's `page` (made by `common`) once a page knows them.
    private static func addToPage(_ fields: [(String, TemplateValue)], in context: inout TemplateFields) {
        guard case .object(var page)? = context["page"] else { return }
        for (name, value) in fields { page[name] = value }
        context["page"] = .object(page)
    }

    /// What every page has: the site, the navigation, the page's own metadata, asset URLs.
    private func common(_ location: String, title: String?, description: String, section: String)
        -> TemplateFields
    {
        let fullTitle = title.map { "\($0) · \(config.title)" } ?? config.title
        return [
            "site": siteValue,
            "nav": navigations[section] ?? plainNavigation,
            "page": [
                "title": .string(title ?? config.title),
                "full_title": .string(fullTitle),
                "description": .string(description),
                "url": .string(routes.url(location)),
                "canonical": .string(routes.absolute(location)),
                "type": "website",
                "section": .string(section),
                "is_home": .bool(section == "home"),
                "is_search": .bool(section == "search"),
            ],
            "assets": assetsValue,
        ]
    }

    /// The main navigation of a page in each section one of its links belongs to, that link
    /// marked current, and the navigation of every other page: made once, not per page.
    static func navigations(contentPages: [ContentPage], routes: Routes) -> (
        bySection: [String: TemplateValue], plain: TemplateValue
    ) {
        let links =
            [("days", "Days", routes.url(Routes.days)), ("topics", "Topics", routes.url(Routes.topics))]
            + contentPages.filter(\.inNavigation).map {
                ("page-\($0.name)", $0.title, routes.url(Routes.page($0.name)))
            }
        func navigation(current: String?) -> TemplateValue {
            .list(
                links.map { section, title, url in
                    ["title": .string(title), "url": .string(url), "current": .bool(section == current)]
                })
        }
        let bySection = Dictionary(
            links.map { section, _, _ in (section, navigation(current: section)) },
            uniquingKeysWith: { first, _ in first })
        return (bySection, navigation(current: nil))
    }

    /// The `site` value every page has (made once, in `init`).
    static func siteValue(config: SiteConfig, routes: Routes) -> TemplateValue {
        [
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
    }

    /// Papers in a list: each one's card rendered (day pages show the full card as
    /// `card_html`, topic pages the compact one as `compact_card_html`) and a few plain fields.
    func listItems(_ papers: some Collection<Int>, compact: Bool, showsMath: inout Bool) -> [TemplateFields] {
        let papers = Array(papers)
        return zip(papers, madeCards(papers)).map { index, cards in
            let made = compact ? cards.compact : cards.full
            showsMath = showsMath || made.showsMath
            return [
                "title": .string(made.title),
                "url": .string(routes.paperURL(catalog.papers[index].slug)),
                compact ? "compact_card_html" : "card_html": .bytes(made.html),
            ]
        }
    }

    /// `partials/paper-card` for each paper, full and compact, made once per build, with
    /// the plain title (kept with it: a title may have to be read back from the build cache).
    func madeCards(_ papers: [Int]) -> [CardMemo.Cards] {
        cards.cards(papers) { index in
            var paper = catalog.papers[index]
            paper.loadTexts()
            return madeCards(paper, card: paperCard(paper), summary: Self.summary(of: paper.abstract.plainText))
        }
    }

    /// The cards of `paper` (its texts loaded), from what a card shows of it (`paperCard`)
    /// and the summary of its abstract.
    private func madeCards(_ paper: Paper, card: TemplateFields, summary: String) -> CardMemo.Cards {
        var context = card
        context["summary"] = .string(summary)
        context["site"] = ["base": .string(routes.base.path)]
        func made(compact: Bool) -> CardMemo.Card {
            context["compact"] = .bool(compact)
            return CardMemo.Card(
                title: paper.title.plainText, html: theme.renderBytes(Self.cardTemplate, context),
                showsMath: paper.title.showsMath || (!compact && paper.abstract.showsMath))
        }
        return CardMemo.Cards(full: made(compact: false), compact: made(compact: true))
    }

    /// What a card shows of `paper` (its texts loaded: they are asked for more than once).
    func paperCard(_ paper: Paper) -> TemplateFields {
        let days = paper.days
        return [
            "title": .string(paper.title.plainText),
            "title_html": .string(paper.title.html),
            "url": .string(routes.paperURL(paper.slug)),
            "abstract_html": .string(paper.abstract.html),
            "has_abstract": .bool(!paper.abstract.html.isEmpty),
            "topics": .list(paper.topics.compactMap { topicIndex[$0].map { topicChips[$0] } }),
            // `last` lets a template separate dates with commas: "Listed on Mar 12, Mar 14".
            "days": .list(
                days.enumerated().map { offset, day in
                    let text = dayText(day)
                    return [
                        "label": .string(text.long), "short": .string(text.short), "iso": .string(text.iso),
                        "url": .string(text.url), "last": .bool(offset == days.count - 1),
                    ]
                }),
            "listed_on": .string(days.map { dayText($0).short }.joined(separator: ", ")),
            "seen_count": .int(paper.appearances.count),
            "seen_many": .bool(paper.appearances.count > 1),
        ]
    }

    private func topicLink(_ topic: Catalog.TopicPapers) -> TemplateFields {
        topicLink(topic, withCount: true)
    }

    /// The texts of `day`: made once for a listed day.
    func dayText(_ day: DayDate) -> DayText {
        dayTexts[day] ?? DayText(day, routes: routes)
    }

    /// A topic's name, slug and page.
    static func topicFields(_ topic: Topic, routes: Routes) -> TemplateFields {
        [
            "name": .string(topic.name), "slug": .string(topic.slug),
            "url": .string(routes.url(Routes.topic(topic.slug))),
        ]
    }

    private func topicLink(_ topic: Catalog.TopicPapers, withCount: Bool) -> TemplateFields {
        var link = Self.topicFields(topic.topic, routes: routes)
        if withCount {
            link["count"] = .int(topic.papers.count)
            link["count_label"] = .string(count(topic.papers.count, "paper"))
            link["feed_url"] = .string(routes.url(Routes.topicFeed(topic.topic.slug)))
            link["summary"] = .string(
                Self.summary(of: topic.topic.description.replacingOccurrences(of: "*", with: ""), limit: 140))
        }
        return link
    }

    private func dayLink(_ day: Catalog.Day, preview: Int) -> TemplateFields {
        let text = dayText(day.date)
        var link: TemplateFields = [
            "label": .string(text.long),
            "short": .string(text.short),
            "iso": .string(text.iso),
            "weekday": .string(day.date.weekdayName),
            "url": .string(text.url),
            "count": .int(day.papers.count),
            "count_label": .string(count(day.papers.count, "paper")),
        ]
        if preview > 0 {
            link["preview"] = .list(
                day.papers.prefix(preview).map {
                    [
                        "title_html": .string(catalog.papers[$0].title.html),
                        "url": .string(routes.paperURL(catalog.papers[$0].slug)),
                    ]
                })
            link["more"] = .int(max(0, day.papers.count - preview))
        }
        return link
    }

    /// Days newest first, grouped by month.
    private func monthsOfDays() -> [TemplateValue] {
        var months: [TemplateValue] = []
        var currentKey = ""
        var currentDays: [TemplateValue] = []
        var currentTitle = ""
        for day in catalog.days.reversed() {
            if day.date.monthKey != currentKey {
                if !currentDays.isEmpty {
                    months.append([
                        "title": .string(currentTitle), "key": .string(currentKey), "days": .list(currentDays),
                    ])
                }
                currentKey = day.date.monthKey
                currentTitle = day.date.monthTitle
                currentDays = []
            }
            currentDays.append(.object(dayLink(day, preview: 0)))
        }
        if !currentDays.isEmpty {
            months.append(["title": .string(currentTitle), "key": .string(currentKey), "days": .list(currentDays)])
        }
        return months
    }

    /// Numbered links between the pages of one list: the first, the last and a window
    /// around the current one. Without `showsEnd` (a list that grows at its end) there is
    /// no total or last page, so a page changes only when pages appear within its window.
    private func pagination(page: Int, pages: Int, showsEnd: Bool = true, url: (Int) -> String)
        -> TemplateFields
    {
        var value: TemplateFields = ["current": .int(page), "has_pages": .bool(pages > 1)]
        if showsEnd { value["total"] = .int(pages) }
        guard pages > 1 else { return value }
        let window = max(1, page - Self.paginationWindow)...min(pages, page + Self.paginationWindow)
        let shown = Set([1] + (showsEnd ? [pages] : []) + Array(window))
        value["pages"] = .list(
            shown.sorted().map { number in
                ["number": .int(number), "url": .string(url(number)), "current": .bool(number == page)]
            })
        if page > 1 { value["previous_url"] = .string(url(page - 1)) }
        if page < pages { value["next_url"] = .string(url(page + 1)) }
        return value
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
