import DigestCore
import Testing

/// One real fragment of a dump and how a mathematician would read it.
struct MathFragment: CustomTestStringConvertible, Sendable {
    var source: String
    var plain: String
    var mathml: [String]
    var note: String
    /// English that must not become math at all.
    var english: Bool

    init(_ source: String, plain: String, mathml: [String] = [], note: String = "", english: Bool = false) {
        self.source = source
        self.plain = plain
        self.mathml = mathml
        self.note = note
        self.english = english
    }

    var testDescription: String { source }
}

@Suite("Recovering math from real fragments")
struct MathFragmentTests {
    @Test("the plain Unicode reading and the key MathML of each fragment", arguments: mathFragments)
    func fragment(_ fragment: MathFragment) {
        let (text, _) = RichTextParser().parse(fragment.source)
        #expect(text.plainText == fragment.plain, "\(fragment.note)")
        let html = Markdown.html(inline: text.inlines)
        for part in fragment.mathml {
            #expect(html.contains(part), "missing \(part) in \(html)")
        }
        if fragment.english {
            #expect(!html.contains("<math"), "English trap turned into math: \(html)")
        }
    }

    @Test("the table holds at least 150 real fragments, English traps included")
    func tableSize() {
        #expect(mathFragments.count >= 150)
        #expect(mathFragments.filter(\.english).count >= 40)
    }
}
