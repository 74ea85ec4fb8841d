/// TeX's typography in prose: `--` → –, `---` → —, ``` ``x'' ``` and `''x''` → “x”,
/// `~` → no-break space, and a `bullet` that starts a list item → •.
enum Typography {
    static func apply(to inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .text(let text): return .text(apply(text))
            case .emphasis(let children): return .emphasis(apply(to: children))
            case .strong(let children): return .strong(apply(to: children))
            case .smallCaps(let children): return .smallCaps(apply(to: children))
            case .link, .monospace, .math: return inline
            }
        }
    }

    static func apply(_ text: String) -> String {
        guard text.contains(where: { "-`'~bx".contains($0) }) else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        var singleQuoteOpen = false
        while i < chars.count {
            let c = chars[i]
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "-", next == "-" {
                if i + 2 < chars.count, chars[i + 2] == "-" {
                    out += "—"
                    i += 3
                } else {
                    out += "–"
                    i += 2
                }
            } else if c == "`", next == "`" {
                out += "“"
                i += 2
            } else if c == "`" {
                out += "‘"
                singleQuoteOpen = true
                i += 1
            } else if c == "'", singleQuoteOpen {
                out += "’"
                singleQuoteOpen = false
                i += 1
            } else if c == "'", next == "'" {
                let before = i > 0 ? chars[i - 1] : " "
                let opening = before.isWhitespace || "([{".contains(before)
                out += opening ? "“" : "”"
                i += 2
            } else if c == "~" {
                // A tie is a no-break space; before a number `~` means "about" (`~3x`).
                out += next?.isNumber == true ? "~" : "\u{00A0}"
                i += 1
            } else if c == "x", let dash = htmlDash(chars, at: i) {
                out += dash
                i += 5
            } else if c == "b", isListBullet(chars, at: i) {
                out += "•"
                i += 6
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// `runx2014each`: an HTML entity that lost its `&#` and `;`, between letters.
    private static func htmlDash(_ chars: [Character], at i: Int) -> String? {
        guard i > 0, chars[i - 1].isLetter, i + 5 <= chars.count else { return nil }
        switch String(chars[i..<(i + 5)]) {
        case "x2014": return "—"
        case "x2013": return "–"
        default: return nil
        }
    }

    /// `bullet On the positive side`: the word starting a sentence and followed by a capital.
    private static func isListBullet(_ chars: [Character], at i: Int) -> Bool {
        guard i + 7 < chars.count, String(chars[i..<(i + 6)]) == "bullet", chars[i + 6] == " ",
            chars[i + 7].isUppercase
        else { return false }
        var k = i - 1
        while k >= 0, chars[k] == " " { k -= 1 }
        return k < 0 || ".:;)".contains(chars[k])
    }
}
