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
        withUTF8Bytes { text in needle.withUTF8Bytes { text.contains(bytes: $0) } }
    }

    /// Calls `body` with the text's UTF-8, read in place: `withUTF8` needs a copy of the
    /// string to mutate, and each copy retains and releases its storage (two atomic
    /// operations), at millions of calls a build. Copied only if not stored as UTF-8.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// The parts one after another, copied into a string allocated once at its size: links
    /// are put together for every page that shows a paper, and appending the parts to a
    /// string (even one reserved) cost over a thousand instructions each time.
    static func joined(_ first: String, _ second: String, _ third: String = "", _ fourth: String = "") -> String {
        let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            // Each copy returns where the next begins: a `var` the copies changed, captured
            // by their closures, was checked for exclusive access (a call into the runtime)
            // at every part.
            func copy(_ part: String, at end: Int) -> Int {
                part.withUTF8Bytes { bytes in
                    guard let base = bytes.baseAddress, let target = buffer.baseAddress else { return end }
                    (target + end).update(from: base, count: bytes.count)
                    return end + bytes.count
                }
            }
            return copy(fourth, at: copy(third, at: copy(second, at: copy(first, at: 0))))
        }
    }

    /// Whether the text's UTF-8 is `bytes`: `utf8.elementsEqual` walks the view one index
    /// at a time, a hundred times slower on the words a search index tells apart.
    func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        return withUTF8Bytes { $0.hasSameBytes(as: bytes) }
    }

    /// Whether the text sorts before `other` in UTF-16 order (JavaScript's string order),
    /// compared on UTF-8 bytes: `utf16.lexicographicallyPrecedes` walks both views a code
    /// unit at a time. Byte order is code point order, which is UTF-16 order but where a
    /// character from U+10000 up (four bytes, lead byte F0–F4) meets one from U+E000 to
    /// U+FFFF (lead byte EE or EF): UTF-16 writes the first with surrogates, which sort lower.
    func precedesInUTF16Order(_ other: String) -> Bool {
        var (text, other) = (self, other)
        return text.withUTF8 { left in
            other.withUTF8 { right in
                let common = Swift.min(left.count, right.count)
                var index = 0
                while index < common && left[index] == right[index] { index += 1 }
                guard index < common else { return left.count < right.count }
                let (a, b) = (left[index], right[index])
                if a >= 0xF0 && (b == 0xEE || b == 0xEF) { return true }
                if b >= 0xF0 && (a == 0xEE || a == 0xEF) { return false }
                return a < b
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes, compared with `memcmp`: `elementsEqual` goes one
    /// element at a time through generic code, and the words compared number millions.
    func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard let base = baseAddress, let otherBase = other.baseAddress else { return true }
        return memcmp(base, otherBase, count) == 0
    }

    /// Whether `needle` (not empty) occurs in these bytes (`String.containsBytes`).
    func contains(bytes needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= count, let base = baseAddress,
            let needleBase = needle.baseAddress
        else { return false }
        let last = base + (count - needle.count)
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
