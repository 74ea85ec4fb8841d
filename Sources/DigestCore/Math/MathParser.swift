/// Parses LaTeX math, intact or damaged, into a `MathNode` tree.
///
/// Tolerant by design: fused command names (`nLvarepsilon`), lost braces, lost `\frac`
/// (`1{2}`, `nk{m}`), operators in braces (`{to}`, `{=}`), sizing (`big`, `left`), scripts
/// with or without braces. It never fails: unknown input becomes identifiers or operators.
/// Nesting deeper than `maxDepth` is flattened, so the tree (and every renderer) stays
/// shallow and the work stays linear in the input.
struct MathParser {
    static let maxDepth = 24

    /// The tree, plus explicit commands it did not know (`\model`), for warnings.
    static func parse(_ source: String) -> (node: MathNode, unknown: [String]) {
        var parser = MathParser(tokens: MathLexer.tokens(source))
        let row = parser.parseRow(inGroup: false)
        return (Self.recoverBlackboard(row), parser.unknown)
    }

    private var tokens: [MathToken]
    private var index = 0
    private var depth = 0
    /// Braces opened past `maxDepth`, whose closing braces must be skipped too.
    private var flattened = 0
    private(set) var unknown: [String] = []
    /// The atom being parsed follows a relation: `in {15,25,50}` is a set there.
    private var afterRelation = false

    private init(tokens: [MathToken]) {
        self.tokens = tokens
    }

    /// Tokens to read before `tokens[index]`, last first: the pieces of a split word.
    /// (Splicing them into `tokens` would cost linear time per word.)
    private var pending: [MathToken] = []

    private var current: MathToken? { pending.last ?? (index < tokens.count ? tokens[index] : nil) }

    private func peek(_ offset: Int) -> MathToken? {
        if offset < pending.count { return pending[pending.count - 1 - offset] }
        let position = index + offset - pending.count
        return position < tokens.count ? tokens[position] : nil
    }

    private mutating func advance() {
        if pending.popLast() == nil { index += 1 }
    }

    /// Makes `inserted` the next tokens to read.
    private mutating func push(_ inserted: [MathToken]) {
        pending.append(contentsOf: inserted.reversed())
    }

    // MARK: Rows and atoms

    /// Parses atoms until the end, or until the `}` closing the current group.
    private mutating func parseRow(inGroup: Bool, font: MathFont? = nil) -> MathNode {
        var items: [MathNode] = []
        var spaced: [Bool] = []
        var font = font
        while let token = current {
            if token.isChar("}") {
                if flattened > 0 {
                    flattened -= 1
                    advance()
                    continue
                }
                if inGroup { break }
                advance()  // a stray closing brace: syntax only, nothing to show
                continue
            }
            if token.isChar("{") && depth >= Self.maxDepth {
                flattened += 1
                advance()
                continue
            }
            if let switched = Self.fontSwitch(token) {
                font = switched
                advance()
                continue
            }
            let space = token.spaceBefore && !items.isEmpty
            if token.isChar("^") || token.isChar("_") || token.isChar("'") {
                // Scripts attach to the previous atom; a second `^` on `a^b` (or a script at
                // the start) gets an empty base, so chains never nest.
                var base = MathNode.row([])
                if let last = items.last, !Self.hasScript(last, for: token) {
                    base = last
                    items.removeLast()
                    spaced.removeLast()
                }
                items.append(parseScripts(of: base))
                spaced.append(items.count > 1 ? space : false)
                continue
            }
            afterRelation = { if case .op(_, .relation)? = items.last { return true } else { return false } }()
            guard var atom = parseAtom() else { continue }
            if let font { atom = Self.apply(font, to: atom) }
            if case .op(_, .close) = atom, current?.isChar("^") == true || current?.isChar("_") == true,
                let open = Self.openingOfGroup(endingAt: items + [atom])
            {
                // `(log m)^{1/4}`: the script belongs to the whole bracketed group, not to `)`.
                let group = MathNode.row(Array(items[open...]) + [atom], spaced: Array(spaced[open...]) + [space])
                items.removeSubrange(open...)
                let groupSpace = spaced[open]
                spaced.removeSubrange(open...)
                items.append(parseScripts(of: group))
                spaced.append(groupSpace)
                continue
            }
            var scripted = parseScripts(of: atom)
            if case .scripts = scripted, let fraction = lostFraction(numerator: scripted) {
                scripted = fraction  // `rho_E{rho_{pi}}`: a lost `\frac{\rho_E}{\rho_\pi}`
            }
            items.append(scripted)
            spaced.append(space)
        }
        Self.collapseThinSpaceDots(&items, &spaced)
        return .row(items, spaced: spaced)
    }

    /// The index of the bracket opening the group that `items` ends with (`(`…`)`), if any.
    private static func openingOfGroup(endingAt items: [MathNode]) -> Int? {
        guard case .op(let close, .close)? = items.last, close == ")" || close == "]" else { return nil }
        var level = 0
        for k in items.indices.reversed() {
            guard case .op(_, let kind) = items[k] else { continue }
            if kind == .close { level += 1 }
            if kind == .open {
                level -= 1
                if level == 0 { return k }
            }
        }
        return nil
    }

    /// `i\,.\,.\,j` lost its backslashes and reads `i, ., ., j`: it is the range `i..j`.
    private static func collapseThinSpaceDots(_ items: inout [MathNode], _ spaced: inout [Bool]) {
        let pattern: [String] = [",", ".", ",", ".", ","]
        var i = 0
        while i + pattern.count <= items.count {
            let matches = (0..<pattern.count).allSatisfy { offset in
                if case .op(let symbol, _) = items[i + offset] { return symbol == pattern[offset] }
                return false
            }
            if matches {
                items.replaceSubrange(i..<(i + pattern.count), with: [.op("..", .ordinary)])
                spaced.replaceSubrange(i..<(i + pattern.count), with: [false])
            }
            i += 1
        }
    }

    /// One atom, or nil for tokens that only size or space things.
    private mutating func parseAtom() -> MathNode? {
        guard let token = current else { return nil }
        advance()
        switch token.kind {
        case .number(let digits):
            if let fraction = lostFraction(numerator: .number(digits)) { return fraction }
            // `7B`, `100M`: a quantity with its unit letter, upright.
            if let unit = current, !unit.spaceBefore, case .word(let letter) = unit.kind, letter.count == 1,
                "KMBT".contains(letter)
            {
                advance()
                return .row([.number(digits), .identifier(letter, upright: true)])
            }
            return .number(digits)
        case .word(let word):
            return parseWord(word, spaceBefore: token.spaceBefore)
        case .command(let name, let explicit):
            return parseCommand(name, explicit: explicit)
        case .char(let c):
            return parseChar(c)
        }
    }

    /// A run of letters: a command, fused commands and letters, or a multi-letter name.
    private mutating func parseWord(_ word: String, spaceBefore: Bool) -> MathNode? {
        if MathVocabulary.command(word) != nil {
            return parseCommand(word, explicit: false)
        }
        if let (prefix, command) = Self.fusedTextCommand(word), current?.isChar("{") == true {
            // `rhotext{SIM}`, `mutext{s}`: a symbol fused with the text command after it.
            push([
                MathToken(kind: .word(prefix), spaceBefore: spaceBefore),
                MathToken(kind: .command(command, explicit: false), spaceBefore: false),
            ])
            return parseAtom()
        }
        let pieces = WordSplitter.split(word) ?? []
        let commands = pieces.filter { !$0.isLetter }.count
        let letters = pieces.count - commands
        if commands > 0 && letters <= 3 && pieces.count <= 5 && !Self.isWordHidingCommands(word, pieces) {
            let expanded = pieces.enumerated().map { offset, piece -> MathToken in
                switch piece {
                case .command(let name): MathToken(kind: .command(name, explicit: false), spaceBefore: false)
                case .letter(let c): MathToken(kind: .word(String(c)), spaceBefore: false)
                }
            }
            var pieces = expanded
            if spaceBefore, !pieces.isEmpty { pieces[0].spaceBefore = true }
            push(pieces)
            return parseAtom()
        }
        // `nk{m}` is a lost `\frac{nk}{m}`: the whole word is the numerator.
        let letterNodes = word.map { MathNode.identifier(String($0)) }
        if word.count <= 2 || (word.count <= 4 && word.allSatisfy(\.isLowercase) && current?.isChar("{") == true) {
            if let fraction = lostFraction(numerator: letterNodes.count == 1 ? letterNodes[0] : .row(letterNodes)) {
                return fraction
            }
            if letterNodes.count == 1 { return letterNodes[0] }
            // Two letters are two variables (`nk`, `QK`); push the second back.
            let rest = word.dropFirst().map { MathToken(kind: .word(String($0)), spaceBefore: false) }
            push(rest)
            return letterNodes[0]
        }
        // `stack` (a lost `\text`), `Params`: words; `MHC`, `DET`: names.
        return word.contains(where: \.isLowercase) ? .text(word) : .identifier(word)
    }

    /// `rhotext` → (`rho`, `text`): a word ending in a text or font command name.
    static func fusedTextCommand(_ word: String) -> (String, String)? {
        for command in ["textbf", "textrm", "textit", "text", "mathrm", "mathbf", "mathcal", "mathbb", "mathsf"]
        where word.count > command.count && word.hasSuffix(command) {
            let prefix = String(word.dropLast(command.count))
            guard MathVocabulary.command(prefix) != nil || prefix.count == 1 else { return nil }
            return (prefix, command)
        }
        return nil
    }

    /// `link` (l, in, k), `title` (t, i, t, le), `multi` (mu, l, t, i): a word whose split has
    /// only English-looking command names and several stray letters is a word, not a product.
    /// Operator names fused with a letter (`nlog`, `mtimes`) still split.
    private static func isWordHidingCommands(_ word: String, _ pieces: [WordSplitter.Piece]) -> Bool {
        guard word.count >= 4 else { return false }
        // `Diff`, `Riff`: a capitalised word, not a letter fused with `iff`.
        if pieces.count == 2, case .letter(let c) = pieces[0], c.isUppercase, case .command(let name) = pieces[1],
            name == "iff"
        {
            return true
        }
        var letters = 0
        var functionsOnly = true
        for piece in pieces {
            switch piece {
            case .letter:
                letters += 1
            case .command(let name):
                switch MathVocabulary.proseStrength(name) {
                case .strong?: return false
                case .greek?:
                    if name.count >= 5 || name.first?.isUppercase == true { return false }
                    functionsOnly = false
                default:
                    if case .function? = MathVocabulary.command(name) {} else { functionsOnly = false }
                }
            }
        }
        return letters >= 2 && !functionsOnly
    }

    private mutating func parseCommand(_ name: String, explicit: Bool) -> MathNode? {
        guard let command = MathVocabulary.command(name) else {
            return parseSymbolCommand(name, explicit: explicit)
        }
        switch command {
        case .greek(let letter, let upright):
            return .identifier(letter, upright: upright)
        case .symbol(let symbol):
            return .identifier(symbol)
        case .op(let symbol, let kind):
            return .op(symbol, kind)
        case .function(let name):
            return .identifier(name, function: true)
        case .font(let font):
            guard let argument = parseArgument() else { return nil }
            return Self.apply(font, to: argument)
        case .fontSwitch(let font):
            return parseArgument().map { Self.apply(font, to: $0) }
        case .accent(let mark):
            guard let argument = parseArgument() else { return .op(mark, .ordinary) }
            return .accent(argument, mark)
        case .fraction:
            let numerator = parseArgument() ?? .row([])
            let denominator = parseArgument() ?? .row([])
            return .fraction(numerator, denominator)
        case .binomial:
            let top = parseArgument() ?? .row([])
            let bottom = parseArgument() ?? .row([])
            return .row([.op("(", .open), .fraction(top, bottom), .op(")", .close)])
        case .sqrt:
            var index: MathNode?
            if current?.isChar("[") == true {
                advance()
                index = parseUntilBracket()
            }
            return .root(parseArgument() ?? .row([]), index: index)
        case .text(let bold):
            return .text(readRawArgument(), bold: bold)
        case .operatorName:
            return .identifier(readRawArgument(), function: true)
        case .sizing:
            if current?.isChar(".") == true { advance() }  // `\left.`
            return nil
        case .space, .ignored:
            return nil
        case .spaceWithLength:
            skipLength()
            return nil
        }
    }

    /// Skips the length after `\mkern`: `-2mu`, `{1em}`, `3pt`.
    private mutating func skipLength() {
        if current?.isChar("{") == true {
            while let token = current, !token.isChar("}") { advance() }
            advance()
            return
        }
        if current?.isChar("-") == true || current?.isChar("+") == true { advance() }
        guard case .number? = current?.kind else { return }
        advance()
        if let unit = current, !unit.spaceBefore, case .word(let name) = unit.kind,
            ["mu", "em", "ex", "pt"].contains(name) || name.hasPrefix("mu")
        {
            if name.count > 2 {
                // `2muL`: the unit fused with what follows.
                advance()
                push([MathToken(kind: .word(String(name.dropFirst(2))), spaceBefore: false)])
            } else {
                advance()
            }
        }
    }

    /// `\{`, `\|`, `\,` and unknown commands.
    private mutating func parseSymbolCommand(_ name: String, explicit: Bool) -> MathNode? {
        switch name {
        case "{": return .op("{", .open)
        case "}": return .op("}", .close)
        case "|": return .op("‖", .ordinary)
        case ",", ";", ":", "!", " ", ">", "-": return nil
        case "%", "$", "#", "&", "_": return .op(name, .ordinary)
        case "\\": return nil
        default:
            if explicit { unknown.append(name) }
            return .identifier(name)
        }
    }

    private mutating func parseChar(_ c: Character) -> MathNode? {
        switch c {
        case "{":
            // `{to}`, `{=}`, `{+}`: braces around a lone operator just space it.
            let isSetPosition = afterRelation
            depth += 1
            let group = parseRow(inGroup: true)
            depth -= 1
            if current?.isChar("}") == true { advance() }
            if case .row(let items, _) = group, items.count == 1 {
                return items[0]
            }
            if isSetPosition, group.items.contains(.op(",", .punctuation)) {
                // `sigma in {15,25,50}`: a set whose `\{ \}` lost their backslashes.
                return .row([.op("{", .open)] + group.items + [.op("}", .close)])
            }
            return group
        case "(", "[": return .op(String(c), .open)
        case ")", "]": return .op(String(c), .close)
        case "+": return .op("+", .binary)
        case "-", "−":
            // `L_{1,2}-norm`: a hyphen joining an English word is not a minus.
            if c == "-", let next = current, !next.spaceBefore, case .word(let word) = next.kind, word.count >= 3,
                MathVocabulary.command(word) == nil, !(WordSplitter.split(word) ?? []).contains(where: { !$0.isLetter })
            {
                return .op("-", .ordinary)
            }
            return .op("−", .binary)
        case "*", "∗": return .op("∗", .binary)
        case "=", "<", ">": return .op(String(c), .relation)
        case ":": return .op(":", .relation)
        case ",", ";":
            // `3\,\mathrm{ms}`, `12\,\%` lost their backslash: a thin space, not a comma.
            if c == ",", let next = current, !next.spaceBefore, Self.isSpacingRemnantTarget(next) { return nil }
            return .op(String(c), .punctuation)
        case "!":
            // `x\!\in\!\{4,8\}`, `\sim\!10^3`: a negative thin space, not a factorial.
            if let next = current, !next.spaceBefore, !next.isChar("="), !next.isChar(")"), !next.isChar("!") {
                return nil
            }
            return .op("!", .ordinary)
        case "~", "&": return nil
        case "/", "|", ".", "?", "@", "#", "%", "$", "\"", "`": return .op(String(c), .ordinary)
        default:
            if let kind = Self.unicodeOperators[c] { return .op(String(c), kind) }
            if c.isLetter { return .identifier(String(c)) }
            if c.isNumber { return .number(String(c)) }
            return .op(String(c), .ordinary)
        }
    }

    // MARK: Arguments and scripts

    /// A command argument: a braced group, or the next single atom.
    private mutating func parseArgument() -> MathNode? {
        guard let token = current, depth < Self.maxDepth else { return nil }
        if token.isChar("}") { return nil }
        depth += 1
        defer { depth -= 1 }
        if token.isChar("{") {
            advance()
            let group = parseRow(inGroup: true)
            if current?.isChar("}") == true { advance() }
            return group
        }
        return parseAtom()
    }

    /// A script: a braced group, a whole number, a sign and a number, or one atom.
    private mutating func parseScriptArgument() -> MathNode? {
        guard let token = current else { return nil }
        if token.isChar("{"), let words = wordScript() { return .text(words) }
        if token.isChar("-") || token.isChar("+"), case .number(let digits) = peek(1)?.kind {
            advance()
            advance()
            return .row([.op(token.isChar("-") ? "−" : "+", .binary), .number(digits)])
        }
        if case .word(let word) = token.kind, MathVocabulary.command(word) == nil {
            if word.count >= 3, word.allSatisfy(\.isLowercase), word.contains(where: { "aeiou".contains($0) }),
                !(WordSplitter.split(word) ?? []).contains(where: Self.isStrongPiece)
            {
                // `Theta_post`, `J_proj`, `^per`: a lost `\text{…}`, one word.
                advance()
                return .text(word)
            }
            // `x_ij` in damaged text: only the first letter is the script, as in TeX.
            if word.count > 1, (WordSplitter.split(word)?.first).map({ $0.isLetter }) ?? false {
                advance()
                push([MathToken(kind: .word(String(word.dropFirst())), spaceBefore: false)])
                return .identifier(String(word.prefix(1)))
            }
            if word.count == 1 {
                // `rho_E{rho_{pi}}`: the braces after a one-letter script are a lost fraction's
                // denominator, of the whole scripted symbol (left to the row).
                advance()
                return .identifier(word)
            }
        }
        return parseArgument()
    }

    /// A command piece that is never English: `varepsilon`, `leq`, not `in`, `mu`.
    private static func isStrongPiece(_ piece: WordSplitter.Piece) -> Bool {
        guard case .command(let name) = piece else { return false }
        if case .strong? = MathVocabulary.proseStrength(name) { return true }
        if case .greek? = MathVocabulary.command(name) { return name.count >= 5 }
        return false
    }

    /// `_{link}`, `_{multi-modal}`, `^{per}`: a braced script that is one English word (or a
    /// hyphenated pair) hiding only weak command names; consumed and returned as text.
    private mutating func wordScript() -> String? {
        var offset = 1
        var text = ""
        while let token = peek(offset), !token.isChar("}") {
            if token.spaceBefore && offset > 1 { return nil }
            switch token.kind {
            case .word(let word):
                guard word.count >= 3, MathVocabulary.command(word) == nil else { return nil }
                guard !(WordSplitter.split(word) ?? []).contains(where: Self.isStrongPiece) else { return nil }
                text += word
            case .char("-") where !text.isEmpty:
                text += "-"
            default:
                return nil
            }
            offset += 1
        }
        guard peek(offset)?.isChar("}") == true, !text.isEmpty, !text.hasSuffix("-") else { return nil }
        for _ in 0...offset { advance() }
        return text
    }

    /// Applies `^`, `_` and primes that follow an atom.
    private mutating func parseScripts(of base: MathNode) -> MathNode {
        var base = base
        var sub: MathNode?
        var sup: MathNode?
        while let token = current {
            if token.isChar("'") || token.isChar("′") {
                advance()
                sup = Self.append(.op("′", .ordinary), to: sup)
                continue
            }
            let isSup = token.isChar("^")
            guard isSup || token.isChar("_") else { break }
            if depth >= Self.maxDepth {
                // Too deep to nest another script: the script's content stays in this row.
                advance()
                continue
            }
            if (isSup && sup != nil) || (!isSup && sub != nil) {
                // `a^b^c`: start a new, empty base rather than nesting without bound.
                base = .scripts(base: base, sub: sub, sup: sup)
                sub = nil
                sup = nil
                return base
            }
            advance()
            depth += 1
            let script = parseScriptArgument() ?? .row([])
            depth -= 1
            if isSup { sup = script } else { sub = script }
        }
        if sub == nil && sup == nil { return base }
        return .scripts(base: base, sub: sub, sup: sup)
    }

    /// `1{2}` → ½: a number or short name directly followed by a braced group.
    private mutating func lostFraction(numerator: MathNode) -> MathNode? {
        guard let open = current, open.isChar("{"), !open.spaceBefore, depth < Self.maxDepth else { return nil }
        // `{to}`, `{=}`, `{times}` are operators in braces, not denominators.
        if let inner = peek(1), peek(2)?.isChar("}") == true, Self.isOperatorToken(inner) { return nil }
        advance()
        depth += 1
        let denominator = parseRow(inGroup: true)
        depth -= 1
        if current?.isChar("}") == true { advance() }
        return .fraction(numerator, denominator)
    }

    /// Whether `node` already carries the script `token` would add.
    private static func hasScript(_ node: MathNode, for token: MathToken) -> Bool {
        guard case .scripts(_, let sub, let sup) = node else { return false }
        return token.isChar("_") ? sub != nil : sup != nil
    }

    /// `\bf` or damaged `bf` inside a group: `{bf 1}_n`.
    private static func fontSwitch(_ token: MathToken) -> MathFont? {
        switch token.kind {
        case .command(let name, _), .word(let name):
            if case .fontSwitch(let font) = MathVocabulary.command(name) { return font }
            return nil
        default:
            return nil
        }
    }

    /// What a thin space `\,` sits before in numbers: a unit in a font or text command, `%`.
    private static func isSpacingRemnantTarget(_ token: MathToken) -> Bool {
        switch token.kind {
        case .char(let c): return c == "%"
        case .command(let name, _), .word(let name):
            switch MathVocabulary.command(name) {
            case .font?, .text?: return true
            default: return false
            }
        case .number: return false
        }
    }

    private static func isOperatorToken(_ token: MathToken) -> Bool {
        switch token.kind {
        case .char(let c): return "+-=<>*/|:,".contains(c) || unicodeOperators[c] != nil
        case .command(let name, _), .word(let name):
            if case .op = MathVocabulary.command(name) { return true }
            return false
        case .number: return false
        }
    }

    /// The index of `\sqrt[3]{…}`, up to `]`.
    private mutating func parseUntilBracket() -> MathNode {
        var items: [MathNode] = []
        while let token = current, !token.isChar("]"), !token.isChar("}") {
            if let atom = parseAtom() { items.append(atom) }
        }
        if current?.isChar("]") == true { advance() }
        return items.count == 1 ? items[0] : .row(items)
    }

    /// The text of a `\text{…}` argument, spaces kept.
    private mutating func readRawArgument() -> String {
        guard current?.isChar("{") == true else {
            guard let token = current else { return "" }
            advance()
            return Self.text(of: token)
        }
        advance()
        var text = ""
        var level = 0
        while let token = current {
            advance()
            if token.isChar("{") {
                level += 1
            } else if token.isChar("}") {
                if level == 0 { break }
                level -= 1
            }
            if token.spaceBefore && !text.isEmpty { text += " " }
            if !token.isChar("{") && !token.isChar("}") { text += Self.text(of: token) }
        }
        return text
    }

    private static func text(of token: MathToken) -> String {
        switch token.kind {
        case .command(let name, _): return name.count == 1 ? name : ""
        case .word(let s), .number(let s): return s
        case .char(let c): return String(c)
        }
    }

    // MARK: Fixes on the tree

    private static func append(_ node: MathNode, to script: MathNode?) -> MathNode {
        guard let script else { return node }
        return .row(script.items + [node])
    }

    /// `\mathcal{O}` styles its letter; `mathcal{C_Phi/m}` (a lost `\sqrt` around it) styles
    /// only the first letter; `\mathrm{d}` sets letters upright.
    static func apply(_ font: MathFont, to node: MathNode) -> MathNode {
        switch node {
        case .identifier(let name, let upright, let function):
            if function { return node }
            if font == .roman { return .identifier(name, upright: true) }
            if font == .italic { return .identifier(name, upright: false) }
            return .identifier(font.apply(name), upright: upright)
        case .number(let digits):
            return .number(font == .roman || font == .italic ? digits : font.apply(digits))
        case .scripts(let base, let sub, let sup):
            // `\mathbf{Q^2}` is bold through its scripts; a letter alphabet (`mathcal{C_Phi}`)
            // styles the base only.
            guard font.coversWholeArgument else { return .scripts(base: apply(font, to: base), sub: sub, sup: sup) }
            return .scripts(
                base: apply(font, to: base), sub: sub.map { apply(font, to: $0) }, sup: sup.map { apply(font, to: $0) })
        case .row(let items, let spaced):
            let simple = items.allSatisfy {
                if case .identifier = $0 { return true }
                if case .number = $0 { return true }
                return false
            }
            if simple || font.coversWholeArgument { return .row(items.map { apply(font, to: $0) }, spaced: spaced) }
            guard let first = items.first else { return node }
            return .row([apply(font, to: first)] + items.dropFirst(), spaced: spaced)
        case .fraction(let numerator, let denominator) where font.coversWholeArgument:
            return .fraction(apply(font, to: numerator), apply(font, to: denominator))
        case .text(let text, let bold):
            // `\mathbf{Word}`: Unicode bold letters, as MathML Core shows them.
            guard font.coversWholeArgument, !bold else { return font == .bold ? .text(text, bold: true) : node }
            return .identifier(font.apply(text), upright: true)
        default:
            return node
        }
    }

    /// A bare `R` that lost its `\mathbb` is ℝ: after `∈` or `:`, around `→`, or raised to a
    /// dimension (`R^d`, `R^{m×n}`; not `R^2`, the coefficient of determination).
    static func recoverBlackboard(_ node: MathNode) -> MathNode {
        guard case .row(var items, let spaced) = node else { return node }
        for i in items.indices {
            let before = i > 0 ? items[i - 1] : nil
            let after = i + 1 < items.count ? items[i + 1] : nil
            let context = [before, after].contains { node in
                if case .op(let symbol, _)? = node { return symbol == "∈" || symbol == ":" || symbol == "→" }
                return false
            }
            items[i] = blackboard(items[i], context: context)
        }
        return .row(items, spaced: spaced)
    }

    private static func blackboard(_ node: MathNode, context: Bool) -> MathNode {
        switch node {
        case .identifier("R", false, false) where context:
            return .identifier("ℝ")
        case .scripts(.identifier("R", false, false), nil, let sup?):
            // A dimension has a letter in it (`R^d`, `R^{m×n}`); `R^{2}`, `R^*` are statistics.
            return containsLetter(sup) || context ? .scripts(base: .identifier("ℝ"), sub: nil, sup: sup) : node
        default:
            return node
        }
    }

    private static func containsLetter(_ node: MathNode) -> Bool {
        switch node {
        case .identifier(let name, _, _): return name.unicodeScalars.contains { ProseTokenizer.isLetter($0) }
        case .row(let items, _): return items.contains(where: containsLetter)
        case .scripts(let base, _, _): return containsLetter(base)
        default: return false
        }
    }

    static let unicodeOperators: [Character: MathOperatorClass] = [
        "≤": .relation, "≥": .relation, "≠": .relation, "∈": .relation, "∉": .relation, "⊆": .relation,
        "⊂": .relation, "→": .relation, "←": .relation, "↦": .relation, "≈": .relation, "∼": .relation,
        "≪": .relation, "≫": .relation, "≡": .relation, "∝": .relation, "⇒": .relation, "±": .binary,
        "×": .binary, "⋅": .binary, "·": .binary, "∘": .binary, "÷": .binary, "∪": .binary, "∩": .binary,
        "⊗": .binary, "⊕": .binary,
    ]
}
