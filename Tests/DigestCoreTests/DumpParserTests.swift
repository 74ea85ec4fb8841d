import DigestCore
import DigestTestSupport
import Foundation
import Testing

@Suite("Reading dumps")
struct DumpParserTests {
    @Test(
        "every demo dump reads cleanly with the expected paper count",
        arguments: [
            ("2026-03-11.txt", 85), ("2026-03-12.txt", 84), ("2026-03-14.txt", 107),
            ("2026-05-20.txt", 73), ("2026-08-06.txt", 66),
        ])
    func demoDumps(name: String, papers: Int) throws {
        let url = repositoryRoot.appendingPathComponent("Content/dumps/\(name)")
        let result = DumpParser().parse(SourceFile(path: name, data: try Data(contentsOf: url)))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let day = try #require(result.day)
        #expect(day.date.iso == String(name.prefix(10)))
        #expect(day.entries.count == papers)
        #expect(day.entries.allSatisfy { !$0.title.isEmpty && $0.abstract.count > 300 })
    }

    @Test("a seed under its original, undated name takes the year from site.yml")
    func undatedSeedName() throws {
        let url = repositoryRoot.appendingPathComponent("Content/dumps/2026-08-06.txt")
        let seed = SourceFile(path: "001_44a34cf58eefd36a.txt", data: try Data(contentsOf: url))
        #expect(DumpParser(defaultYear: 2025).parse(seed).day?.date.iso == "2025-08-06")
        let noYear = DumpParser().parse(seed)
        #expect(noYear.day == nil)
        #expect(
            noYear.diagnostics.map(\.description).first?.hasPrefix(
                "001_44a34cf58eefd36a.txt:11:1: error: cannot tell the year") == true, "\(noYear.diagnostics)")
    }

    @Test(
        "a file name shaped like a date that is none says so", arguments: ["2026-02-29", "1899-03-01", "2026-13-01"])
    func badDateInName(name: String) {
        let parsed = DumpParser().parse(
            SourceFile(path: "dumps/\(name).txt", text: dumpText(date: "Mar 1", [("A Paper", abstract())])))
        #expect(parsed.day == nil)
        #expect(
            parsed.diagnostics.map(\.description).contains {
                $0.contains(
                    "error: cannot tell the year of 'Mar 1': the file name's \(name) is not a date from the year 1900 on"
                )
            }, "\(parsed.diagnostics)")
    }

    @Test("header lines in any subset, including by / AK / and the research community on separate lines")
    func headerVariants() throws {
        let bodies = [
            "Mar 12\n\nTitle\n\n\(abstract())",
            "Daily Papers\n\nMar 12\n\nTitle\n\n\(abstract())",
            "new\n\nSubscribe\n\nby\n\nAK\n\nand the research community\n\nMar 12\n\nTitle\n\n\(abstract())",
            "new\nGet trending papers in your email inbox!\nSubscribe\nby\nAK\nand the research community\n\nMar 12\n\nTitle\n\n\(abstract())",
        ]
        for text in bodies {
            let result = parseDump(text)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            #expect(result.day?.entries.map(\.title) == ["Title"])
        }
    }

    @Test(
        "date lines: short and long month names, with and without a year",
        arguments: [
            ("Mar 12", 3, 12), ("March 12", 3, 12), ("Mar 12, 2026", 3, 12), ("Sept 3", 9, 3), ("Dec 31 2026", 12, 31),
        ])
    func dateLines(line: String, month: Int, day: Int) throws {
        let result = parseDump(dumpText(date: line, [("A title", abstract())]), path: "dump.txt", defaultYear: 2026)
        let date = try #require(result.day?.date)
        #expect((date.month, date.day) == (month, day))
    }

    @Test("the year comes from the file name, then the date line, then site.yml")
    func yearResolution() {
        let text = dumpText(date: "Mar 12, 2025", [("A title", abstract())])
        #expect(parseDump(text, path: "dumps/2024-03-12.txt", defaultYear: 2023).day?.date.year == 2024)
        #expect(parseDump(text, path: "dumps/today.txt", defaultYear: 2023).day?.date.year == 2025)
        let noYear = dumpText(date: "Mar 12", [("A title", abstract())])
        #expect(parseDump(noYear, path: "dumps/today.txt", defaultYear: 2023).day?.date.year == 2023)
    }

    @Test("a file name dates a dump with four digits of a year from 1900 on, standing apart from other digits")
    func fileNameDates() {
        let noYear = dumpText(date: "Mar 12", [("A title", abstract())])
        #expect(parseDump(noYear, path: "dumps/dump-2026-03-12-evening.txt", defaultYear: 2023).day?.date.year == 2026)
        for stem in ["20266-03-12", "2026-03-123", "0026-03-12", "1899-03-12"] {
            #expect(parseDump(noYear, path: "dumps/\(stem).txt", defaultYear: 2023).day?.date.year == 2023, "\(stem)")
        }
    }

    @Test("without any year the file is an error naming it")
    func missingYear() throws {
        let result = parseDump(dumpText([("A title", abstract())]), path: "dumps/today.txt")
        #expect(result.day == nil)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.description.hasPrefix("dumps/today.txt:9:1: error:"))
        #expect(error.message.contains("year"))
    }

    @Test("a file name date that disagrees with the date line warns and keeps the date line's day")
    func disagreeingDates() {
        let result = parseDump(dumpText(date: "Mar 13", [("A title", abstract())]), path: "2026-03-12.txt")
        #expect(result.day?.date.iso == "2026-03-13")
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test("an impossible date is an error")
    func impossibleDate() {
        let result = parseDump(
            dumpText(date: "Feb 30", [("A title", abstract())]), path: "2026-02-30.txt", defaultYear: 2026)
        #expect(result.day == nil)
        #expect(result.diagnostics.hasErrors)
    }

    @Test("CRLF, a byte-order mark, trailing spaces, tabs and runs of blank lines are tolerated")
    func messyWhitespace() throws {
        var text = dumpText([("  A\ttitle   with  tabs  ", abstract("spaces")), ("Second title\t", abstract())])
        text = text.replacingOccurrences(of: "\n\n", with: " \n\t\n\n   \n")
        text = text.replacingOccurrences(of: "\n", with: "\r\n")
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        let result = DumpParser().parse(SourceFile(path: "2026-03-12.txt", data: data))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let day = try #require(result.day)
        #expect(day.entries.map(\.title) == ["A title with tabs", "Second title"])
        #expect(!day.entries[0].abstract.contains("  "))
    }

    @Test("old Mac line endings (CR only) work too")
    func carriageReturns() {
        let text = dumpText([("A title", abstract())]).replacingOccurrences(of: "\n", with: "\r")
        #expect(parseDump(text).day?.entries.count == 1)
    }

    @Test("UTF-16 with a byte-order mark is decoded")
    func utf16() throws {
        let text = dumpText([("Naïve title", abstract())])
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian) ?? Data())
        let result = DumpParser().parse(SourceFile(path: "2026-03-12.txt", data: data))
        #expect(result.day?.entries.first?.title == "Naïve title")
    }

    @Test("invalid UTF-8 is read as Windows-1252 with a warning at the first bad byte")
    func invalidUTF8() throws {
        var data = Data(dumpText([("Caf", abstract())]).utf8)
        // Insert a Latin-1 "é" (0xE9) after "Caf" on the title line (line 11).
        let range = try #require(data.range(of: Data("Caf\n".utf8)))
        data.insert(0xE9, at: range.lowerBound + 3)
        let result = DumpParser().parse(SourceFile(path: "2026-03-12.txt", data: data))
        #expect(result.day?.entries.first?.title == "Café")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.description.hasPrefix("2026-03-12.txt:11:4: warning: file is not valid UTF-8"))
    }

    @Test("control characters become spaces with a warning")
    func controlCharacters() {
        let result = parseDump(dumpText([("A\u{07}title", abstract())]))
        #expect(result.day?.entries.first?.title == "A title")
        #expect(result.diagnostics.first?.message.contains("U+7") == true)
    }

    @Test("an empty file warns and yields no day")
    func emptyFile() {
        for text in ["", "\n\n  \n", "\u{FEFF}"] {
            let result = parseDump(text)
            #expect(result.day == nil)
            #expect(
                result.diagnostics.map(\.description) == ["2026-03-12.txt:1:1: warning: empty dump; nothing to read"])
        }
    }

    @Test("a title without an abstract warns and keeps the paper")
    func titleWithoutAbstract() throws {
        let text = dumpText([("First", abstract())]) + "Orphan title\n\nThird title\n\n\(abstract())\n\nLast title\n"
        let result = parseDump(text)
        let day = try #require(result.day)
        #expect(day.entries.map(\.title) == ["First", "Orphan title", "Third title", "Last title"])
        #expect(day.entries.map(\.abstract.isEmpty) == [false, true, false, true])
        #expect(result.diagnostics.map(\.location?.line) == [15, 21])
        #expect(
            result.diagnostics.allSatisfy {
                $0.severity == .warning && $0.message.hasPrefix("title without an abstract")
            })
    }

    @Test("an abstract with no title before it is skipped with a warning")
    func abstractWithoutTitle() throws {
        let text = dumpText([("First", abstract())]) + abstract("an orphan") + "\n\nSecond\n\n\(abstract())\n"
        let result = parseDump(text)
        #expect(result.day?.entries.map(\.title) == ["First", "Second"])
        #expect(result.diagnostics.first?.location?.line == 15)
    }

    @Test("unknown lines before the date warn with their location")
    func unknownLineBeforeDate() throws {
        let text = "new\n\nTrending now\n\nMar 12\n\nTitle\n\n\(abstract())"
        let result = parseDump(text)
        #expect(result.day?.entries.count == 1)
        #expect(
            result.diagnostics.map(\.description) == [
                "2026-03-12.txt:3:1: warning: unexpected line before the date line, ignored: 'Trending now'"
            ])
    }

    @Test("a file that is not a dump is an error")
    func notADump() {
        let result = parseDump(
            String(repeating: "Just some prose that is not a dump at all.\n\n", count: 20), path: "notes.txt")
        #expect(result.day == nil)
        #expect(result.diagnostics.hasErrors)
    }

    @Test("a file without a date line is not a dump, even with a dated name: its lines would become papers")
    func noDateLineButDatedName() {
        let result = parseDump("Foo 12\n\nTitle\n\n\(abstract())", path: "2026-03-12.txt")
        #expect(result.day == nil)
        #expect(
            result.diagnostics.errors.map(\.description) == [
                "2026-03-12.txt:1:1: error: not a Daily Papers dump: no date line like 'Mar 12' before the papers (the first lines start with 'Foo 12'); if the page's date line was lost, add it above the first title"
            ])
    }

    @Test("the same paper twice in one dump is kept once")
    func duplicateInOneDump() {
        let result = parseDump(
            dumpText([("Same Title", abstract("one")), ("Other", abstract()), ("same title", abstract("two"))]))
        #expect(result.day?.entries.map(\.title) == ["Same Title", "Other"])
        #expect(result.day?.entries.first?.abstract.contains("two") == true)
        #expect(result.diagnostics.count == 1)
    }

    @Test("locations point at the title and abstract lines")
    func locations() throws {
        let day = try #require(parseDump(dumpText([("Title", abstract())])).day)
        #expect(day.entries[0].titleLocation == SourceLocation(path: "2026-03-12.txt", line: 11, column: 1))
        #expect(day.entries[0].abstractLocation?.line == 13)
    }

    @Test("two dumps of the same day merge without duplicating papers")
    func sameDayMerge() throws {
        let morning = try #require(
            parseDump(dumpText([("A", abstract("old")), ("B", abstract())]), path: "2026-03-12-morning.txt").day)
        let evening = try #require(
            parseDump(
                dumpText([("B", abstract()), ("C", abstract()), ("a", abstract("new"))]), path: "2026-03-12-evening.txt"
            ).day)
        let merged = DumpDay.merging([morning, evening])
        #expect(merged.count == 1)
        #expect(merged[0].entries.map(\.title) == ["a", "B", "C"])
        #expect(merged[0].entries[0].abstract.contains("new"))
        #expect(merged[0].sources == ["2026-03-12-morning.txt", "2026-03-12-evening.txt"])
    }
}
