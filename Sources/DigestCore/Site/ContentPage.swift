import Foundation
import Yams

/// A page the site owner writes in Markdown (`pages/about.md` → `/about/`).
///
/// Optional front matter between `---` lines sets `title`, `description` and `nav`
/// (false hides the page from the navigation); otherwise the first `# heading` is the title.
public struct ContentPage: Hashable, Sendable {
    /// The URL name: the file name without `.md`.
    public var name: String
    public var title: String
    public var description: String
    public var markdown: String
    public var inNavigation: Bool

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> ContentPage? {
        let (text, decodeDiagnostics) = TextDecoding.decode(file)
        diagnostics += decodeDiagnostics
        let name = Slug.make(file.stem)
        var markdown = text
        var title: String?
        var description = ""
        var inNavigation = true
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let isFence = { (line: String) in line.trimmingCharacters(in: .whitespaces) == "---" }
        if let first = lines.first, isFence(first), let end = lines.dropFirst().firstIndex(where: isFence) {
            let header = lines[1..<end].joined(separator: "\n")
            let yamlFile = SourceFile(path: file.path, text: "\n" + header)  // keep line numbers
            if let yaml = YAMLFile(yamlFile, diagnostics: &diagnostics),
                let fields = YAMLMapping(yaml.root, in: yaml, what: "front matter", diagnostics: &diagnostics)
            {
                fields.warnUnknownKeys(known: ["title", "description", "nav"], diagnostics: &diagnostics)
                title = fields.string("title", diagnostics: &diagnostics)
                description = fields.string("description", diagnostics: &diagnostics) ?? ""
                if let nav = fields["nav"]?.bool { inNavigation = nav }
            }
            lines.removeSubrange(0...end)
            markdown = lines.joined(separator: "\n")
        }
        if title == nil, let heading = lines.first(where: { $0.hasPrefix("# ") }) {
            title = String(heading.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        return ContentPage(
            name: name, title: title ?? file.stem.capitalized, description: description,
            markdown: markdown, inNavigation: inNavigation)
    }
}
