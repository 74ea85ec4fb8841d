/// A run of non-blank lines, with whitespace tidied and where it started.
struct Paragraph: Sendable {
    let lines: [String]
    let location: SourceLocation
    /// The lines joined by single spaces.
    let text: String
    /// `text.count`, counted once: the parser asks for it several times per paragraph.
    let length: Int

    /// `isASCII`: every line is known to be ASCII without CR, so its length is its bytes.
    init(lines: [String], location: SourceLocation, isASCII: Bool = false) {
        self.lines = lines
        self.location = location
        let text = lines.count == 1 ? lines[0] : lines.joined(separator: " ")
        self.text = text
        self.length = isASCII ? text.utf8.count : text.characterCount
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
        // The paragraph being read: its lines, where it started, and whether all are ASCII.
        var current: (lines: [String], location: SourceLocation, isASCII: Bool)?
        func end() {
            if let (lines, location, isASCII) = current {
                paragraphs.append(Paragraph(lines: lines, location: location, isASCII: isASCII))
            }
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
            if let (tidy, isASCII) = Self.tidy(rawLine) {
                // The common case: printable ASCII, single spaces, nothing to clean.
                if current != nil {
                    current?.lines.append(tidy)
                    if !isASCII { current?.isASCII = false }
                } else {
                    current = ([tidy], SourceLocation(path: path, line: lineNumber, column: 1), isASCII)
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
                current?.isASCII = false
            } else {
                current = (
                    [String(decoding: cleaned, as: UTF8.self)],
                    SourceLocation(path: path, line: lineNumber, column: firstColumn), false
                )
            }
        }
        end()
        return paragraphs
    }

    /// Bidirectional embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// How each byte of a line is judged: 0 for printable ASCII but space, or else one of these.
    private static let lineByte: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x20: spaceByte
        case 0x21..<0x7F: 0
        case 0x80...: nonASCIIByte
        default: controlByte
        }
    }
    private static let spaceByte: UInt8 = 1
    private static let controlByte: UInt8 = 2
    private static let nonASCIIByte: UInt8 = 4

    /// The line itself when nothing in it needs cleaning (most lines of a dump): no control
    /// characters, no space but single ASCII spaces between words. With it, whether it is
    /// all ASCII; nil otherwise. Judged on its bytes through a table, without a branch
    /// per byte: a dump's lines are read once per build, all of them.
    private static func tidy(_ text: Substring) -> (String, isASCII: Bool)? {
        var text = text
        // OR of every byte's class, and whether two spaces follow each other.
        let (classes, doubleSpace, last) = text.withUTF8 { bytes -> (UInt8, Bool, UInt8) in
            Self.lineByte.withUnsafeBufferPointer { table in
                var classes: UInt8 = 0
                var double: UInt8 = 0
                var previous: UInt8 = 0x20
                for byte in bytes {
                    let kind = table[Int(byte)]
                    classes |= kind
                    double |= kind & table[Int(previous)] & spaceByte
                    previous = byte
                }
                return (classes, double != 0, previous)
            }
        }
        guard classes & controlByte == 0, !doubleSpace, last != 0x20 else { return nil }
        if classes & nonASCIIByte != 0 {
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                if ProseTokenizer.isSpace(scalar) || scalar.value <= 0x9F || isBidiControl(scalar) { return nil }
            }
            return (String(text), false)
        }
        return (String(text), true)
    }

    /// The bytes a line break can begin with.
    private static let mayBreak: [Bool] = (0...255).map { [0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2].contains($0) }

    /// Lines split at every Unicode line break (CR LF counts once): LF, VT, FF, CR, NEL
    /// (C2 85), LS and PS (E2 80 A8/A9), found byte by byte in the UTF-8.
    private static func lines(of text: String) -> [Substring] {
        var text = text
        // Byte offsets where each line starts and ends.
        var bounds: [(start: Int, end: Int)] = []
        text.withUTF8 { bytes in
            Self.mayBreak.withUnsafeBufferPointer { mayBreak in
                var start = 0
                var index = 0
                let count = bytes.count
                while index < count {
                    // Most bytes cannot begin a break: passed over eight at a time while none
                    // is below 0x0E, C2 or E2 (one test: they differ in one bit), then on one
                    // table look-up each.
                    if index + 8 <= count {
                        let word = ByteWord.load(bytes, at: index)
                        if !ByteWord.holdsBelow(word, 0x0E) && !ByteWord.holds(word, 0xC2, mask: 0xDF) {
                            index += 8
                            continue
                        }
                    }
                    if !mayBreak[Int(bytes[index])] {
                        index += 1
                        continue
                    }
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
        }
        // UTF-8 offsets become indices in constant time: `withUTF8` left the text native.
        let utf8 = text.utf8
        return bounds.map { bound in
            text[utf8.index(utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.end)]
        }
    }
}
