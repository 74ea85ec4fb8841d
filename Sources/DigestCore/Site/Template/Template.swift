/// A parsed Mustache template: text and tags as a tree, ready to render many times.
///
/// Supports what themes use: variables (escaped `{{x}}`, raw `{{{x}}}` and `{{&x}}`,
/// dotted names, `.`), sections and inverted sections, comments, partials (`{{>name}}`,
/// indented when standalone), layout inheritance (`{{<parent}}` with `{{$block}}`s) and
/// set-delimiter tags. Standalone tags take their whole line with them, as the spec says.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
        case partial(String, indent: String)
        case parent(String, blocks: [String: [Node]], indent: String)
        case block(String, [Node])
    }

    let nodes: [Node]
    /// Partials and parents this template names, with where, for checks and dependencies.
    public let references: [Reference]

    /// A `{{> partial}}` or `{{< parent}}` tag and where it stands.
    public struct Reference: Sendable {
        public var name: String
        public var isParent: Bool
        public var line: Int
        public var column: Int
    }

    public init(_ text: String) throws(TemplateError) {
        var parser = TemplateParser(text)
        (nodes, references) = try parser.parse()
    }
}

/// Where and why a template does not parse.
public struct TemplateError: Error, Sendable {
    public var message: String
    /// 1-based line and column of the tag at fault.
    public var line: Int
    public var column: Int
    /// The tag as written, e.g. `{{/dya}}`.
    public var tag: String
}
