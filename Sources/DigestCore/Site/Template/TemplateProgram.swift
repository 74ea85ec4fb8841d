/// A library's templates compiled into one flat program: instructions that hold only
/// numbers, literal text in one byte buffer, names and paths in tables. A render walks it
/// without retaining anything; walking the parsed trees retained and released every node,
/// path and piece of text it passed (with the frames copied to look names up, a twentieth
/// of a clean year's CPU time).
///
/// A section's or block's children are the instructions after it, up to its `end`; a
/// template is a range of instructions; a parent's block overrides follow it, up to its
/// `end`, each found by the number of the block's name, which is the same in every template.
final class TemplateProgram: Sendable {
    enum Instruction: Sendable {
        /// `count` bytes of `bytes` from `start`.
        case text(start: Int, count: Int)
        case variable(path: Int, escaped: Bool)
        case section(path: Int, end: Int, inverted: Bool)
        /// `template` is -1 when the library has no template of that name: nothing shows.
        case partial(template: Int, indent: Int)
        case parent(template: Int, blocks: Int, indent: Int, end: Int)
        case block(name: Int, end: Int)
    }

    let instructions: [Instruction]
    let bytes: [UInt8]
    /// Each path as a range of `pathNames`, the numbers of its names.
    let paths: [Range<Int>]
    let pathNames: [Int32]
    let indents: [String]
    /// A parent's overrides: block name number → the range of its children.
    let blockSets: [[Int: Range<Int>]]
    /// Where each template's instructions are, by its number (what `partial` and `parent`
    /// hold).
    let templateRanges: [Range<Int>]
    private let templateNumbers: [String: Int]

    init(_ parsed: [String: Template]) {
        let compiler = Compiler(parsed)
        instructions = compiler.instructions
        bytes = compiler.bytes
        paths = compiler.paths
        pathNames = compiler.pathNames
        indents = compiler.indents
        blockSets = compiler.blockSets
        templateRanges = compiler.templateRanges
        templateNumbers = compiler.templateNumbers
    }

    /// Where the template called `name` is; nil when there is none.
    func range(of name: String) -> Range<Int>? {
        templateNumbers[name].map { templateRanges[$0] }
    }

    /// Compiles the templates: numbers given as it goes, templates in name order, so the
    /// program is the same from run to run; block names as they come.
    private struct Compiler {
        var instructions: [Instruction] = []
        var bytes: [UInt8] = []
        var paths: [Range<Int>] = []
        var pathNames: [Int32] = []
        var indents: [String] = []
        var blockSets: [[Int: Range<Int>]] = []
        var templateRanges: [Range<Int>] = []
        var templateNumbers: [String: Int] = [:]
        private var blockNames: [String: Int] = [:]

        init(_ parsed: [String: Template]) {
            let names = parsed.keys.sorted()
            for (number, name) in names.enumerated() { templateNumbers[name] = number }
            for name in names {
                let start = instructions.count
                compile(parsed[name]?.nodes ?? [])
                templateRanges.append(start..<instructions.count)
            }
        }

        private mutating func compile(_ nodes: [Template.Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    instructions.append(.text(start: bytes.count, count: text.utf8.count))
                    bytes.append(contentsOf: text.utf8)
                case .variable(let path, let escaped):
                    instructions.append(.variable(path: number(ofPath: path), escaped: escaped))
                case .section(let path, let children, let inverted):
                    let at = instructions.count
                    instructions.append(.block(name: 0, end: 0))
                    compile(children)
                    instructions[at] = .section(path: number(ofPath: path), end: instructions.count, inverted: inverted)
                case .partial(let name, let indent):
                    instructions.append(
                        .partial(template: templateNumbers[name] ?? -1, indent: number(ofIndent: indent)))
                case .parent(let name, let overrides, let indent):
                    // The overrides follow the parent's instruction, which ends after them.
                    let at = instructions.count
                    instructions.append(.block(name: 0, end: 0))
                    var set: [Int: Range<Int>] = [:]
                    for blockName in overrides.keys.sorted() {
                        let start = instructions.count
                        compile(overrides[blockName] ?? [])
                        set[number(ofBlock: blockName)] = start..<instructions.count
                    }
                    blockSets.append(set)
                    instructions[at] = .parent(
                        template: templateNumbers[name] ?? -1, blocks: blockSets.count - 1,
                        indent: number(ofIndent: indent), end: instructions.count)
                case .block(let name, let children):
                    let at = instructions.count
                    instructions.append(.block(name: 0, end: 0))
                    compile(children)
                    instructions[at] = .block(name: number(ofBlock: name), end: instructions.count)
                }
            }
        }

        private mutating func number(ofPath path: [String]) -> Int {
            paths.append(pathNames.count..<(pathNames.count + path.count))
            pathNames += path.map { TemplateName($0).number }
            return paths.count - 1
        }

        private mutating func number(ofIndent indent: String) -> Int {
            indents.append(indent)
            return indents.count - 1
        }

        private mutating func number(ofBlock name: String) -> Int {
            if let number = blockNames[name] { return number }
            blockNames[name] = blockNames.count
            return blockNames.count - 1
        }
    }
}
