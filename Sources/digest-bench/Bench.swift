import DigestCore
import Foundation

/// `swift run -c release digest-bench [--normaliser | --related] [Content]`: throughput
/// figures for the notes.
///
/// Single-threaded figures for the math normaliser and for libcmark rendering over the demo
/// abstracts, then a whole in-memory site build (parallel, as `digest build` runs it).
@main
struct Bench {
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        let normaliserOnly = arguments.first == "--normaliser"
        if normaliserOnly { arguments = arguments.dropFirst() }
        let relatedOnly = arguments.first == "--related"
        if relatedOnly { arguments = arguments.dropFirst() }
        let once = arguments.first == "--once"
        if once { arguments = arguments.dropFirst() }
        let content = URL(fileURLWithPath: arguments.first ?? "Content")
        let templates = URL(fileURLWithPath: arguments.dropFirst().first ?? "Templates")
        let (snapshot, _) = try ContentSnapshot.read(content: content, templates: templates)
        if relatedOnly { return relatedIndex(snapshot) }
        var texts: [String] = []
        for dump in snapshot.dumps {
            for entry in DumpParser(defaultYear: 2026).parse(dump).day?.entries ?? [] {
                texts.append(entry.title)
                texts.append(entry.abstract)
            }
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        print("Demo content: \(texts.count / 2) abstracts and titles, \(format(Double(bytes) / 1e6, 2)) MB")

        let parser = RichTextParser()
        var parsed: [RichText] = []
        let normalise = measure(minimumSeconds: once ? 0 : 3) {
            parsed = texts.map { parser.parse($0).0 }
        }
        let formulas = parsed.reduce(0) { total, text in
            total + text.inlines.filter { if case .math = $0 { return true } else { return false } }.count
        }
        print(
            "Math normaliser (one core): \(format(Double(bytes) / normalise / 1e6, 1)) MB/s, \(formulas) formulas found, \(format(normalise * 1000, 1)) ms per pass"
        )
        if normaliserOnly { return }

        let render = measure(minimumSeconds: 2) {
            for text in parsed { _ = Markdown.html(paragraph: text.inlines) }
        }
        print(
            "libcmark rendering (one core): \(format(Double(parsed.count) / render / 1000, 1))k paragraphs/s, \(format(render * 1000, 1)) ms per pass"
        )

        // Related papers: the demo catalog, then copies of it 30 and 120 times over; time per
        // paper staying flat as the catalog grows is the sub-quadratic claim, measured.
        let documents = stride(from: 0, to: texts.count - 1, by: 2).map {
            Terms.significant(texts[$0] + " " + texts[$0] + " " + texts[$0 + 1])
        }
        for copies in [1, 30, 120] {
            let catalog = (0..<copies).flatMap { copy in documents.map { $0 + ["copy\(copy)"] } }
            // One day of 80 papers at a time, as builds add them.
            let related = measure(minimumSeconds: copies == 1 ? 2 : 0) {
                var index = RelatedPapers()
                for start in stride(from: 0, to: catalog.count, by: 80) {
                    _ = index.addDay(Array(catalog[start..<min(start + 80, catalog.count)]), lookUp: true)
                }
            }
            print(
                "Related papers (one core): \(catalog.count) papers in \(format(related * 1000, 1)) ms, \(format(related / Double(catalog.count) * 1e6, 1)) µs per paper"
            )
        }

        var pages = 0
        let build = measure(minimumSeconds: 3) {
            pages = (try? SiteGenerator().prepare(snapshot).renderer.renderAll().count) ?? 0
        }
        print(
            "Whole site in memory (all cores): \(pages) files in \(format(build * 1000, 1)) ms, \(format(Double(pages) / build, 0)) files/s"
        )
    }

    /// `--related CONTENT`: the related-papers index of every paper of the content's dumps,
    /// one dump (a day) at a time as a clean build adds them, timed alone (all cores, as a
    /// build's look-ups run). Terms are counted on the dumps' raw texts first, untimed.
    static func relatedIndex(_ snapshot: ContentSnapshot) {
        let parser = DumpParser(defaultYear: 2026)
        let days = snapshot.dumps.map { dump in
            (parser.parse(dump).day?.entries ?? []).map {
                RelatedPapers.termCounts(Terms.significant($0.title + " " + $0.title + " " + $0.abstract))
            }
        }
        let papers = days.reduce(0) { $0 + $1.count }
        let start = Date()
        let startCPU = clock()
        var index = RelatedPapers()
        for day in days { _ = index.addDay(counted: day, lookUp: true) }
        let seconds = Date().timeIntervalSince(start)
        // CPU time too: on a shared machine, time another machine's work takes from this one
        // counts in the wall time, not in the CPU time.
        let cpu = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
        print(
            "Related papers: \(days.count) days, \(papers) papers in \(format(seconds, 2)) s (CPU \(format(cpu, 2)) s), \(format(cpu / Double(papers) * 1e6, 1)) µs of CPU per paper"
        )
    }

    /// Runs `body` until `minimumSeconds` have passed; returns the best time of one run.
    static func measure(minimumSeconds: Double, _ body: () -> Void) -> Double {
        var best = Double.infinity
        let start = Date()
        repeat {
            let lap = Date()
            body()
            best = min(best, Date().timeIntervalSince(lap))
        } while Date().timeIntervalSince(start) < minimumSeconds
        return best
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
