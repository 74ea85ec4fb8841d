import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `digest import`: files a freshly saved Daily Papers page under `dumps/YYYY-MM-DD.txt`.
///
/// The date line has no year, so the year is the most recent one that does not put the day
/// in the future (or `--year`). A day that already has a dump gets only the papers it lacks,
/// appended, and the abstracts its papers lack (a save made before the page had them);
/// nothing already there is rewritten, and a paper whose abstract differs is reported,
/// not replaced.
public struct DumpImporter: Sendable {
    /// The `dumps/` folder of a content folder (created when missing).
    public var dumps: URL
    /// Dates after this are in the future.
    public var today: DayDate
    /// `--year`: overrides every other source of the year.
    public var year: Int?

    public init(dumps: URL, today: DayDate, year: Int? = nil) {
        self.dumps = dumps
        self.today = today
        self.year = year
    }

    /// What one import did.
    public struct Outcome: Sendable {
        public var date: DayDate
        public var destination: URL
        /// Papers in the imported file.
        public var papers: Int
        /// Papers the day did not have before.
        public var new: Int
        /// Papers the day file had without an abstract, which this dump gave theirs.
        public var abstractsAdded = 0
        /// The day had no dump before.
        public var created: Bool
        /// Warnings about the imported file (odd lines, papers kept with their old abstract).
        public var diagnostics: [Diagnostic]
    }

    /// Imports one file; throws without writing anything when the file is not a dump or
    /// cannot be merged safely.
    public func importDump(_ file: SourceFile) throws(BuildFailure) -> Outcome {
        let text = TextDecoding.decode(file).text
        let start = SourceLocation(path: file.path, line: 1)
        let parsed = DumpParser(latestDate: today, forcedYear: year).parse(file)
        var diagnostics = parsed.diagnostics
        guard let day = parsed.day, !diagnostics.hasErrors else {
            if !diagnostics.hasErrors {
                diagnostics.append(.error("not a Daily Papers dump: no papers found; nothing imported", at: start))
            }
            throw BuildFailure(diagnostics)
        }

        guard day.entries.contains(where: { !$0.abstract.isEmpty }) else {
            throw BuildFailure(
                diagnostics + [.error("not a Daily Papers dump: no paper has an abstract; nothing imported", at: start)]
            )
        }
        let (existing, files) = try existingEntries(of: day.date)
        // The day's own file where the dumps keep it (`dumps/2026/2026-03-12.txt`), else a new one.
        let name = "\(day.date.iso).txt"
        let destination = files.first { $0.lastPathComponent == name } ?? dumps.appendingPathComponent(name)
        if existing.isEmpty && !FileManager.default.fileExists(atPath: destination.path) {
            try write(Self.normalised(text), to: destination, expecting: day.entries, date: day.date, source: start)
            return Outcome(
                date: day.date, destination: destination, papers: day.entries.count, new: day.entries.count,
                created: true, diagnostics: diagnostics)
        }

        var known: [String: DumpEntry] = [:]
        for entry in existing where known[TitleKey(entry.title).value] == nil {
            known[TitleKey(entry.title).value] = entry
        }
        var fresh: [DumpEntry] = []
        // Papers of the day file saved before their abstract was on the page (a save cut
        // short, the page still loading): the abstract now given is added under the title.
        var filled: [String: DumpEntry] = [:]
        for entry in day.entries {
            let key = TitleKey(entry.title).value
            guard let old = known[key] else {
                fresh.append(entry)
                continue
            }
            if old.abstract.isEmpty, entry.hasAbstract, old.titleLocation.path == destination.path {
                filled[key] = entry
                continue
            }
            if !entry.abstract.isEmpty && Self.squeezed(old.abstract) != Self.squeezed(entry.abstract) {
                diagnostics.append(
                    .warning(
                        "'\(entry.title.prefix(60))' is already in \(old.titleLocation) with \(old.abstract.isEmpty ? "no" : "a different") abstract; kept what is there (edit that file to change it)",
                        at: entry.abstractLocation ?? entry.titleLocation))
            }
        }
        if !fresh.isEmpty || !filled.isEmpty {
            let currentData = try? Data(contentsOf: destination)
            let current = currentData.map {
                Self.filling(
                    Self.normalised(TextDecoding.decode(SourceFile(path: destination.path, data: $0)).text),
                    with: filled)
            }
            if let currentData, let encoding = Self.unusualEncoding(of: currentData) {
                diagnostics.append(
                    .warning(
                        "\(destination.lastPathComponent) \(encoding); it is rewritten as UTF-8 with LF line ends to add the new papers",
                        at: SourceLocation(path: destination.path, line: 1)))
            }
            let block = fresh.map { $0.abstract.isEmpty ? $0.title : "\($0.title)\n\n\($0.abstract)" }
                .joined(separator: "\n\n")
            let merged: String
            if let current {
                merged = fresh.isEmpty ? current : current + "\n" + block + "\n"
            } else {
                // Other files hold this day; start the canonical file with a date line.
                merged = "\(DayDate.monthNames[day.date.month - 1].prefix(3)) \(day.date.day)\n\n" + block + "\n"
            }
            let before = (current == nil ? [] : existing.filter { $0.titleLocation.path == destination.path }).map {
                filled[TitleKey($0.title).value] ?? $0
            }
            try write(merged, to: destination, expecting: before + fresh, date: day.date, source: start)
        }
        return Outcome(
            date: day.date, destination: destination, papers: day.entries.count, new: fresh.count,
            abstractsAdded: filled.count, created: false, diagnostics: diagnostics)
    }

    /// The papers already filed under `date`, from every dump below `dumps/` (as a build
    /// reads them, subfolders too) whose name carries that date, and those files.
    private func existingEntries(of date: DayDate) throws(BuildFailure) -> (entries: [DumpEntry], files: [URL]) {
        var entries: [DumpEntry] = []
        var files: [URL] = []
        for path in FolderWalk(dumps).files where path.hasSuffix(".txt") {
            let url = URL(fileURLWithPath: path)
            guard DumpParser.date(inFileName: url.deletingPathExtension().lastPathComponent) == date else { continue }
            guard let data = try? Data(contentsOf: url) else {
                throw BuildFailure(.error("cannot read \(url.path)", at: nil))
            }
            entries += DumpParser().parse(SourceFile(path: url.path, data: data)).day?.entries ?? []
            files.append(url)
        }
        return (entries, files)
    }

    /// Each title of `text` that `filled` has a paper for (by key), with that paper's
    /// abstract as the paragraph after it. `text` is normalised: paragraphs are apart by
    /// one blank line. The last paragraph of a title is taken, as titles follow the header.
    static func filling(_ text: String, with filled: [String: DumpEntry]) -> String {
        guard !filled.isEmpty else { return text }
        var paragraphs = text.dropLast().components(separatedBy: "\n\n")
        for (key, entry) in filled.sorted(by: { $0.key < $1.key }) {
            guard let at = paragraphs.lastIndex(where: { TitleKey($0).value == key }) else { continue }
            paragraphs.insert(entry.abstract, at: at + 1)
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// Writes `text` atomically after checking that it reads back as exactly `expected`:
    /// a merge that would lose or garble a paper is refused rather than written (the error
    /// at `source`, the dump being imported).
    private func write(
        _ text: String, to url: URL, expecting expected: [DumpEntry], date: DayDate, source: SourceLocation
    ) throws(BuildFailure) {
        let check = DumpParser().parse(SourceFile(path: url.path, text: text)).day
        let got = (check?.entries ?? []).map { [TitleKey($0.title).value, Self.squeezed($0.abstract)] }
        let want = expected.map { [TitleKey($0.title).value, Self.squeezed($0.abstract)] }
        guard check?.date == date, Set(want).isSubset(of: Set(got)) else {
            throw BuildFailure(
                .error(
                    "merged into \(url.path), its papers would read differently (a title or abstract taken for the other); nothing was written: add the new papers to that file by hand",
                    at: source))
        }
        let target = try Self.linkTarget(url)
        do {
            try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target, options: .atomic)
        } catch {
            throw BuildFailure(.error("cannot write \(url.path): \(errorReason(error))", at: nil))
        }
    }

    /// Where a day file that is a symbolic link points (dumps kept elsewhere, linked in):
    /// replaced in place, the link would become a copy, and the file it named would miss
    /// the new papers. Any other path is itself.
    private static func linkTarget(_ url: URL) throws(BuildFailure) -> URL {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return url }
        guard let resolved = realpath(url.path, nil) else {
            throw BuildFailure(.error("cannot write \(url.path): it is a broken symbolic link; nothing was written"))
        }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }

    /// LF line ends, no trailing spaces, no run of more than one blank line, one final newline.
    static func normalised(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        {
            let trimmed = line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            let clean = Substring(String(trimmed))
            if clean.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(clean)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a dump on disk differs from UTF-8 with LF line ends, which a merge writes.
    static func unusualEncoding(of data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return "was UTF-16" }
        if String(validating: data, as: UTF8.self) == nil { return "was not UTF-8 (read as Windows-1252)" }
        if data.contains(0x0D) { return "had CR or CRLF line ends" }
        return nil
    }

    /// Whitespace-insensitive comparison key for abstracts.
    private static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
