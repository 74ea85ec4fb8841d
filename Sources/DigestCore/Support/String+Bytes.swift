import Glibc

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
    /// slower on the long texts pages check. Candidates are found with `memchr` (a few
    /// bytes at once) rather than one byte at a time: most texts asked hold no match.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { text in
            needle.withUTF8 { needle in
                guard let first = needle.first, needle.count <= text.count, let base = text.baseAddress,
                    let needleBase = needle.baseAddress
                else { return false }
                let last = base + (text.count - needle.count)
                var start = base
                while start <= last,
                    let found = memchr(start, Int32(first), last - start + 1)?.assumingMemoryBound(to: UInt8.self)
                {
                    if memcmp(found, needleBase, needle.count) == 0 { return true }
                    start = UnsafePointer(found) + 1
                }
                return false
            }
        }
    }

    /// Whether the text's UTF-8 is `bytes`: `utf8.elementsEqual` walks the view one index
    /// at a time, a hundred times slower on the words a search index tells apart.
    func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        var text = self
        return text.withUTF8 { text in
            guard let base = text.baseAddress, let other = bytes.baseAddress else { return true }
            return memcmp(base, other, bytes.count) == 0
        }
    }
}
