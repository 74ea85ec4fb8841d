/// Pairs the brackets of prose tokens, so that a group is judged as a whole and spans never
/// end between a bracket and its partner.
enum BracketMatcher {
    /// Pairs `(`/`)`, `[`/`]`, `{`/`}` with a stack; unmatched ones get -1.
    static func match(_ tokens: [ProseToken], _ scalars: [Unicode.Scalar]) -> [Int] {
        var match = Array(repeating: -1, count: tokens.count)
        var stack: [(Int, Unicode.Scalar)] = []
        for (k, token) in tokens.enumerated() where token.kind == .punct {
            let s = scalars[token.start]
            let open: Unicode.Scalar
            switch s {
            case "(", "[", "{":
                stack.append((k, s))
                continue
            case ")": open = "("
            case "]": open = "["
            case "}": open = "{"
            default: continue
            }
            do {
                let window = stack.indices.suffix(8)
                if let index = window.last(where: { stack[$0].1 == open }) {
                    let (start, _) = stack[index]
                    stack.removeSubrange(index...)
                    match[start] = k
                    match[k] = start
                }
            }
        }
        return match
    }
}
