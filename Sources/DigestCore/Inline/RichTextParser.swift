/// Turns a title or abstract as found in a dump into `RichText`: damaged and surviving
/// LaTeX becomes math and formatting, bare URLs become links, and everything else stays
/// literal text, so nothing in the input can turn into markup by accident.
public struct RichTextParser: Sendable {
    public init() {}

    public func parse(_ text: String, at location: SourceLocation? = nil) -> (RichText, [Diagnostic]) {
        let (inlines, diagnostics) = ProseParser.parse(text, at: location)
        return (RichText(inlines), diagnostics)
    }
}
