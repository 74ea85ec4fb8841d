extension String {
    /// Whether `needle` (not empty) occurs in the text, matched byte for byte on UTF-8:
    /// Foundation's `contains` goes through UTF-16 and a Unicode-aware search, many times
    /// slower on the long texts pages check.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { text in
            needle.withUTF8 { needle in
                guard let first = needle.first, needle.count <= text.count else { return false }
                var start = 0
                while start <= text.count - needle.count {
                    if text[start] == first {
                        var offset = 1
                        while offset < needle.count && text[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
