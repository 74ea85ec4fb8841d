/// What reading one dump produced: the day (nil when the file has none) and what went wrong.
public struct DumpParseResult: Sendable {
    public var day: DumpDay?
    public var diagnostics: [Diagnostic]
}

/// Reads one saved Hugging Face Daily Papers page: header lines, a date line, then
/// alternating title and abstract paragraphs.
///
/// It never throws: every oddity becomes a diagnostic with `path:line:column`, and only a
/// file whose date cannot be known is an error.
public struct DumpParser: Sendable {
    /// The year for date lines without one, when the file name has no date (`year:` in site.yml).
    public var defaultYear: Int?
    /// When set (by `digest import`), a date line without a year takes the most recent year
    /// that does not put the day after this date, instead of `defaultYear`.
    public var latestDate: DayDate?
    /// When set (`digest import --year`), the year of every date, whatever else says.
    public var forcedYear: Int?

    public init(defaultYear: Int? = nil, latestDate: DayDate? = nil, forcedYear: Int? = nil) {
        self.defaultYear = defaultYear
        self.latestDate = latestDate
        self.forcedYear = forcedYear
    }

    public func parse(_ file: SourceFile) -> DumpParseResult {
        let (text, decodeDiagnostics) = TextDecoding.decode(file)
        var diagnostics = decodeDiagnostics
        if let problem = DumpCheck.problem(in: text, path: file.path) {
            return DumpParseResult(day: nil, diagnostics: diagnostics + [problem])
        }
        let paragraphs = Paragraph.split(text, path: file.path, diagnostics: &diagnostics)
        let fileStart = SourceLocation(path: file.path, line: 1)
        guard !paragraphs.isEmpty else {
            diagnostics.append(.warning("empty dump; nothing to read", at: fileStart))
            return DumpParseResult(day: nil, diagnostics: diagnostics)
        }

        // Header and date line.
        var index = 0
        var dateLine: (line: DateLine, location: SourceLocation)?
        var skipped: [Paragraph] = []
        while index < paragraphs.count, dateLine == nil, skipped.count < Self.maxLinesBeforeDate {
            let paragraph = paragraphs[index]
            index += 1
            if paragraph.lines.allSatisfy(DumpHeader.contains) { continue }
            if paragraph.lines.count == 1, let line = DateLine(paragraph.text) {
                dateLine = (line, paragraph.location)
            } else {
                skipped.append(paragraph)
            }
        }

        // Without a date line this is not a dump, or one whose first lines are damaged: taking
        // the date from the file name would make papers of whatever the file holds (`Foo 12`
        // and the title after it would become a paper).
        guard let dateLine else {
            let first = skipped.first.map { " (the first lines start with '\($0.text.prefix(40))')" } ?? ""
            diagnostics.append(
                .error(
                    "not a Daily Papers dump: no date line like 'Mar 12' before the papers\(first); if the page's date line was lost, add it above the first title",
                    at: skipped.first?.location ?? fileStart))
            return DumpParseResult(day: nil, diagnostics: diagnostics)
        }
        guard let date = resolveDate(dateLine, fileStem: file.stem, diagnostics: &diagnostics) else {
            return DumpParseResult(day: nil, diagnostics: diagnostics)
        }

        for paragraph in skipped {
            diagnostics.append(
                .warning(
                    "unexpected line before the date line, ignored: '\(paragraph.text.prefix(60))'",
                    at: paragraph.location))
        }
        let body = paragraphs[index...]

        let entries = Self.entries(in: Array(body), diagnostics: &diagnostics)
        if entries.isEmpty {
            diagnostics.append(.warning("dump for \(date) lists no papers", at: dateLine.location))
            return DumpParseResult(day: nil, diagnostics: diagnostics)
        }
        return DumpParseResult(
            day: DumpDay(date: date, entries: entries, sources: [file.path]), diagnostics: diagnostics)
    }

    /// A header is a handful of lines; past this many unknown ones the file is not a dump.
    static let maxLinesBeforeDate = 8

    /// Year from the file name (`fileStem`), else from the date line, else `defaultYear`.
    private func resolveDate(
        _ dateLine: (line: DateLine, location: SourceLocation), fileStem: String, diagnostics: inout [Diagnostic]
    ) -> DayDate? {
        let (line, location) = dateLine
        let nameDate = Self.date(inFileName: fileStem)
        if forcedYear == nil, let nameDate,
            nameDate.month != line.month || nameDate.day != line.day || (line.year.map { $0 != nameDate.year } ?? false)
        {
            diagnostics.append(
                .warning(
                    "date line says \(DayDate.monthNames[line.month - 1].prefix(3)) \(line.day) but the file name says \(nameDate); using the year from the file name and the day from the date line",
                    at: location))
        }
        let inferred = latestDate.flatMap { DayDate.mostRecent(month: line.month, day: line.day, notAfter: $0)?.year }
        guard let year = forcedYear ?? nameDate?.year ?? line.year ?? inferred ?? defaultYear else {
            // A name shaped like a date that is none (`2026-02-29`, `1899-03-01`) is why.
            let why = Self.datesShaped(inFileName: fileStem).first.map {
                "the file name's \($0) is not a date from the year 1900 on; "
            }
            diagnostics.append(
                .error(
                    "cannot tell the year of '\(DayDate.monthNames[line.month - 1].prefix(3)) \(line.day)': \(why ?? "")name the file YYYY-MM-DD.txt, write the year in the date line, or set 'year:' in site.yml",
                    at: location))
            return nil
        }
        guard let date = DayDate(year: year, month: line.month, day: line.day) else {
            diagnostics.append(
                .error("\(DayDate.monthNames[line.month - 1]) \(line.day), \(year) is not a date", at: location))
            return nil
        }
        return date
    }

    /// `2026-03-12.txt`, `dump-2026-03-12`, `2026-03-12-evening` all name a day; `20266-03-12`
    /// and `0026-03-12` do not (a year is four digits from 1900 on, as `year:` in site.yml).
    static func date(inFileName stem: String) -> DayDate? {
        datesShaped(inFileName: stem).lazy.compactMap { DayDate(iso: $0) }.first { $0.year >= 1900 }
    }

    /// The parts of `stem` shaped like `YYYY-MM-DD`, standing apart from other digits,
    /// whether or not they are dates.
    static func datesShaped(inFileName stem: String) -> [String] {
        let chars = Array(stem.utf8)
        guard chars.count >= 10 else { return [] }
        let isDigit = { (c: UInt8) in c >= 48 && c <= 57 }
        var found: [String] = []
        for start in 0...(chars.count - 10) {
            let candidate = chars[start..<(start + 10)]
            let shaped = candidate.enumerated().allSatisfy { offset, c in
                offset == 4 || offset == 7 ? c == 45 : isDigit(c)
            }
            let apart =
                (start == 0 || !isDigit(chars[start - 1])) && (start + 10 == chars.count || !isDigit(chars[start + 10]))
            if shaped, apart { found.append(String(decoding: candidate, as: UTF8.self)) }
        }
        return found
    }

    /// Pairs titles with abstracts, recovering when a title lacks its abstract.
    static func entries(in body: [Paragraph], diagnostics: inout [Diagnostic]) -> [DumpEntry] {
        var entries: [DumpEntry] = []
        var seen: [String: Int] = [:]
        var index = 0
        while index < body.count {
            let title = body[index]
            if title.looksLikeAbstract {
                diagnostics.append(
                    .warning("paragraph looks like an abstract but no title precedes it; skipped", at: title.location))
                index += 1
                continue
            }
            var abstract: Paragraph?
            if index + 1 < body.count {
                let candidate = body[index + 1]
                let next = index + 2 < body.count ? body[index + 2] : nil
                let candidateIsTitle =
                    candidate.looksLikeTitle && !candidate.looksLikeAbstract && (next?.looksLikeAbstract ?? true)
                if !candidateIsTitle { abstract = candidate }
            }
            if abstract == nil {
                diagnostics.append(
                    .warning("title without an abstract: '\(title.text.prefix(60))'", at: title.location))
            }
            let entry = DumpEntry(
                title: title.text, abstract: abstract?.text ?? "", titleLocation: title.location,
                abstractLocation: abstract?.location)
            let key = TitleKey(title.text).value
            if let earlier = seen[key] {
                diagnostics.append(
                    .warning(
                        "paper listed twice in this dump (first at line \(entries[earlier].titleLocation.line)); keeping one",
                        at: title.location))
                if entry.hasAbstract { entries[earlier].abstract = entry.abstract }
            } else {
                seen[key] = entries.count
                entries.append(entry)
            }
            index += abstract == nil ? 1 : 2
        }
        return entries
    }
}
