import Testing

@testable import DigestCore

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

    @Test("layouts nest and the outermost override wins; blocks keep defaults; sections walk lists; dotted names")
    func layoutsAndSections() throws {
        let (theme, diagnostics) = load([
            "base": "<{{$title}}Base{{/title}}>[{{$body}}default{{/body}}]",
            "mid": "{{<base}}{{$title}}Mid{{/title}}{{$body}}mid {{$inner}}mid-inner{{/inner}}{{/body}}{{/base}}",
            "leaf": "{{<mid}}{{$inner}}leaf {{#items}}{{.}},{{/items}}{{^none}}!{{/none}}{{a.b.c}}{{/inner}}{{/mid}}",
            "again": "{{#n}}({{>again}}){{/n}}.",
        ])
        let loaded = try #require(theme, "\(diagnostics)")
        let context: TemplateFields = ["items": [1, 2], "a": ["b": ["c": "<deep>"]], "n": true]
        #expect(loaded.render("leaf", context) == "<Mid>[mid leaf 1,2,!&lt;deep&gt;]")
        #expect(loaded.render("mid", context) == "<Mid>[mid mid-inner]")
        #expect(loaded.render("base", context) == "<Base>[default]")
        // A template that includes itself stops a hundred partials deep.
        #expect(
            loaded.render("again", context)
                == String(repeating: "(", count: 101) + String(repeating: ").", count: 101))
    }

    @Test("a standalone partial indents every line it writes but after a final newline, nested ones add up")
    func partialIndent() throws {
        let (theme, _) = load([
            "page": "<ul>\n  {{> item}}\n</ul>\n",
            "item": "<li>{{{html}}}</li>\n\n  {{> inner}}\n",
            "inner": "a{{title}}\nb\n",
        ])
        let loaded = try #require(theme)
        #expect(
            loaded.render("page", ["html": "x\ny", "title": "<i>"])
                == "<ul>\n  <li>x\n  y</li>\n  \n    a&lt;i&gt;\n    b\n</ul>\n")
    }

    @Test("template fields: a repeated name keeps its last value, nil removes one, order does not matter")
    func fields() {
        var fields: TemplateFields = ["a": 1, "b": 2, "a": 3]
        #expect(fields.count == 2)
        #expect(fields["a"]?.text == "3")
        fields["b"] = nil
        fields["c"] = "z"
        #expect(fields.count == 2 && fields["b"] == nil && fields["c"]?.text == "z")
        var forward = Fingerprint()
        TemplateValue.object(["x": 1, "y": 2]).add(to: &forward)
        var backward = Fingerprint()
        TemplateValue.object(["y": 2, "x": 1]).add(to: &backward)
        #expect(forward.value == backward.value)
    }
}
