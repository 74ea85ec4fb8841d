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

    @Test("sections nested more than a hundred deep are an error at the opening tag one too deep, not a crash")
    func deepNesting() {
        for depth in [101, 12_000] {
            let (theme, diagnostics) = load([
                "page": String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
            ])
            #expect(theme == nil)
            #expect(
                diagnostics.map(\.description) == [
                    "Templates/page.mustache:1:601: error: template syntax: sections nested more than 100 deep in '{{#a}}'"
                ])
        }
        let (theme, diagnostics) = load([
            "page": String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)
        ])
        #expect(theme != nil, "\(diagnostics)")
    }

    @Test("a partial that includes itself is a warning at the tag, and its renders stop at the renderer's limits")
    func selfInclusion() throws {
        let (theme, diagnostics) = load(["page": "{{>f}}", "f": "x{{>f}}{{>f}}", "g": "{{<h}}{{/h}}", "h": "{{>g}}"])
        let loaded = try #require(theme, "\(diagnostics)")
        #expect(
            diagnostics.map(\.description) == [
                "Templates/f.mustache:1:2: warning: 'f' includes itself: a page renders it at most 100 levels deep, and the rest is left out",
                "Templates/f.mustache:1:8: warning: 'f' includes itself: a page renders it at most 100 levels deep, and the rest is left out",
                "Templates/g.mustache:1:1: warning: 'g' includes itself (through 'h'): a page renders it at most 100 levels deep, and the rest is left out",
                "Templates/h.mustache:1:1: warning: 'h' includes itself (through 'g'): a page renders it at most 100 levels deep, and the rest is left out",
            ])
        let page = loaded.render("page", [:])
        #expect(page.count == TemplateLibrary.mostInclusions)
    }

    @Test("partials that include the next twice at each level warn once, where their count passes the renderer's limit")
    func doublingInclusions() throws {
        // p1 includes 2 partials, p2 6, … p16 131,070: the first past 100,000.
        var templates = ["p0": "x", "page": "{{>p18}}"]
        for level in 1...18 { templates["p\(level)"] = "{{>p\(level - 1)}}{{>p\(level - 1)}}" }
        let (theme, diagnostics) = load(templates)
        #expect(theme != nil)
        #expect(
            diagnostics.map(\.description) == [
                "Templates/p16.mustache:1:1: warning: 'p16' can include partials more than 100000 times in one render (counting each tag once): a page stops including them there, and the rest is left out"
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

    @Test("template fields: a repeated name keeps its last value, nil removes one")
    func fields() {
        var fields: TemplateFields = ["a": 1, "b": 2, "a": 3]
        #expect(fields.count == 2)
        guard case .int(3) = fields["a"] else {
            Issue.record("a repeated name should keep its last value")
            return
        }
        fields["b"] = nil
        fields["c"] = "z"
        #expect(fields.count == 2 && fields["b"] == nil && fields["c"] != nil)
    }

    @Test(
        "a context written field by field renders as the same values given whole; shared fields copy in; a flag set twice changes"
    )
    func contexts() throws {
        let (theme, diagnostics) = load([
            "page":
                "{{site.title}}|{{#nav}}{{title}}{{#current}}*{{/current}} {{/nav}}|{{#items}}{{n}}:{{name}};{{/items}}|{{#on}}on{{/on}}{{^on}}off{{/on}}|{{{html}}} {{html}}"
        ])
        let loaded = try #require(theme, "\(diagnostics)")
        var shared = TemplateContext()
        shared.add(TemplateName("site"), ["title": "A & B"], to: TemplateContext.root)
        let nav = shared.addList(TemplateName("nav"), to: TemplateContext.root)
        for (title, current) in [("Days", true), ("Topics", false)] {
            let link = shared.addItem(to: nav)
            shared.add(TemplateName("title"), title, to: link)
            shared.add(TemplateName("current"), current, to: link)
        }
        var context = TemplateContext()
        context.add(TemplateName("html"), "<b>x</b>", to: TemplateContext.root)
        context.addFields(of: shared, to: TemplateContext.root)
        let items = context.addList(TemplateName("items"), to: TemplateContext.root)
        for (number, name) in [(1, "one"), (2, "<two>")] {
            let item = context.addItem(to: items)
            context.add(TemplateName("n"), number, to: item)
            context.add(TemplateName("name"), name, to: item)
        }
        context.set(TemplateName("on"), true, in: TemplateContext.root)
        let expected = "A &amp; B|Days* Topics |1:one;2:&lt;two&gt;;|on|<b>x</b> &lt;b&gt;x&lt;/b&gt;"
        #expect(loaded.library.render("page", context) == expected)
        let whole: TemplateFields = [
            "html": "<b>x</b>", "site": ["title": "A & B"],
            "nav": [["title": "Days", "current": true], ["title": "Topics", "current": false]],
            "items": [["n": 1, "name": "one"], ["n": 2, "name": "<two>"]], "on": true,
        ]
        #expect(loaded.render("page", whole) == expected)
        var printOn = Fingerprint()
        context.add(to: &printOn)
        context.set(TemplateName("on"), false, in: TemplateContext.root)
        #expect(loaded.library.render("page", context).contains("|off|"))
        var printOff = Fingerprint()
        context.add(to: &printOff)
        #expect(printOn.value != printOff.value)
    }
}
