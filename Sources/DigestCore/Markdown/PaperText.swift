/// A title or abstract ready for pages: its HTML, its plain Unicode form and its links.
///
/// This is what the catalog keeps of a text: the parsed inline tree is dropped once these
/// are made, so a large archive holds strings, not trees.
public struct PaperText: Hashable, Sendable {
    public let html: String
    /// Unicode text for `<title>`, meta descriptions, feed titles, search and slugs.
    public let plainText: String
    /// Every link target, in order of appearance, without repeats.
    public let links: [String]
    /// A hash of all three, made once: what a build compares instead of hashing the texts of
    /// the whole archive again on every run.
    public let fingerprint: UInt64

    public init(html: String, plainText: String, links: [String]) {
        var print = Fingerprint()
        print.add(html)
        print.add(plainText)
        print.add(links.count)
        for link in links { print.add(link) }
        self.init(html: html, plainText: plainText, links: links, fingerprint: print.value)
    }

    /// A text remembered with its fingerprint (the build cache).
    init(html: String, plainText: String, links: [String], fingerprint: UInt64) {
        self.html = html
        self.plainText = plainText
        self.links = links
        self.fingerprint = fingerprint
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
