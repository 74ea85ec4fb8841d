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

    private static let starts: [[Unicode.Scalar]] = ["https://", "http://", "www.", "github.com/", "huggingface.co/"]
        .map { Array($0.unicodeScalars) }

    /// The URL starting exactly at `i`, if one does (at a word boundary).
    static func match(in s: [Unicode.Scalar], at i: Int, end: Int) -> Match? {
        let c = s[i]
        guard c == "h" || c == "w" || c == "g" else { return nil }
        if i > 0 && isURLCharacter(s[i - 1]) { return nil }
        guard
            starts.contains(where: { prefix in
                i + prefix.count <= end && s[i..<(i + prefix.count)].elementsEqual(prefix)
            })
        else { return nil }
        var j = i
        while j < end, !isTerminator(s[j]) { j += 1 }
        j = trimmedEnd(s, start: i, end: j)
        let raw = String(String.UnicodeScalarView(s[i..<j]))
        guard isPlausible(raw) else { return nil }
        let url = raw.hasPrefix("http://") || raw.hasPrefix("https://") ? raw : "https://" + raw
        return Match(end: j, url: url)
    }

    private static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || "<>\"{}\\|^`".unicodeScalars.contains(c)
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
