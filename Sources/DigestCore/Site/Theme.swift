import Foundation

/// The templates and static assets a site is rendered with, checked before anything renders.
///
/// Templates are Mustache files named by their path without `.mustache` (`day`,
/// `partials/paper-card`); everything else in the theme folder is copied to the output.
public struct Theme: Sendable {
    public let library: TemplateLibrary
    /// Template names, for checks and dependency tracking.
    public let templateNames: Set<String>
    /// Static files, by path relative to the theme folder.
    public let assets: [SourceFile]
    /// For each template, every template it uses through partials and parents, itself included.
    public let dependencies: [String: Set<String>]
    /// A hash of each template's text, so a rebuild knows which pages a template edit touches.
    public let templateHashes: [String: UInt64]

    /// Page kinds and the template each needs.
    public static let pageTemplates = ["index", "days", "day", "topics", "topic", "paper", "page", "404"]

    /// Parses and cross-checks the templates. Errors name `file:line:column`.
    public static func load(templates: [(name: String, file: SourceFile)], assets: [SourceFile]) -> (
        Theme?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var parsed: [String: Template] = [:]
        var references: [String: [TemplateReference]] = [:]
        var paths: [String: String] = [:]
        var hashes: [String: UInt64] = [:]
        for (name, file) in templates.sorted(by: { $0.name < $1.name }) {
            let (text, decodeDiagnostics) = TextDecoding.decode(file)
            hashes[name] = Fingerprint.of(text)
            diagnostics += decodeDiagnostics
            paths[name] = file.path
            do throws(TemplateError) {
                let template = try Template(text)
                parsed[name] = template
                references[name] = template.references.map {
                    TemplateReference(
                        name: $0.name, isParent: $0.isParent,
                        location: SourceLocation(path: file.path, line: $0.line, column: $0.column))
                }
            } catch {
                diagnostics.append(
                    .error(
                        "template syntax: \(error.message) in '\(error.tag)'",
                        at: SourceLocation(path: file.path, line: error.line, column: error.column)))
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
        // A template that includes itself renders until the renderer's limits cut it off.
        for (name, refs) in references.sorted(by: { $0.key < $1.key }) {
            for ref in refs where dependencies[ref.name]?.contains(name) == true {
                let through = ref.name == name ? "" : " (through '\(ref.name)')"
                diagnostics.append(
                    .warning(
                        "'\(name)' includes itself\(through): a page renders it at most \(TemplateLibrary.deepestInclusion) levels deep, and the rest is left out",
                        at: ref.location))
            }
        }
        diagnostics += inclusionWarnings(references: references)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let assets = assets.sorted { $0.path < $1.path }
        var keyHolders: [String: String] = [:]
        for asset in assets {
            let key = assetKey(asset.path)
            if let holder = keyHolders[key] {
                diagnostics.append(
                    .warning(
                        "theme files '\(holder)' and '\(asset.path)' share the template key assets.\(key), "
                            + "which links the first; both are copied: rename one to link it"))
            } else {
                keyHolders[key] = asset.path
            }
        }
        let theme = Theme(
            library: TemplateLibrary(templates: parsed), templateNames: Set(parsed.keys),
            assets: assets, dependencies: dependencies,
            templateHashes: hashes)
        return (theme, diagnostics)
    }

    /// `assets/style.css` → `style_css`, the key templates use: `{{assets.style_css}}`.
    static func assetKey(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Renders `fields` with the named template (what tests render).
    func render(_ template: String, _ fields: TemplateFields) -> String {
        library.render(template, TemplateContext(fields))
    }

    /// Renders `context` with the named template, as UTF-8 bytes for other renders to
    /// print (a paper's card).
    func renderBytes(_ template: String, _ context: TemplateContext) -> [UInt8] {
        library.renderBytes(template, context)
    }

    /// Renders a page's file: `render`, as bytes.
    func renderPage(_ template: String, _ context: TemplateContext) -> Data {
        library.renderData(template, context)
    }

    /// Warnings for templates that include partials more often in one render than the
    /// renderer allows (`TemplateLibrary.mostInclusions`), with no template including
    /// itself: partials that each include the next twice double at every level, and the
    /// page would silently lose what comes after the limit. Only the template where the
    /// count first passes the limit is named.
    private static func inclusionWarnings(references: [String: [TemplateReference]]) -> [Diagnostic] {
        let limit = TemplateLibrary.mostInclusions
        var counts: [String: Int] = [:]
        var open: Set<String> = []
        // How many partials and parents one render of `name` includes, at most `limit + 1`;
        // a template met again inside itself counts none (`load` warns of those).
        func inclusions(_ name: String) -> Int {
            if let count = counts[name] { return count }
            guard open.insert(name).inserted else { return 0 }
            defer { open.remove(name) }
            var count = 0
            for ref in references[name] ?? [] {
                count = min(limit + 1, count + 1 + inclusions(ref.name))
            }
            counts[name] = count
            return count
        }
        var warnings: [Diagnostic] = []
        for (name, refs) in references.sorted(by: { $0.key < $1.key }) where inclusions(name) > limit {
            guard let first = refs.first, refs.allSatisfy({ inclusions($0.name) <= limit }) else { continue }
            warnings.append(
                .warning(
                    "'\(name)' can include partials more than \(limit) times in one render (counting each tag once): a page stops including them there, and the rest is left out",
                    at: first.location))
        }
        return warnings
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
}

/// A `{{> partial}}` or `{{< parent}}` tag and where it stands.
struct TemplateReference {
    var name: String
    var isParent: Bool
    var location: SourceLocation
}
