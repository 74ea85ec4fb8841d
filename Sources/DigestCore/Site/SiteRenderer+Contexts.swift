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
            context["topics"] = catalog.topics.map(topicLink)
            context["stats"] = [
                "papers": catalog.papers.count, "days": catalog.days.count, "topics": catalog.topics.count,
            ]
        case .days:
            context = common(
                location, title: "All days", description: "Every day of \(config.title), newest first.", section: "days"
            )
            context["months"] = months()
        case .day(let index):
            let day = catalog.days[index]
            context = common(
                location, title: day.date.long, description: "\(day.papers.count) papers listed on \(day.date.long).",
                section: "days")
            var dayValue = dayLink(day, preview: 0)
            if index > 0 { dayValue["previous"] = dayLink(catalog.days[index - 1], preview: 0) }
            if index + 1 < catalog.days.count { dayValue["next"] = dayLink(catalog.days[index + 1], preview: 0) }
            context["day"] = dayValue
            context["papers"] = day.papers.enumerated().map { position, paper in
                var card = paperCard(paper)
                card["number"] = position + 1
                return card
            }
        case .topics:
            context = common(
                location, title: "Topics", description: "Papers of \(config.title) by topic.", section: "topics")
            context["topics"] = catalog.topics.map(topicLink)
        case .topic(let index, let page):
            let topic = catalog.topics[index]
            let pages = pageCount(topic)
            let title = page > 1 ? "\(topic.topic.name) (page \(page) of \(pages))" : topic.topic.name
            context = common(
                location, title: title,
                description: "\(topic.papers.count) papers on \(topic.topic.name.lowercased()).", section: "topics")
            var topicValue = topicLink(topic)
            topicValue["description_html"] = Markdown.html(
                fromMarkdown: topic.topic.description, rootPrefix: routes.base.path)
            context["topic"] = topicValue
            let start = (page - 1) * config.papersPerPage
            context["papers"] = topic.papers[start..<min(start + config.papersPerPage, topic.papers.count)].map(
                paperCard)
            context["pagination"] = pagination(topic, page: page, pages: pages)
            context["feed_url"] = routes.url(Routes.topicFeed(topic.topic.slug))
        case .paper(let index):
            let paper = catalog.papers[index]
            context = common(
                location, title: rendered[index].titlePlain, description: rendered[index].summary, section: "papers")
            var card = paperCard(index)
            card["first_seen"] = paper.firstSeen.long
            card["last_seen"] = paper.lastSeen.long
            card["links"] = paper.links.map { ["url": $0.url, "label": $0.label] }
            card["has_links"] = !paper.links.isEmpty
            card["related"] = related[index].map { other -> [String: Any] in
                [
                    "title_html": rendered[other].titleHTML,
                    "url": routes.url(Routes.paper(catalog.papers[other].slug)),
                    "last_seen": catalog.papers[other].lastSeen.long,
                    "last_seen_iso": catalog.papers[other].lastSeen.iso,
                ]
            }
            card["has_related"] = !related[index].isEmpty
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
        case .notFound, .feed, .topicFeed, .sitemap, .asset, .searchIndex, .robots:
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

    func paperCard(_ index: Int) -> [String: Any] {
        let paper = catalog.papers[index]
        let view = rendered[index]
        return [
            "title": view.titlePlain,
            "title_html": view.titleHTML,
            "url": routes.url(Routes.paper(paper.slug)),
            "abstract_html": view.abstractHTML,
            "has_abstract": !view.abstractHTML.isEmpty,
            "topics": paper.topics.compactMap { topicIndex[$0] }.map {
                topicLink(catalog.topics[$0], withCount: false)
            },
            "days": paper.days.map {
                ["label": $0.long, "short": $0.short, "iso": $0.iso, "url": routes.url(Routes.day($0))]
            },
            "last_seen": paper.lastSeen.long,
            "last_seen_iso": paper.lastSeen.iso,
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
            link["summary"] = RenderedPaper.summary(
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
                ["title_html": rendered[$0].titleHTML, "url": routes.url(Routes.paper(catalog.papers[$0].slug))]
            }
            link["more"] = max(0, day.papers.count - preview)
        }
        return link
    }

    /// Days newest first, grouped by month.
    private func months() -> [[String: Any]] {
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

    private func pagination(_ topic: Catalog.TopicPapers, page: Int, pages: Int) -> [String: Any] {
        var value: [String: Any] = [
            "current": page,
            "total": pages,
            "has_pages": pages > 1,
            "pages": (1...pages).map { number -> [String: Any] in
                [
                    "number": number, "url": routes.url(Routes.topic(topic.topic.slug, page: number)),
                    "current": number == page,
                ]
            },
        ]
        if page > 1 { value["previous_url"] = routes.url(Routes.topic(topic.topic.slug, page: page - 1)) }
        if page < pages { value["next_url"] = routes.url(Routes.topic(topic.topic.slug, page: page + 1)) }
        return value
    }

    /// JSON-LD `ScholarlyArticle` for search engines, safe inside `<script>`.
    private func structuredData(_ index: Int, location: String) -> String {
        let paper = catalog.papers[index]
        var article: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "headline": rendered[index].titlePlain,
            "name": rendered[index].titlePlain,
            "url": routes.absolute(location),
            "datePublished": paper.firstSeen.iso,
            "dateModified": paper.lastSeen.iso,
            "inLanguage": config.language,
            "isPartOf": ["@type": "WebSite", "name": config.title, "url": routes.absolute(Routes.home)],
        ]
        let abstract = rendered[index].abstractPlain
        if !abstract.isEmpty { article["abstract"] = abstract }
        let keywords = paper.topics.compactMap { topicIndex[$0].map { catalog.topics[$0].topic.name } }
        if !keywords.isEmpty { article["keywords"] = keywords.joined(separator: ", ") }
        if !paper.links.isEmpty { article["sameAs"] = paper.links.map(\.url) }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: article, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        let json = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return "<script type=\"application/ld+json\">\(json)</script>"
    }
}
