/// Tells a saved Daily Papers page from files that are not one (an HTML page saved by
/// mistake, binary data, an unrelated text) before any of it can become a paper.
enum DumpCheck {
    /// Why `text` is not a dump, with where it shows; nil when it may be one.
    static func problem(in text: String, path: String) -> Diagnostic? {
        let head = text.prefix(512).drop { $0.isWhitespace || $0 == "\u{FEFF}" }.lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") {
            return .error(
                "this is an HTML page, not a dump: open the Daily Papers page, select all, copy, and save the text as a .txt file",
                at: SourceLocation(path: path, line: 1))
        }
        // Text has no control characters but tabs and line ends; binary data is full of them.
        var line = 1
        var column = 1
        var count = 0
        var total = 0
        var first: SourceLocation?
        for scalar in text.unicodeScalars {
            total += 1
            let value = scalar.value
            if value == 0x0A {
                line += 1
                column = 1
                continue
            }
            if (value < 0x20 && value != 0x09 && value != 0x0D && value != 0x0C) || (0x7F...0x9F).contains(value)
                || value == 0xFFFD
            {
                count += 1
                if first == nil { first = SourceLocation(path: path, line: line, column: column) }
            }
            column += 1
        }
        if count > 8 && count * 200 > total {
            return .error(
                "this is binary data, not the text of a Daily Papers page (\(count) control characters; the first here)",
                at: first)
        }
        return nil
    }
}
