import Foundation

/// The HTML and plain forms of a paper's title and abstract, made once per build and
/// shared by every page that shows the paper.
struct RenderedPaper: Sendable {
    var titleHTML: String
    var titlePlain: String
    var abstractHTML: String
    /// The abstract as plain text (math in Unicode), for search and similarity.
    var abstractPlain: String
    /// About 160 characters of plain abstract, for meta descriptions.
    var summary: String

    init(_ paper: Paper) {
        titleHTML = Markdown.html(inline: paper.title.inlines)
        titlePlain = paper.title.plainText
        abstractHTML = paper.abstract.isEmpty ? "" : Markdown.html(paragraph: paper.abstract.inlines)
        abstractPlain = paper.abstract.plainText
        summary = Self.summary(of: abstractPlain)
    }

    static func summary(of text: String, limit: Int = 160) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
