/// The English that damaged math is told apart from: words and phrases that look like
/// command names or symbols but are prose. One place, so recovery rules stay short and a
/// newcomer finds every word list by its name.
enum EnglishLexicon {
    /// `lambda functions`, `beta version`: Greek names that are English before these words.
    static let greekCollocations = [
        "lambda function", "lambda calculus", "lambda expression", "beta version", "beta release", "beta test",
        "alpha version", "alpha release", "alpha test", "alpha channel", "delta tuning", "delta-tuning",
        "beta distribution", "gamma distribution", "gamma correction", "omega model",
    ]

    /// `Phi families`, `Phi models`: a capitalised Greek name that names a product line.
    static let nameFamilies: Set<String> = [
        "family", "families", "model", "models", "series", "architecture", "architectures",
    ]

    /// Words that follow a capital and a hyphen in names, not in mathematics.
    static let hyphenNames: Set<String> = [
        "net", "nets", "ray", "rays", "cell", "cells", "learning", "learner", "spline", "splines", "score", "index",
        "star", "shaped", "shape", "mail", "commerce", "book", "type", "series", "bomb", "mode", "rank", "test",
        "tests", "value", "values", "statistic", "axis", "plane", "turn", "tuning", "tune", "bert", "gpt", "former",
    ]

    /// `pre-alpha`, `open-beta`: English prefixes before a Greek name.
    static let greekPrefixWords: Set<String> = [
        "pre", "post", "open", "closed", "public", "private", "early", "late", "non", "anti",
    ]

    /// Words that follow a symbol used as a noun: `matrices A and B`, `of A.`
    static let afterSymbol: Set<String> = [
        "and", "or", "is", "are", "was", "be", "has", "have", "of", "to", "in", "into", "with", "by", "as", "if",
        "then", "where", "which", "that", "its", "over", "under", "via", "for", "defines", "admits", "coincide",
        "coincides", "denotes", "satisfies",
    ]

    /// Two-letter words and acronyms that are not symbols (`nm` in `nm times nm` is).
    static let twoLetterWords: Set<String> = [
        "of", "to", "in", "is", "it", "be", "as", "at", "by", "or", "on", "an", "we", "if", "no", "so", "up", "do",
        "go", "me", "my", "he", "us", "am", "vs", "ie", "eg", "al", "id", "ok", "ai", "ml", "nn", "rl", "lm", "ir",
    ]

    /// Three-letter words that read as a letter fused with a relation (`a|ll`, `o|ne`,
    /// `a|ge`, `F|in`): words, never `a ≪`, `o ≠`, `F ∈`.
    static let shortWords: Set<String> = [
        "all", "ill", "one", "age", "ale", "bin", "din", "fin", "gin", "kin", "pin", "sin", "tin", "win", "yin",
    ]

    /// Function words: after `16 times` they end a phrase ("1.5 times the parameters").
    static func isFunctionWord(_ word: String) -> Bool {
        functionWords.contains(word.lowercased())
    }

    private static let functionWords: Set<String> = [
        "the", "a", "an", "as", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "than",
        "that", "this", "these", "those", "which", "per", "is", "are", "was", "were", "be", "its", "their", "over",
        "under", "into", "while", "when", "where", "but", "not", "so", "such",
    ]

    /// Unit letters after `mu` that make a micro unit after a number: `20 mum`, `5 mus`.
    static let microUnits: Set<String> = ["s", "m", "l", "L", "g", "A", "W", "V", "J", "F", "K", "M", "Hz", "mol"]

    /// Operator names that fuse two names (`ARleftrightarrowEN`), longest first, so that
    /// `leftrightarrow` wins over `rightarrow` and `otimes` over `times`.
    static let fusableOperators: [(name: String, symbol: String)] = [
        ("Leftrightarrow", "⇔"), ("leftrightarrow", "↔"), ("longrightarrow", "⟶"), ("Rightarrow", "⇒"),
        ("rightarrow", "→"), ("leftarrow", "←"), ("Leftarrow", "⇐"), ("mapsto", "↦"), ("otimes", "⊗"),
        ("oplus", "⊕"), ("times", "×"), ("cdot", "⋅"), ("to", "→"),
    ]
}
