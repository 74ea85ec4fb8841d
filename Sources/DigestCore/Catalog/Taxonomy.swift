import Yams

/// The topics of a site: `topics.yml`, or the built-in taxonomy when there is none.
public struct Taxonomy: Sendable {
    public var topics: [Topic]
    /// Where papers matching no topic go.
    public var other: Topic

    public init(topics: [Topic], other: Topic = Taxonomy.defaultOther) {
        self.topics = topics
        self.other = other
    }

    /// The longest topic slug taken: a slug names a folder of the site.
    static let longestSlug = 100
    /// The longest phrase or exclusion a topic may list.
    static let longestPhrase = 200

    public static let defaultOther = Topic(
        name: "Other", slug: "other",
        description: "Papers that match none of the other topics.", phrases: [])

    /// The taxonomy shipped with PaperDigest (the same text as the demo `Content/topics.yml`).
    public static var builtIn: Taxonomy {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "<built-in topics.yml>", text: DefaultTaxonomy.yaml)
        return load(file, diagnostics: &diagnostics) ?? Taxonomy(topics: [])
    }

    /// Reads `topics.yml`. Returns nil, with errors naming `file:line`, when it is unusable.
    public static func load(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Taxonomy? {
        guard let yaml = YAMLFile(file, diagnostics: &diagnostics) else { return nil }
        let errorCount = diagnostics.errors.count
        var topicNodes = yaml.root?.sequence.map(Array.init)
        var other = defaultOther
        if let root = YAMLMapping(yaml.root, in: yaml, what: "topics.yml", diagnostics: &diagnostics) {
            root.warnUnknownKeys(known: ["topics", "other"], diagnostics: &diagnostics)
            topicNodes = root["topics"]?.sequence.map(Array.init)
            if let node = root["other"],
                let parsed = topic(node, in: yaml, requirePhrases: false, diagnostics: &diagnostics)
            {
                other = parsed
            }
        }
        guard let topicNodes else {
            diagnostics.append(
                .error("topics.yml should hold a list of topics (under 'topics:')", at: yaml.location(of: yaml.root)))
            return nil
        }
        var topics: [Topic] = []
        var slugs: [String: SourceLocation] = [:]
        for node in topicNodes {
            guard let topic = topic(node, in: yaml, requirePhrases: true, diagnostics: &diagnostics) else { continue }
            if topic.slug == other.slug {
                diagnostics.append(
                    .error(
                        "topic slug '\(topic.slug)' is reserved for the papers that match no topic; choose another",
                        at: yaml.location(of: node)))
                continue
            }
            if let first = slugs[topic.slug] {
                diagnostics.append(
                    .error(
                        "topic slug '\(topic.slug)' is used twice (first at line \(first.line))",
                        at: yaml.location(of: node)))
                continue
            }
            slugs[topic.slug] = yaml.location(of: node)
            topics.append(topic)
        }
        guard diagnostics.errors.count == errorCount else { return nil }
        return Taxonomy(topics: topics, other: other)
    }

    private static func topic(_ node: Node, in yaml: YAMLFile, requirePhrases: Bool, diagnostics: inout [Diagnostic])
        -> Topic?
    {
        guard let fields = YAMLMapping(node, in: yaml, what: "a topic", diagnostics: &diagnostics) else { return nil }
        fields.warnUnknownKeys(
            known: ["name", "slug", "description", "phrases", "exclude", "min_mentions"], diagnostics: &diagnostics)
        guard let name = fields.string("name", diagnostics: &diagnostics), !name.isEmpty else {
            diagnostics.append(.error("a topic needs a 'name'", at: yaml.location(of: node)))
            return nil
        }
        let slug = fields.string("slug", diagnostics: &diagnostics) ?? Slug.make(name)
        guard !slug.isEmpty, slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            diagnostics.append(
                .error("topic slug '\(slug)' should use only a-z, 0-9 and '-'", at: yaml.location(of: fields["slug"])))
            return nil
        }
        // A folder name: one far longer is refused by the file system only while writing.
        guard slug.count <= Self.longestSlug else {
            diagnostics.append(
                .error(
                    "topic slug '\(slug.prefix(40))…' is \(slug.count) characters long; keep it to \(Self.longestSlug)",
                    at: yaml.location(of: fields["slug"])))
            return nil
        }
        let phrases = fields.strings("phrases", diagnostics: &diagnostics) ?? []
        let exclude = fields.strings("exclude", diagnostics: &diagnostics) ?? []
        // Phrases are a few words. One YAML alias may repeat a long text any number of
        // times (`[*a, *a, …]`): 2,000 of 100 KB in a file of 106 KB took 2.8 GB to match.
        if let long = (phrases + exclude).first(where: { $0.count > Self.longestPhrase }) {
            diagnostics.append(
                .error(
                    "topic '\(name)' has a phrase of \(long.count) characters ('\(long.prefix(40))…'); phrases are words or short phrases, of at most \(Self.longestPhrase)",
                    at: yaml.location(of: fields[phrases.contains(long) ? "phrases" : "exclude"])))
            return nil
        }
        if requirePhrases && phrases.isEmpty {
            diagnostics.append(
                .warning("topic '\(name)' has no phrases, so no paper will join it", at: yaml.location(of: node)))
        }
        return Topic(
            name: name, slug: slug,
            description: fields.string("description", diagnostics: &diagnostics) ?? "",
            phrases: phrases,
            exclude: exclude,
            minMentions: fields.int("min_mentions", in: 1...100, diagnostics: &diagnostics) ?? 2)
    }
}
