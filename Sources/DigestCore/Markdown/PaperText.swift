/// A title or abstract ready for pages: its HTML, its plain Unicode form and its links.
///
/// This is what the catalog keeps of a text: the parsed inline tree is dropped once these
/// are made, so a large archive holds strings, not trees.
public struct PaperText: Hashable, Sendable {
    public var html: String
    /// Unicode text for `<title>`, meta descriptions, feed titles, search and slugs.
    public var plainText: String
    /// Every link target, in order of appearance, without repeats.
    public var links: [String]

    public init(html: String, plainText: String, links: [String]) {
        self.html = html
        self.plainText = plainText
        self.links = links
    }

    public var isEmpty: Bool { plainText.isEmpty && html.isEmpty }

    /// Where a text stands on a page: titles render without the surrounding `<p>`.
    public enum Role: UInt8, Sendable {
        case title, abstract
    }

    /// Recovers the damaged LaTeX of a dump text and renders it through libcmark.
    public static func render(_ text: String, at location: SourceLocation?, role: Role) -> (PaperText, [Diagnostic]) {
        let (rich, diagnostics) = RichTextParser().parse(text, at: location)
        let html: String
        switch role {
        case .title: html = Markdown.html(inline: rich.inlines)
        case .abstract: html = rich.isEmpty ? "" : Markdown.html(paragraph: rich.inlines)
        }
        return (PaperText(html: html, plainText: rich.plainText, links: rich.links), diagnostics)
    }
}
