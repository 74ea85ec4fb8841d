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
            let paper = catalog.papers[index]
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

    /// Every HTML page but the 404, oldest first so that new days only add to the end, with
    /// the date it last changed.
    func sitemapEntries() -> [(location: String, lastmod: DayDate?)] {
        let newest = catalog.days.last?.date
        var urls: [(String, DayDate?)] = [(Routes.home, newest), (Routes.days, newest), (Routes.topics, newest)]
        urls += contentPages.map { (Routes.page($0.name), nil) }
        urls.append((Routes.search, nil))
        for (index, topic) in catalog.topics.enumerated() {
            urls.append((Routes.topic(topic.topic.slug), topic.papers.first.map { catalog.papers[$0].lastSeen }))
            for month in months[index].reversed() {
                let lastmod = month.papers.map { catalog.papers[$0].lastSeen }.max()
                urls += (1...pageCount(month.papers.count, config.papersPerPage)).map {
                    (Routes.topicMonth(topic.topic.slug, month: month.key, page: $0), lastmod)
                }
            }
        }
        let byFirstListing = catalog.papers.indices.sorted { catalog.papers[$0].isListedBefore(catalog.papers[$1]) }
        for day in catalog.days {
            urls += (1...pageCount(day.papers.count, config.dayPageSize)).map {
                (Routes.day(day.date, page: $0), day.date)
            }
        }
        urls += byFirstListing.map { (Routes.paper(catalog.papers[$0].slug), catalog.papers[$0].lastSeen) }
        return urls
    }

    /// Files the sitemap is split into: none while it fits in `sitemap.xml`.
    var sitemapParts: Int {
        let count = sitemapCount
        return count <= config.sitemapLimit ? 0 : (count + config.sitemapLimit - 1) / config.sitemapLimit
    }

    private var sitemapCount: Int {
        var count = 3 + contentPages.count + 1 + catalog.topics.count + catalog.papers.count
        for day in catalog.days { count += pageCount(day.papers.count, config.dayPageSize) }
        for topicMonths in months {
            for month in topicMonths { count += pageCount(month.papers.count, config.papersPerPage) }
        }
        return count
    }

    /// `sitemap.xml`: every URL, or above the protocol's limit an index of the parts.
    func sitemap() -> String {
        let parts = sitemapParts
        guard parts > 0 else { return urlset(sitemapEntries()[...]) }
        let newest = catalog.days.last.map { "<lastmod>\($0.date.iso)</lastmod>" } ?? ""
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in 0..<parts {
            xml +=
                "  <sitemap><loc>\(XML.escape(routes.absolute(Routes.sitemapPart(number))))</loc>\(newest)</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    /// One part of a split sitemap: URLs `number × limit` onwards.
    func sitemapPart(_ number: Int) -> String {
        let entries = sitemapEntries()
        let start = min(number * config.sitemapLimit, entries.count)
        return urlset(entries[start..<min(start + config.sitemapLimit, entries.count)])
    }

    private func urlset(_ entries: ArraySlice<(location: String, lastmod: DayDate?)>) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (location, lastmod) in entries {
            xml += "  <url><loc>\(XML.escape(routes.absolute(location)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
