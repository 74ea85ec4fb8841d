import Foundation

/// Reads a title or abstract: surviving LaTeX (`\textit{…}`, `\'{n}`, `50\%`, `\url{…}`,
/// `\( … \)`, balanced `$…$`), bare URLs, and damaged math without delimiters (through
/// `MathSpanDetector`). Every input character ends up as text or inside math.
///
/// Works on Unicode scalars with integer positions, in one left-to-right pass; nesting of
/// styled groups is bounded, so hostile input cannot exhaust the stack.
struct ProseParser {
    static let maxDepth = 16

    private let s: [Unicode.Scalar]
    private let location: SourceLocation?
    private var diagnostics: [Diagnostic] = []
    /// For each `{`, its matching `}` (and back); -1 when unmatched.
    private let braces: [Int: Int]
    /// For each opening `$` of inline math, its closing `$`.
    private let dollars: [Int: Int]
    /// Where each two-character closer (`\)`, `\]`, `$$`) occurs, ascending.
    private let closers: [[Unicode.Scalar]: [Int]]

    static func parse(_ text: String, at location: SourceLocation?) -> ([Inline], [Diagnostic]) {
        var parser = ProseParser(text, location: location)
        let inlines = parser.parseText(0, until: parser.s.count, depth: 0)
        return (inlines, parser.diagnostics)
    }

    private init(_ text: String, location: SourceLocation?) {
        var seen = Set<UInt8>()
        s = Self.scalars(of: text, noting: &seen)
        self.location = location
        // Most abstracts have no braces, dollars or backslashes: then the tables stay empty.
        let hasBrace = seen.contains(UInt8(ascii: "{"))
        let hasDollar = seen.contains(UInt8(ascii: "$"))
        let hasBackslash = seen.contains(UInt8(ascii: "\\"))
        braces = hasBrace ? Self.matchBraces(s) : [:]
        dollars = hasDollar ? Self.matchDollars(s) : [:]
        var closers: [[Unicode.Scalar]: [Int]] = [:]
        if hasDollar || hasBackslash {
            for i in 0..<max(0, s.count - 1) where s[i] == "\\" || s[i] == "$" {
                let next = s[i + 1]
                if (s[i] == "\\" && (next == ")" || next == "]")) || (s[i] == "$" && next == "$") {
                    closers[[s[i], next], default: []].append(i)
                }
            }
        }
        self.closers = closers
    }

    /// The scalars of `text`, decoded straight from its UTF-8 (which Swift keeps valid).
    static func scalars(of text: String, noting seen: inout Set<UInt8>) -> [Unicode.Scalar] {
        var braces = false, dollars = false, backslashes = false
        defer {
            if braces { seen.insert(UInt8(ascii: "{")) }
            if dollars { seen.insert(UInt8(ascii: "$")) }
            if backslashes { seen.insert(UInt8(ascii: "\\")) }
        }
        return text.withUTF8Bytes { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                // Offsets stay below the text's length: added with `&+`, unchecked for overflow.
                var i = 0
                var n = 0
                while i < bytes.count {
                    // Eight ASCII bytes (most of a text) at once: widened as they are, and the
                    // three the parser needs to know of looked for in all eight together.
                    if i &+ 8 <= bytes.count {
                        let word = ByteWord.load(bytes, at: i)
                        if ByteWord.isASCII(word) {
                            for k in 0..<8 { buffer[n &+ k] = Unicode.Scalar(bytes[i &+ k]) }
                            braces = braces || ByteWord.holds(word, 0x7B)
                            dollars = dollars || ByteWord.holds(word, 0x24)
                            backslashes = backslashes || ByteWord.holds(word, 0x5C)
                            i &+= 8
                            n &+= 8
                            continue
                        }
                    }
                    let b0 = UInt32(bytes[i])
                    var value: UInt32
                    if b0 < 0x80 {
                        value = b0
                        i &+= 1
                        if b0 == 0x7B {
                            braces = true
                        } else if b0 == 0x24 {
                            dollars = true
                        } else if b0 == 0x5C {
                            backslashes = true
                        }
                    } else if b0 < 0xE0 {
                        value = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
                        i &+= 2
                    } else if b0 < 0xF0 {
                        value = (b0 & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
                        i &+= 3
                    } else {
                        value =
                            (b0 & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12
                            | UInt32(bytes[i &+ 2] & 0x3F) << 6 | UInt32(bytes[i &+ 3] & 0x3F)
                        i &+= 4
                    }
                    buffer[n] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    n &+= 1
                }
                count = n
            }
        }
    }

    // MARK: Text mode

    /// Parses `s[start..<end]` as prose.
    private mutating func parseText(_ start: Int, until end: Int, depth: Int, styled: Bool = false) -> [Inline] {
        var out = InlineBuilder()
        out.singleLetters = !styled
        var i = start
        while i < end {
            let c = s[i]
            if c == "\\" {
                i = parseBackslash(at: i, end: end, depth: depth, into: &out)
            } else if c == "$" {
                i = parseDollar(at: i, end: end, depth: depth, into: &out)
            } else if c == "{", let close = braces[i], close < end, let style = declaration(afterBrace: i) {
                let contentStart = style.contentStart
                let children =
                    depth < Self.maxDepth
                    ? parseText(contentStart, until: close, depth: depth + 1, styled: true)
                    : [.text(string(contentStart..<close))]
                out.append(contentsOf: Self.styled(style.style, children, plain: string(contentStart..<close)))
                i = close + 1
            } else if let url = LinkDetector.match(in: s, at: i, end: end) {
                out.append(.link(url: url.url, [.text(string(i..<url.end))]))
                i = skipURLRemnant(after: url.end, end: end)
            } else if ProseTokenizer.isLetter(c), i == start || !ProseTokenizer.isLetter(s[i - 1]),
                let command = bareCommand(at: i, end: end)
            {
                i = parseCommand(command, at: i, nameEnd: i + command.count, end: end, depth: depth, into: &out)
            } else {
                // Copy the run of ordinary characters up to the next one that may start something.
                let j = ordinaryRunEnd(after: i, end: end)
                out.raw(s[i..<j])
                i = j
            }
        }
        return out.finish()
    }

    /// Where the run of ordinary characters after `i` ends: at `end`, or at the next `\`,
    /// `$`, `{`, or word start that could be a URL (`http`, `huggingface`, `www`, `github`)
    /// or a command without its backslash (`textit{`, `emph{`, `url{`, `href{`,
    /// `unicode{`), told by its first two letters: a run of prose stopped at every `the`,
    /// `to` and `we` only to go on. Every character of a text passes here, judged by one
    /// table look-up unless it is one of those nine.
    private func ordinaryRunEnd(after i: Int, end: Int) -> Int {
        s.withUnsafeBufferPointer { s in
            Self.runStops.withUnsafeBufferPointer { stops in
                // Whether the character before `j` is a letter: a word start is told from the
                // table, without a branch at every letter that may start a construct.
                var afterLetter = ProseTokenizer.isLetter(s[i])
                var j = i + 1
                while j < end {
                    let value = s[j].value
                    guard value < 128 else {
                        afterLetter = ProseTokenizer.isLetter(s[j])
                        j += 1
                        continue
                    }
                    let kind = stops[Int(value)]
                    if kind & Self.alwaysStops != 0 { return j }
                    let wordStart = afterLetter ? 0 : kind & Self.mayStopAtWordStart
                    if wordStart != 0, j + 1 < s.count, Self.mayStartWord(s[j], second: s[j + 1]) { return j }
                    afterLetter = kind & Self.isLetter != 0
                    j += 1
                }
                return j
            }
        }
    }

    private static let alwaysStops: UInt8 = 1
    private static let mayStopAtWordStart: UInt8 = 2
    private static let isLetter: UInt8 = 4
    /// For each ASCII character, as bits: whether it ends a run of prose, whether it may
    /// end one at the start of a word, and whether it is a letter.
    private static let runStops: [UInt8] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        let letter = ProseTokenizer.isLetter(scalar) ? isLetter : 0
        switch scalar {
        case "\\", "$", "{": return alwaysStops
        case "h", "w", "g", "t", "e", "u": return mayStopAtWordStart | letter
        default: return letter
        }
    }

    /// Whether a word starting with `first` and `second` may be a link or a command.
    private static func mayStartWord(_ first: Unicode.Scalar, second: Unicode.Scalar) -> Bool {
        switch first {
        case "h": second == "t" || second == "u" || second == "r"
        case "w": second == "w"
        case "g": second == "i"
        case "t": second == "e"
        case "e": second == "m"
        default: second == "r" || second == "n"
        }
    }

    /// `\name`, `\'n`, `\%`, `\(`, `\[`.
    private mutating func parseBackslash(at i: Int, end: Int, depth: Int, into out: inout InlineBuilder) -> Int {
        guard i + 1 < end else {
            out.raw("\\")
            return i + 1
        }
        let next = s[i + 1]
        if ProseTokenizer.isLetter(next) && next.isASCII {
            var j = i + 1
            while j < end, s[j].isASCII, ProseTokenizer.isLetter(s[j]) { j += 1 }
            let name = string((i + 1)..<j)
            return parseCommand(name, at: i, nameEnd: j, end: end, depth: depth, into: &out)
        }
        if next == "(" || next == "[" {
            let closer: [Unicode.Scalar] = ["\\", next == "(" ? ")" : "]"]
            if let close = find(closer, from: i + 2, end: end) {
                out.append(.math(MathFormula(parsing: string((i + 2)..<close), display: next == "[")))
                return close + 2
            }
            out.raw(next)
            return i + 2
        }
        if let mark = TextCommands.accents[next] {
            return parseAccent(mark, argumentAt: i + 2, end: end, into: &out)
        }
        if TextCommands.escapedCharacters.contains(next) {
            out.literal(String(next))
            return i + 2
        }
        switch next {
        case "\\", ",", ";", ":", " ", "\n": out.raw(" ")
        case "-", "/", "!", "@": break
        default: out.raw(next)
        }
        return i + 2
    }

    /// A command name after `\` (or a damaged one without it, like `textit{`).
    private mutating func parseCommand(
        _ name: String, at i: Int, nameEnd: Int, end: Int, depth: Int, into out: inout InlineBuilder
    ) -> Int {
        if name.count == 1, let mark = TextCommands.accents[name.unicodeScalars.first ?? " "],
            nameEnd < end, s[nameEnd] == "{" || ProseTokenizer.isLetter(s[nameEnd])
        {
            return parseAccent(mark, argumentAt: nameEnd, end: end, into: &out)
        }
        if let style = TextCommands.styles[name], !TextCommands.declarations.contains(name) {
            guard let (contentStart, close) = bracedArgument(at: nameEnd, end: end) else {
                out.raw(contentsOf: name)
                return nameEnd
            }
            let scripted = i > 0 && (s[i - 1] == "_" || s[i - 1] == "^")
            if scripted || close + 1 < end && (s[close + 1] == "_" || s[close + 1] == "^")
                || startsOperator(at: close + 1, end: end)
            {
                // `texttt{FOO}_texttt{BAR}`, `textbf{10}times`: a text command with a script
                // or an operator fused after it is math.
                out.raw(contentsOf: name, forceMath: true)
                out.raw(s[nameEnd...close])
                return close + 1
            }
            let children =
                depth < Self.maxDepth
                ? parseText(contentStart, until: close, depth: depth + 1, styled: style != .plain)
                : [.text(string(contentStart..<close))]
            out.append(contentsOf: Self.styled(style, children, plain: string(contentStart..<close)))
            return close + 1
        }
        if name == "underline", let (contentStart, close) = bracedArgument(at: nameEnd, end: end) {
            // `\underline{\textbf{F}}ast`: the underlined letters of an acronym, drawn as in TeX.
            let text = Self.strippingCommands(string(contentStart..<close))
            guard !text.isEmpty else { return close + 1 }
            let root = MathNode.row([.accent(.text(text), "_")])
            out.append(.math(MathFormula(source: string(contentStart..<close), root: root)))
            return close + 1
        }
        if name == "url", let (contentStart, close) = bracedArgument(at: nameEnd, end: end) {
            appendURL(string(contentStart..<close), display: nil, into: &out)
            return close + 1
        }
        if name == "href", let (urlStart, urlClose) = bracedArgument(at: nameEnd, end: end) {
            let url = string(urlStart..<urlClose)
            if let (textStart, textClose) = bracedArgument(at: urlClose + 1, end: end) {
                let children = depth < Self.maxDepth ? parseText(textStart, until: textClose, depth: depth + 1) : []
                appendURL(url, display: children, into: &out)
                return textClose + 1
            }
            appendURL(url, display: nil, into: &out)
            return urlClose + 1
        }
        if name == "cite" || name == "citep" || name == "citet" || name == "ref" || name == "eqref",
            let (contentStart, close) = bracedArgument(at: nameEnd, end: end)
        {
            out.raw(
                contentsOf: name.hasPrefix("cite") ? "[\(string(contentStart..<close))]" : string(contentStart..<close))
            return close + 1
        }
        if name == "unicode", let (contentStart, close) = bracedArgument(at: nameEnd, end: end) {
            // `\unicode{x2013}`: a character by its code point.
            let code = string(contentStart..<close).trimmingCharacters(in: CharacterSet(charactersIn: "xX "))
            if let value = UInt32(code, radix: 16), let scalar = Unicode.Scalar(value) {
                out.literal(String(scalar))
            } else {
                out.raw(contentsOf: string(contentStart..<close))
            }
            return close + 1
        }
        if let symbol = TextCommands.symbols[name] {
            out.literal(symbol)
            return nameEnd < end && s[nameEnd] == "{" && braces[nameEnd] == nameEnd + 1 ? nameEnd + 2 : nameEnd
        }
        if MathVocabulary.command(name) != nil {
            // `\alpha`, `\mathcal{O}` outside math: math all the same.
            out.raw(contentsOf: name, forceMath: true)
            return nameEnd
        }
        warn("unknown LaTeX command \\\(name); shown as '\(name)'", at: i)
        out.raw(contentsOf: name)
        return nameEnd
    }

    /// `\'{n}`, `\'n`, `\"{\i}` → the letter with its combining mark, composed.
    private mutating func parseAccent(
        _ mark: Unicode.Scalar, argumentAt start: Int, end: Int, into out: inout InlineBuilder
    ) -> Int {
        var i = start
        var base = ""
        if i < end, s[i] == "{", let close = braces[i], close < end {
            base = string((i + 1)..<close).replacingOccurrences(of: "\\i", with: "i").replacingOccurrences(
                of: "\\j", with: "j")
            i = close + 1
        } else if i < end, ProseTokenizer.isLetter(s[i]) {
            base = String(s[i])
            i += 1
        } else if i + 1 < end, s[i] == "\\", s[i + 1] == "i" || s[i + 1] == "j" {
            base = String(s[i + 1])
            i += 2
        }
        guard let first = base.unicodeScalars.first else {
            out.raw(mark)
            return i
        }
        var composed = String(first)
        composed.unicodeScalars.append(mark)
        composed += String(base.unicodeScalars.dropFirst())
        out.raw(contentsOf: composed.precomposedStringWithCanonicalMapping)
        return i
    }

    /// `$…$` with content is math (text-like content such as `$textbf{a} and textbf{b}$`
    /// is text); a lone `$` is a dollar sign (`less than $12 USD`).
    private mutating func parseDollar(at i: Int, end: Int, depth: Int, into out: inout InlineBuilder) -> Int {
        if i + 1 < end, s[i + 1] == "$", let close = find(["$", "$"], from: i + 2, end: end), close > i + 2 {
            out.append(.math(MathFormula(parsing: string((i + 2)..<close), display: true)))
            return close + 2
        }
        guard let close = dollars[i], close < end else {
            out.raw("$")
            return i + 1
        }
        let content = string((i + 1)..<close)
        if depth < Self.maxDepth && Self.isTextual(content) {
            out.append(contentsOf: parseText(i + 1, until: close, depth: depth + 1))
        } else {
            out.append(.math(MathFormula(parsing: content)))
        }
        return close + 1
    }

    // MARK: Links

    private mutating func appendURL(_ raw: String, display: [Inline]?, into out: inout InlineBuilder) {
        var url = raw.trimmingCharacters(in: .whitespaces)
        var trailing = ""
        while let last = url.last, ".,;:".contains(last) {
            trailing = String(last) + trailing
            url.removeLast()
        }
        if !url.lowercased().hasPrefix("http") && !url.lowercased().hasPrefix("mailto:") { url = "https://" + url }
        out.append(
            .link(
                url: url,
                display ?? [.text(raw.trimmingCharacters(in: .whitespaces).dropLast(trailing.count).description)]))
        out.pendingPunctuation = trailing
    }

    /// `https://x.org{https://x.org}` is what `\href{url}{url}` left: skip the repeat.
    private func skipURLRemnant(after i: Int, end: Int) -> Int {
        guard i < end, s[i] == "{", let close = braces[i], close < end else { return i }
        let inner = string((i + 1)..<close).lowercased()
        return inner.hasPrefix("http") || inner.hasPrefix("www.") ? close + 1 : i
    }

    // MARK: Helpers

    /// Whether a binary operator name (`times`, `pm`) starts at `i` and ends a word.
    private func startsOperator(at i: Int, end: Int) -> Bool {
        var j = i
        while j < end, j - i < 6, s[j].isASCII, ProseTokenizer.isLetter(s[j]) { j += 1 }
        guard j > i, j == end || !ProseTokenizer.isLetter(s[j]) else { return false }
        if case .op(_, .binary)? = MathVocabulary.command(string(i..<j)) { return true }
        return false
    }

    /// `textbf{mu}` → `mu`: the letters of a short argument without its text commands.
    private static func strippingCommands(_ text: String) -> String {
        var result = ""
        var word = ""
        for c in text {
            if c.isLetter && c.isASCII {
                word.append(c)
                continue
            }
            if c == "{", TextCommands.styles[word] != nil || word == "underline" {
                word = ""
                continue
            }
            result += word
            word = ""
            if c != "{" && c != "}" && c != "\\" { result.append(c) }
        }
        return result + word
    }

    /// `textit{`, `emph{`, `url{`, `href{`, `unicode{` without their backslash, at a word start.
    private func bareCommand(at i: Int, end: Int) -> String? {
        guard s[i] == "t" || s[i] == "e" || s[i] == "u" || s[i] == "h" else { return nil }
        var j = i
        while j < end, j - i < 12, s[j].isASCII, ProseTokenizer.isLetter(s[j]) { j += 1 }
        guard j < end, j - i >= 3 else { return nil }
        if s[j] == "{" {
            let name = string(i..<j)
            return Self.bareCommands.contains(name) ? name : nil
        }
        guard s[j] == " ", j - i >= 10, s[i] == "t" else { return nil }
        let name = string(i..<j)
        return name == "textgreater" || name == "textless" ? name : nil
    }

    private static let bareCommands: Set<String> = [
        "textit", "textbf", "textsc", "texttt", "emph", "url", "href", "textsl", "textgreater", "textless", "unicode",
        "underline",
    ]

    /// `{it …}`, `{\bf …}`: a style declaration opening a group.
    private func declaration(afterBrace i: Int) -> (style: TextCommands.Style, contentStart: Int)? {
        var j = i + 1
        if j < s.count, s[j] == "\\" { j += 1 }
        let nameStart = j
        while j < s.count, j - nameStart < 3, s[j].isASCII, ProseTokenizer.isLetter(s[j]) { j += 1 }
        guard j < s.count, s[j] == " " else { return nil }
        let name = string(nameStart..<j)
        guard TextCommands.declarations.contains(name), let style = TextCommands.styles[name] else { return nil }
        // `{rm d}`, `{rm GL}`, `{sf …}`, `{tt …}` come from damaged math; so does `{bf 1}_n` or a
        // bold symbol like `{bf v}`: those are left for the math detector.
        guard style == .emphasis || style == .strong || style == .smallCaps, let close = braces[i] else { return nil }
        if close + 1 < s.count, s[close + 1] == "_" || s[close + 1] == "^" { return nil }
        if style == .strong && close - (j + 1) <= 2 { return nil }
        return (style, j + 1)
    }

    private func bracedArgument(at i: Int, end: Int) -> (Int, Int)? {
        var i = i
        while i < end, s[i] == " " { i += 1 }
        guard i < end, s[i] == "{", let close = braces[i], close < end else { return nil }
        return (i + 1, close)
    }

    private static func styled(_ style: TextCommands.Style, _ children: [Inline], plain: String) -> [Inline] {
        switch style {
        case .emphasis: return [.emphasis(children)]
        case .strong: return [.strong(children)]
        case .smallCaps: return [.smallCaps(children)]
        case .monospace: return [.monospace(plain)]
        case .plain: return children
        }
    }

    /// The next `\)`, `\]` or `$$` at or after `start`, before `end`: a binary search in
    /// the positions found up front, so many unclosed `\(` cannot make parsing quadratic.
    private func find(_ pattern: [Unicode.Scalar], from start: Int, end: Int) -> Int? {
        guard let positions = closers[pattern] else { return nil }
        var low = 0
        var high = positions.count
        while low < high {
            let mid = (low + high) / 2
            if positions[mid] < start { low = mid + 1 } else { high = mid }
        }
        guard low < positions.count, positions[low] + pattern.count <= end else { return nil }
        return positions[low]
    }

    private func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[range]))
    }

    private mutating func warn(_ message: String, at offset: Int) {
        diagnostics.append(.warning(message, at: location?.advanced(by: offset)))
    }

    /// Text inside `$…$`: words that are not command names, outside any `{…}` argument.
    private static func isTextual(_ content: String) -> Bool {
        var level = 0
        var word = ""
        var english = 0
        for c in content + " " {
            if c == "{" { level += 1 } else if c == "}" { level = max(0, level - 1) }
            if c.isLetter && c.isASCII {
                word.append(c)
                continue
            }
            if level == 0, word.count >= 3, MathVocabulary.command(word) == nil, c != "{", c != "(" {
                english += 1
            }
            word = ""
        }
        return english > 0 && content.contains("text")
    }

    private static func matchBraces(_ s: [Unicode.Scalar]) -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        guard s.contains("{") else { return pairs }
        var stack: [Int] = []
        for (i, c) in s.enumerated() {
            if c == "{" && (i == 0 || s[i - 1] != "\\") {
                stack.append(i)
            } else if c == "}" && (i == 0 || s[i - 1] != "\\"), let open = stack.popLast() {
                pairs[open] = i
            }
        }
        return pairs
    }

    /// Pandoc's rule: an opening `$` has a non-space on its right, a closing `$` a non-space
    /// on its left and no digit after it.
    private static func matchDollars(_ s: [Unicode.Scalar]) -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        guard s.contains("$") else { return pairs }
        var open: Int?
        for (i, c) in s.enumerated() where c == "$" && (i == 0 || s[i - 1] != "\\") {
            let before = i > 0 ? s[i - 1] : " "
            let after = i + 1 < s.count ? s[i + 1] : " "
            if let start = open, !before.properties.isWhitespace, !(after >= "0" && after <= "9"), i > start + 1 {
                pairs[start] = i
                open = nil
            } else if !after.properties.isWhitespace, after != "$" {
                open = i
            }
        }
        return pairs
    }
}
