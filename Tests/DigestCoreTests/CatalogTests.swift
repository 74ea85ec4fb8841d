import DigestCore
import DigestTestSupport
import Foundation
import Testing

@Suite("Catalog")
struct CatalogTests {
    func day(_ iso: String, _ papers: [(String, String)]) throws -> DumpDay {
        try #require(parseDump(dumpText(date: dateLine(iso), papers), path: "\(iso).txt").day)
    }

    @Test("a paper seen on several days gets one entry listing every day; the newest abstract wins")
    func dedupAcrossDays() throws {
        let days = [
            try day("2026-03-12", [("LoRA: Low-Rank Adaptation", abstract("old")), ("Other paper", abstract())]),
            try day("2026-03-14", [("Third", abstract()), ("LoRA - low-rank  adaptation", abstract("new"))]),
        ]
        let (catalog, _) = CatalogBuilder(taxonomy: .builtIn).build(days)
        #expect(catalog.papers.count == 3)
        let lora = try #require(catalog.papers.first { $0.key == TitleKey("lora low rank adaptation") })
        #expect(lora.days.map(\.iso) == ["2026-03-12", "2026-03-14"])
        #expect(lora.abstract.plainText.contains("new"))
        #expect(lora.title.plainText == "LoRA - low-rank adaptation")
        // Each day still lists it, in dump order.
        #expect(
            catalog.days.map { $0.papers.map { catalog.papers[$0].title.plainText } } == [
                ["LoRA - low-rank adaptation", "Other paper"], ["Third", "LoRA - low-rank adaptation"],
            ])
    }

    @Test("an empty abstract never replaces a real one")
    func emptyAbstractDoesNotWin() throws {
        let withAbstract = try day("2026-03-12", [("Paper", abstract("kept"))])
        let titleOnly = try #require(
            parseDump(
                dumpText(date: "Mar 13", [("Paper", abstract())]).replacingOccurrences(of: abstract(), with: ""),
                path: "2026-03-13.txt"
            ).day)
        let (catalog, _) = CatalogBuilder(taxonomy: .builtIn).build([withAbstract, titleOnly])
        #expect(catalog.papers.count == 1)
        #expect(catalog.papers[0].abstract.plainText.contains("kept"))
        #expect(catalog.papers[0].days.count == 2)
    }

    @Test("the demo content has 346 unique papers, 55 of them on more than one day")
    func demoCatalog() throws {
        let folder = repositoryRoot.appendingPathComponent("Content/dumps")
        let days = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            DumpParser().parse(SourceFile(path: name, data: try Data(contentsOf: folder.appendingPathComponent(name))))
                .day
        }
        let (catalog, _) = CatalogBuilder(taxonomy: .builtIn).build(days)
        #expect(catalog.papers.count == 346)
        #expect(catalog.papers.filter { $0.appearances.count > 1 }.count == 55)
        #expect(Set(catalog.papers.map(\.slug)).count == 346)
        let other = catalog.topics.first { $0.topic.slug == "other" }?.papers.count ?? 0
        #expect(Double(other) < 0.10 * 346, "Other holds \(other) papers")
        #expect((12...20).contains(catalog.topics.count - 1))
        // Papers are newest first.
        #expect(catalog.papers.first?.lastSeen.iso == "2026-08-06")
    }

    @Test("topic phrases match whole words, case-insensitively, with prefixes and exclusions")
    func topicMatching() throws {
        let taxonomy = Taxonomy(topics: [
            Topic(name: "PEFT", slug: "peft", phrases: ["LoRA", "adapter*"], minMentions: 1),
            Topic(
                name: "Fine-tuning", slug: "fine-tuning", phrases: ["fine-tuning"], exclude: ["prompt tuning"],
                minMentions: 1),
            Topic(name: "Scaling", slug: "scaling", phrases: ["scaling law"], minMentions: 2),
        ])
        let days = [
            try day(
                "2026-03-12",
                [
                    ("Exploration of flora", abstract("exploration")),  // "lora" inside words never matches
                    ("Adapters everywhere", abstract("fine tuning")),  // prefix + hyphen/space
                    ("Prompt tuning beats fine-tuning", abstract()),  // excluded
                    ("Models", abstract("a scaling law; another scaling law")),  // two mentions
                    ("More models", abstract("one scaling law")),  // one mention is not enough
                ])
        ]
        let (catalog, _) = CatalogBuilder(taxonomy: taxonomy).build(days)
        let topics = Dictionary(uniqueKeysWithValues: catalog.papers.map { ($0.title.plainText, $0.topics) })
        #expect(topics["Exploration of flora"] == ["other"])
        #expect(topics["Adapters everywhere"] == ["peft", "fine-tuning"])
        #expect(topics["Prompt tuning beats fine-tuning"] == ["other"])
        #expect(topics["Models"] == ["scaling"])
        #expect(topics["More models"] == ["other"])
    }

    @Test("the built-in taxonomy is the demo's topics.yml")
    func builtInTaxonomyMatchesDemo() throws {
        let url = repositoryRoot.appendingPathComponent("Content/topics.yml")
        var diagnostics: [Diagnostic] = []
        let demo = try #require(
            Taxonomy.load(SourceFile(path: "topics.yml", data: try Data(contentsOf: url)), diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(demo.topics == Taxonomy.builtIn.topics)
        #expect(demo.other == Taxonomy.builtIn.other)
    }

    @Test("topics.yml errors name the file and line")
    func taxonomyErrors() {
        var diagnostics: [Diagnostic] = []
        let yaml =
            "topics:\n  - name: A\n    phrases: [a]\n  - slug: b\n    phrases: [b]\n  - name: C\n    slug: Bad Slug\n  - name: A again\n    slug: a\n    phrases: [x]\n    colour: red\n"
        let taxonomy = Taxonomy.load(SourceFile(path: "topics.yml", text: yaml), diagnostics: &diagnostics)
        #expect(taxonomy == nil)
        #expect(
            diagnostics.map(\.description) == [
                "topics.yml:4:5: error: a topic needs a 'name'",
                "topics.yml:7:11: error: topic slug 'Bad Slug' should use only a-z, 0-9 and '-'",
                "topics.yml:11:5: warning: unknown setting 'colour' ignored",
                "topics.yml:8:5: error: topic slug 'a' is used twice (first at line 2)",
            ])
        var limits: [Diagnostic] = []
        let long = String(repeating: "a", count: 300)
        let aliased =
            "x: &a \"\(String(repeating: "lol ", count: 100))\"\ntopics:\n  - name: Bomb\n    phrases: [*a, *a, *a]\n  - name: Long\n    slug: \(long)\n    phrases: [x]\n"
        #expect(Taxonomy.load(SourceFile(path: "topics.yml", text: aliased), diagnostics: &limits) == nil)
        #expect(
            limits.map(\.description) == [
                "topics.yml:1:1: warning: unknown setting 'x' ignored",
                "topics.yml:4:14: error: topic 'Bomb' has a phrase of 400 characters ('lol lol lol lol lol lol lol lol lol lol …'); phrases are words or short phrases, of at most 200",
                "topics.yml:6:11: error: topic slug '\(long.prefix(40))…' is 300 characters long; keep it to 100",
            ])
        var syntax: [Diagnostic] = []
        #expect(
            Taxonomy.load(SourceFile(path: "topics.yml", text: "topics: [\n  - name: x\n"), diagnostics: &syntax) == nil
        )
        #expect(syntax.first?.location?.path == "topics.yml")
        #expect(syntax.first?.location?.line ?? 0 > 1)
    }
}

@Suite("Slugs")
struct SlugTests {
    @Test(
        "readable ASCII from titles",
        arguments: [
            (
                "Computational Limits of Low-Rank Adaptation (LoRA) for Transformer-Based Models",
                "computational-limits-of-low-rank-adaptation-lora-for-transformer-based-models"
            ),
            (
                "Let's Make Block Coordinate Descent Converge Faster",
                "lets-make-block-coordinate-descent-converge-faster"
            ),
            ("Naïve Bayes über Alles", "naive-bayes-uber-alles"),
            ("S²FT: Efficient Fine-tuning", "s2ft-efficient-fine-tuning"),
            ("ℓₚ sensitivity with α-divergences", "lp-sensitivity-with-alpha-divergences"),
            ("???", "untitled"),
            // 89 characters cut where the 80th is a hyphen: the last whole word stays.
            (
                String(repeating: "abcdefghi ", count: 9),
                Array(repeating: "abcdefghi", count: 8).joined(separator: "-")
            ),
        ])
    func slugs(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test("long titles are cut at a word end")
    func longTitles() {
        let slug = Slug.make(String(repeating: "interpretable structural model ", count: 10))
        #expect(slug.count <= 80)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("model") || slug.hasSuffix("structural") || slug.hasSuffix("interpretable"))
    }

    @Test("an asset's version is a hash of its bytes: a text's is its string's, and bytes that are not UTF-8 count")
    func versionSuffix() {
        let css = "body { color: red }"
        #expect(Slug.suffix(forBytes: Array(css.utf8)) == Slug.suffix(for: css))
        // A font differing only where it is not UTF-8 (decoded, both bytes became U+FFFD).
        #expect(Slug.suffix(forBytes: [0x77, 0x4F, 0xFF, 0x01]) != Slug.suffix(forBytes: [0x77, 0x4F, 0xFE, 0x01]))
    }

    @Test("colliding slugs: the first-seen paper keeps the plain slug, others get a stable suffix")
    func collisions() throws {
        let first = try #require(
            parseDump(dumpText(date: "Mar 11", [("C++ tricks", abstract())]), path: "2026-03-11.txt").day)
        let second = try #require(
            parseDump(dumpText([("C tricks", abstract()), ("C# tricks", abstract())]), path: "2026-03-12.txt").day)
        let (catalog, _) = CatalogBuilder(taxonomy: .builtIn).build([second, first])
        let slugs = Dictionary(uniqueKeysWithValues: catalog.papers.map { ($0.title.plainText, $0.slug) })
        #expect(slugs["C++ tricks"] == "c-tricks")
        #expect(slugs["C tricks"] == "c-tricks-" + Slug.suffix(for: "c tricks"))
        #expect(slugs["C# tricks"] == "c-tricks-" + Slug.suffix(for: "c# tricks"))
        #expect(Slug.suffix(for: "c tricks").count == 6)
        // Adding a newer day with another collision renames nobody.
        let third = try #require(
            parseDump(dumpText(date: "Mar 13", [("C♯ tricks", abstract())]), path: "2026-03-13.txt").day)
        let (later, _) = CatalogBuilder(taxonomy: .builtIn).build([first, second, third])
        for paper in later.papers where slugs[paper.title.plainText] != nil {
            #expect(paper.slug == slugs[paper.title.plainText])
        }
    }
}
