import Foundation

/// A set of named templates that can include and extend each other, and renders them.
public struct TemplateLibrary: Sendable {
    /// The templates compiled, what renders walk.
    let program: TemplateProgram

    public init(templates: [String: Template]) {
        program = TemplateProgram(templates)
    }

    /// Renders the named template with `context` at the bottom of the context stack.
    public func render(_ name: String, _ context: TemplateContext) -> String {
        rendered(name, context).withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// `render`, as the UTF-8 bytes a page's file holds. A page is put together from
    /// hundreds of pieces: appended to a byte buffer each is a copy, where appending to a
    /// `String` cost several times more (a tenth of a clean build's instructions).
    public func renderData(_ name: String, _ context: TemplateContext) -> Data {
        rendered(name, context).takeData()
    }

    /// `render`, as UTF-8 bytes to print into other renders (a paper's card).
    func renderBytes(_ name: String, _ context: TemplateContext) -> [UInt8] {
        rendered(name, context).withBytes { Array($0) }
    }

    private func rendered(_ name: String, _ context: TemplateContext) -> ByteBuffer {
        let output = ByteBuffer(capacity: 8192)
        guard let range = program.range(of: name) else { return output }
        program.bytes.withUnsafeBufferPointer { text in
            context.nodes.withUnsafeBufferPointer { nodes in
                context.bytes.withUnsafeBufferPointer { values in
                    var renderer = Renderer(
                        program: program, text: text, nodes: nodes, values: values, output: output)
                    renderer.render(range)
                }
            }
        }
        return output
    }

    /// How deep partials and parents nest, and how many one render includes, before the
    /// rest are left out (`Theme.load` warns of templates that include themselves).
    static let deepestInclusion = 100
    static let mostInclusions = 100_000

    private struct Renderer {
        let program: TemplateProgram
        /// The program's literal text, and the context's values and their text, borrowed
        /// for the render.
        let text: UnsafeBufferPointer<UInt8>
        let nodes: UnsafeBufferPointer<TemplateContext.Node>
        let values: UnsafeBufferPointer<UInt8>
        /// The values of the sections being rendered, innermost last, above the context's
        /// own object (node 0).
        var stack: [Int32] = [0]
        let output: ByteBuffer
        /// Block overrides of the parents being rendered, by the number of the block's
        /// name; the outermost definition wins.
        var blocks: [Int: Range<Int>] = [:]
        /// Partials and parents being rendered, against templates that include themselves.
        var depth = 0
        /// Partials and parents rendered so far: a partial naming itself twice doubles at
        /// every level, and a hundred levels would never end.
        var expansions = 0
        /// The indents of the standalone partials and parents being rendered, joined: every
        /// line they write after their first starts with it.
        var indentation = ""
        /// A newline was written inside an indented partial and the next line has not started:
        /// its indent is written with its first byte, so a final newline gets none.
        var lineStarts = false
        /// `.`, looked up by its number.
        let dot = TemplateName.dot.number

        init(
            program: TemplateProgram, text: UnsafeBufferPointer<UInt8>,
            nodes: UnsafeBufferPointer<TemplateContext.Node>, values: UnsafeBufferPointer<UInt8>, output: ByteBuffer
        ) {
            self.program = program
            self.text = text
            self.nodes = nodes
            self.values = values
            self.output = output
            stack.reserveCapacity(8)
        }

        /// Whether a partial or parent may be rendered here (it exists, and the limits are not
        /// reached); if so it is counted, and `depth` is one more until the caller lowers it.
        private mutating func enters(_ template: Int) -> Bool {
            guard depth < TemplateLibrary.deepestInclusion, expansions < TemplateLibrary.mostInclusions, template >= 0
            else { return false }
            depth += 1
            expansions += 1
            return true
        }

        mutating func render(_ range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound {
                switch program.instructions[index] {
                case .text(let start, let count):
                    write(UnsafeBufferPointer(rebasing: text[start..<(start + count)]))
                case .variable(let path, let escaped):
                    guard let value = lookUp(path) else { break }
                    print(nodes[Int(value)], escaped: escaped)
                case .section(let path, let end, let inverted):
                    defer { index = end - 1 }
                    let value = lookUp(path)
                    let children = (index + 1)..<end
                    let shows = value.map { nodes[Int($0)].isTruthy } ?? false
                    if inverted {
                        if !shows { render(children) }
                        break
                    }
                    guard let value, shows else { break }
                    if nodes[Int(value)].kind == .list {
                        var item = nodes[Int(value)].first
                        while item >= 0 {
                            stack.append(item)
                            render(children)
                            stack.removeLast()
                            item = nodes[Int(item)].next
                        }
                    } else {
                        stack.append(value)
                        render(children)
                        stack.removeLast()
                    }
                case .block(let name, let end):
                    render(blocks[name] ?? (index + 1)..<end)
                    index = end - 1
                case .partial(let template, let indent):
                    guard enters(template) else { break }
                    let range = program.templateRanges[template]
                    renderIndented(program.indents[indent]) { $0.render(range) }
                    depth -= 1
                case .parent(let template, let overrides, let indent, let end):
                    defer { index = end - 1 }
                    guard enters(template) else { break }
                    let saved = blocks
                    blocks = program.blockSets[overrides].merging(saved) { _, outer in outer }
                    let range = program.templateRanges[template]
                    renderIndented(program.indents[indent]) { $0.render(range) }
                    blocks = saved
                    depth -= 1
                }
                index += 1
            }
        }

        /// Prints a value: a text escaped or as it is, a number in decimal, a flag as
        /// `true` or `false`; lists and objects print nothing.
        private mutating func print(_ node: TemplateContext.Node, escaped: Bool) {
            switch node.kind {
            case .text:
                let bytes = UnsafeBufferPointer(rebasing: values[node.value..<(node.value + node.count)])
                if !escaped {
                    write(bytes)
                } else if indentation.isEmpty {
                    HTML.escape(bytes, into: output)
                } else {
                    write(HTML.escape(String(decoding: bytes, as: UTF8.self)))
                }
            case .number:
                write(String(node.value))
            case .flag:
                write(node.value != 0 ? "true" : "false")
            case .list, .object:
                break
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
            text.withUTF8Bytes { write($0) }
        }

        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !indentation.isEmpty, !bytes.isEmpty else { return output.append(bytes) }
            // A newline is one byte: whole lines are copied.
            var lineStart = 0
            for offset in 0..<bytes.count where bytes[offset] == 0x0A {
                if lineStarts { output.append(indentation) }
                output.append(UnsafeBufferPointer(rebasing: bytes[lineStart...offset]))
                lineStarts = true
                lineStart = offset + 1
            }
            guard lineStart < bytes.count else { return }
            if lineStarts { output.append(indentation) }
            lineStarts = false
            output.append(UnsafeBufferPointer(rebasing: bytes[lineStart...]))
        }

        /// The value a path names: its first name in the innermost frame that has it, the
        /// rest in that value's fields. Names are compared as numbers.
        private func lookUp(_ path: Int) -> Int32? {
            let names = program.paths[path]
            guard !names.isEmpty else { return nil }
            let first = program.pathNames[names.lowerBound]
            if first == dot { return stack.last }
            var value: Int32?
            var frame = stack.count - 1
            while frame >= 0 {
                if let found = field(first, of: stack[frame]) {
                    value = found
                    break
                }
                frame -= 1
            }
            for component in names.dropFirst() {
                guard let object = value else { return nil }
                value = field(program.pathNames[component], of: object)
            }
            return value
        }

        private func field(_ name: Int32, of index: Int32) -> Int32? {
            TemplateContext.field(name, of: index, in: nodes)
        }
    }
}
