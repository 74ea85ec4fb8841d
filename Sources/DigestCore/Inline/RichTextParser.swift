/// Turns a title or abstract as found in a dump into `RichText`.
///
/// Bare URLs become links; everything else stays literal text, so nothing in the input can
/// turn into markup by accident.
public struct RichTextParser: Sendable {
    public init() {}

    public func parse(_ text: String, at location: SourceLocation? = nil) -> (RichText, [Diagnostic]) {
        var inlines: [Inline] = []
        var cursor = text.startIndex
        for match in LinkDetector.matches(in: text) {
            if cursor < match.range.lowerBound {
                inlines.append(.text(String(text[cursor..<match.range.lowerBound])))
            }
            inlines.append(.link(url: match.url, [.text(String(text[match.range]))]))
            cursor = match.range.upperBound
        }
        if cursor < text.endIndex {
            inlines.append(.text(String(text[cursor...])))
        }
        return (RichText(inlines), [])
    }
}
