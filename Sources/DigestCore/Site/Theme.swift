import Foundation
import Mustache

/// The templates and static assets a site is rendered with, checked before anything renders.
///
/// Templates are Mustache files named by their path without `.mustache` (`day`,
/// `partials/paper-card`); everything else in the theme folder is copied to the output.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Template names, for checks and dependency tracking.
    public let templateNames: Set<String>
    /// Static files, by path relative to the theme folder.
    public let assets: [SourceFile]
    /// For each template, every template it uses through partials and parents, itself included.
    public let dependencies: [String: Set<String>]
    /// Where each template came from, for error messages.
    public let templatePaths: [String: String]
    /// A hash of each template's text, so a rebuild knows which pages a template edit touches.
    public let templateHashes: [String: UInt64]

    /// Page kinds and the template each needs.
    public static let pageTemplates = ["index", "days", "day", "topics", "topic", "paper", "page", "404"]

    /// Parses and cross-checks the templates. Errors name `file:line:column`.
    public static func load(templates: [(name: String, file: SourceFile)], assets: [SourceFile]) -> (
        Theme?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var parsed: [String: MustacheTemplate] = [:]
        var references: [String: [TemplateReference]] = [:]
        var paths: [String: String] = [:]
        var hashes: [String: UInt64] = [:]
        for (name, file) in templates.sorted(by: { $0.name < $1.name }) {
            let (text, decodeDiagnostics) = TextDecoding.decode(file)
            hashes[name] = Fingerprint.of(text)
            diagnostics += decodeDiagnostics
            paths[name] = file.path
            do {
                parsed[name] = try MustacheTemplate(string: text)
                references[name] = TemplateReference.scan(text, path: file.path)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(
                    path: file.path, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(
                    .error(
                        "template syntax: \(describe(error.error)) in '\(error.context.line.trimmingCharacters(in: .whitespaces))'",
                        at: location))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: file.path, line: 1)))
            }
        }
        for refs in references.sorted(by: { $0.key < $1.key }).map(\.value) {
            for ref in refs where paths[ref.name] == nil {
                let kind = ref.isParent ? "layout" : "partial"
                diagnostics.append(
                    .error("\(kind) '\(ref.name)' not found (looked for \(ref.name).mustache)", at: ref.location))
            }
        }
        let dependencies = Dictionary(
            uniqueKeysWithValues: parsed.keys.map { name in
                (name, closure(of: name, references: references))
            })
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let theme = Theme(
            library: MustacheLibrary(templates: parsed), templateNames: Set(parsed.keys),
            assets: assets.sorted { $0.path < $1.path }, dependencies: dependencies, templatePaths: paths,
            templateHashes: hashes)
        return (theme, diagnostics)
    }

    /// Renders `context` with the named template.
    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    private static func closure(of name: String, references: [String: [TemplateReference]]) -> Set<String> {
        var seen: Set<String> = [name]
        var stack = [name]
        while let next = stack.popLast() {
            for ref in references[next] ?? [] where seen.insert(ref.name).inserted {
                stack.append(ref.name)
            }
        }
        return seen
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a name that does not match its opening tag"
        case .unfinishedName: return "unfinished tag (missing '}}'?)"
        case .expectedSectionEnd: return "section opened but never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions may appear inside a parent tag"
        case .textInsideInheritSection: return "text inside a parent tag; wrap it in a {{$block}}"
        case .invalidConfigVariableSyntax: return "malformed config variable"
        case .unrecognisedConfigVariable: return "unknown config variable"
        }
    }
}

/// A `{{> partial}}` or `{{< parent}}` tag and where it stands.
struct TemplateReference {
    var name: String
    var isParent: Bool
    var location: SourceLocation

    /// Finds partial and parent tags (with the default delimiters).
    static func scan(_ text: String, path: String) -> [TemplateReference] {
        var result: [TemplateReference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty && !name.hasPrefix("*") {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        result.append(
                            TemplateReference(
                                name: name, isParent: sigil == "<",
                                location: SourceLocation(path: path, line: lineIndex + 1, column: column)))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }
}
