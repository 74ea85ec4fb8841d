import Foundation

/// Renders formulas as plain Unicode for `<title>`, meta descriptions, feed titles and search:
/// `𝒪(d²)`, `1 ≤ p < 2`, `n¹⁺ᵒ⁽¹⁾`, `ℓₚ`, `½ − ε`, `∛(log n)`.
enum MathPlainRenderer {
    static func render(_ node: MathNode) -> String {
        render(node, inScript: false).precomposedStringWithCanonicalMapping
    }

    private static func render(_ node: MathNode, inScript: Bool) -> String {
        switch node {
        case .row(let items, let spaced):
            return renderRow(items, spaced: spaced, inScript: inScript)
        case .identifier(let name, _, _):
            return name
        case .number(let digits):
            return digits
        case .op(let symbol, _):
            return symbol
        case .text(let text, _):
            return text
        case .scripts(let base, let sub, let sup):
            var out = render(base, inScript: inScript)
            if let sub { out += script(sub, superscript: false) }
            if let sup { out += script(sup, superscript: true) }
            return out
        case .fraction(let numerator, let denominator):
            let top = render(numerator, inScript: inScript)
            let bottom = render(denominator, inScript: inScript)
            if let vulgar = vulgarFractions["\(top)/\(bottom)"] { return vulgar }
            return wrapped(numerator, top) + "/" + wrapped(denominator, bottom)
        case .root(let radicand, let index):
            let inner = wrapped(radicand, render(radicand, inScript: inScript))
            switch index.map({ render($0, inScript: true) }) {
            case nil: return "√" + inner
            case "3": return "∛" + inner
            case "4": return "∜" + inner
            case let other?: return script(.text(other), superscript: true) + "√" + inner
            }
        case .accent(let base, let mark):
            let text = render(base, inScript: inScript)
            guard let combining = combiningMarks[mark] else { return text + mark }
            return text + String(combining)
        }
    }

    /// Joins a row the way formulas are read aloud in text: relations and binary operators
    /// spaced, juxtaposed symbols together (`nk`, `QKᵀ`), function names set apart (`n log n`),
    /// a comma followed by a space. Source spaces do not matter, as in TeX, except after a
    /// leading relation (`≥ 175B` but `∼99%`).
    private static func renderRow(_ items: [MathNode], spaced: [Bool], inScript: Bool) -> String {
        var out = ""
        for (i, item) in items.enumerated() {
            let text = render(item, inScript: inScript)
            let previous = i > 0 ? items[i - 1] : nil
            if inScript {
                out += text
                continue
            }
            switch item {
            case .op(_, let kind) where kind == .relation || kind == .binary:
                let leading = previous.map { isOpen($0) || (kind == .relation && isOperator($0)) } ?? true
                if leading {
                    // Leading: `≥ 175B`, `∼99%`, `(≤ 11B)`.
                    out += text
                    if kind == .relation, i + 1 < items.count, i + 1 < spaced.count, spaced[i + 1] { out += " " }
                } else if kind == .binary && isPrefix(after: previous) {
                    out += text
                } else if i == items.count - 1 {
                    out += text  // `11.9×`: nothing follows
                } else {
                    trimSpace(&out)
                    out += " " + text + " "
                }
            case .op(_, .punctuation):
                trimSpace(&out)
                out += text + " "
            case .op(_, .close):
                trimSpace(&out)
                out += text
            default:
                if let previous, needsSpace(between: previous, and: item) { appendSpace(&out) }
                out += text
            }
        }
        trimSpace(&out)
        return out
    }

    private static func needsSpace(between previous: MathNode, and item: MathNode) -> Bool {
        if isOpen(previous) || isOperator(previous) { return false }
        if isOpen(item) { return false }
        if MathMLRenderer.isFunction(previous) { return true }
        if MathMLRenderer.isFunction(item) { return !isOrdinaryOp(previous) }
        return false
    }

    private static func isPrefix(after previous: MathNode?) -> Bool {
        guard let previous else { return true }
        if case .op(_, let kind) = previous { return kind != .close && kind != .ordinary }
        return false
    }

    private static func isOpen(_ node: MathNode) -> Bool {
        if case .op(_, .open) = node { return true }
        return false
    }

    private static func isOrdinaryOp(_ node: MathNode) -> Bool {
        if case .op(_, .ordinary) = node { return true }
        return false
    }

    private static func isOperator(_ node: MathNode) -> Bool {
        if case .op(_, let kind) = node { return kind == .relation || kind == .binary || kind == .punctuation }
        return false
    }

    private static func appendSpace(_ out: inout String) {
        if !out.isEmpty && !out.hasSuffix(" ") { out += " " }
    }

    private static func trimSpace(_ out: inout String) {
        while out.hasSuffix(" ") { out.removeLast() }
    }

    /// Parenthesises a fraction part or radicand that is more than one symbol.
    private static func wrapped(_ node: MathNode, _ text: String) -> String {
        if case .row(let items, _) = node, items.count > 1 {
            let juxtaposed = items.allSatisfy {
                if case .identifier(_, _, let function) = $0 { return !function }
                if case .number = $0 { return true }
                return false
            }
            return juxtaposed ? text : "(\(text))"
        }
        if case .fraction = node { return "(\(text))" }
        return text
    }

    /// `²`, `ₚ`, `ᵀ` when every character has a script form; else `^(…)` / `_…`.
    private static func script(_ node: MathNode, superscript: Bool) -> String {
        let text = render(node, inScript: true)
        if superscript {
            if text == "⊤" { return "ᵀ" }
            if text == "⋆" || text == "∗" || text == "*" { return "*" }
            if text.allSatisfy({ $0 == "′" }) { return text }
        }
        let table = superscript ? superscripts : subscripts
        var mapped = ""
        for c in text {
            guard let small = table[c] else {
                let marker = superscript ? "^" : "_"
                return text.count == 1 ? marker + text : "\(marker)(\(text))"
            }
            mapped.append(small)
        }
        return mapped
    }

    private static let superscripts: [Character: Character] = {
        var map: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "+": "⁺", "−": "⁻", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
            "α": "ᵅ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ", "ε": "ᵋ", "θ": "ᶿ", "ι": "ᶥ", "φ": "ᵠ", "χ": "ᵡ",
        ]
        let lower = Array("abcdefghijklmnoprstuvwxyz"), lowerSmall = Array("ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")
        for (c, small) in zip(lower, lowerSmall) { map[c] = small }
        let upper = Array("ABDEGHIJKLMNOPRTUVW"), upperSmall = Array("ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ")
        for (c, small) in zip(upper, upperSmall) { map[c] = small }
        return map
    }()

    private static let subscripts: [Character: Character] = {
        var map: [Character: Character] = [
            "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
            "+": "₊", "−": "₋", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
            "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "φ": "ᵩ", "χ": "ᵪ",
        ]
        let lower = Array("aehijklmnoprstuvx"), lowerSmall = Array("ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
        for (c, small) in zip(lower, lowerSmall) { map[c] = small }
        return map
    }()

    private static let vulgarFractions: [String: String] = [
        "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/5": "⅕", "2/5": "⅖", "3/5": "⅗",
        "4/5": "⅘", "1/6": "⅙", "5/6": "⅚", "1/7": "⅐", "1/8": "⅛", "3/8": "⅜", "5/8": "⅝", "7/8": "⅞",
        "1/9": "⅑", "1/10": "⅒",
    ]

    private static let combiningMarks: [String: Unicode.Scalar] = [
        "~": "\u{0303}", "^": "\u{0302}", "¯": "\u{0304}", "→": "\u{20D7}", "˙": "\u{0307}", "¨": "\u{0308}",
        "ˇ": "\u{030C}", "˘": "\u{0306}", "´": "\u{0301}", "`": "\u{0300}", "˚": "\u{030A}",
        "_": "\u{0332}",
    ]
}
