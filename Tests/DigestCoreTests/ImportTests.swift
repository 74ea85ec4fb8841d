import DigestCore
import DigestTestSupport
import Foundation
import Testing

@Suite("Importing freshly saved dumps")
struct ImportTests {
    let today = DayDate(iso: "2027-01-05") ?? .distantPast

    func importer(_ folder: TemporaryFolder, year: Int? = nil) -> DumpImporter {
        DumpImporter(dumps: folder.url.appendingPathComponent("dumps"), today: today, year: year)
    }

    @Test("a new day is stored as dumps/YYYY-MM-DD.txt with the most recent year not in the future")
    func newDay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let saved = dumpText(date: "Dec 30", [("Alpha Paper", abstract("alpha")), ("Beta Paper", abstract("beta"))])
        let outcome = try importer(folder).importDump(
            SourceFile(path: "Daily Papers.txt", text: saved.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(outcome.date.iso == "2026-12-30")
        #expect(outcome.created && outcome.new == 2 && outcome.papers == 2)
        let stored = try folder.read("dumps/2026-12-30.txt")
        #expect(!stored.contains("\r"))
        #expect(DumpParser().parse(SourceFile(path: "2026-12-30.txt", text: stored)).day?.entries.count == 2)
    }

    @Test(
        "the year is the most recent one that keeps the day out of the future; --year overrides it",
        arguments: [
            ("Jan 5", nil, "2027-01-05"), ("Jan 6", nil, "2026-01-06"), ("Mar 12", nil, "2026-03-12"),
            ("Feb 29", nil, "2024-02-29"), ("Mar 12", 2025, "2025-03-12"), ("Mar 12, 2023", nil, "2023-03-12"),
        ] as [(String, Int?, String)])
    func yearInference(line: String, year: Int?, expected: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outcome = try importer(folder, year: year).importDump(
            SourceFile(path: "saved.txt", text: dumpText(date: line, [("Alpha Paper", abstract())])))
        #expect(outcome.date.iso == expected)
        #expect(folder.exists("dumps/\(expected).txt"))
    }

    @Test("a second dump of the same day adds only the papers the day lacks and keeps what is there")
    func merge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = dumpText(date: "Mar 12", [("Alpha Paper", abstract("alpha")), ("Beta Paper", abstract("beta"))])
        try folder.write("dumps/2026-03-12.txt", first)
        let second = dumpText(
            date: "Mar 12",
            [
                ("Beta  paper", abstract("a rewritten beta")), ("Gamma Paper", abstract("gamma")),
                ("Alpha Paper", abstract("alpha")), ("Delta Paper", abstract("delta")),
            ])
        let outcome = try importer(folder).importDump(SourceFile(path: "later.txt", text: second))
        #expect(!outcome.created && outcome.new == 2 && outcome.papers == 4)
        // The differing abstract is reported, not silently replaced.
        #expect(
            outcome.diagnostics.contains {
                $0.severity == .warning && $0.message.contains("Beta") && $0.message.contains("different abstract")
            }, "\(outcome.diagnostics)")

        let stored = try folder.read("dumps/2026-03-12.txt")
        // The existing file is kept as it was (only trailing spaces trimmed); papers are appended.
        #expect(stored.hasPrefix("new\n\nGet trending papers in your email inbox!\n\nSubscribe"))
        let day = try #require(DumpParser().parse(SourceFile(path: "2026-03-12.txt", text: stored)).day)
        #expect(day.entries.map(\.title) == ["Alpha Paper", "Beta Paper", "Gamma Paper", "Delta Paper"])
        #expect(day.entries[1].abstract == abstract("beta").trimmingCharacters(in: .whitespaces))

        // Importing the same file again changes nothing.
        let again = try importer(folder).importDump(SourceFile(path: "later.txt", text: second))
        #expect(again.new == 0)
        #expect(try folder.read("dumps/2026-03-12.txt") == stored)
    }

    @Test("a save made before the page had an abstract is completed by a later save: the abstract goes under its title")
    func missingAbstractFilled() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let morning = dumpText(date: "Mar 12", [("Alpha Paper", abstract("alpha"))]) + "\n\nBeta Paper\n"
        _ = try importer(folder).importDump(SourceFile(path: "morning.txt", text: morning))
        let evening = dumpText(
            date: "Mar 12",
            [("Alpha Paper", abstract("alpha")), ("Beta Paper", abstract("beta")), ("Gamma Paper", abstract("gamma"))])
        let outcome = try importer(folder).importDump(SourceFile(path: "evening.txt", text: evening))
        #expect(outcome.new == 1 && outcome.abstractsAdded == 1, "\(outcome.diagnostics)")
        let stored = try folder.read("dumps/2026-03-12.txt")
        let day = try #require(DumpParser().parse(SourceFile(path: "2026-03-12.txt", text: stored)).day)
        #expect(day.entries.map(\.title) == ["Alpha Paper", "Beta Paper", "Gamma Paper"])
        #expect(day.entries.allSatisfy { $0.hasAbstract })
        #expect(stored.contains("Beta Paper\n\n" + abstract("beta").trimmingCharacters(in: .whitespaces)))
    }

    @Test("a day filed in a subfolder of dumps/ (which a build reads) is merged there, not filed twice")
    func dayInSubfolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(
            "dumps/2026/2026-03-12.txt", dumpText(date: "Mar 12", [("Alpha Paper", abstract("alpha"))]))
        let outcome = try importer(folder).importDump(
            SourceFile(
                path: "saved.txt",
                text: dumpText(date: "Mar 12", [("Alpha Paper", abstract("alpha")), ("Beta Paper", abstract("beta"))])))
        #expect(outcome.new == 1 && outcome.destination.path.hasSuffix("dumps/2026/2026-03-12.txt"))
        #expect(!folder.exists("dumps/2026-03-12.txt"))
        #expect(try folder.read("dumps/2026/2026-03-12.txt").contains("Beta Paper"))
    }

    @Test("a day file that is a link is merged where it points; the link stays a link")
    func linkedDayFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("archive/march-12.txt", dumpText(date: "Mar 12", [("Alpha Paper", abstract("alpha"))]))
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("dumps"), withIntermediateDirectories: true)
        let link = folder.url.appendingPathComponent("dumps/2026-03-12.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../archive/march-12.txt")
        let outcome = try importer(folder).importDump(
            SourceFile(path: "saved.txt", text: dumpText(date: "Mar 12", [("Beta Paper", abstract("beta"))])))
        #expect(outcome.new == 1)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../archive/march-12.txt")
        #expect(try folder.read("archive/march-12.txt").contains("Beta Paper"))

        // A broken link is not replaced by a file.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("archive/march-12.txt"))
        #expect(throws: BuildFailure.self) {
            try importer(folder).importDump(
                SourceFile(path: "saved.txt", text: dumpText(date: "Mar 12", [("Gamma Paper", abstract("gamma"))])))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../archive/march-12.txt")
    }

    @Test("every demo dump imports into an empty folder with its full paper count")
    func demoDumps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dumps = repositoryRoot.appendingPathComponent("Content/dumps")
        for name in try FileManager.default.contentsOfDirectory(atPath: dumps.path).sorted() {
            let data = try Data(contentsOf: dumps.appendingPathComponent(name))
            let outcome = try importer(folder).importDump(SourceFile(path: "seed-\(name.prefix(4)).txt", data: data))
            let original = try #require(DumpParser().parse(SourceFile(path: name, data: data)).day)
            #expect(outcome.papers == original.entries.count)
            #expect(outcome.date.month == original.date.month && outcome.date.day == original.date.day)
        }
    }

    @Test(
        "files that are not dumps are refused with a message and nothing is written",
        arguments: [
            ("page.html", "<!DOCTYPE html>\n<html><body>Daily Papers</body></html>", "HTML page"),
            (
                "notes.txt", "Shopping list\n\neggs\n\nmilk\n\nbread\n\ncheese\n\ntea\n\nrice\n\nbeans\n\nsalt\n\n",
                "date line"
            ),
            ("empty.txt", "", "no papers"),
            ("binary.txt", "\u{0}\u{1}\u{2}garbage\u{0}", "date line"),
            ("titles.txt", "Mar 12\n\nOnly a title\n", "no paper has an abstract"),
        ])
    func refused(name: String, text: String, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect {
            try importer(folder).importDump(SourceFile(path: name, text: text))
        } throws: { error in
            let failure = error as? BuildFailure
            return failure?.diagnostics.contains { $0.severity == .error && $0.message.contains(message) } == true
                && failure?.diagnostics.first { $0.severity == .error }?.location?.path == name
        }
        #expect(!folder.exists("dumps"))
    }
}
