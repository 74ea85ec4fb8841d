/// Finds bare URLs in prose, trimming the punctuation that ends the sentence around them.
///
/// `See https://github.com/a/b.` links `https://github.com/a/b`; a closing parenthesis is
/// part of the URL only when the URL opened it.
enum LinkDetector {
    struct Match {
        var range: Range<String.Index>
        var url: String
    }

    static func matches(in text: String) -> [Match] {
        var result: [Match] = []
        var index = text.startIndex
        while let start = nextCandidate(in: text, from: index) {
            var end = start
            while end < text.endIndex, !isTerminator(text[end]) {
                end = text.index(after: end)
            }
            end = trimmedEnd(text, start: start, end: end)
            let raw = String(text[start..<end])
            if isPlausible(raw) {
                let url = raw.hasPrefix("http://") || raw.hasPrefix("https://") ? raw : "https://" + raw
                result.append(Match(range: start..<end, url: url))
                index = end
            } else {
                index = text.index(after: start)
            }
        }
        return result
    }

    private static let schemes = ["https://", "http://", "www.", "github.com/", "huggingface.co/"]

    /// The start of the next `https://`, `www.` or well-known bare host, at a word boundary.
    private static func nextCandidate(in text: String, from: String.Index) -> String.Index? {
        var index = from
        while index < text.endIndex {
            let c = text[index]
            if c == "h" || c == "w" || c == "g" {
                let atBoundary = index == text.startIndex || !isURLCharacter(text[text.index(before: index)])
                if atBoundary {
                    let rest = text[index...]
                    if schemes.contains(where: { rest.hasPrefix($0) }) { return index }
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func isTerminator(_ c: Character) -> Bool {
        c.isWhitespace || c == "<" || c == ">" || c == "\"" || c == "{" || c == "}" || c == "\\" || c == "|"
            || c == "^" || c == "`"
    }

    private static func isURLCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "/" || c == "." || c == "-" || c == "_" || c == "@"
    }

    /// Drops trailing sentence punctuation and unbalanced closing brackets.
    private static func trimmedEnd(_ text: String, start: String.Index, end: String.Index) -> String.Index {
        var end = end
        while end > start {
            let last = text[text.index(before: end)]
            let body = text[start..<end]
            if ".,;:!?'*".contains(last) {
                end = text.index(before: end)
            } else if last == ")", body.filter({ $0 == ")" }).count > body.filter({ $0 == "(" }).count {
                end = text.index(before: end)
            } else if last == "]", body.filter({ $0 == "]" }).count > body.filter({ $0 == "[" }).count {
                end = text.index(before: end)
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
