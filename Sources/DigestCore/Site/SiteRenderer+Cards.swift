/// Paper cards: each paper's card rendered once per build, full for day pages and compact
/// for topic pages, and the list items that print them.
extension SiteRenderer {
    /// Papers in a list: each one's card rendered (day pages show the full card as
    /// `card_html`, topic pages the compact one as `compact_card_html`) and a few plain
    /// fields; numbered from `numberedFrom` when given.
    func addListItems(
        _ papers: some Collection<Int>, compact: Bool, numberedFrom: Int? = nil, to list: Slot,
        in context: inout TemplateContext, showsMath: inout Bool
    ) {
        let papers = Array(papers)
        for (offset, (index, cards)) in zip(papers, madeCards(papers)).enumerated() {
            let made = compact ? cards.compact : cards.full
            showsMath = showsMath || made.showsMath
            let item = context.addItem(to: list)
            context.add(.title, made.title, to: item)
            context.add(.url, routes.paperURL(catalog.papers[index].slug), to: item)
            made.html.withUnsafeBufferPointer {
                context.add(compact ? .compactCardHTML : .cardHTML, utf8: $0, to: item)
            }
            if let numberedFrom { context.add(.number, numberedFrom + offset, to: item) }
        }
    }

    /// `partials/paper-card` for each paper, full and compact, made once per build, with
    /// the plain title (kept with it: a title may have to be read back from the build cache).
    func madeCards(_ papers: [Int]) -> [CardMemo.Cards] {
        cards.cards(papers) { index in
            var paper = catalog.papers[index]
            paper.loadTexts()
            return madeCards(paper, summary: Self.summary(of: paper.abstract.plainText))
        }
    }

    /// The cards of `paper` (its texts loaded), from what a card shows of it and the
    /// summary of its abstract: one context, rendered twice.
    func madeCards(_ paper: Paper, summary: String) -> CardMemo.Cards {
        let root = TemplateContext.root
        var context = TemplateContext(nodes: 64, bytes: 4096)
        addPaperCard(paper, to: root, in: &context)
        context.add(.summary, summary, to: root)
        context.add(.base, routes.base.path, to: context.addObject(.site, to: root))
        func made(compact: Bool) -> CardMemo.Card {
            context.set(.compact, compact, in: root)
            return CardMemo.Card(
                title: paper.title.plainText, html: theme.renderBytes(Self.cardTemplate, context),
                showsMath: paper.title.showsMath || (!compact && paper.abstract.showsMath))
        }
        return CardMemo.Cards(full: made(compact: false), compact: made(compact: true))
    }

    /// What a card shows of `paper` (its texts loaded: they are asked for more than once),
    /// added to `card`.
    func addPaperCard(_ paper: Paper, to card: Slot, in context: inout TemplateContext) {
        let days = paper.days
        context.add(.title, paper.title.plainText, to: card)
        context.add(.titleHTML, paper.title.html, to: card)
        context.add(.url, routes.paperURL(paper.slug), to: card)
        // Read once, in place: a text is asked for where it is kept.
        paper.abstract.withHTML { html in
            context.add(.abstractHTML, utf8: html, to: card)
            context.add(.hasAbstract, !html.isEmpty, to: card)
        }
        let topics = context.addList(.topics, to: card)
        for topic in paper.topics {
            if let index = topicIndex[topic] {
                context.addFields(of: topicChips[index], to: context.addItem(to: topics))
            }
        }
        // `last` lets a template separate dates with commas: "Listed on Mar 12, Mar 14".
        let dayList = context.addList(.days, to: card)
        var listedOn = ""
        for (offset, day) in days.enumerated() {
            let text = dayText(day)
            let item = context.addItem(to: dayList)
            context.add(.label, text.long, to: item)
            context.add(.short, text.short, to: item)
            context.add(.iso, text.iso, to: item)
            context.add(.url, text.url, to: item)
            context.add(.last, offset == days.count - 1, to: item)
            listedOn += offset == 0 ? text.short : ", " + text.short
        }
        context.add(.listedOn, listedOn, to: card)
        context.add(.seenCount, paper.appearances.count, to: card)
        context.add(.seenMany, paper.appearances.count > 1, to: card)
    }
}
