/// Reads Mustache text into `Template` nodes: tokens first (with their positions), then
/// standalone lines trimmed, then the tree, checking that every section closes.
struct TemplateParser {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    private enum Token {
        case text(String)
        case tag(Tag)
    }

    private struct Tag {
        /// The sigil: `#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `&`, `{`, or nil for a variable.
        var kind: Unicode.Scalar?
        var name: String
        var line: Int
        var column: Int
        var raw: String
        /// Indentation before a standalone tag (partials and parents indent by it).
        var indent = ""

        var canStandAlone: Bool {
            guard let kind else { return false }
            return "#^/!><$=".unicodeScalars.contains(kind)
        }
    }

    mutating func parse() throws(TemplateError) -> ([Template.Node], [Template.Reference]) {
        var tokens = try tokenize()
        trimStandaloneLines(&tokens)
        var references: [Template.Reference] = []
        for case .tag(let tag) in tokens where tag.kind == ">" || tag.kind == "<" {
            references.append(
                Template.Reference(name: tag.name, isParent: tag.kind == "<", line: tag.line, column: tag.column))
        }
        var index = 0
        let nodes = try build(tokens, &index, closing: nil)
        return (nodes, references)
    }

    // MARK: Tokens

    private func tokenize() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".unicodeScalars)
        var close = Array("}}".unicodeScalars)
        var index = 0
        var line = 1
        var column = 1
        var text = String.UnicodeScalarView()
        func advance(_ scalar: Unicode.Scalar) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        while index < scalars.count {
            guard matches(open, at: index) else {
                text.append(scalars[index])
                advance(scalars[index])
                index += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(String(text)))
                text = String.UnicodeScalarView()
            }
            let (startLine, startColumn, start) = (line, column, index)
            var cursor = index + open.count
            var kind: Unicode.Scalar? = cursor < scalars.count ? scalars[cursor] : nil
            if let sigil = kind, "#^/!><$=&{".unicodeScalars.contains(sigil) {
                cursor += 1
            } else {
                kind = nil
            }
            // `{{{name}}}` ends with `}}}`; `{{=<% %>=}}` with `=}}`.
            var closing = close
            if kind == "{" && open == Array("{{".unicodeScalars) { closing = Array("}}}".unicodeScalars) }
            if kind == "=" { closing = ["="] + close }
            var end = cursor
            while end < scalars.count && !matches(closing, at: end) { end += 1 }
            guard end < scalars.count else {
                let raw = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 40)]))
                throw TemplateError(
                    message: "unfinished tag (missing '\(String(String.UnicodeScalarView(close)))'?)",
                    line: startLine, column: startColumn, tag: raw)
            }
            let name = String(String.UnicodeScalarView(scalars[cursor..<end])).trimmingWhitespace()
            for scalar in scalars[start..<end + closing.count] { advance(scalar) }
            index = end + closing.count
            let raw = String(String.UnicodeScalarView(scalars[start..<index]))
            var tag = Tag(kind: kind, name: name, line: startLine, column: startColumn, raw: raw)
            if kind == "=" {
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2 else {
                    throw TemplateError(
                        message: "malformed set-delimiter tag", line: startLine, column: startColumn, tag: raw)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
            }
            if kind == "{" { tag.kind = "&" }
            tokens.append(.tag(tag))
        }
        if !text.isEmpty { tokens.append(.text(String(text))) }
        return tokens
    }

    private func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + pattern.count <= scalars.count else { return false }
        for offset in pattern.indices where scalars[index + offset] != pattern[offset] { return false }
        return true
    }

    // MARK: Standalone lines

    /// A section, comment, partial or similar tag alone on its line (but for spaces) takes
    /// the line with it. Decided on the original text, then the cuts are applied.
    private func trimStandaloneLines(_ tokens: inout [Token]) {
        var cuts: [Int: (head: Int, tail: Int)] = [:]  // text token → scalars to drop at each end
        for index in tokens.indices {
            guard case .tag(var tag) = tokens[index], tag.canStandAlone else { continue }
            // Before: the start of the template, or text ending in a newline and blanks.
            var indent = ""
            var before = 0
            if index > 0 {
                guard case .text(let text) = tokens[index - 1] else { continue }
                let scalars = Array(text.unicodeScalars)
                var cut = scalars.count
                while cut > 0 && (scalars[cut - 1] == " " || scalars[cut - 1] == "\t") { cut -= 1 }
                guard cut == 0 ? index - 1 == 0 : scalars[cut - 1] == "\n" else { continue }
                indent = String(String.UnicodeScalarView(scalars[cut...]))
                before = scalars.count - cut
            }
            // After: blanks then a newline, or blanks to the end of the template.
            var after = 0
            if index + 1 < tokens.count {
                guard case .text(let text) = tokens[index + 1] else { continue }
                let scalars = Array(text.unicodeScalars)
                var cut = 0
                while cut < scalars.count && (scalars[cut] == " " || scalars[cut] == "\t") { cut += 1 }
                if cut < scalars.count && scalars[cut] == "\r" && cut + 1 < scalars.count && scalars[cut + 1] == "\n" {
                    cut += 2
                } else if cut < scalars.count && scalars[cut] == "\n" {
                    cut += 1
                } else if !(cut == scalars.count && index + 1 == tokens.count - 1) {
                    continue
                }
                after = cut
            }
            if index > 0 { cuts[index - 1, default: (0, 0)].tail = before }
            if index + 1 < tokens.count { cuts[index + 1, default: (0, 0)].head = after }
            tag.indent = indent
            tokens[index] = .tag(tag)
        }
        for (index, cut) in cuts {
            guard case .text(let text) = tokens[index] else { continue }
            let scalars = Array(text.unicodeScalars)
            let end = scalars.count - cut.tail
            tokens[index] = .text(cut.head < end ? String(String.UnicodeScalarView(scalars[cut.head..<end])) : "")
        }
    }

    // MARK: Tree

    /// Sections, blocks and parents nested deeper than this are an error: each level is a
    /// call here and in every pass over the tree, and ten thousand of them overflowed the stack.
    static let deepestNesting = 100

    private func build(_ tokens: [Token], _ index: inout Int, closing opener: Tag?, depth: Int = 0)
        throws(TemplateError) -> [Template.Node]
    {
        if let opener, depth > Self.deepestNesting {
            throw TemplateError(
                message: "sections nested more than \(Self.deepestNesting) deep", line: opener.line,
                column: opener.column, tag: opener.raw)
        }
        var nodes: [Template.Node] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .tag(let tag) = token else {
                if case .text(let text) = token, !text.isEmpty { nodes.append(.text(text)) }
                continue
            }
            switch tag.kind {
            case nil, "&":
                nodes.append(.variable(Self.path(tag.name), escaped: tag.kind == nil))
            case "!", "=":
                break
            case "#", "^":
                let children = try build(tokens, &index, closing: tag, depth: depth + 1)
                nodes.append(.section(Self.path(tag.name), children, inverted: tag.kind == "^"))
            case "$":
                nodes.append(.block(tag.name, try build(tokens, &index, closing: tag, depth: depth + 1)))
            case ">":
                nodes.append(.partial(tag.name, indent: tag.indent))
            case "<":
                let children = try build(tokens, &index, closing: tag, depth: depth + 1)
                var blocks: [String: [Template.Node]] = [:]
                for child in children {
                    switch child {
                    case .block(let name, let body): blocks[name] = body
                    case .text(let text) where text.allSatisfy(\.isWhitespace): break
                    default:
                        throw TemplateError(
                            message: "text inside a parent tag; wrap it in a {{$block}}", line: tag.line,
                            column: tag.column, tag: tag.raw)
                    }
                }
                nodes.append(.parent(tag.name, blocks: blocks, indent: tag.indent))
            case "/":
                guard let opener else {
                    throw TemplateError(
                        message: "closing tag without an opening tag", line: tag.line, column: tag.column, tag: tag.raw)
                }
                guard opener.name == tag.name else {
                    throw TemplateError(
                        message: "section closed with a name that does not match its opening tag", line: tag.line,
                        column: tag.column, tag: tag.raw)
                }
                return nodes
            default:
                break
            }
        }
        if let opener {
            throw TemplateError(
                message: "section '\(opener.name)' opened but never closed", line: opener.line,
                column: opener.column, tag: opener.raw)
        }
        return nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
