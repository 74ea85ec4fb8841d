/// A run of non-blank lines, with whitespace tidied and where it started.
struct Paragraph: Sendable {
    var lines: [String]
    var location: SourceLocation

    /// The lines joined by single spaces.
    var text: String { lines.joined(separator: " ") }

    /// Titles are short and do not end like a sentence.
    var looksLikeTitle: Bool {
        let text = self.text
        return text.count <= 300 && !text.hasSuffix(".")
    }

    /// Abstracts are long prose; the Daily Papers page shows at least a few sentences.
    var looksLikeAbstract: Bool {
        let text = self.text
        return text.count > 400 || (text.count > 150 && text.hasSuffix("."))
    }

    /// Splits text into paragraphs at blank lines. Tabs and runs of spaces become one space,
    /// control characters become spaces (with one warning per file).
    static func split(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        var warnedControl = false
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var cleaned = ""
            cleaned.reserveCapacity(rawLine.utf8.count)
            var firstColumn = 0
            var column = 0
            var pendingSpace = false
            for scalar in rawLine.unicodeScalars {
                column += 1
                var isSpace = ProseTokenizer.isSpace(scalar)
                if !isSpace && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
                    if !warnedControl {
                        warnedControl = true
                        diagnostics.append(
                            .warning(
                                "control character U+\(String(scalar.value, radix: 16, uppercase: true)) replaced by a space",
                                at: SourceLocation(path: path, line: lineNumber, column: column)))
                    }
                    isSpace = true
                }
                if isSpace {
                    pendingSpace = !cleaned.isEmpty
                    continue
                }
                if firstColumn == 0 { firstColumn = column }
                if pendingSpace { cleaned.append(" ") }
                pendingSpace = false
                cleaned.unicodeScalars.append(scalar)
            }
            if cleaned.isEmpty {
                if let paragraph = current { paragraphs.append(paragraph) }
                current = nil
            } else if current != nil {
                current?.lines.append(cleaned)
            } else {
                current = Paragraph(
                    lines: [cleaned], location: SourceLocation(path: path, line: lineNumber, column: firstColumn))
            }
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        return paragraphs
    }
}
