import Foundation

/// Atom 1.0 feeds and the sitemap, written directly so they are always well-formed XML.
extension SiteRenderer {
    /// Papers of the latest `feedDays` days, newest day first, each paper once, at most
    /// `feedEntries` of them (a pasted dump of 100,000 papers must not make a 300 MB feed).
    func siteFeed() -> String {
        var seen = Set<Int>()
        var entries: [(paper: Int, date: DayDate)] = []
        days: for day in catalog.days.suffix(config.feedDays).reversed() {
            for paper in day.papers where seen.insert(paper).inserted {
                guard entries.count < config.feedEntries else { break days }
                entries.append((paper, day.date))
            }
        }
        return atom(
            title: config.title, subtitle: config.description, location: Routes.feed, alternate: Routes.home,
            entries: entries)
    }

    /// The newest `topicFeedSize` papers of one topic.
    func topicFeed(_ index: Int) -> String {
        let topic = catalog.topics[index]
        let entries = topic.papers.prefix(config.topicFeedSize).map { ($0, catalog.papers[$0].lastSeen) }
        return atom(
            title: "\(topic.topic.name) · \(config.title)", subtitle: "Papers on \(topic.topic.name.lowercased()).",
            location: Routes.topicFeed(topic.topic.slug), alternate: Routes.topic(topic.topic.slug), entries: entries)
    }

    private func atom(
        title: String, subtitle: String, location: String, alternate: String, entries: [(paper: Int, date: DayDate)]
    ) -> String {
        let updated = entries.map(\.date).max() ?? catalog.days.last?.date ?? DayDate.distantPast
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(config.language))">
              <title>\(XML.escape(title))</title>
              <subtitle>\(XML.escape(subtitle))</subtitle>
              <link rel="self" type="application/atom+xml" href="\(XML.escape(routes.absolute(location)))"/>
              <link rel="alternate" type="text/html" href="\(XML.escape(routes.absolute(alternate)))"/>
              <id>\(XML.escape(identifier(alternate)))</id>
              <updated>\(updated.rfc3339)</updated>
              <author><name>\(XML.escape(config.author))</name></author>
              <generator>PaperDigest</generator>

            """
        for (index, date) in entries {
            var paper = catalog.papers[index]
            paper.loadTexts()
            let link = Routes.paper(paper.slug)
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(paper.title.plainText))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(routes.absolute(link)))\"/>\n"
            xml += "    <id>\(XML.escape(identifier(link)))</id>\n"
            xml += "    <published>\(paper.firstSeen.rfc3339)</published>\n"
            xml += "    <updated>\(date.rfc3339)</updated>\n"
            for slug in paper.topics {
                if let topic = topicIndex[slug].map({ catalog.topics[$0].topic }) {
                    xml += "    <category term=\"\(XML.escape(topic.slug))\" label=\"\(XML.escape(topic.name))\"/>\n"
                }
            }
            xml += "    <summary>\(XML.escape(Self.summary(of: paper.abstract.plainText)))</summary>\n"
            if !paper.abstract.html.isEmpty {
                xml += "    <content type=\"html\">\(XML.escape(paper.abstract.html))</content>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// Atom ids must be permanent IRIs: the page URL when the origin is known, else a URN.
    private func identifier(_ location: String) -> String {
        if routes.base.origin != nil { return routes.absolute(location) }
        return "urn:paperdigest:"
            + (location.isEmpty
                ? "home" : location.trimmingCharacters(in: ["/"]).replacingOccurrences(of: "/", with: ":"))
    }

    /// The sitemap's URLs: the site's own pages, then every paper in order of first listing
    /// (see `SitemapPlan` for why this order).
    static func sitemapPlan(
        catalog: Catalog, months: [[TopicMonth]], contentPages: [ContentPage], config: SiteConfig
    ) -> SitemapPlan {
        let newest = catalog.days.last?.date
        // Through a pointer: a paper read from the array, even to borrow it, was copied whole.
        let lastSeen = catalog.papers.withUnsafeBufferPointer { papers in papers.indices.map { papers[$0].lastSeen } }
        var pages: [SitemapPlan.Entry] = [
            .init(location: Routes.home, lastmod: newest), .init(location: Routes.days, lastmod: newest),
            .init(location: Routes.topics, lastmod: newest),
        ]
        pages += contentPages.map { .init(location: Routes.page($0.name), lastmod: nil) }
        pages.append(.init(location: Routes.search, lastmod: nil))
        for (index, topic) in catalog.topics.enumerated() {
            pages.append(
                .init(
                    location: Routes.topic(topic.topic.slug),
                    lastmod: topic.papers.first.map { lastSeen[$0] }))
            for month in months[index].reversed() {
                let lastmod = month.papers.lazy.map { lastSeen[$0] }.max()
                pages += (1...Self.pageCount(month.papers.count, config.papersPerPage)).map {
                    .init(location: Routes.topicMonth(topic.topic.slug, month: month.key, page: $0), lastmod: lastmod)
                }
            }
        }
        for day in catalog.days {
            pages += (1...Self.pageCount(day.papers.count, config.dayPageSize)).map {
                .init(location: Routes.day(day.date, page: $0), lastmod: day.date)
            }
        }
        let papers = catalog.papers.withUnsafeBufferPointer { papers in
            catalog.firstListing.map { SitemapPlan.Entry(paper: papers[$0].slug, lastmod: lastSeen[$0]) }
        }
        return SitemapPlan(pages: pages, papers: papers, limit: config.sitemapLimit)
    }

    /// Files the sitemap is split into: none while it fits in `sitemap.xml`.
    var sitemapParts: Int { sitemapPlan.parts.count }

    /// `sitemap.xml`: every URL, or above the protocol's limit an index of the parts.
    func sitemap() -> String {
        guard sitemapParts > 0 else { return urlset(sitemapPlan.entries[...]) }
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in 0..<sitemapParts {
            let lastmod = sitemapPlan.lastmod(ofPart: number).map { "<lastmod>\($0.iso)</lastmod>" } ?? ""
            xml +=
                "  <sitemap><loc>\(XML.escape(routes.absolute(Routes.sitemapPart(number))))</loc>\(lastmod)</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    /// One part of a split sitemap.
    func sitemapPart(_ number: Int) -> String {
        urlset(sitemapPlan.entries[sitemapPlan.parts[number]])
    }

    private func urlset(_ entries: ArraySlice<SitemapPlan.Entry>) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "  <url><loc>\(XML.escape(routes.absolute(entry.location)))</loc>"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(lastmod.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
