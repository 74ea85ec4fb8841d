/// A set of named templates that can include and extend each other, and renders them.
public struct TemplateLibrary: Sendable {
    public let templates: [String: Template]

    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Renders the named template with `context` at the bottom of the context stack.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// `render`, as the UTF-8 bytes a page's file holds. A page is put together from
    /// hundreds of pieces: appended to a byte array each is a copy, where appending to a
    /// `String` cost several times more (a tenth of a clean build's instructions).
    public func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = Renderer(library: self, stack: [context])
        renderer.output.reserveCapacity(8192)
        renderer.render(template.nodes)
        return renderer.output
    }

    private struct Renderer {
        let library: TemplateLibrary
        var stack: [TemplateValue]
        var output: [UInt8] = []
        /// Block overrides of the parents being rendered; the outermost definition wins.
        var blocks: [String: [Template.Node]] = [:]
        /// Partials and parents being rendered, against templates that include themselves.
        var depth = 0
        /// The indents of the standalone partials and parents being rendered, joined: every
        /// line they write after their first starts with it.
        var indentation = ""
        /// A newline was written inside an indented partial and the next line has not started:
        /// its indent is written with its first byte, so a final newline gets none.
        var lineStarts = false

        init(library: TemplateLibrary, stack: [TemplateValue]) {
            self.library = library
            self.stack = stack
        }

        mutating func render(_ nodes: [Template.Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    write(text)
                case .variable(let path, let escaped):
                    guard let value = lookUp(path) else { continue }
                    if !escaped {
                        write(value.text)
                    } else if indentation.isEmpty {
                        HTML.escape(value.text, into: &output)
                    } else {
                        write(HTML.escape(value.text))
                    }
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

        /// Runs `body` with every line it writes indented by `indent`: the indent goes before
        /// its first byte and after each newline but a final one. Written as the page is,
        /// rather than rendered apart and copied line by line.
        mutating func renderIndented(_ indent: String, _ body: (inout Renderer) -> Void) {
            guard !indent.isEmpty else { return body(&self) }
            write(indent)
            let outer = indentation
            indentation += indent
            lineStarts = false
            body(&self)
            // A newline the partial ended with leaves a line of the page around it to start.
            indentation = outer
        }

        /// Adds `text` to the page, indenting the lines it starts.
        mutating func write(_ text: String) {
            guard !indentation.isEmpty, !text.isEmpty else { return output.append(contentsOf: text.utf8) }
            var scanned = text
            scanned.withUTF8 { bytes in
                // A newline is one byte: whole lines are copied.
                var lineStart = 0
                for offset in 0..<bytes.count where bytes[offset] == 0x0A {
                    if lineStarts { output.append(contentsOf: indentation.utf8) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart...offset]))
                    lineStarts = true
                    lineStart = offset + 1
                }
                guard lineStart < bytes.count else { return }
                if lineStarts { output.append(contentsOf: indentation.utf8) }
                lineStarts = false
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart...]))
            }
        }

        private func lookUp(_ path: [String]) -> TemplateValue? {
            guard let first = path.first else { return nil }
            // Lengths first: `==` on two short strings that differ is a call into the library.
            if first.utf8.count == 1 && first == "." { return stack.last }
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
