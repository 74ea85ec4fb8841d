import Yams

/// A YAML file parsed into nodes that remember their line, so that settings errors can say
/// `site.yml:4:8: error: …` rather than just "invalid config".
struct YAMLFile {
    let path: String
    let root: Node?

    /// Nil (with an error diagnostic) when the YAML does not parse.
    init?(_ file: SourceFile, diagnostics: inout [Diagnostic]) {
        let (text, decodeDiagnostics) = TextDecoding.decode(file)
        diagnostics += decodeDiagnostics
        path = file.path
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, path: file.path))
            return nil
        } catch {
            diagnostics.append(.error("cannot read YAML: \(error)", at: SourceLocation(path: file.path, line: 1)))
            return nil
        }
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: 1) }
        return SourceLocation(path: path, line: mark.line, column: mark.column)
    }

    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // Where the broken construct starts (an unclosed quote), not where the file ends.
            if let context {
                return .error(
                    "invalid YAML: \(problem) \(context.text)",
                    at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column))
            }
            return .error(
                "invalid YAML: \(problem)", at: SourceLocation(path: path, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                "duplicate key \(duplicates.joined(separator: ", "))",
                at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(path: path, line: 1))
        }
    }
}

/// Reads typed values out of one YAML mapping, reporting wrong types and unknown keys.
struct YAMLMapping {
    let file: YAMLFile
    let node: Node
    let mapping: Node.Mapping

    init?(_ node: Node?, in file: YAMLFile, what: String, diagnostics: inout [Diagnostic]) {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            diagnostics.append(.error("\(what) should be a mapping of 'key: value' lines", at: file.location(of: node)))
            return nil
        }
        self.file = file
        self.node = node
        self.mapping = mapping
    }

    subscript(key: String) -> Node? { mapping[key] }

    func string(_ key: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let value = mapping[key] else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.append(.error("'\(key)' should be text", at: file.location(of: value)))
            return nil
        }
        return scalar.string
    }

    func int(_ key: String, in range: ClosedRange<Int>, diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = mapping[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            diagnostics.append(
                .error(
                    "'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound)",
                    at: file.location(of: value)))
            return nil
        }
        return number
    }

    func strings(_ key: String, diagnostics: inout [Diagnostic]) -> [String]? {
        guard let value = mapping[key] else { return nil }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            diagnostics.append(.error("'\(key)' should be a list", at: file.location(of: value)))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            if let scalar = item.scalar {
                result.append(scalar.string)
            } else {
                diagnostics.append(.error("items of '\(key)' should be text", at: file.location(of: item)))
            }
        }
        return result
    }

    /// Warns about keys this reader does not know, so typos do not pass silently.
    func warnUnknownKeys(known: Set<String>, diagnostics: inout [Diagnostic]) {
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            let suggestion = known.sorted().first { Self.isTypo(name, of: $0) }.map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(.warning("unknown setting '\(name)' ignored\(suggestion)", at: file.location(of: key)))
        }
    }

    private static func isTypo(_ a: String, of b: String) -> Bool {
        let a = Array(a.lowercased()), b = Array(b)
        guard abs(a.count - b.count) <= 2 else { return false }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }
}
