/// A formula found in an abstract or title: where it came from and its parsed tree.
public struct MathFormula: Hashable, Sendable {
    /// The text as found, e.g. `mathcal{O}(d^2)`.
    public var source: String
    public var root: MathNode
    /// `\[…\]` and `$$…$$` display on their own line.
    public var display: Bool

    public init(source: String, root: MathNode, display: Bool = false) {
        self.source = source
        self.root = root
        self.display = display
    }

    /// Parses damaged or intact LaTeX math.
    public init(parsing source: String, display: Bool = false) {
        self.init(source: source, root: MathParser.parse(source).node, display: display)
    }

    /// Unicode for places without markup: `𝒪(d²)`.
    public var plainText: String { MathPlainRenderer.render(root) }

    /// MathML Core: `<math><mi>𝒪</mi>…</math>`.
    public var mathML: String { MathMLRenderer.render(self) }
}
