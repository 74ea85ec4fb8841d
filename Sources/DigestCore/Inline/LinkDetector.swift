/// Finds bare URLs in prose, trimming the punctuation that ends the sentence around them.
///
/// `See https://github.com/a/b.` links `https://github.com/a/b`; a closing parenthesis is
/// part of the URL only when the URL opened it.
enum LinkDetector {
    struct Match {
        /// Scalar offset just past the URL.
        var end: Int
        var url: String
    }

    private static func hasPrefix(_ s: [Unicode.Scalar], at i: Int, end: Int, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { bytes in
            guard i + bytes.count <= end else { return false }
            for (offset, byte) in bytes.enumerated() where s[i + offset].value != UInt32(byte) { return false }
            return true
        }
    }

    /// The URL starting exactly at `i`, if one does (at a word boundary).
    static func match(in s: [Unicode.Scalar], at i: Int, end: Int) -> Match? {
        let c = s[i]
        guard c == "h" || c == "w" || c == "g", i + 4 < end else { return nil }
        // The second letter rules out almost every word: http, www, github, huggingface.
        let second = s[i + 1]
        guard
            (c == "h" && (second == "t" || second == "u")) || (c == "w" && second == "w") || (c == "g" && second == "i")
        else { return nil }
        if i > 0 && isURLCharacter(s[i - 1]) { return nil }
        let isStart =
            switch c {
            case "h":
                hasPrefix(s, at: i, end: end, "https://") || hasPrefix(s, at: i, end: end, "http://")
                    || hasPrefix(s, at: i, end: end, "huggingface.co/")
            case "w": hasPrefix(s, at: i, end: end, "www.")
            default: hasPrefix(s, at: i, end: end, "github.com/")
            }
        guard isStart else { return nil }
        var j = i
        while j < end, !isTerminator(s[j]) { j += 1 }
        j = trimmedEnd(s, start: i, end: j)
        let raw = String(String.UnicodeScalarView(s[i..<j]))
        guard isPlausible(raw) else { return nil }
        let url = raw.hasPrefix("http://") || raw.hasPrefix("https://") ? raw : "https://" + raw
        return Match(end: j, url: url)
    }

    /// ASCII answered from a bit mask (every character of a URL is asked).
    private static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        guard c.isASCII else { return c.properties.isWhitespace }
        return (asciiTerminators >> UInt128(c.value)) & 1 != 0
    }

    /// Whitespace and `<>"{}\|^` and a backtick, as bits of their values.
    private static let asciiTerminators: UInt128 = (0..<128).reduce(0) { mask, value in
        let c = Unicode.Scalar(UInt8(value))
        return c.properties.isWhitespace || "<>\"{}\\|^`".unicodeScalars.contains(c) ? mask | (1 << value) : mask
    }

    private static func isURLCharacter(_ c: Unicode.Scalar) -> Bool {
        ProseTokenizer.isLetter(c) || ProseTokenizer.isDigit(c) || "/.-_@".unicodeScalars.contains(c)
    }

    /// Drops trailing sentence punctuation and unbalanced closing brackets.
    private static func trimmedEnd(_ s: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = s[end - 1]
            if ".,;:!?'*".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" || last == "]" {
                let open: Unicode.Scalar = last == ")" ? "(" : "["
                let body = s[start..<end]
                if body.filter({ $0 == last }).count > body.filter({ $0 == open }).count {
                    end -= 1
                } else {
                    break
                }
            } else {
                break
            }
        }
        return end
    }

    /// A host with a dot and something after the scheme.
    private static func isPlausible(_ raw: String) -> Bool {
        var rest = Substring(raw)
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") && !host.hasSuffix(".") && host.count >= 4
    }
}
