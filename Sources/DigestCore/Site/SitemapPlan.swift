/// Every URL of the sitemap, and how a sitemap too long for one file is split.
///
/// Parts are cut so that a new day changes few of them: the site's own pages (home, days,
/// topics and their months) come first, then the papers in order of first listing, which
/// never changes as days are added. A new day's papers land in the last part; an older part
/// changes only when one of its papers is listed again (its `lastmod` moves).
struct SitemapPlan: Sendable {
    struct Entry: Sendable {
        /// The site-relative location, or a paper's slug: a paper's location is made only
        /// when its part is written (a large site has hundreds of thousands of papers, and a
        /// new day rewrites one or two parts).
        var name: String
        var isPaper: Bool
        var lastmod: DayDate?

        init(location: String, lastmod: DayDate?) {
            (name, isPaper, self.lastmod) = (location, false, lastmod)
        }

        init(paper slug: String, lastmod: DayDate) {
            (name, isPaper, self.lastmod) = (slug, true, lastmod)
        }

        var location: String { isPaper ? Routes.paper(name) : name }
    }

    let entries: [Entry]
    /// The ranges of `entries` each part lists; empty when one `sitemap.xml` holds them all.
    let parts: [Range<Int>]

    init(pages: [Entry], papers: [Entry], limit: Int) {
        entries = pages + papers
        guard entries.count > limit, limit > 0 else {
            parts = []
            return
        }
        // Pages and papers are cut separately, so more pages never move the papers' parts.
        func chunks(_ range: Range<Int>) -> [Range<Int>] {
            stride(from: range.lowerBound, to: range.upperBound, by: limit).map {
                $0..<min($0 + limit, range.upperBound)
            }
        }
        parts = chunks(0..<pages.count) + chunks(pages.count..<entries.count)
    }

    /// The newest `lastmod` of a part's URLs.
    func lastmod(ofPart number: Int) -> DayDate? {
        entries[parts[number]].compactMap(\.lastmod).max()
    }
}
