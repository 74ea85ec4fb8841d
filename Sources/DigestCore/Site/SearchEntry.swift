/// What the built-in search index holds of one paper besides its title and link: the
/// summary a hit shows and the words it is found by. Both depend on the title and abstract
/// alone, so a build keeps them from one run to the next without reading the abstract.
public struct SearchEntry: Hashable, Sendable {
    public var summary: String
    /// Each distinct word of the title and abstract longer than one character, in order
    /// of first occurrence, separated by spaces: one string to keep, not a hundred.
    public var words: String

    public init(summary: String, words: String) {
        self.summary = summary
        self.words = words
    }

    public init(title: PaperText, abstract: PaperText) {
        let plain = abstract.plainText
        summary = SiteRenderer.summary(of: plain, limit: 180)
        words = Terms.distinctWords(title.plainText + " " + plain)
    }
}
