/// TeX's typography in prose: `--` → –, `---` → —, ``` ``x'' ``` and `''x''` → “x”,
/// `~` → no-break space, and a `bullet` that starts a list item → •.
enum Typography {
    static func apply(_ text: String) -> String {
        guard needsWork(text) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        var singleQuoteOpen = false
        func emit(_ replacement: String) { out.append(contentsOf: replacement.utf8) }
        while i < bytes.count {
            let c = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            switch c {
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                if i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: "-") {
                    emit("—")
                    i += 3
                } else {
                    emit("–")
                    i += 2
                }
            case UInt8(ascii: "`"):
                if next == UInt8(ascii: "`") {
                    emit("“")
                    i += 2
                } else {
                    emit("‘")
                    singleQuoteOpen = true
                    i += 1
                }
            case UInt8(ascii: "'") where singleQuoteOpen:
                emit("’")
                singleQuoteOpen = false
                i += 1
            case UInt8(ascii: "'") where next == UInt8(ascii: "'"):
                let before = i > 0 ? bytes[i - 1] : UInt8(ascii: " ")
                let opening =
                    before == UInt8(ascii: " ") || before == UInt8(ascii: "(") || before == UInt8(ascii: "[")
                    || before == UInt8(ascii: "{") || before == UInt8(ascii: "\t")
                emit(opening ? "“" : "”")
                i += 2
            case UInt8(ascii: "~"):
                // A tie is a no-break space; before a number `~` means "about" (`~3x`).
                if next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") { out.append(c) } else { emit("\u{00A0}") }
                i += 1
            case UInt8(ascii: "x") where htmlDash(bytes, at: i) != nil:
                emit(htmlDash(bytes, at: i) ?? "")
                i += 5
            case UInt8(ascii: "b") where isListBullet(bytes, at: i):
                emit("•")
                i += 6
            default:
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the text holds any of `--`, backticks, `''`, `~`, `bullet `, `x201`: most
    /// text has none. Each is looked for with `memchr`, many bytes at a time.
    private static func needsWork(_ text: String) -> Bool {
        markers.contains { text.containsBytes($0) }
    }

    private static let markers = ["`", "~", "--", "''", "bullet ", "x201"]

    /// `runx2014each`: an HTML entity that lost its `&#` and `;`, after a letter.
    private static func htmlDash(_ bytes: [UInt8], at i: Int) -> String? {
        guard i > 0, isLetter(bytes[i - 1]), i + 5 <= bytes.count, bytes[i + 1] == UInt8(ascii: "2"),
            bytes[i + 2] == UInt8(ascii: "0"), bytes[i + 3] == UInt8(ascii: "1")
        else { return nil }
        switch bytes[i + 4] {
        case UInt8(ascii: "4"): return "—"
        case UInt8(ascii: "3"): return "–"
        default: return nil
        }
    }

    /// `bullet On the positive side`: the word starting a sentence and followed by a capital.
    private static func isListBullet(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i + 7 < bytes.count, bytes[i..<(i + 6)].elementsEqual("bullet".utf8), bytes[i + 6] == UInt8(ascii: " "),
            bytes[i + 7] >= UInt8(ascii: "A"), bytes[i + 7] <= UInt8(ascii: "Z")
        else { return false }
        if i > 0, isLetter(bytes[i - 1]) { return false }
        var k = i - 1
        while k >= 0, bytes[k] == UInt8(ascii: " ") { k -= 1 }
        return k < 0 || ".:;)".utf8.contains(bytes[k])
    }

    /// ASCII letters, and any byte of a non-ASCII character (letters, for this purpose).
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 0x80
    }
}
