import Foundation

/// The values templates see. Keys are snake_case; HTML-valued keys end in `_html` and are
/// meant for triple mustaches (`{{{abstract_html}}}`); everything else is plain text.
extension SiteRenderer {
    func context(for job: PageJob) -> (location: String, context: [String: Any]) {
        let location = self.location(of: job)
        var context: [String: Any]
        switch job {
        case .index:
            context = common(location, title: nil, description: config.description, section: "home")
            context["latest_days"] = catalog.days.suffix(config.homeDays).reversed().map { dayLink($0, preview: 3) }
            context["topics"] = catalog.topics.indices.map { index -> [String: Any] in
                var link = topicLink(catalog.topics[index])
                link["sparkline_html"] = sparkline(ofTopic: index)
                return link
            }
            let recent = archiveMonths().suffix(6)
            if let first = recent.first, let last = recent.last {
                context["trend_span"] = first == last ? first.monthTitle : "\(first.monthTitle) to \(last.monthTitle)"
            }
            context["stats"] = [
                "papers": catalog.papers.count, "days": catalog.days.count, "topics": catalog.topics.count,
            ]
        case .days:
            context = common(
                location, title: "All days", description: "Every day of \(config.title), newest first.", section: "days"
            )
            context["months"] = monthsOfDays()
        case .day(let index, let page):
            let day = catalog.days[index]
            let pages = pageCount(day.papers.count, config.dayPageSize)
            context = common(
                location, title: page > 1 ? "\(day.date.long) (page \(page) of \(pages))" : day.date.long,
                description: "\(day.papers.count) papers listed on \(day.date.long).", section: "days")
            var dayValue = dayLink(day, preview: 0)
            if index > 0 { dayValue["previous"] = dayLink(catalog.days[index - 1], preview: 0) }
            if index + 1 < catalog.days.count { dayValue["next"] = dayLink(catalog.days[index + 1], preview: 0) }
            context["day"] = dayValue
            let start = (page - 1) * config.dayPageSize
            context["counter_start"] = start
            context["papers"] = pageSlice(day.papers, page: page, size: config.dayPageSize).enumerated().map {
                offset, paper in
                var item = listItem(paper, compact: false)
                item["number"] = start + offset + 1
                return item
            }
            context["pagination"] = pagination(page: page, pages: pages) {
                routes.url(Routes.day(day.date, page: $0))
            }
        case .topics:
            context = common(
                location, title: "Topics", description: "Papers of \(config.title) by topic.", section: "topics")
            context["topics"] = catalog.topics.map { topic -> [String: Any] in
                var link = topicLink(topic)
                link["description_html"] = Markdown.html(
                    fromMarkdown: topic.topic.description, rootPrefix: routes.base.path)
                return link
            }
        case .topic(let index):
            let topic = catalog.topics[index]
            context = common(
                location, title: topic.topic.name,
                description: "\(topic.papers.count) papers on \(topic.topic.name.lowercased()).", section: "topics")
            var topicValue = topicLink(topic)
            topicValue["description_html"] = Markdown.html(
                fromMarkdown: topic.topic.description, rootPrefix: routes.base.path)
            context["topic"] = topicValue
            context["trend"] = trendValue(ofTopic: index)
            context["papers"] = topic.papers.prefix(config.papersPerPage).map { listItem($0, compact: true) }
            context["months"] = months[index].map { month -> [String: Any] in
                [
                    "title": month.title, "key": month.key, "count": month.papers.count,
                    "url": routes.url(Routes.topicMonth(topic.topic.slug, month: month.key)),
                ]
            }
            context["has_months"] = !months[index].isEmpty
            context["feed_url"] = routes.url(Routes.topicFeed(topic.topic.slug))
        case .topicMonth(let index, let monthIndex, let page):
            let topic = catalog.topics[index]
            let month = months[index][monthIndex]
            let pages = pageCount(month.papers.count, config.papersPerPage)
            let title = "\(topic.topic.name), \(month.title)" + (page > 1 ? " (page \(page) of \(pages))" : "")
            context = common(
                location, title: title,
                description:
                    "\(month.papers.count) papers on \(topic.topic.name.lowercased()) first listed in \(month.title).",
                section: "topics")
            var topicValue: [String: Any] = [
                "name": topic.topic.name, "slug": topic.topic.slug, "url": routes.url(Routes.topic(topic.topic.slug)),
                "feed_url": routes.url(Routes.topicFeed(topic.topic.slug)),
            ]
            var monthValue: [String: Any] = ["title": month.title, "key": month.key, "count": month.papers.count]
            let slug = topic.topic.slug
            if monthIndex + 1 < months[index].count {
                let older = months[index][monthIndex + 1]
                monthValue["older"] = [
                    "title": older.title, "url": routes.url(Routes.topicMonth(slug, month: older.key)),
                ]
            }
            if monthIndex > 0 {
                let newer = months[index][monthIndex - 1]
                monthValue["newer"] = [
                    "title": newer.title, "url": routes.url(Routes.topicMonth(slug, month: newer.key)),
                ]
            }
            topicValue["month"] = monthValue
            context["topic"] = topicValue
            context["papers"] = pageSlice(month.papers, page: page, size: config.papersPerPage).map {
                listItem($0, compact: true)
            }
            context["pagination"] = pagination(page: page, pages: pages) {
                routes.url(Routes.topicMonth(slug, month: month.key, page: $0))
            }
        case .paper(let index):
            let paper = catalog.papers[index]
            context = common(
                location, title: paper.title.plainText, description: Self.summary(of: paper.abstract.plainText),
                section: "papers")
            var card = paperCard(index)
            card["first_seen"] = paper.firstSeen.long
            card["last_seen"] = paper.lastSeen.long
            card["links"] = OutboundLinks.of(paper).map { ["url": $0.url, "label": $0.label] }
            card["related"] = related[index].map { other -> [String: Any] in
                [
                    "title_html": catalog.papers[other].title.html,
                    "url": routes.url(Routes.paper(catalog.papers[other].slug)),
                    "first_seen": catalog.papers[other].firstSeen.long,
                    "first_seen_iso": catalog.papers[other].firstSeen.iso,
                ]
            }
            card["has_related"] = !related[index].isEmpty
            // A page showing formulas asks for the math font early, so it is not swapped in late.
            card["has_math"] = paper.title.html.containsBytes("<math") || paper.abstract.html.containsBytes("<math")
            context["paper"] = card
            context["structured_data_html"] = structuredData(index, location: location)
            if var page = context["page"] as? [String: Any] {
                page["type"] = "article"
                page["published"] = paper.firstSeen.iso
                context["page"] = page
            }
        case .content(let index):
            let page = contentPages[index]
            context = common(
                location, title: page.title,
                description: page.description.isEmpty ? config.description : page.description,
                section: "page-\(page.name)")
            context["content_html"] = Markdown.html(fromMarkdown: page.markdown, rootPrefix: routes.base.path)
        case .search:
            context = common(
                location, title: "Search", description: "Find papers of \(config.title) by any word.", section: "search"
            )
            context["search_index_url"] = routes.url(Routes.searchIndex)
            if config.pagefind { context["pagefind_url"] = routes.url("pagefind/pagefind.js") }
        case .notFound, .feed, .topicFeed, .sitemap, .sitemapPart, .asset, .staticFile, .searchIndex, .robots:
            context = common(
                location, title: "Page not found", description: "This page does not exist.", section: "404")
        }
        return (location, context)
    }

    /// What every page has: the site, the navigation, the page's own metadata, asset URLs.
    private func common(_ location: String, title: String?, description: String, section: String) -> [String: Any] {
        var nav: [[String: Any]] = [
            ["title": "Days", "url": routes.url(Routes.days), "current": section == "days"],
            ["title": "Topics", "url": routes.url(Routes.topics), "current": section == "topics"],
        ]
        for page in contentPages where page.inNavigation {
            nav.append([
                "title": page.title, "url": routes.url(Routes.page(page.name)),
                "current": section == "page-\(page.name)",
            ])
        }
        let fullTitle = title.map { "\($0) · \(config.title)" } ?? config.title
        return [
            "site": [
                "title": config.title,
                "description": config.description,
                "language": config.language,
                "author": config.author,
                "base": routes.base.path,
                "home_url": routes.url(Routes.home),
                "feed_url": routes.url(Routes.feed),
                "feed_absolute_url": routes.absolute(Routes.feed),
                "search_url": routes.url(Routes.search),
                "has_origin": routes.base.origin != nil,
            ] as [String: Any],
            "nav": nav,
            "page": [
                "title": title ?? config.title,
                "full_title": fullTitle,
                "description": description,
                "url": routes.url(location),
                "canonical": routes.absolute(location),
                "type": "website",
                "section": section,
                "is_home": section == "home",
                "is_search": section == "search",
            ] as [String: Any],
            "assets": assetURLs,
        ]
    }

    /// A paper in a list: its card rendered (day pages show the full card as `card_html`,
    /// topic pages the compact one as `compact_card_html`) and a few plain fields.
    func listItem(_ index: Int, compact: Bool) -> [String: Any] {
        let paper = catalog.papers[index]
        return [
            "title": paper.title.plainText, "url": routes.url(Routes.paper(paper.slug)),
            compact ? "compact_card_html" : "card_html": card(index, compact: compact),
        ]
    }

    /// `partials/paper-card` for one paper, made once per build.
    func card(_ index: Int, compact: Bool) -> String {
        cards.card(compact ? -1 - index : index) {
            var context = paperCard(index)
            context["compact"] = compact
            context["summary"] = Self.summary(of: catalog.papers[index].abstract.plainText)
            context["site"] = ["base": routes.base.path]
            return theme.render(Self.cardTemplate, context)
        }
    }

    func paperCard(_ index: Int) -> [String: Any] {
        let paper = catalog.papers[index]
        return [
            "title": paper.title.plainText,
            "title_html": paper.title.html,
            "url": routes.url(Routes.paper(paper.slug)),
            "abstract_html": paper.abstract.html,
            "has_abstract": !paper.abstract.html.isEmpty,
            "topics": paper.topics.compactMap { topicIndex[$0] }.map {
                topicLink(catalog.topics[$0], withCount: false)
            },
            // `last` lets a template separate dates with commas: "Listed on Mar 12, Mar 14".
            "days": paper.days.enumerated().map { offset, day -> [String: Any] in
                [
                    "label": day.long, "short": day.short, "iso": day.iso, "url": routes.url(Routes.day(day)),
                    "last": offset == paper.days.count - 1,
                ]
            },
            "listed_on": paper.days.map(\.short).joined(separator: ", "),
            "seen_count": paper.appearances.count,
            "seen_many": paper.appearances.count > 1,
        ]
    }

    private func topicLink(_ topic: Catalog.TopicPapers) -> [String: Any] {
        topicLink(topic, withCount: true)
    }

    private func topicLink(_ topic: Catalog.TopicPapers, withCount: Bool) -> [String: Any] {
        var link: [String: Any] = [
            "name": topic.topic.name,
            "slug": topic.topic.slug,
            "url": routes.url(Routes.topic(topic.topic.slug)),
        ]
        if withCount {
            link["count"] = topic.papers.count
            link["feed_url"] = routes.url(Routes.topicFeed(topic.topic.slug))
            link["summary"] = Self.summary(
                of: topic.topic.description.replacingOccurrences(of: "*", with: ""), limit: 140)
        }
        return link
    }

    private func dayLink(_ day: Catalog.Day, preview: Int) -> [String: Any] {
        var link: [String: Any] = [
            "label": day.date.long,
            "short": day.date.short,
            "iso": day.date.iso,
            "weekday": day.date.weekdayName,
            "url": routes.url(Routes.day(day.date)),
            "count": day.papers.count,
        ]
        if preview > 0 {
            link["preview"] = day.papers.prefix(preview).map {
                ["title_html": catalog.papers[$0].title.html, "url": routes.url(Routes.paper(catalog.papers[$0].slug))]
            }
            link["more"] = max(0, day.papers.count - preview)
        }
        return link
    }

    /// Days newest first, grouped by month.
    private func monthsOfDays() -> [[String: Any]] {
        var months: [[String: Any]] = []
        var currentKey = ""
        var currentDays: [[String: Any]] = []
        var currentTitle = ""
        for day in catalog.days.reversed() {
            if day.date.monthKey != currentKey {
                if !currentDays.isEmpty {
                    months.append(["title": currentTitle, "key": currentKey, "days": currentDays])
                }
                currentKey = day.date.monthKey
                currentTitle = day.date.monthTitle
                currentDays = []
            }
            currentDays.append(dayLink(day, preview: 0))
        }
        if !currentDays.isEmpty { months.append(["title": currentTitle, "key": currentKey, "days": currentDays]) }
        return months
    }

    /// Numbered links between the pages of one list.
    private func pagination(page: Int, pages: Int, url: (Int) -> String) -> [String: Any] {
        var value: [String: Any] = ["current": page, "total": pages, "has_pages": pages > 1]
        guard pages > 1 else { return value }
        // A window around the current page keeps long lists' navigation small.
        let shown = Set([1, pages] + Array(max(1, page - 3)...min(pages, page + 3)))
        value["pages"] = shown.sorted().map { number -> [String: Any] in
            ["number": number, "url": url(number), "current": number == page]
        }
        if page > 1 { value["previous_url"] = url(page - 1) }
        if page < pages { value["next_url"] = url(page + 1) }
        return value
    }

    /// JSON-LD `ScholarlyArticle` for search engines, safe inside `<script>`. It carries no
    /// abstract or description: the page body and the meta description have them already.
    private func structuredData(_ index: Int, location: String) -> String {
        let paper = catalog.papers[index]
        var members: [(String, String)] = [
            ("@context", JSON.string("https://schema.org")),
            ("@type", JSON.string("ScholarlyArticle")),
            ("headline", JSON.string(paper.title.plainText)),
            ("url", JSON.string(routes.absolute(location))),
            ("datePublished", JSON.string(paper.firstSeen.iso)),
            ("dateModified", JSON.string(paper.lastSeen.iso)),
            ("inLanguage", JSON.string(config.language)),
            (
                "isPartOf",
                JSON.object([
                    ("@type", JSON.string("WebSite")), ("name", JSON.string(config.title)),
                    ("url", JSON.string(routes.absolute(Routes.home))),
                ])
            ),
        ]
        let keywords = paper.topics.compactMap { topicIndex[$0].map { catalog.topics[$0].topic.name } }
        if !keywords.isEmpty { members.append(("keywords", JSON.string(keywords.joined(separator: ", ")))) }
        if !paper.links.isEmpty { members.append(("sameAs", JSON.array(paper.links.map { JSON.string($0.url) }))) }
        return "<script type=\"application/ld+json\">\(JSON.object(members))</script>"
    }

    /// About `limit` characters of plain text cut at a word, for meta descriptions and feeds.
    static func summary(of text: String, limit: Int = 160) -> String {
        // Characters never outnumber UTF-8 bytes: short texts need no counting, and long
        // ones are cut after `limit` scalars without counting the rest.
        guard text.utf8.count > limit,
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
