/// A subject papers are grouped under, as `topics.yml` defines it.
public struct Topic: Hashable, Sendable {
    public var name: String
    public var slug: String
    /// Markdown, shown at the top of the topic's pages.
    public var description: String
    /// Matched case-insensitively on word boundaries; a trailing `*` matches word prefixes
    /// (`adapter*` matches "adapters"), hyphens and spaces are interchangeable.
    public var phrases: [String]
    /// A paper mentioning any of these never joins the topic.
    public var exclude: [String]
    /// How many phrase mentions in the abstract make a paper join; a mention in the title
    /// always does.
    public var minMentions: Int

    public init(
        name: String, slug: String, description: String = "", phrases: [String], exclude: [String] = [],
        minMentions: Int = 2
    ) {
        self.name = name
        self.slug = slug
        self.description = description
        self.phrases = phrases
        self.exclude = exclude
        self.minMentions = minMentions
    }
}
