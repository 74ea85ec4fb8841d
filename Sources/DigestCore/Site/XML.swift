/// Escaping for XML text and attribute values (feeds, sitemap): HTML's escaping, after
/// dropping the characters XML 1.0 forbids, so none ever reaches a feed.
enum XML {
    static func escape(_ text: String) -> String {
        guard mayHoldForbidden(text), text.unicodeScalars.contains(where: { !isAllowed($0) }) else {
            return HTML.escape(text)
        }
        var allowed = ""
        allowed.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return HTML.escape(allowed)
    }

    /// A quick test on bytes: forbidden characters are C0 controls (but tab, LF, CR) and
    /// U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`), so text with neither a control byte nor `EF`
    /// has none. Read through a pointer: a feed's entries hold whole abstracts, and
    /// `utf8.contains` walks the view an index at a time.
    private static func mayHoldForbidden(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }
        }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || v >= 0x10000
    }
}
