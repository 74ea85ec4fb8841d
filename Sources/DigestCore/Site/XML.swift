/// Escaping for XML text and attribute values (feeds, sitemap): HTML's escaping, after
/// dropping the characters XML 1.0 forbids, so none ever reaches a feed.
enum XML {
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return HTML.escape(text) }
        var allowed = ""
        allowed.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return HTML.escape(allowed)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || v >= 0x10000
    }
}
