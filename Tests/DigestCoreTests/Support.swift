import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// Parses dump text as if read from `path`.
func parseDump(_ text: String, path: String = "2026-03-12.txt", defaultYear: Int? = nil) -> DumpParseResult {
    DumpParser(defaultYear: defaultYear).parse(SourceFile(path: path, text: text))
}

/// A dump with the usual header, for tests that care about the body.
func dumpText(date: String = "Mar 12", _ papers: [(title: String, abstract: String)]) -> String {
    var text =
        "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n\(date)\n\n"
    for paper in papers {
        text += paper.title + "\n\n" + paper.abstract + "\n\n"
    }
    return text
}

/// An abstract long enough to look like one.
func abstract(_ words: String = "") -> String {
    "We study \(words) in depth. " + String(repeating: "The method improves results on several benchmarks. ", count: 8)
}

/// `2026-03-14` → `Mar 14`, the date line a dump of that day starts with.
func dateLine(_ iso: String) -> String {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    return "\(DayDate.monthNames[parts[1] - 1].prefix(3)) \(parts[2])"
}
