import Testing

@testable import DigestCore

@Suite("Summaries: a text cut at a word for meta descriptions, cards and feeds")
struct SummaryTests {
    @Test("cut at the last space before the limit, punctuation trimmed, an ellipsis added; short texts whole")
    func cutAtAWord() {
        #expect(SiteRenderer.summary(of: "alpha beta gamma delta", limit: 12) == "alpha beta…")
        #expect(SiteRenderer.summary(of: "one, two, three four", limit: 11) == "one, two…")
        #expect(SiteRenderer.summary(of: "abcdefghijklm", limit: 5) == "abcde…")
        #expect(SiteRenderer.summary(of: "short", limit: 10) == "short")
        #expect(SiteRenderer.summary(of: "exactly10!", limit: 10) == "exactly10!")
        // The limit counts scalars, not bytes, once the text is not ASCII.
        #expect(SiteRenderer.summary(of: "αβγ δεζ ηθι κλμ", limit: 9) == "αβγ δεζ…")
        #expect(SiteRenderer.summary(of: "ab cd é fg hi", limit: 9) == "ab cd é…")
        #expect(SiteRenderer.summary(of: "αβγδεζηθ", limit: 9) == "αβγδεζηθ")
    }
}
