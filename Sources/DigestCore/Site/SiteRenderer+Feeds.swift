import Foundation

/// Atom 1.0 feeds and the sitemap, written directly so they are always well-formed XML.
extension SiteRenderer {
    /// Papers of the latest `feedDays` days, newest day first, each paper once.
    func siteFeed() -> String {
        var seen = Set<Int>()
        var entries: [(paper: Int, date: DayDate)] = []
        for day in catalog.days.suffix(config.feedDays).reversed() {
            for paper in day.papers where seen.insert(paper).inserted {
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
            let view = rendered[index]
            let link = Routes.paper(paper.slug)
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(view.titlePlain))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(routes.absolute(link)))\"/>\n"
            xml += "    <id>\(XML.escape(identifier(link)))</id>\n"
            xml += "    <published>\(paper.firstSeen.rfc3339)</published>\n"
            xml += "    <updated>\(date.rfc3339)</updated>\n"
            for slug in paper.topics {
                if let topic = topicIndex[slug].map({ catalog.topics[$0].topic }) {
                    xml += "    <category term=\"\(XML.escape(topic.slug))\" label=\"\(XML.escape(topic.name))\"/>\n"
                }
            }
            xml += "    <summary>\(XML.escape(view.summary))</summary>\n"
            if !view.abstractHTML.isEmpty {
                xml += "    <content type=\"html\">\(XML.escape(view.abstractHTML))</content>\n"
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

    /// Every HTML page but the 404, with the date it last changed.
    func sitemap() -> String {
        let newest = catalog.days.last?.date
        var urls: [(String, DayDate?)] = [(Routes.home, newest), (Routes.days, newest), (Routes.topics, newest)]
        urls += catalog.days.map { (Routes.day($0.date), $0.date) }
        for topic in catalog.topics {
            let lastmod = topic.papers.first.map { catalog.papers[$0].lastSeen }
            urls += (1...pageCount(topic)).map { (Routes.topic(topic.topic.slug, page: $0), lastmod) }
        }
        urls += catalog.papers.map { (Routes.paper($0.slug), $0.lastSeen) }
        urls += contentPages.map { (Routes.page($0.name), nil) }
        urls.append((Routes.search, nil))
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (location, lastmod) in urls {
            xml += "  <url><loc>\(XML.escape(routes.absolute(location)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
