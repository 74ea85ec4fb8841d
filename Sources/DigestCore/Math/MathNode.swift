/// A typeset formula as a tree, independent of how it is rendered (MathML or plain Unicode).
///
/// The parser bounds the depth of this tree, so renderers may recurse freely.
public indirect enum MathNode: Hashable, Sendable {
    /// Juxtaposed pieces. `spaced[i]` tells whether the source had a space before `items[i]`;
    /// the plain renderer keeps it between symbols, MathML ignores it.
    case row([MathNode], spaced: [Bool])
    /// A variable or name: `n`, `𝒪`, `log`, `Params`. `upright` marks single letters that
    /// must not be italic (capital Greek, `\mathrm{d}`); `function` marks operator names.
    case identifier(String, upright: Bool = false, function: Bool = false)
    case number(String)
    case op(String, MathOperatorClass)
    /// Words inside math (`\text{stack}`); `bold` for `\textbf`.
    case text(String, bold: Bool = false)
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    case fraction(MathNode, MathNode)
    case root(MathNode, index: MathNode?)
    /// An accent over its base: `~` for tilde, `^` for hat, `¯` for bar.
    case accent(MathNode, String)

    /// A row of pieces with no spacing hints.
    public static func row(_ items: [MathNode]) -> MathNode {
        .row(items, spaced: Array(repeating: false, count: items.count))
    }

    /// The pieces of a row, or the node itself.
    var items: [MathNode] {
        if case .row(let items, _) = self { return items }
        return [self]
    }

    var isEmpty: Bool {
        if case .row(let items, _) = self { return items.isEmpty }
        return false
    }
}

/// How an operator behaves, which decides spacing: `1 ≤ p`, `−ε`, `f(x)`, `a, b`.
public enum MathOperatorClass: Hashable, Sendable {
    case relation
    case binary
    case punctuation
    case open
    case close
    /// No spacing of its own: `/`, `|`, `!`, `′`.
    case ordinary
    case large
}
