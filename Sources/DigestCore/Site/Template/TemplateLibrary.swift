/// A set of named templates that can include and extend each other, and renders them.
public struct TemplateLibrary: Sendable {
    public let templates: [String: Template]

    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Renders the named template with `context` at the bottom of the context stack.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        guard let template = templates[name] else { return "" }
        var renderer = Renderer(library: self, stack: [context])
        renderer.render(template.nodes)
        return renderer.output
    }

    private struct Renderer {
        let library: TemplateLibrary
        var stack: [TemplateValue]
        var output = ""
        /// Block overrides of the parents being rendered; the outermost definition wins.
        var blocks: [String: [Template.Node]] = [:]
        /// Partials and parents being rendered, against templates that include themselves.
        var depth = 0

        init(library: TemplateLibrary, stack: [TemplateValue]) {
            self.library = library
            self.stack = stack
        }

        mutating func render(_ nodes: [Template.Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    output += text
                case .variable(let path, let escaped):
                    guard let value = lookUp(path) else { continue }
                    if escaped { HTML.escape(value.text, into: &output) } else { output += value.text }
                case .section(let path, let children, let inverted):
                    let value = lookUp(path)
                    if inverted {
                        if !(value?.isTruthy ?? false) { render(children) }
                        continue
                    }
                    guard let value, value.isTruthy else { continue }
                    if case .list(let items) = value {
                        for item in items {
                            stack.append(item)
                            render(children)
                            stack.removeLast()
                        }
                    } else {
                        stack.append(value)
                        render(children)
                        stack.removeLast()
                    }
                case .block(let name, let children):
                    render(blocks[name] ?? children)
                case .partial(let name, let indent):
                    guard depth < 100, let template = library.templates[name] else { continue }
                    depth += 1
                    renderIndented(indent) { $0.render(template.nodes) }
                    depth -= 1
                case .parent(let name, let overrides, let indent):
                    guard depth < 100, let template = library.templates[name] else { continue }
                    depth += 1
                    let saved = blocks
                    blocks = overrides.merging(saved) { _, outer in outer }
                    renderIndented(indent) { $0.render(template.nodes) }
                    blocks = saved
                    depth -= 1
                }
            }
        }

        /// Runs `body`, then indents every line it wrote by `indent`.
        private mutating func renderIndented(_ indent: String, _ body: (inout Renderer) -> Void) {
            guard !indent.isEmpty else { return body(&self) }
            // Swapped rather than copied, so the page written so far is never duplicated.
            var written = ""
            swap(&output, &written)
            body(&self)
            swap(&output, &written)
            output += indent
            // Byte by byte through a pointer (a newline is one byte), copying whole lines; a
            // final newline gets no indent after it.
            let utf8 = written.utf8
            var lineStart = utf8.startIndex
            var scanned = written
            scanned.withUTF8 { bytes in
                for offset in 0..<bytes.count where bytes[offset] == 0x0A && offset + 1 < bytes.count {
                    let next = utf8.index(utf8.startIndex, offsetBy: offset + 1)
                    output.append(contentsOf: written[lineStart..<next])
                    output += indent
                    lineStart = next
                }
            }
            output.append(contentsOf: written[lineStart...])
        }

        private func lookUp(_ path: [String]) -> TemplateValue? {
            guard let first = path.first else { return nil }
            if first == "." { return stack.last }
            var value: TemplateValue?
            for frame in stack.reversed() {
                if case .object(let fields) = frame, let found = fields[first] {
                    value = found
                    break
                }
            }
            for component in path.dropFirst() {
                guard case .object(let fields)? = value else { return nil }
                value = fields[component]
            }
            return value
        }
    }
}
