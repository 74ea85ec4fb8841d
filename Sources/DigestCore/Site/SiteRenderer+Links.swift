import Foundation

/// The links pages make to each other, written into a context: days, topics, months of
/// days and the pages of a list.
extension SiteRenderer {
    /// The texts of `day`: made once for a listed day.
    func dayText(_ day: DayDate) -> DayText {
        dayTexts[day] ?? DayText(day, routes: routes)
    }

    /// A topic's name, slug and page: what a card's chip shows of it (made once per topic).
    static func topicChip(_ topic: Topic, routes: Routes) -> TemplateContext {
        var chip = TemplateContext(nodes: 4, bytes: 64)
        addTopicFields(topic, routes: routes, to: TemplateContext.root, in: &chip)
        return chip
    }

    static func addTopicFields(_ topic: Topic, routes: Routes, to link: Slot, in context: inout TemplateContext) {
        context.add(.name, topic.name, to: link)
        context.add(.slug, topic.slug, to: link)
        context.add(.url, routes.url(Routes.topic(topic.slug)), to: link)
    }

    func addTopicLink(
        _ topic: Catalog.TopicPapers, withCount: Bool, to link: Slot, in context: inout TemplateContext
    ) {
        Self.addTopicFields(topic.topic, routes: routes, to: link, in: &context)
        guard withCount else { return }
        context.add(.count, topic.papers.count, to: link)
        context.add(.countLabel, count(topic.papers.count, "paper"), to: link)
        context.add(.feedURL, routes.url(Routes.topicFeed(topic.topic.slug)), to: link)
        context.add(
            .summary, Self.summary(of: topic.topic.description.replacingOccurrences(of: "*", with: ""), limit: 140),
            to: link)
    }

    func addDayLink(_ day: Catalog.Day, preview: Int, to link: Slot, in context: inout TemplateContext) {
        let text = dayText(day.date)
        context.add(.label, text.long, to: link)
        context.add(.short, text.short, to: link)
        context.add(.iso, text.iso, to: link)
        context.add(.weekday, day.date.weekdayName, to: link)
        context.add(.url, text.url, to: link)
        context.add(.count, day.papers.count, to: link)
        context.add(.countLabel, count(day.papers.count, "paper"), to: link)
        guard preview > 0 else { return }
        let list = context.addList(.preview, to: link)
        for paper in day.papers.prefix(preview) {
            let item = context.addItem(to: list)
            context.add(.titleHTML, catalog.papers[paper].title.html, to: item)
            context.add(.url, routes.paperURL(catalog.papers[paper].slug), to: item)
        }
        context.add(.more, max(0, day.papers.count - preview), to: link)
    }

    /// Days newest first, grouped by month.
    func addMonthsOfDays(to months: Slot, in context: inout TemplateContext) {
        var currentKey = ""
        var currentDays: Slot?
        for day in catalog.days.reversed() {
            if day.date.monthKey != currentKey || currentDays == nil {
                currentKey = day.date.monthKey
                let month = context.addItem(to: months)
                context.add(.title, day.date.monthTitle, to: month)
                context.add(.key, currentKey, to: month)
                currentDays = context.addList(.days, to: month)
            }
            if let currentDays { addDayLink(day, preview: 0, to: context.addItem(to: currentDays), in: &context) }
        }
    }

    /// Numbered links between the pages of one list: the first, the last and a window
    /// around the current one. Without `showsEnd` (a list that grows at its end) there is
    /// no total or last page, so a page changes only when pages appear within its window.
    func addPagination(
        page: Int, pages: Int, showsEnd: Bool = true, to value: Slot, in context: inout TemplateContext,
        url: (Int) -> String
    ) {
        context.add(.current, page, to: value)
        context.add(.hasPages, pages > 1, to: value)
        if showsEnd { context.add(.total, pages, to: value) }
        guard pages > 1 else { return }
        let window = max(1, page - Self.paginationWindow)...min(pages, page + Self.paginationWindow)
        let shown = Set([1] + (showsEnd ? [pages] : []) + Array(window))
        let list = context.addList(.pages, to: value)
        for number in shown.sorted() {
            let item = context.addItem(to: list)
            context.add(.number, number, to: item)
            context.add(.url, url(number), to: item)
            context.add(.current, number == page, to: item)
        }
        if page > 1 { context.add(.previousURL, url(page - 1), to: value) }
        if page < pages { context.add(.nextURL, url(page + 1), to: value) }
    }
}
