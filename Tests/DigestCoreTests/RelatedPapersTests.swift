import Testing

@testable import DigestCore

@Suite("Terms and related papers: what similarity is computed on, and its answers")
struct RelatedPapersTests {
    @Test("significant terms drop stop words, short words and numbers, and fold plurals, in ASCII or not")
    func significantTerms() {
        #expect(
            Terms.significant("The Models use graphs and analysis of 42 datasets: 3D buses, glass, focus, Straßes")
                == ["graph", "analysis", "dataset", "buse", "glass", "focus", "straße"])
        #expect(Terms.significant("Naïve Bayes") == ["naive", "baye"])
        #expect(Terms.significant("") == [])
    }

    @Test("search words: each distinct folded word longer than one character, in order of first occurrence")
    func searchWords() {
        #expect(Terms.distinctWords("Naïve naive, A bb BB x é ÉÉ cc 42 42") == "naive bb ee cc 42")
        #expect(Terms.distinctWords("") == "")
    }

    @Test("search postings: each gap to the previous paper in base 36, one digit or several")
    func postingsEncoding() {
        var bytes: [UInt8] = []
        SiteRenderer.appendPostings([0, 2, 13, 49, 1382], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"0.1.a.z.110\"")
        for gap in [0, 9, 10, 35, 36, 1295, 1296, 46_655, 46_656, 1_000_000] {
            var single: [UInt8] = []
            SiteRenderer.appendPostings([gap], to: &single)
            #expect(Int(String(decoding: single.dropFirst().dropLast(), as: UTF8.self), radix: 36) == gap)
        }
    }

    @Test("a word is the same whether the text turns non-ASCII before it, inside it or after it")
    func wordsAcrossASCII() {
        #expect(Terms.words("Deep MODELS, 3D: naïve Straße") == ["deep", "models", "3d", "naive", "straße"])
        #expect(Terms.words("abcÉdef GH") == ["abcedef", "gh"])
        #expect(Terms.words("ÉCOLE normale") == ["ecole", "normale"])
        #expect(Terms.words("Plain ASCII, to the end.") == ["plain", "ascii", "to", "the", "end"])
        #expect(Words.split("Über Graph-Neural nets").strings == ["über", "graph", "neural", "nets"])
        #expect(Words.split("Graph-Neural Übernets").strings == ["graph", "neural", "übernets"])
        #expect(!Terms.wordList("Graph-Neural Übernets").isASCII && !Words.split("naïve").isASCII)
    }

    @Test(
        "ASCII words: every text of up to six letters, digits, spaces and dots splits as the plain definition does, both ways"
    )
    func asciiWordsExhaustive() {
        let alphabet: [Character] = ["a", "B", "1", " ", "."]
        var texts = [""]
        var all = [""]
        for _ in 1...6 {
            texts = texts.flatMap { text in alphabet.map { text + String($0) } }
            all += texts
        }
        for text in all {
            let expected = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            #expect(Terms.words(text) == expected, "\(text)")
            // Topics are found on the same split, when a text is all ASCII (see `WordList.isASCII`).
            #expect(Words.split(text).strings == expected && Terms.wordList(text).isASCII, "\(text)")
        }
    }

    @Test(
        "long random texts split as the plain definition does, words running across the 64-byte blocks read at once, whether or not an accented letter turns the text non-ASCII anywhere"
    )
    func longWordsRandom() {
        var generator = SeededRandom(state: 7)
        let alphabet = Array("aaazB119 .-@[`{")
        for round in 0..<3_000 {
            var characters = (0..<Int(generator.next() % 300)).map { _ in alphabet[Int(generator.next() % 15)] }
            // Every other text has an `é` somewhere: Terms fold it to `e`, topics keep it.
            if round % 2 == 1 { characters.insert("é", at: Int(generator.next() % UInt64(characters.count + 1))) }
            let text = String(characters)
            func split(_ text: String) -> [String] {
                text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            }
            #expect(Terms.words(text) == split(text.replacingOccurrences(of: "é", with: "e")), "\(text)")
            #expect(Words.split(text).strings == split(text), "\(text)")
            #expect(Terms.wordList(text).isASCII == (round % 2 == 0), "\(text)")
        }
    }

    @Test("term counts keep the order terms first occur in, each counted")
    func termCounts() {
        let counts = RelatedPapers.termCounts(["graph", "model", "graph", "node", "graph"])
        #expect(counts.terms == ["graph", "model", "node"])
        #expect(counts.counts == [3, 1, 1])
        #expect(counts.prints == counts.terms.map { Fingerprint.of($0) })
    }

    @Test(
        "a paper's term counts: its title's terms twice, then its abstract's, as counting the three lists joined",
        arguments: [
            ("Graph Models for Graphs", "Graphs of naïve models: Über graphs, naive MODELS and über-graphs."),
            ("Straße Straßes", "Straße, straßes and STRASSE; the graph."),
            ("", "Only an abstract about abstracts"),
            ("Only a title", ""),
            ("", ""),
        ])
    func paperTermCounts(title: String, abstract: String) {
        let titleTerms = Terms.significant(title)
        let expected = RelatedPapers.termCounts(titleTerms + titleTerms + Terms.significant(abstract))
        #expect(Terms.significantCounts(title: title, abstract: abstract) == expected)
    }

    /// Four days of papers on two subjects; each paper shares words with its subject's others.
    static let days: [[String]] = [
        ["graph neural network node embedding", "protein folding structure prediction"],
        ["graph node classification embedding", "protein structure design folding"],
        ["molecule graph generation node", "protein folding dynamics simulation"],
        ["graph embedding benchmark node", "protein design structure enzyme"],
    ]

    static func counted(_ day: [String]) -> [TermCounts] {
        day.map { RelatedPapers.termCounts(Terms.significant($0)) }
    }

    @Test("a paper is related to earlier papers on its subject, best first")
    func answers() {
        var index = RelatedPapers()
        var answers: [[Int]] = []
        for day in Self.days { answers += index.addDay(counted: Self.counted(day), lookUp: true, count: 2) }
        // Ordinals: graph papers are 0, 2, 4, 6; protein papers 1, 3, 5, 7.
        #expect(answers[6].allSatisfy { $0 % 2 == 0 } && !answers[6].isEmpty)
        #expect(answers[7].allSatisfy { $0 % 2 == 1 } && !answers[7].isEmpty)
        #expect(answers.indices.allSatisfy { !answers[$0].contains($0) })
    }

    @Test("an index resumed from its saved state answers as the one that never stopped")
    func resumed() throws {
        var whole = RelatedPapers()
        var first = RelatedPapers()
        for day in Self.days.prefix(2) {
            _ = whole.addDay(counted: Self.counted(day), lookUp: true)
            _ = first.addDay(counted: Self.counted(day), lookUp: true)
        }
        var resumed = try #require(RelatedPapers(first.state))
        #expect(resumed.count == 4)
        for day in Self.days.dropFirst(2) {
            let expected = whole.addDay(counted: Self.counted(day), lookUp: true)
            #expect(resumed.addDay(counted: Self.counted(day), lookUp: true) == expected)
        }
        #expect(resumed.state.terms == whole.state.terms)
        // A state naming a term twice is not resumed from.
        var broken = first.state
        broken.terms[1] = broken.terms[0]
        #expect(RelatedPapers(broken) == nil)
    }

    @Test("a look-up uses a paper's strongest terms, ties to the lower term, in term order")
    func strongestTerms() {
        // Weights with many ties, over vectors shorter and longer than the number of terms used.
        var generator = SeededRandom(state: 12)
        for length in [0, 1, RelatedPapers.queryTerms, RelatedPapers.queryTerms + 1, 40, 200] {
            for _ in 0..<20 {
                let vector = (0..<length).map { term in
                    (term: term * 3, weight: Float(Int.random(in: 1...6, using: &generator)) / 8)
                }
                let expected = vector.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
                    .prefix(RelatedPapers.queryTerms).sorted { $0.term < $1.term }
                let chosen = RelatedPapers.strongest(vector)
                #expect(chosen.map(\.term) == expected.map(\.term), "length \(length)")
                #expect(chosen.map(\.weight) == expected.map(\.weight), "length \(length)")
            }
        }
    }

    @Test(
        "related papers fed in runs cut anywhere, as a clean build makes its texts, equal those made after the catalog")
    func fedInRuns() throws {
        // Four days on three subjects, of growing length; a paper of the first day is listed again on the last.
        let subjects = ["graph neural message passing", "protein folding structure", "language reasoning chains"]
        var days: [DumpDay] = []
        for day in 0..<4 {
            var papers = (0..<(5 + day)).map { number in
                let subject = subjects[(number + day) % 3]
                return (
                    title: "Paper \(day)-\(number) on \(subject)", abstract: abstract("\(subject) variant \(number)")
                )
            }
            if day == 3 { papers.append((title: "Paper 0-1 on \(subjects[1])", abstract: abstract("again"))) }
            let parsed = parseDump(dumpText(date: "Mar \(12 + day)", papers), path: "2026-03-\(12 + day).txt")
            days.append(try #require(parsed.day))
        }
        let builder = CatalogBuilder(taxonomy: .builtIn)
        let drafts = builder.collect(days)
        let catalog = builder.build(days).0
        let order = catalog.firstListing
        let expected = SiteGenerator.related(catalog, cache: BuildCache()).lists
        #expect(expected.filter { !$0.isEmpty }.count > order.count / 2)
        for size in [1, 3, 7, order.count] {
            let feed = RelatedFeed(drafts.papers, cache: BuildCache())
            for start in stride(from: 0, to: order.count, by: size) {
                let run = start..<min(start + size, order.count)
                let papers = run.map { catalog.papers[order[$0]] }
                feed.add(
                    run, prints: papers.map { ($0.title.fingerprint, $0.abstract.fingerprint) },
                    counted: papers.map {
                        Terms.significantCounts(title: $0.title.plainText, abstract: $0.abstract.plainText)
                    })
            }
            let answers = feed.answers()
            #expect(!answers.contains { $0 == nil }, "runs of \(size)")
            #expect(RelatedDays.result(answers, groups: feed.groups, catalog: catalog) == expected, "runs of \(size)")
        }
        // A feed not handed every paper leaves the last day unanswered: the build then relates the catalog.
        let partial = RelatedFeed(drafts.papers, cache: BuildCache())
        let first = catalog.papers[order[0]]
        partial.add(
            0..<1, prints: [(first.title.fingerprint, first.abstract.fingerprint)],
            counted: [Terms.significantCounts(title: first.title.plainText, abstract: first.abstract.plainText)])
        #expect(partial.answers().contains { $0 == nil })
        #expect(SiteGenerator.related(catalog, madeWith: partial, cache: BuildCache()).lists == expected)
    }
}
