import DigestCore
import Testing

@Suite("Templates")
struct ThemeTests {
    func load(_ templates: [String: String]) -> (Theme?, [Diagnostic]) {
        Theme.load(
            templates: templates.map { ($0.key, SourceFile(path: "Templates/\($0.key).mustache", text: $0.value)) },
            assets: [])
    }

    @Test("a syntax error names the template file, line and column")
    func syntaxError() {
        let (theme, diagnostics) = load(["day": "<h1>\n{{#day}}\n  {{title}}\n{{/dya}}\n"])
        #expect(theme == nil)
        #expect(
            diagnostics.map(\.description) == [
                "Templates/day.mustache:4:1: error: template syntax: section closed with a name that does not match its opening tag in '{{/dya}}'"
            ])
    }

    @Test("an unclosed tag is an error")
    func unclosedTag() {
        let (theme, diagnostics) = load(["index": "<p>{{title</p>\n"])
        #expect(theme == nil)
        #expect(diagnostics.first?.location?.path == "Templates/index.mustache")
    }

    @Test("a missing partial or layout names where it is used")
    func missingPartial() {
        let (theme, diagnostics) = load(["paper": "{{<layout}}{{/layout}}\n", "layout": "x\n  {{> partials/nope }}\n"])
        #expect(theme == nil)
        #expect(
            diagnostics.map(\.description) == [
                "Templates/layout.mustache:2:3: error: partial 'partials/nope' not found (looked for partials/nope.mustache)"
            ])
    }

    @Test("dependencies follow partials and layouts")
    func dependencies() throws {
        let (theme, _) = load([
            "paper": "{{<layout}}{{$content}}{{>card}}{{/content}}{{/layout}}",
            "layout": "{{>header}}{{$content}}{{/content}}", "card": "c", "header": "h", "day": "d",
        ])
        let loaded = try #require(theme)
        #expect(loaded.dependencies["paper"] == ["paper", "layout", "card", "header"])
        #expect(loaded.dependencies["day"] == ["day"])
    }
}
