/// A piece of formatted text: what an abstract or title becomes before it is rendered.
///
/// This is the seam between reading text and rendering it: the parser turns damaged LaTeX
/// and bare URLs into these values; the Markdown stage turns them into cmark nodes.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case smallCaps([Inline])
    case monospace(String)
    case link(url: String, [Inline])
    case math(MathFormula)
}

/// Text split into inline pieces; `plainText` is for places that allow no markup.
public struct RichText: Hashable, Sendable {
    public var inlines: [Inline]

    public init(_ inlines: [Inline]) {
        self.inlines = inlines
    }

    public var isEmpty: Bool { inlines.isEmpty }

    /// Unicode text for `<title>`, meta descriptions, feed titles, search and slugs.
    public var plainText: String {
        var result = ""
        Self.appendPlain(inlines, to: &result)
        return result
    }

    /// Every link target, in order of appearance, without repeats.
    public var links: [String] {
        var seen = Set<String>()
        var result: [String] = []
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let url, let children):
                    if seen.insert(url).inserted { result.append(url) }
                    walk(children)
                case .emphasis(let children), .strong(let children), .smallCaps(let children):
                    walk(children)
                case .text, .monospace, .math:
                    break
                }
            }
        }
        walk(inlines)
        return result
    }

    private static func appendPlain(_ inlines: [Inline], to result: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text), .monospace(let text):
                result += text
            case .emphasis(let children), .strong(let children), .smallCaps(let children), .link(_, let children):
                appendPlain(children, to: &result)
            case .math(let formula):
                result += formula.plainText
            }
        }
    }
}
