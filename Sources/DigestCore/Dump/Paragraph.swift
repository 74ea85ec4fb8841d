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
    /// control characters become spaces and bidirectional controls go (one warning per file each).
    static func split(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        // One warning per file for each kind of character dropped.
        var warned = Set<String>()
        func warnOnce(_ kind: String, _ scalar: Unicode.Scalar, _ fate: String, line: Int, column: Int) {
            guard warned.insert(kind).inserted else { return }
            diagnostics.append(
                .warning(
                    "\(kind) U+\(String(scalar.value, radix: 16, uppercase: true)) \(fate)",
                    at: SourceLocation(path: path, line: line, column: column)))
        }
        var lineNumber = 0
        for rawLine in lines(of: text) {
            lineNumber += 1
            if let tidy = Self.tidyASCII(rawLine) {
                // The common case: printable ASCII, single spaces, nothing to clean.
                if current != nil {
                    current?.lines.append(tidy)
                } else {
                    current = Paragraph(
                        lines: [tidy], location: SourceLocation(path: path, line: lineNumber, column: 1))
                }
                continue
            }
            var cleaned: [UInt8] = []
            var firstColumn = 0
            var column = 0
            var pendingSpace = false
            for scalar in rawLine {
                column += 1
                var isSpace = ProseTokenizer.isSpace(scalar)
                if !isSpace && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
                    warnOnce("control character", scalar, "replaced by a space", line: lineNumber, column: column)
                    isSpace = true
                }
                if isSpace {
                    pendingSpace = !cleaned.isEmpty
                    continue
                }
                // Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
                // would let a title show text in another order than it has, in pages and feeds.
                if isBidiControl(scalar) {
                    warnOnce("bidirectional control character", scalar, "removed", line: lineNumber, column: column)
                    continue
                }
                if firstColumn == 0 { firstColumn = column }
                if pendingSpace { cleaned.append(0x20) }
                pendingSpace = false
                if scalar.value < 0x80 {
                    cleaned.append(UInt8(scalar.value))
                } else if let encoded = UTF8.encode(scalar) {
                    cleaned.append(contentsOf: encoded)
                }
            }
            if cleaned.isEmpty {
                if let paragraph = current { paragraphs.append(paragraph) }
                current = nil
            } else if current != nil {
                current?.lines.append(String(decoding: cleaned, as: UTF8.self))
            } else {
                current = Paragraph(
                    lines: [String(decoding: cleaned, as: UTF8.self)],
                    location: SourceLocation(path: path, line: lineNumber, column: firstColumn))
            }
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        return paragraphs
    }

    /// The line itself when nothing in it needs cleaning (most lines of a dump): no control
    /// characters, no space but single ASCII spaces between words; nil otherwise.
    /// Bidirectional embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func tidyASCII(_ line: Substring.UnicodeScalarView) -> String? {
        let text = Substring(line)
        var previous: UInt8 = 0x20
        var hasNonASCII = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                hasNonASCII = true
                previous = byte
                continue
            }
            guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return nil }
            previous = byte
        }
        guard previous != 0x20 else { return nil }
        if hasNonASCII {
            for scalar in line where scalar.value >= 0x80 {
                if ProseTokenizer.isSpace(scalar) || scalar.value <= 0x9F || isBidiControl(scalar) { return nil }
            }
        }
        return String(text)
    }

    /// Lines split at every Unicode line break (CR LF counts once), scalar by scalar: much
    /// faster than splitting at `Character.isNewline`, which segments graphemes.
    private static func lines(of text: String) -> [Substring.UnicodeScalarView] {
        let scalars = text.unicodeScalars
        var lines: [Substring.UnicodeScalarView] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            switch scalars[index].value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                lines.append(scalars[start..<index])
                var next = scalars.index(after: index)
                if scalars[index] == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                }
                start = next
                index = next
            default:
                index = scalars.index(after: index)
            }
        }
        lines.append(scalars[start...])
        return lines
    }
}
