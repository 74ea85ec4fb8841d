/// The prose side of the vocabulary: how much a command name, met without its backslash,
/// says "this is math". Lives with recovery, which is its only reader besides the splitter.
extension MathVocabulary {
    /// How a word met in prose counts as math evidence; nil for ordinary words.
    static func proseStrength(_ name: some StringProtocol) -> ProseStrength? {
        let name = String(name)
        guard let command = command(name) else { return nil }
        if weakInProse.contains(name) { return .weak }
        switch command {
        case .greek: return .greek
        case .function, .sizing: return .weak
        case .accent:
            return ["widehat", "widetilde", "overline", "underline", "overrightarrow", "mathring", "ddot"].contains(
                name)
                ? .strong : .weak
        case .symbol: return strongSymbols.contains(name) ? .strong : .weak
        case .font: return name.count >= 4 ? .strong : .weak
        case .fontSwitch, .space, .ignored: return nil
        case .spaceWithLength: return name == "mkern" ? .strong : nil
        default: return .strong
        }
    }

    /// Symbols whose names are never English words.
    private static let strongSymbols: Set<String> = [
        "infty", "nabla", "emptyset", "varnothing", "hbar", "aleph", "imath", "jmath", "ldots", "cdots", "vdots",
        "Bbbk",
        "ddots", "forall", "nexists", "ddagger", "circledR", "circledS", "blacksquare", "lozenge",
    ]

    /// Command names that are also English words or too short to trust alone.
    static let weakInProse: Set<String> = [
        "in", "to", "ni", "it", "mid", "times", "pm", "mp", "sim", "gg", "ll", "le", "ge", "ne", "circ", "star",
        "top", "bot", "cap", "cup", "wedge", "vee", "land", "lor", "div", "ast", "approx", "cong", "perp",
        "prime", "partial", "forall", "exists", "neg", "sum", "prod", "int", "oint", "bullet", "dots", "angle",
        "models", "iff", "implies", "gets", "Re", "Im", "succ", "prec", "text", "mbox", "sharp", "flat",
        "natural", "ell", "smile", "frown", "quad", "qquad", "colon", "vert", "Vert", "subset", "supset",
        "parallel", "triangle", "diamond", "dagger", "surd", "wp", "Box", "checkmark", "lnot", "bmod",
        "amalg", "uplus",
    ]
}
