import Foundation

/// How a build makes its catalog: from every dump's parse (`collect`), or by extending the
/// last build's with dumps of later days (`extend`); the texts and facts both need.
extension SiteGenerator {
    /// The catalog a build made, what it warned of, and what the next build extends.
    struct MadeCatalog {
        var catalog: Catalog
        /// The dumps' warnings, in the order they were read (with the taxonomy's, when
        /// already checked), and those of the papers' texts, by first listing.
        var dumpDiagnostics: [Diagnostic]
        var textDiagnostics: [Diagnostic]
        var parsedDumps: Int
        /// What the next build extends; nil to keep the one saved.
        var resume: CatalogResume?
        var extended = false
        /// Related papers made with the texts; nil to relate the catalog's papers afterwards.
        var related: RelatedFeed?
    }

    /// Every dump parsed (or its parse remembered), collected and assembled. Nil when a
    /// remembered parse does not suffice (see `prepare`).
    static func collect(
        _ snapshot: inout ContentSnapshot, year: Int?, builder: CatalogBuilder, memo: inout DumpMemo,
        cache: () -> BuildCache, relatedKeptBack: Int, diagnostics: inout [Diagnostic],
        taxonomyDiagnostics: [Diagnostic], clock: inout StepClock
    ) throws(BuildFailure) -> MadeCatalog? {
        let parser = DumpParser(defaultYear: year)
        // The dumps' bytes and their parse are dropped as soon as the drafts hold what is kept.
        let remembered = snapshot.rememberedDumps
        let memoSoFar = memo
        // A few dumps at a time, each one's bytes dropped once parsed: ten years of them are
        // large, and their parse as large again.
        var parsed: [(result: DumpParseResult?, digest: UInt64?)] = []
        parsed.reserveCapacity(snapshot.dumps.count)
        let digests = snapshot.dumps.map { snapshot.digest(of: $0) }
        for start in stride(from: 0, to: snapshot.dumps.count, by: 64) {
            let range = start..<min(start + 64, snapshot.dumps.count)
            parsed += Array(zip(snapshot.dumps[range], digests[range])).parallelMap {
                file, digest -> (result: DumpParseResult?, digest: UInt64?) in
                if remembered.contains(file.path) { return (memoSoFar.result(file.path, year: year), nil) }
                return (parser.parse(file), digest)
            }
            for index in range { snapshot.dumps[index].data = Data() }
        }
        var results: [DumpParseResult] = []
        results.reserveCapacity(parsed.count)
        for (file, parse) in zip(snapshot.dumps, parsed) {
            guard let result = parse.result else { return nil }
            if let digest = parse.digest { memo.remember(result, of: file.path, digest: digest, year: year) }
            results.append(result)
        }
        parsed = []
        Trace.mark("parsed")
        memo.keep(only: Set(snapshot.dumps.map(\.path)))
        noteConflicts(&results)
        let parsedDumps = snapshot.dumps.count - remembered.count
        let dumps = zip(snapshot.dumps, results).map { file, result in
            CatalogResume.Dump(
                path: file.path, digest: memo.digest(of: file.path) ?? 0, diagnostics: result.diagnostics)
        }
        snapshot.dumps = []
        diagnostics += results.flatMap(\.diagnostics)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        clock.lap(Self.steps[1])
        diagnostics += taxonomyDiagnostics
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        Trace.mark("taxonomy")
        var drafts = builder.collect(results.compactMap(\.day))
        Trace.mark("collect")
        results = []
        // Only each paper's latest listing is rendered: the others' texts go now.
        drafts.days = drafts.days.map { DumpDay(date: $0.date, entries: [], sources: $0.sources) }
        // By index: a draft handed to the closure whole would be copied, every field retained.
        let root = snapshot.root
        let keys = Array(drafts.papers.indices).parallelMap { index in
            Self.textKeys(of: drafts.papers[index].latest, root: root)
        }
        Trace.mark("text keys")
        let cache = cache()
        Trace.mark("wait for cache")
        let known = Self.placed(cache.texts(keys.flatMap { [$0.title, $0.abstract] })) { drafts.papers[$0].latest }
        Trace.mark("texts looked up")
        // An abstract known only by its fingerprint must be in the cache.
        for (index, draft) in drafts.papers.enumerated() where draft.latest.isRemembered && known[2 * index + 1] == nil
        {
            return nil
        }
        // With no index to resume from, related papers are made as the texts are.
        let feed = cache.relatedState == nil ? RelatedFeed(drafts.papers, cache: cache, keptBack: relatedKeptBack) : nil
        let texts = Self.texts(
            keys: keys, known: known, taxonomy: builder.taxonomy, matcher: builder.matcher, cache: cache,
            relating: feed, source: { Self.source($1, of: drafts.papers[$0].latest) },
            rendered: { run in
                // The dumps' texts are not needed once rendered (ten years of them are large).
                for index in run where !drafts.papers[index].latest.abstract.isEmpty {
                    drafts.papers[index].latest = drafts.papers[index].latest.withoutText
                }
            })
        if parsedDumps > FreedMemory.dumpsWorthTrimming { FreedMemory.handBack() }
        let facts = Self.facts(of: texts, matcher: builder.matcher, cache: cache)
        Trace.mark("topics")
        let (catalog, order) = builder.assembleInOrder(
            drafts, texts: texts.map { ($0.title.text, $0.abstract.text) }, facts: facts)
        Trace.mark("topic lists")
        // Drafts are in order of first listing.
        var textDiagnostics: [Diagnostic] = []
        for text in texts where !text.title.diagnostics.isEmpty || !text.abstract.diagnostics.isEmpty {
            textDiagnostics += text.title.diagnostics + text.abstract.diagnostics
        }
        var textKeys: [UInt64] = []
        textKeys.reserveCapacity(2 * order.count)
        for draft in order { textKeys += [keys[draft].title, keys[draft].abstract] }
        let resume = CatalogResume(
            dumps: dumps, year: year, taxonomy: fingerprint(of: builder.taxonomy), catalog: catalog,
            textKeys: textKeys, factKeys: order.map { texts[$0].factKey })
        return MadeCatalog(
            catalog: catalog, dumpDiagnostics: [], textDiagnostics: textDiagnostics, parsedDumps: parsedDumps,
            resume: resume, related: feed)
    }

    /// The last build's catalog extended by the dumps read now, when those are the only
    /// change and all of later days than its newest; nil otherwise (the catalog is then
    /// made from every dump). The output is the same either way.
    static func extend(
        _ resume: consuming CatalogResume?, snapshot: ContentSnapshot, year: Int?, builder: CatalogBuilder,
        memo: inout DumpMemo, cache: () -> BuildCache
    ) -> MadeCatalog? {
        Trace.mark("saved catalog read")
        // Taken, not copied: the papers are changed in place (`takeCatalog`).
        guard var resume = consume resume, resume.year == year, resume.taxonomy == fingerprint(of: builder.taxonomy)
        else {
            return nil
        }
        // Every dump the catalog holds is here unchanged (remembered: one read again only because
        // its file's time changed, a fresh checkout, was taken as remembered when read); the
        // others (`later`) were added since.
        let remembered = snapshot.rememberedDumps
        let resumed = Dictionary(resume.dumps.map { ($0.path, $0) }) { first, _ in first }
        guard
            resume.dumps.allSatisfy({ remembered.contains($0.path) && memo.digest(of: $0.path) == $0.digest })
        else { return nil }
        let later = snapshot.dumps.filter { resumed[$0.path] == nil }
        let parser = DumpParser(defaultYear: year)
        let memoSoFar = memo
        let results = later.parallelMap {
            remembered.contains($0.path) ? memoSoFar.result($0.path, year: year) : parser.parse($0)
        }
        var parsed = results.compactMap { $0 }
        guard !later.isEmpty, parsed.count == later.count, !parsed.contains(where: \.diagnostics.hasErrors) else {
            return nil
        }
        Trace.mark("parsed")
        let cache = cache()
        Trace.mark("wait for cache")
        // Every paper's texts, from the cache: the pages need them, and their warnings are given again.
        let found = cache.texts(resume.textKeys)
        guard !found.contains(where: { $0 == nil }),
            let catalog = resume.takeCatalog(texts: found, taxonomy: builder.taxonomy)
        else { return nil }
        // Their facts are kept for the next build that makes the catalog whole.
        cache.keep(facts: resume.factKeys)
        Trace.mark("texts looked up")
        guard let added = builder.collect(parsed.compactMap(\.day), after: catalog) else { return nil }
        Trace.mark("collect")
        // A paper that kept its abstract keeps its text and key.
        var textKeys = added.drafts.map { Self.textKeys(of: $0.latest, root: snapshot.root) }
        var known = Self.placed(cache.texts(textKeys.flatMap { [$0.title, $0.abstract] })) { added.drafts[$0].latest }
        for (index, old) in added.previous.enumerated() where added.keepsAbstract[index] {
            guard let old else { continue }
            textKeys[index].abstract = resume.textKeys[2 * old + 1]
            known[2 * index + 1] = found[2 * old + 1]
        }
        // An abstract known only by its fingerprint (a dump's parse remembered) must be in the cache.
        for index in added.drafts.indices where added.drafts[index].latest.isRemembered && known[2 * index + 1] == nil {
            return nil
        }
        let texts = Self.texts(
            keys: textKeys, known: known, taxonomy: builder.taxonomy, matcher: builder.matcher, cache: cache
        ) { Self.source($1, of: added.drafts[$0].latest) }
        let facts = Self.facts(of: texts, matcher: builder.matcher, cache: cache)
        guard
            let (extended, order) = builder.extend(
                consume catalog, with: added, texts: texts.map { ($0.title.text, $0.abstract.text) }, facts: facts)
        else { return nil }
        Trace.mark("extended")

        /// The texts' warnings by first listing, as a whole build gives them.
        func textDiagnostics(_ catalog: Catalog, _ order: [CatalogBuilder.Source]) -> [Diagnostic] {
            var warnings = Array(repeating: [Diagnostic](), count: order.count)
            for (position, source) in order.enumerated() {
                switch source {
                case .kept(let old):
                    warnings[position] = (found[2 * old]?.diagnostics ?? []) + (found[2 * old + 1]?.diagnostics ?? [])
                case .draft(let draft):
                    warnings[position] = texts[draft].title.diagnostics + texts[draft].abstract.diagnostics
                }
            }
            return catalog.firstListing.flatMap { warnings[$0] }
        }
        // What comes of the dumps just parsed is remembered, as a whole build would.
        for (file, result) in zip(later, parsed) where !remembered.contains(file.path) {
            memo.remember(result, of: file.path, digest: snapshot.digest(of: file), year: year)
        }
        memo.keep(only: Set(snapshot.dumps.map(\.path)))
        noteConflicts(&parsed)
        var dumps: [CatalogResume.Dump] = []
        var parses = zip(later, parsed).makeIterator()
        for file in snapshot.dumps {
            if let dump = resumed[file.path] {
                dumps.append(dump)
            } else if let (_, result) = parses.next() {
                dumps.append(
                    CatalogResume.Dump(
                        path: file.path, digest: memo.digest(of: file.path) ?? 0, diagnostics: result.diagnostics))
            }
        }
        let parsedDumps = later.count { !remembered.contains($0.path) }
        // The saved catalog is kept while it lacks only a few days, each extended again by
        // every build (a day is quick to add; ten years of papers are slow to save).
        guard later.count >= CatalogResume.daysWorthSaving else {
            return MadeCatalog(
                catalog: extended, dumpDiagnostics: dumps.flatMap(\.diagnostics),
                textDiagnostics: textDiagnostics(extended, order), parsedDumps: parsedDumps, resume: nil,
                extended: true)
        }
        // Each paper's keys in the new order, for the catalog saved.
        var newKeys: [UInt64] = []
        var factKeys: [UInt64] = []
        newKeys.reserveCapacity(2 * order.count)
        factKeys.reserveCapacity(order.count)
        for source in order {
            switch source {
            case .kept(let old):
                newKeys.append(resume.textKeys[2 * old])
                newKeys.append(resume.textKeys[2 * old + 1])
                factKeys.append(resume.factKeys[old])
            case .draft(let draft):
                newKeys.append(textKeys[draft].title)
                newKeys.append(textKeys[draft].abstract)
                factKeys.append(texts[draft].factKey)
            }
        }
        let next = CatalogResume(
            dumps: dumps, year: year, taxonomy: resume.taxonomy, catalog: extended, textKeys: newKeys,
            factKeys: factKeys)
        return MadeCatalog(
            catalog: extended, dumpDiagnostics: dumps.flatMap(\.diagnostics),
            textDiagnostics: textDiagnostics(extended, order), parsedDumps: parsedDumps, resume: next, extended: true)
    }

    /// The keys a paper's title and abstract, as its latest listing gives them, are remembered
    /// under (`root`: the content folder).
    static func textKeys(of latest: DumpEntry, root: String) -> (title: UInt64, abstract: UInt64) {
        (
            title: textKey(Fingerprint.of(latest.title), at: latest.titleLocation, role: .title, root: root),
            abstract: textKey(latest.abstractDigest, at: latest.abstractLocation, role: .abstract, root: root)
        )
    }

    /// Texts found in the cache (a title and an abstract for each paper, whose latest
    /// listing `latest` gives), their warnings placed in the file that listing is in now:
    /// the keys name files within the content folder, and a text may have been made before
    /// the site moved.
    static func placed(_ found: [BuildCache.Text?], latest: (Int) -> DumpEntry) -> [BuildCache.Text?] {
        var found = found
        for position in found.indices where found[position]?.diagnostics.isEmpty == false {
            let role: PaperText.Role = position.isMultiple(of: 2) ? .title : .abstract
            let location = Self.source(role, of: latest(position / 2)).location
            found[position] = found[position]?.placed(in: location?.path)
        }
        return found
    }

    /// The text `entry` gives for `role`, and where it was read: the two fields copied, where
    /// copying the entry (its title, abstract and their locations) for each text retained
    /// and released every string it holds.
    static func source(_ role: PaperText.Role, of entry: DumpEntry) -> (text: String, location: SourceLocation?) {
        role == .title ? (entry.title, entry.titleLocation) : (entry.abstract, entry.abstractLocation)
    }

    /// A paper's title and abstract, the key of the facts the catalog derives from the two,
    /// and those facts when both texts were rendered just now (nil otherwise).
    typealias PaperTexts = (title: BuildCache.Text, abstract: BuildCache.Text, factKey: UInt64, facts: [String]?)

    /// Papers whose texts are made in one run: about a month of them, enough for every core
    /// to share, and what a run hands to a `RelatedFeed` at once.
    static let textRun = 2048

    /// Each paper's title and abstract, from `known` (what the cache has under `keys`) or
    /// rendered from its latest listing (`source(index, role)`) and remembered, with the key of
    /// the facts the catalog derives from the two, made in the same pass: ten years of
    /// texts are slow to go over, even just to read them. A paper whose texts are both
    /// rendered here gets its facts here too, while their plain text is in memory: reading
    /// the texts back from the cache cost more than finding the topics.
    ///
    /// Papers are made in runs, each handed to `rendered` once made (and to `feed` with the
    /// terms related papers weigh, counted while the plain texts are at hand).
    static func texts(
        keys: [(title: UInt64, abstract: UInt64)], known: [BuildCache.Text?], taxonomy: Taxonomy,
        matcher: TopicMatcher, cache: BuildCache, relating feed: RelatedFeed? = nil,
        source: (Int, PaperText.Role) -> (text: String, location: SourceLocation?),
        rendered: (Range<Int>) -> Void = { _ in }
    ) -> [PaperTexts] {
        let taxonomyKey = fingerprint(of: taxonomy)
        cache.expectNewTexts(known.lazy.filter { $0 == nil }.count)
        let counts = feed != nil
        /// A paper's texts, and its terms when counted.
        func make(_ index: Int) -> (texts: PaperTexts, terms: TermCounts) {
            /// The text known, or rendered now with its plain text.
            func text(_ known: BuildCache.Text?, _ role: PaperText.Role) -> (
                text: BuildCache.Text, plainText: String?
            ) {
                if let known { return (known, nil) }
                let (text, location) = source(index, role)
                let made = render(text, at: location, role: role, cache: cache)
                return (made.stored, made.plainText)
            }
            let title = text(known[2 * index], .title)
            let abstract = text(known[2 * index + 1], .abstract)
            var fact = Fingerprint()
            fact.add(taxonomyKey)
            fact.add(title.text.text.fingerprint)
            fact.add(abstract.text.text.fingerprint)
            var facts: [String]?
            var terms = TermCounts()
            if let titleText = title.plainText, let abstractText = abstract.plainText {
                if counts {
                    (facts, terms) = Self.factsAndTerms(title: titleText, abstract: abstractText, matcher: matcher)
                } else {
                    facts = Self.facts(title: titleText, abstract: abstractText, matcher: matcher)
                }
            } else if counts {
                terms = Terms.significantCounts(
                    title: title.plainText ?? title.text.text.plainText,
                    abstract: abstract.plainText ?? abstract.text.text.plainText)
            }
            return ((title: title.text, abstract: abstract.text, factKey: fact.value, facts: facts), terms)
        }
        var texts: [PaperTexts] = []
        texts.reserveCapacity(keys.count)
        // Each run's new texts are remembered on another thread while the next run is made:
        // ten years of them took half a second on one core.
        let remembering = DispatchQueue(label: "paperdigest.remember")
        for start in stride(from: 0, to: keys.count, by: textRun) {
            let run = start..<min(start + textRun, keys.count)
            let made = Array(run).parallelMap(make)
            texts += made.lazy.map(\.texts)
            let new = newTexts(texts[run], keys: keys, known: known)
            remembering.async { cache.remember(texts: new) }
            rendered(run)
            feed?.add(
                run, prints: texts[run].map { ($0.title.text.fingerprint, $0.abstract.text.fingerprint) },
                counted: made.map(\.terms))
        }
        Trace.mark("texts rendered")
        remembering.sync {}
        Trace.mark("texts remembered")
        return texts
    }

    /// The texts of `texts` (papers by their index) that `known` lacked, under their `keys`.
    private static func newTexts(
        _ texts: ArraySlice<PaperTexts>, keys: [(title: UInt64, abstract: UInt64)], known: [BuildCache.Text?]
    ) -> [(key: UInt64, text: BuildCache.Text)] {
        var made: [(key: UInt64, text: BuildCache.Text)] = []
        for index in texts.indices where known[2 * index] == nil || known[2 * index + 1] == nil {
            if known[2 * index] == nil { made.append((keys[index].title, texts[index].title)) }
            if known[2 * index + 1] == nil { made.append((keys[index].abstract, texts[index].abstract)) }
        }
        return made
    }

    /// Adds to each dump's warnings the papers it lists on a day another dump lists too,
    /// with another abstract (after the memo took the parses: these warnings depend on
    /// more than one file).
    private static func noteConflicts(_ results: inout [DumpParseResult]) {
        for (index, warning) in DumpDay.conflicts(results.map(\.day)) { results[index].diagnostics.append(warning) }
    }

    /// Each paper's facts: its slug base (from its title), then its topics; remembered
    /// under the texts' fact keys.
    static func facts(of texts: [PaperTexts], matcher: TopicMatcher, cache: BuildCache) -> [[String]] {
        let factKeys = texts.map(\.factKey)
        let knownFacts = cache.facts(factKeys)
        let facts = Array(texts.indices).parallelMap { index in
            if let known = knownFacts[index], !known.isEmpty { return known }
            if let made = texts[index].facts { return made }
            // Read once: a title kept in texts.bin is read back each time it is asked for.
            let title = texts[index].title.text.plainText
            return Self.facts(title: title, abstract: texts[index].abstract.text.plainText, matcher: matcher)
        }
        cache.remember(
            facts: facts.indices.filter { knownFacts[$0]?.isEmpty ?? true }.map { (factKeys[$0], facts[$0]) })
        return facts
    }

    private static func facts(title: String, abstract: String, matcher: TopicMatcher) -> [String] {
        [CatalogBuilder.slugBase(ofTitle: title)] + matcher.topics(title: title, abstract: abstract)
    }

    /// `facts`, and the significant terms related papers weigh, from one split of each text
    /// when it is all ASCII (most are): the two splits differ only on other scalars.
    private static func factsAndTerms(title: String, abstract: String, matcher: TopicMatcher) -> (
        facts: [String], terms: TermCounts
    ) {
        let titleWords = Terms.wordList(title)
        let abstractWords = Terms.wordList(abstract)
        let topics = matcher.topics(
            title: titleWords.isASCII ? titleWords : Words.split(title),
            abstract: abstractWords.isASCII ? abstractWords : Words.split(abstract))
        return (
            [CatalogBuilder.slugBase(ofTitle: title)] + topics,
            Terms.significantCounts(title: titleWords, abstract: abstractWords)
        )
    }
}
