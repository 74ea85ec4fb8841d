/// How strongly a backslash-less command name in prose says "this is math".
enum ProseStrength: Comparable {
    /// An English word as well (`in`, `to`, `times`, `log`): math only between or before operands.
    case weak
    /// Greek letter names: math when standing alone, unless an English phrase (`lambda functions`).
    case greek
    /// Never English (`mathcal`, `varepsilon`, `leq`, `subseteq`): math on sight.
    case strong
}
