/// Questions about a text answered on its UTF-8 bytes, for the hot paths where
/// Foundation's or `Character`'s Unicode-aware answers cost many times more.
extension String {
    /// `count`, without grapheme breaking when the text is ASCII but CR (most words and
    /// dump lines are): then every character is one byte. (CR LF is one character.)
    var characterCount: Int {
        var bytes = self
        let simple = bytes.withUTF8 { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        return simple ? utf8.count : count
    }

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
