import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

/// A catalog extended by later days is the catalog a whole build makes of every day, or
/// the extension declines and the build makes it whole.
@Suite("Catalog extension")
struct CatalogExtensionTests {
    let builder = CatalogBuilder(taxonomy: .builtIn)

    func day(_ iso: String, _ papers: [(String, String)]) throws -> DumpDay {
        var text = "Daily Papers\n\n\(dateLine(iso))\n\n"
        for (title, abstract) in papers { text += abstract.isEmpty ? "\(title)\n\n" : "\(title)\n\n\(abstract)\n\n" }
        return try #require(parseDump(text, path: "dumps/\(iso).txt").day)
    }

    /// `before` built whole, then extended by `after` with texts and facts made as a whole
    /// build makes them; nil when the extension declines.
    func extended(_ before: [DumpDay], by after: [DumpDay]) -> Catalog? {
        let (old, _) = builder.build(before)
        guard let added = builder.collect(after, after: old) else { return nil }
        let texts = added.drafts.indices.map { index -> (title: PaperText, abstract: PaperText) in
            let latest = added.drafts[index].latest
            let title = PaperText.render(latest.title, at: latest.titleLocation, role: .title).0
            if added.keepsAbstract[index], let previous = added.previous[index] {
                return (title, old.papers[previous].abstract)
            }
            return (title, PaperText.render(latest.abstract, at: latest.abstractLocation, role: .abstract).0)
        }
        let facts = texts.map {
            [CatalogBuilder.slugBase(ofTitle: $0.title.plainText)]
                + builder.matcher.topics(title: $0.title.plainText, abstract: $0.abstract.plainText)
        }
        return builder.extend(old, with: added, texts: texts, facts: facts)?.catalog
    }

    func expectSame(_ extended: Catalog?, _ whole: Catalog, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let extended else {
            Issue.record("the extension declined", sourceLocation: sourceLocation)
            return
        }
        #expect(extended.papers == whole.papers, sourceLocation: sourceLocation)
        #expect(extended.papers.map(\.slug) == whole.papers.map(\.slug), sourceLocation: sourceLocation)
        #expect(extended.days == whole.days, sourceLocation: sourceLocation)
        #expect(extended.topics == whole.topics, sourceLocation: sourceLocation)
        #expect(extended.firstListing == whole.firstListing, sourceLocation: sourceLocation)
    }

    @Test("new papers, and papers listed again with or without an abstract, give the catalog a whole build gives")
    func sameAsWhole() throws {
        let before = [
            try day(
                "2026-03-12",
                [("LoRA: Low-Rank Adaptation", abstract("adapters")), ("Diffusion Bench", abstract("images"))]),
            try day(
                "2026-03-13", [("Graph Agents", abstract("graph agents")), ("Protein Folding", abstract("proteins"))]),
        ]
        let after = [
            try day(
                "2026-03-15",
                [
                    ("Sparse Attention", abstract("attention")), ("LoRA - low-rank  adaptation", ""),
                    ("Diffusion Bench", abstract("video generation")), ("Speech Tokens", abstract("speech")),
                ]),
            try day("2026-03-16", [("Reward Models", abstract("reward")), ("Sparse Attention", "")]),
        ]
        expectSame(extended(before, by: after), builder.build(before + after).0)
    }

    @Test("a new paper whose title makes an older paper's slug joins its group, after it")
    func sharedSlugBase() throws {
        let before = [try day("2026-03-12", [("C tricks", abstract("code"))])]
        let after = [
            try day("2026-03-13", [("C++ tricks", abstract("more code")), ("C# tricks", abstract("even more"))])
        ]
        let whole = builder.build(before + after).0
        #expect(Set(whole.papers.map(\.slug)).count == 3)
        expectSame(extended(before, by: after), whole)
    }

    @Test("a new paper whose plain slug an older paper has as its suffixed one is left to a whole build")
    func takenSuffixedSlug() throws {
        let before = [
            try day("2026-03-12", [("C tricks", abstract("code"))]),
            try day("2026-03-13", [("C++ tricks", abstract("more code"))]),
        ]
        let suffixed = try #require(builder.build(before).0.papers.first { $0.key == TitleKey("C++ tricks") }).slug
        let after = [try day("2026-03-14", [(suffixed.replacingOccurrences(of: "-", with: " "), abstract("clash"))])]
        #expect(extended(before, by: after) == nil)
    }

    @Test("a day not after the newest is not an extension")
    func olderDay() throws {
        let (old, _) = builder.build([try day("2026-03-12", [("Paper one", abstract())])])
        #expect(builder.collect([try day("2026-03-12", [("Paper two", abstract())])], after: old) == nil)
        #expect(builder.collect([try day("2026-03-11", [("Paper two", abstract())])], after: old) == nil)
        #expect(builder.collect([try day("2026-03-13", [("Paper two", abstract())])], after: old) != nil)
    }
}
