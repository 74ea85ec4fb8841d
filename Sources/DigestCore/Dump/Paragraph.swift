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
        var text = Substring(line)
        // Through a pointer: every line of every dump is checked.
        let (isTidy, hasNonASCII) = text.withUTF8 { bytes -> (Bool, Bool) in
            var previous: UInt8 = 0x20
            var hasNonASCII = false
            for byte in bytes {
                if byte >= 0x80 {
                    hasNonASCII = true
                    previous = byte
                    continue
                }
                guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return (false, false) }
                previous = byte
            }
            return (previous != 0x20, hasNonASCII)
        }
        guard isTidy else { return nil }
        if hasNonASCII {
            for scalar in line where scalar.value >= 0x80 {
                if ProseTokenizer.isSpace(scalar) || scalar.value <= 0x9F || isBidiControl(scalar) { return nil }
            }
        }
        return String(text)
    }

    /// Lines split at every Unicode line break (CR LF counts once), found on the UTF-8 bytes:
    /// much faster than splitting at `Character.isNewline`, which segments graphemes. The
    /// breaks are U+000A–U+000D, U+0085 (`C2 85`), U+2028 and U+2029 (`E2 80 A8`/`A9`).
    private static func lines(of text: String) -> [Substring.UnicodeScalarView] {
        var bytes = text
        let bounds = bytes.withUTF8 { bytes -> [Range<Int>] in
            var bounds: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                let length: Int
                switch bytes[index] {
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A: length = 2
                case 0x0A...0x0D: length = 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: length = 2
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    length = 3
                default:
                    index += 1
                    continue
                }
                bounds.append(start..<index)
                index += length
                start = index
            }
            bounds.append(start..<bytes.count)
            return bounds
        }
        let utf8 = text.utf8
        return bounds.map {
            text.unicodeScalars[
                utf8.index(
                    utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)]
        }
    }
}
