/// What a LaTeX command name means, whether it arrives as `\leq` or, damaged, as `leq`.
enum MathCommand: Hashable, Sendable {
    /// A Greek letter; capitals are upright, as in TeX.
    case greek(String, upright: Bool)
    /// An ordinary symbol used like a variable: `∞`, `ℓ`, `⊤`, `∂`.
    case symbol(String)
    case op(String, MathOperatorClass)
    /// An operator name set upright: `log`, `exp`, `max`, `poly`.
    case function(String)
    case font(MathFont)
    /// A font switch inside a group: `{\bf 1}`.
    case fontSwitch(MathFont)
    case accent(String)
    case fraction
    case binomial
    case sqrt
    case text(bold: Bool)
    case operatorName
    /// `\big`, `\left`, `\right`: sizing that plain text and inline MathML do without.
    case sizing
    case space
    /// `\mkern-2mu`: spacing whose length follows and is dropped with it.
    case spaceWithLength
    case ignored
}

enum MathVocabulary {
    static func command(_ name: some StringProtocol) -> MathCommand? {
        table[String(name)]
    }

    static var allNames: [String] { table.keys.sorted() }

    /// Names that may hide inside a fused word (`Omegasubseteq`); `text` or `it` only make sense alone.
    static var splittableNames: [String] {
        table.compactMap { name, command in
            switch command {
            case .text, .fontSwitch, .ignored, .space, .operatorName: return nil
            case .spaceWithLength: return name == "mkern" ? name : nil
            default: return name
            }
        }.sorted()
    }

    private static let table: [String: MathCommand] = {
        var table: [String: MathCommand] = [:]
        let lowerGreek: [(String, String)] = [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"), ("varepsilon", "ε"),
            ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"),
            ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("omicron", "ο"),
            ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"),
            ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"), ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"),
            ("omega", "ω"), ("digamma", "ϝ"),
        ]
        for (name, letter) in lowerGreek { table[name] = .greek(letter, upright: false) }
        let upperGreek: [(String, String)] = [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
            ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
            ("varGamma", "𝛤"), ("varDelta", "𝛥"), ("varTheta", "𝛩"), ("varLambda", "𝛬"), ("varXi", "𝛯"),
            ("varPi", "𝛱"), ("varSigma", "𝛴"), ("varUpsilon", "𝛶"), ("varPhi", "𝛷"), ("varPsi", "𝛹"),
            ("varOmega", "𝛺"),
        ]
        for (name, letter) in upperGreek { table[name] = .greek(letter, upright: !name.hasPrefix("var")) }

        let symbols: [(String, String)] = [
            ("infty", "∞"), ("ell", "ℓ"), ("top", "⊤"), ("bot", "⊥"), ("partial", "∂"), ("nabla", "∇"),
            ("emptyset", "∅"), ("varnothing", "∅"), ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"),
            ("neg", "¬"), ("lnot", "¬"), ("prime", "′"), ("dagger", "†"), ("ddagger", "‡"), ("hbar", "ℏ"),
            ("aleph", "ℵ"), ("Re", "ℜ"), ("Im", "ℑ"), ("wp", "℘"), ("angle", "∠"), ("triangle", "△"),
            ("ldots", "…"), ("dots", "…"), ("cdots", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"), ("imath", "ı"),
            ("jmath", "ȷ"), ("sharp", "♯"), ("flat", "♭"), ("natural", "♮"), ("checkmark", "✓"),
            ("surd", "√"), ("Box", "□"), ("Bbbk", "𝕜"), ("diamond", "⋄"), ("clubsuit", "♣"), ("heartsuit", "♡"),
            ("circledR", "®"), ("circledS", "Ⓢ"), ("square", "□"), ("blacksquare", "■"), ("lozenge", "◊"),
        ]
        for (name, symbol) in symbols { table[name] = .symbol(symbol) }

        let relations: [(String, String)] = [
            ("leq", "≤"), ("le", "≤"), ("geq", "≥"), ("ge", "≥"), ("neq", "≠"), ("ne", "≠"), ("leqslant", "⩽"),
            ("geqslant", "⩾"), ("lesssim", "≲"), ("gtrsim", "≳"), ("ll", "≪"), ("gg", "≫"), ("sim", "∼"),
            ("simeq", "≃"), ("approx", "≈"), ("equiv", "≡"), ("cong", "≅"), ("propto", "∝"), ("asymp", "≍"),
            ("doteq", "≐"), ("in", "∈"), ("notin", "∉"), ("ni", "∋"), ("subset", "⊂"), ("subseteq", "⊆"),
            ("subsetneq", "⊊"), ("supset", "⊃"), ("supseteq", "⊇"), ("supsetneq", "⊋"), ("to", "→"),
            ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"), ("leftrightarrow", "↔"),
            ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"), ("longrightarrow", "⟶"),
            ("longleftarrow", "⟵"), ("Longrightarrow", "⟹"), ("implies", "⟹"), ("iff", "⟺"),
            ("mapsto", "↦"), ("dashrightarrow", "⇢"), ("dashleftarrow", "⇠"), ("longmapsto", "⟼"),
            ("hookrightarrow", "↪"), ("uparrow", "↑"), ("sqsubseteq", "⊑"), ("sqsupseteq", "⊒"),
            ("sqsubset", "⊏"), ("sqsupset", "⊐"), ("nsubseteq", "⊈"), ("nleq", "≰"), ("ngeq", "≱"),
            ("nequiv", "≢"), ("leftrightarrows", "⇆"), ("rightleftharpoons", "⇌"), ("Updownarrow", "⇕"),
            ("downarrow", "↓"), ("prec", "≺"), ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"),
            ("perp", "⊥"), ("parallel", "∥"), ("mid", "∣"), ("nmid", "∤"), ("models", "⊨"), ("vdash", "⊢"),
            ("dashv", "⊣"), ("coloneqq", "≔"), ("triangleq", "≜"), ("colon", ":"),
        ]
        for (name, symbol) in relations { table[name] = .op(symbol, .relation) }

        let binary: [(String, String)] = [
            ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("circ", "∘"),
            ("bullet", "∙"), ("star", "⋆"), ("ast", "∗"), ("oplus", "⊕"), ("ominus", "⊖"), ("otimes", "⊗"),
            ("odot", "⊙"), ("oslash", "⊘"), ("cap", "∩"), ("cup", "∪"), ("setminus", "∖"), ("wedge", "∧"),
            ("land", "∧"), ("vee", "∨"), ("lor", "∨"), ("sqcup", "⊔"), ("sqcap", "⊓"), ("uplus", "⊎"),
            ("amalg", "⨿"), ("bmod", "mod"),
        ]
        for (name, symbol) in binary { table[name] = .op(symbol, .binary) }

        let delimiters: [(String, String, MathOperatorClass)] = [
            ("langle", "⟨", .open), ("rangle", "⟩", .close), ("lfloor", "⌊", .open), ("rfloor", "⌋", .close),
            ("lceil", "⌈", .open), ("rceil", "⌉", .close), ("lvert", "|", .open), ("rvert", "|", .close),
            ("lVert", "‖", .open), ("rVert", "‖", .close), ("vert", "|", .ordinary), ("Vert", "‖", .ordinary),
            ("lbrace", "{", .open), ("rbrace", "}", .close), ("backslash", "∖", .ordinary),
        ]
        for (name, symbol, kind) in delimiters { table[name] = .op(symbol, kind) }

        let large: [(String, String)] = [
            ("sum", "∑"), ("prod", "∏"), ("coprod", "∐"), ("int", "∫"), ("iint", "∬"), ("oint", "∮"),
            ("bigcup", "⋃"), ("bigcap", "⋂"), ("bigoplus", "⨁"), ("bigotimes", "⨂"), ("bigvee", "⋁"),
            ("bigwedge", "⋀"), ("bigsqcup", "⨆"),
        ]
        for (name, symbol) in large { table[name] = .op(symbol, .large) }

        let functions = [
            "log", "ln", "lg", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan",
            "sinh", "cosh", "tanh", "max", "min", "sup", "inf", "lim", "limsup", "liminf", "arg", "argmax",
            "argmin", "det", "dim", "ker", "deg", "gcd", "lcm", "hom", "Pr", "mod", "poly", "polylog", "diag",
            "rank", "tr", "Tr", "softmax", "sign", "sgn", "Var", "Cov", "KL", "erf", "supp", "vol", "dist",
            "Span", "span", "Ber", "Bern", "Unif", "TV",
        ]
        for name in functions { table[name] = .function(name) }

        let fonts: [(String, MathFont)] = [
            ("mathcal", .calligraphic), ("mathscr", .calligraphic), ("mathbb", .doubleStruck),
            ("mathbf", .bold), ("boldsymbol", .boldItalic), ("bm", .boldItalic), ("mathfrak", .fraktur),
            ("mathsf", .sansSerif), ("mathtt", .monospace), ("mathit", .italic), ("mathrm", .roman),
            ("mathnormal", .italic), ("pmb", .bold),
        ]
        for (name, font) in fonts { table[name] = .font(font) }
        let switches: [(String, MathFont)] = [
            ("bf", .bold), ("cal", .calligraphic), ("rm", .roman), ("it", .italic), ("sf", .sansSerif),
            ("tt", .monospace), ("Bbb", .doubleStruck), ("frak", .fraktur),
        ]
        for (name, font) in switches { table[name] = .fontSwitch(font) }

        let accents: [(String, String)] = [
            ("hat", "^"), ("widehat", "^"), ("tilde", "~"), ("widetilde", "~"), ("bar", "¯"),
            ("overline", "¯"), ("vec", "→"), ("overrightarrow", "→"), ("dot", "˙"), ("ddot", "¨"),
            ("check", "ˇ"), ("breve", "˘"), ("acute", "´"), ("grave", "`"), ("mathring", "˚"),
            ("underline", "_"),
        ]
        for (name, mark) in accents { table[name] = .accent(mark) }

        for name in ["frac", "dfrac", "tfrac", "cfrac"] { table[name] = .fraction }
        for name in ["binom", "dbinom", "tbinom"] { table[name] = .binomial }
        table["sqrt"] = .sqrt
        for name in ["text", "textrm", "textit", "textsf", "texttt", "mbox", "textnormal", "hbox"] {
            table[name] = .text(bold: false)
        }
        table["textbf"] = .text(bold: true)
        table["operatorname"] = .operatorName
        for name in [
            "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
            "left", "right", "middle",
        ] {
            table[name] = .sizing
        }
        for name in ["quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "space"] {
            table[name] = .space
        }
        // `\mkern-2mu`, `\hspace{1em}`: spacing with a length to skip.
        for name in ["mkern", "mskip", "kern", "hspace", "hskip"] { table[name] = .spaceWithLength }
        for name in [
            "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber", "notag", "label",
        ] {
            table[name] = .ignored
        }
        return table
    }()
}
