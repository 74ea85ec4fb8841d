/// A run of non-blank lines, with whitespace tidied and where it started.
struct Paragraph: Sendable {
    let lines: [String]
    let location: SourceLocation
    /// The lines joined by single spaces.
    let text: String
    /// `text.count`, counted once: the parser asks for it several times per paragraph.
    let length: Int

    init(lines: [String], location: SourceLocation) {
        self.lines = lines
        self.location = location
        let text = lines.count == 1 ? lines[0] : lines.joined(separator: " ")
        self.text = text
        self.length = text.characterCount
    }

    /// Titles are short and do not end like a sentence.
    var looksLikeTitle: Bool {
        length <= 300 && !text.hasSuffix(".")
    }

    /// Abstracts are long prose; the Daily Papers page shows at least a few sentences.
    var looksLikeAbstract: Bool {
        length > 400 || (length > 150 && text.hasSuffix("."))
    }

    /// Splits text into paragraphs at blank lines. Tabs and runs of spaces become one space,
    /// control characters become spaces and bidirectional controls go (one warning per file each).
    static func split(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        // The paragraph being read: its lines and where it started.
        var current: (lines: [String], location: SourceLocation)?
        func end() {
            if let (lines, location) = current { paragraphs.append(Paragraph(lines: lines, location: location)) }
            current = nil
        }
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
                    current = ([tidy], SourceLocation(path: path, line: lineNumber, column: 1))
                }
                continue
            }
            var cleaned: [UInt8] = []
            var firstColumn = 0
            var column = 0
            var pendingSpace = false
            for scalar in rawLine.unicodeScalars {
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
                end()
            } else if current != nil {
                current?.lines.append(String(decoding: cleaned, as: UTF8.self))
            } else {
                current = (
                    [String(decoding: cleaned, as: UTF8.self)],
                    SourceLocation(path: path, line: lineNumber, column: firstColumn)
                )
            }
        }
        end()
        return paragraphs
    }

    /// The line itself when nothing in it needs cleaning (most lines of a dump): no control
    /// characters, no space but single ASCII spaces between words; nil otherwise.
    /// Bidirectional embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func tidyASCII(_ text: Substring) -> String? {
        var previous: UInt8 = 0x20
        var hasNonASCII = false
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes {
                if byte >= 0x80 {
                    hasNonASCII = true
                    previous = byte
                    continue
                }
                guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        }
        guard clean ?? false, previous != 0x20 else { return nil }
        if hasNonASCII {
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                if ProseTokenizer.isSpace(scalar) || scalar.value <= 0x9F || isBidiControl(scalar) { return nil }
            }
        }
        return String(text)
    }

    /// Lines split at every Unicode line break (CR LF counts once): LF, VT, FF, CR, NEL
    /// (C2 85), LS and PS (E2 80 A8/A9), found byte by byte in the UTF-8.
    private static func lines(of text: String) -> [Substring] {
        var text = text
        // Byte offsets where each line starts and ends.
        var bounds: [(start: Int, end: Int)] = []
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                var breakLength = 0
                switch bytes[index] {
                case 0x0A, 0x0B, 0x0C:
                    breakLength = 1
                case 0x0D:
                    breakLength = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                case 0xC2:
                    if index + 1 < count && bytes[index + 1] == 0x85 { breakLength = 2 }
                case 0xE2:
                    if index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9 {
                        breakLength = 3
                    }
                default:
                    break
                }
                guard breakLength > 0 else {
                    index += 1
                    continue
                }
                bounds.append((start, index))
                index += breakLength
                start = index
            }
            bounds.append((start, count))
        }
        // UTF-8 offsets become indices in constant time: `withUTF8` left the text native.
        let utf8 = text.utf8
        return bounds.map { bound in
            text[utf8.index(utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.end)]
        }
    }
}
