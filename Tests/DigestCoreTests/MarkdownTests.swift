import DigestCore
import Testing

@Suite("Rendering abstracts through libcmark")
struct MarkdownTests {
    func render(_ text: String) -> String {
        Markdown.html(paragraph: RichTextParser().parse(text).0.inlines)
    }

    @Test(
        "hostile text shows literally",
        arguments: [
            ("*not emphasis* and _not either_", "<p>*not emphasis* and _not either_</p>\n"),
            ("# not a heading", "<p># not a heading</p>\n"),
            ("[not](a link) and `not code`", "<p>[not](a link) and ‘not code‘</p>\n"),
            ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
            ("Q&A and &amp; and \"quotes\"", "<p>Q&amp;A and &amp;amp; and &quot;quotes&quot;</p>\n"),
            ("1. not a list", "<p>1. not a list</p>\n"),
            ("> not a quote", "<p>&gt; not a quote</p>\n"),
            (#"\*escaped\* and **double**"#, "<p>*escaped* and **double**</p>\n"),
            ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"),
        ])
    func hostile(input: String, html: String) {
        #expect(render(input) == html)
    }

    @Test("URLs become links, without the sentence's punctuation")
    func links() {
        #expect(
            render("Code: https://github.com/a/b. More")
                == "<p>Code: <a href=\"https://github.com/a/b\">https://github.com/a/b</a>. More</p>\n")
        #expect(
            render("(see https://x.org/a_(b))")
                == "<p>(see <a href=\"https://x.org/a_(b)\">https://x.org/a_(b)</a>)</p>\n")
        #expect(
            render("at github.com/edwardjhu/TP4.")
                == "<p>at <a href=\"https://github.com/edwardjhu/TP4\">github.com/edwardjhu/TP4</a>.</p>\n")
        #expect(render("e.g. or i.e. are not links") == "<p>e.g. or i.e. are not links</p>\n")
    }

    @Test("links and commands that lost their backslash are found after words with the same first letters")
    func constructsAfterLookalikeWords() {
        #expect(
            render("wait at www.a.org, huge huggingface.co/o/m, go github.com/o/c")
                == "<p>wait at <a href=\"https://www.a.org\">www.a.org</a>, huge "
                + "<a href=\"https://huggingface.co/o/m\">huggingface.co/o/m</a>, go "
                + "<a href=\"https://github.com/o/c\">github.com/o/c</a></p>\n")
        #expect(
            render("the text is textit{terse}, empty emph{entries}, test textbf{units}")
                == "<p>the text is <em>terse</em>, empty <em>entries</em>, test <strong>units</strong></p>\n")
    }

    @Test("links in abstracts are found for paper pages")
    func paperLinks() {
        let text = RichTextParser().parse(
            "Code at https://github.com/a/b and https://a.github.io/p/ and again https://github.com/a/b."
        ).0
        #expect(text.links == ["https://github.com/a/b", "https://a.github.io/p/"])
        #expect(text.links.map { PaperLink(url: $0).label } == ["Code (github.com)", "Project page"])
    }

    @Test("only web links are ever emitted")
    func unsafeLinks() {
        let html = Markdown.html(paragraph: [.link(url: "javascript:alert(1)", [.text("click")])])
        #expect(html == "<p>click</p>\n")
    }

    @Test("site owners' Markdown renders, raw HTML is dropped, root links get the base path")
    func ownerMarkdown() {
        let html = Markdown.html(
            fromMarkdown: "# About\n\nSee [days](/days/) -- *now*.\n\n<script>x</script>\n", rootPrefix: "/repo/")
        #expect(html.contains("<h1>About</h1>"))
        #expect(html.contains("<a href=\"/repo/days/\">days</a> – <em>now</em>"))
        #expect(!html.contains("<script>"))
    }
}
