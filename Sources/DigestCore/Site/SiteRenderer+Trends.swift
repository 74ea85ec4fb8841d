/// Trend charts of topics: papers first listed per month, on the same time axis for every
/// topic so charts line up and compare.
extension SiteRenderer {
    /// Months from the archive's first day to its last, oldest first, empty months included.
    func archiveMonths() -> [DayDate] {
        guard let first = catalog.days.first?.date, let last = catalog.days.last?.date else { return [] }
        var months: [DayDate] = []
        var (year, month) = (first.year, first.month)
        while (year, month) <= (last.year, last.month) {
            if let date = DayDate(year: year, month: month, day: 1) { months.append(date) }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }

    /// A topic's papers per month, over the whole archive or its last `recent` months.
    func trend(ofTopic index: Int, recent: Int? = nil) -> TrendChart {
        var counts: [String: Int] = [:]
        for month in months[index] { counts[month.key] = month.papers.count }
        let axis = archiveMonths()
        let shown = recent.map { axis.suffix($0) } ?? axis[...]
        return TrendChart(bars: shown.map { .init(label: $0.monthTitle, count: counts[$0.monthKey] ?? 0) })
    }

    /// What a topic page shows of its trend, added to `trend`: the chart and a sentence
    /// saying what it shows.
    func addTrend(ofTopic index: Int, to trend: TemplateContext.Slot, in context: inout TemplateContext) {
        let chart = self.trend(ofTopic: index)
        let name = catalog.topics[index].topic.name
        guard let first = chart.bars.first, let last = chart.bars.last,
            let busiest = chart.bars.max(by: { $0.count < $1.count })
        else { return }
        let span = first == last ? first.label : "\(first.label) to \(last.label)"
        context.add(
            .svgHTML, chart.svg(name: "Papers on \(name) per month", width: 600, height: 96, className: "trend"),
            to: trend)
        context.add(
            .caption, "Papers first listed per month, \(span); most in \(busiest.label) (\(busiest.count)).", to: trend)
        context.add(.first, first.label, to: trend)
        context.add(.last, last.label, to: trend)
        context.add(.peak, busiest.count, to: trend)
    }

    /// The small chart beside each topic on the home page: its last six months.
    func sparkline(ofTopic index: Int) -> String {
        trend(ofTopic: index, recent: 6).svg(
            name: "\(catalog.topics[index].topic.name), papers per month", width: 60, height: 20, className: "spark")
    }
}
