/// Renders formulas as MathML Core, which browsers typeset natively without JavaScript.
///
/// Styled letters are already Unicode math alphanumerics (Core ignores most `mathvariant`);
/// single upright letters use `mathvariant="normal"`, the one value Core keeps.
enum MathMLRenderer {
    static func render(_ formula: MathFormula) -> String {
        var out = formula.display ? "<math display=\"block\">" : "<math>"
        appendItems(formula.root.items, to: &out)
        out += "</math>"
        return out
    }

    /// Renders `node` as exactly one element (wrapping rows in `<mrow>`).
    private static func appendElement(_ node: MathNode, to out: inout String) {
        let items = node.items
        if case .row = node, items.count != 1 {
            out += "<mrow>"
            appendItems(items, to: &out)
            out += "</mrow>"
        } else if case .row = node, let only = items.first {
            appendElement(only, to: &out)
        } else {
            appendNode(node, to: &out)
        }
    }

    /// Renders the items of a row, adding the invisible function application after `log`.
    private static func appendItems(_ items: [MathNode], to out: inout String) {
        for (i, item) in items.enumerated() {
            if i > 0, isFunction(item), !isOperatorOrOpening(items[i - 1]) {
                // `n log n`: TeX sets a thin space between a symbol and an operator name.
                out += "<mspace width=\"0.1667em\"></mspace>"
            }
            appendElement(item, to: &out)
            if isFunction(item), i + 1 < items.count, !isClosingOrPunctuation(items[i + 1]) {
                // Function application; and TeX's thin space before a bare operand (`log n`).
                out += "<mo>\u{2061}</mo>"
                if !isOpening(items[i + 1]) { out += "<mspace width=\"0.1667em\"></mspace>" }
            }
        }
    }

    private static func appendNode(_ node: MathNode, to out: inout String) {
        switch node {
        case .row:
            appendElement(node, to: &out)
        case .identifier(let name, let upright, _):
            let normal = upright && name.count == 1
            out += normal ? "<mi mathvariant=\"normal\">" : "<mi>"
            out += HTML.escape(name)
            out += "</mi>"
        case .number(let digits):
            out += "<mn>\(HTML.escape(digits))</mn>"
        case .op(let symbol, let kind):
            out += kind == .large ? "<mo largeop=\"true\">" : "<mo>"
            out += HTML.escape(symbol)
            out += "</mo>"
        case .text(let text, let bold):
            out += bold ? "<mtext style=\"font-weight:bold\">" : "<mtext>"
            out += HTML.escape(text)
            out += "</mtext>"
        case .scripts(let base, let sub, let sup):
            let tag = sub != nil && sup != nil ? "msubsup" : sub != nil ? "msub" : "msup"
            out += "<\(tag)>"
            appendElement(base, to: &out)
            if let sub { appendElement(sub, to: &out) }
            if let sup { appendElement(sup, to: &out) }
            out += "</\(tag)>"
        case .fraction(let numerator, let denominator):
            out += "<mfrac>"
            appendElement(numerator, to: &out)
            appendElement(denominator, to: &out)
            out += "</mfrac>"
        case .root(let radicand, let index):
            if let index {
                out += "<mroot>"
                appendElement(radicand, to: &out)
                appendElement(index, to: &out)
                out += "</mroot>"
            } else {
                out += "<msqrt>"
                appendItems(radicand.items, to: &out)
                out += "</msqrt>"
            }
        case .accent(let base, "_"):
            out += "<munder accentunder=\"true\">"
            appendElement(base, to: &out)
            out += "<mo>_</mo></munder>"
        case .accent(let base, let mark):
            out += "<mover accent=\"true\">"
            appendElement(base, to: &out)
            out += "<mo>\(HTML.escape(mark))</mo></mover>"
        }
    }

    static func isFunction(_ node: MathNode) -> Bool {
        switch node {
        case .identifier(_, _, let function): return function
        case .scripts(let base, _, _): return isFunction(base)
        default: return false
        }
    }

    private static func isOperatorOrOpening(_ node: MathNode) -> Bool {
        if case .op = node { return true }
        return isFunction(node)
    }

    private static func isOpening(_ node: MathNode) -> Bool {
        if case .op(_, .open) = node { return true }
        return false
    }

    private static func isClosingOrPunctuation(_ node: MathNode) -> Bool {
        if case .op(_, let kind) = node {
            return kind == .close || kind == .punctuation || kind == .relation || kind == .binary
        }
        return false
    }
}
