/// Tells a saved Daily Papers page from files that are not one (an HTML page saved by
/// mistake, binary data, an unrelated text) before any of it can become a paper.
enum DumpCheck {
    /// The bytes a control character can begin with (a table: a dump's every byte is checked).
    private static let mayStartControl: [Bool] = (0...255).map { byte in
        (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x0C) || byte == 0x7F
            || byte == 0xC2 || byte == 0xEF
    }

    /// Whether the byte at `index`, one `mayStartControl` marks, starts a control: a C0
    /// control or DEL by itself, C2 before 80–9F (a C1 control), EF before BF BD (U+FFFD).
    private static func startsControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0xC2: index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xEF: index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD
        default: true
        }
    }

    /// Why `text` is not a dump, with where it shows; nil when it may be one.
    static func problem(in text: String, path: String) -> Diagnostic? {
        let head = text.prefix(512).drop { $0.isWhitespace || $0 == "\u{FEFF}" }.lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") {
            return .error(
                "this is an HTML page, not a dump: open the Daily Papers page, select all, copy, and save the text as a .txt file",
                at: SourceLocation(path: path, line: 1))
        }
        // Text has no control characters but tabs and line ends; binary data is full of them.
        // Counted over UTF-8 bytes: C0 controls, DEL, C1 controls (C2 80–9F) and U+FFFD (EF BF BD).
        var line = 1
        var column = 0
        var count = 0
        var first: SourceLocation?
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var text = text
        let total = text.utf8.count
        text.withUTF8 { bytes in
            // Most dumps hold no control: checked at once, without counting lines and
            // columns. A byte that may start one (a C2 before `°`, `±` or a no-break space, an
            // EF before a full-width letter, in many dumps) is judged with the bytes after it.
            let holdsControls = Self.mayStartControl.withUnsafeBufferPointer { table in
                bytes.indices.contains { index in
                    table[Int(bytes[index])] && Self.startsControl(bytes, at: index)
                }
            }
            guard holdsControls else { return }
            for byte in bytes {
                if byte & 0xC0 != 0x80 { column += 1 }
                let isControl: Bool
                switch byte {
                case 0x0A:
                    line += 1
                    column = 0
                    isControl = false
                case 0x09, 0x0C, 0x0D: isControl = false
                case 0..<0x20, 0x7F: isControl = true
                case 0x80...0x9F: isControl = previous == 0xC2
                case 0xBD: isControl = previous == 0xBF && beforePrevious == 0xEF
                default: isControl = false
                }
                if isControl {
                    count += 1
                    if first == nil { first = SourceLocation(path: path, line: line, column: column) }
                }
                beforePrevious = previous
                previous = byte
            }
        }
        if count > 8 && count * 200 > total {
            return .error(
                "this is binary data, not the text of a Daily Papers page (\(count) control characters; the first here)",
                at: first)
        }
        return nil
    }
}
