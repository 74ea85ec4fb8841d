import Testing

@testable import DigestCore

@Suite("Trend charts and outbound links")
struct TrendChartTests {
    @Test("bars scale to the busiest month, empty months leave a gap, the numbers are the accessible name")
    func bars() {
        let chart = TrendChart(bars: [
            .init(label: "March 2026", count: 4), .init(label: "April 2026", count: 0),
            .init(label: "May 2026", count: 2),
        ])
        let svg = chart.svg(name: "Papers on X per month", width: 60, height: 21, className: "trend")
        #expect(svg.hasPrefix("<svg class=\"trend\" viewBox=\"0 0 60 21\""))
        #expect(svg.contains("aria-label=\"Papers on X per month: March 2026: 4, April 2026: 0, May 2026: 2\""))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2)
        #expect(svg.contains("<rect x=\"2\" y=\"1\" width=\"16\" height=\"20\"/>"))
        #expect(svg.contains("<rect x=\"42\" y=\"11\" width=\"16\" height=\"10\"/>"))
        #expect(TrendChart(bars: []).svg(name: "n", width: 10, height: 10, className: "c").isEmpty)
    }

    @Test("numbers print with at most two decimals, the same everywhere")
    func numbers() {
        #expect(TrendChart.number(2) == "2")
        #expect(TrendChart.number(2.5) == "2.5")
        #expect(TrendChart.number(1.0 / 3.0) == "0.33")
        #expect(TrendChart.number(20.05) == "20.05")
        #expect(TrendChart.number(7.999) == "8")
    }

    @Test("arXiv ids written in an abstract become links; title searches are percent-encoded")
    func arxivIDs() {
        #expect(
            OutboundLinks.arxivIDs(in: "see arXiv:2403.01234v2 and arxiv.org/abs/1501.00001") == [
                "2403.01234", "1501.00001",
            ])
        #expect(
            OutboundLinks.arxivIDs(in: "code at https://arxiv.org/pdf/1706.03762 (arXiv 1706.03762)") == ["1706.03762"])
        #expect(OutboundLinks.arxivIDs(in: "arXiv papers from 2023.") == [])
        // In any case, at the very start and end, in order however the `x` is written.
        #expect(
            OutboundLinks.arxivIDs(in: "ARXIV:2401.00002, then arxiv:2401.00001 and ArXiV:2401.00003") == [
                "2401.00002", "2401.00001", "2401.00003",
            ])
        #expect(OutboundLinks.arxivIDs(in: "xarxiv 2101.00001 arxi arxiv") == ["2101.00001"])
        #expect(OutboundLinks.arxivIDs(in: "arxiv") == [] && OutboundLinks.arxivIDs(in: "x") == [])
        #expect(OutboundLinks.encode("Q&A: ℓ_p bounds") == "Q%26A%3A%20%E2%84%93_p%20bounds")
    }
}
