import Foundation

/// Escaping for HTML text and attribute values: the one home of `&lt;` and friends (XML
/// and MathML use it too).
public enum HTML {
    /// Appends `text` escaped to a page made as bytes. Scans the UTF-8 bytes through a
    /// pointer (the five special characters are ASCII) and copies the runs between them
    /// whole, as most text has none.
    static func escape(_ text: String, into output: ByteBuffer) {
        text.withUTF8Bytes { escape($0, into: output) }
    }

    /// `escape` of UTF-8 bytes.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: ByteBuffer) {
        // Read once: a static is checked for its first use at every read.
        let special = specialBytes
        var runStart = 0
        var offset = 0
        while offset < bytes.count {
            // Eight bytes without one of the five are passed over at once.
            let end = min(offset + 8, bytes.count)
            if end - offset == 8, !mayHoldSpecial(ByteWord.load(bytes, at: offset)) {
                offset = end
                continue
            }
            for at in offset..<end where isSpecial(bytes[at], special) {
                guard let entity = entity(for: bytes[at]) else { continue }
                output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<at]))
                output.append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = at + 1
            }
            offset = end
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// The characters escaping replaces, all ASCII, and the same as bits of their values.
    private static let specials = "&<>\"'"
    private static let specialBytes: UInt64 = specials.utf8.reduce(0) { $0 | (1 << $1) }

    /// Whether one of eight bytes may be special: `"`, `&` or `'` (0x26 and 0x27, tested as
    /// one), `<` or `>` (0x3C and 0x3E, as one).
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        ByteWord.holds(word, 0x22) || ByteWord.holds(word, 0x26, mask: 0xFE) || ByteWord.holds(word, 0x3C, mask: 0xFD)
    }

    /// Whether `byte` is one of `specials` (`specialBytes`, passed in). They are all below
    /// 63 ('?', whose bit is clear), so any byte is told by one bit, with no branch on
    /// whether it is below 64: that is as unpredictable as the text, and missed often.
    private static func isSpecial(_ byte: UInt8, _ special: UInt64) -> Bool {
        (special >> UInt64(min(byte, 63))) & 1 != 0
    }

    /// What stands for `byte` in escaped text: one of the five special characters, all ASCII.
    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }

    /// The text an HTML fragment shows, as far as `escape` goes: tags dropped, the five
    /// entities read back (any other stays as written), white space at either end trimmed.
    /// The build cache keeps a text's plain form only when this does not give it: for most
    /// abstracts it does, and their plain form is half of what the cache holds.
    static func shownText(_ html: String) -> String {
        html.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { text in
                var count = 0
                var offset = 0
                while offset < bytes.count {
                    // The run up to the next tag or entity is copied whole.
                    let tag = firstIndex(of: 0x3C, in: bytes, from: offset, to: bytes.count)
                    let end = firstIndex(of: 0x26, in: bytes, from: offset, to: tag)
                    var run = bytes[offset..<end]
                    if count == 0 { run = run.drop(while: isSpace) }
                    _ = UnsafeMutableBufferPointer(rebasing: text[count..<(count + run.count)]).initialize(from: run)
                    count += run.count
                    offset = end
                    if offset == bytes.count { break }
                    if offset == tag {
                        offset = firstIndex(of: 0x3E, in: bytes, from: offset, to: bytes.count) + 1
                    } else if let (special, length) = entity(at: offset, in: bytes) {
                        text[count] = special
                        count += 1
                        offset += length
                    } else {
                        text[count] = 0x26
                        count += 1
                        offset += 1
                    }
                }
                while count > 0 && isSpace(text[count - 1]) { count -= 1 }
                return count
            }
        }
    }

    /// Where `byte` first is in `bytes[start..<end]`, or `end` (`memchr`: most of a text
    /// is long runs without it).
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> Int
    {
        guard start < end, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), end - start)
        else { return end }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A }

    /// The special character whose entity starts at `offset` (an `&`), and the entity's length.
    private static func entity(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        for special in specials.utf8 {
            guard let entity = entity(for: special) else { continue }
            let spelled = UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount)
            if bytes[offset...].starts(with: spelled) { return (special, spelled.count) }
        }
        return nil
    }

    /// `text` escaped; `text` itself when it has nothing to escape (most names and
    /// numbers MathML is made of), without copying it.
    public static func escape(_ text: String) -> String {
        let special = specialBytes
        guard text.withUTF8Bytes({ $0.contains { isSpecial($0, special) } }) else { return text }
        let output = ByteBuffer(capacity: text.utf8.count + 16)
        escape(text, into: output)
        return output.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}
