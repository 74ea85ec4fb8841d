import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The catalog the last build made and what it was made from, so that a build whose only
/// change is dumps of days after the newest extends it (`CatalogBuilder.extend`) rather
/// than collect and assemble ten years of papers again.
///
/// `catalog.bin` in the cache folder. The papers' texts are not in it: each paper names the
/// keys its title and abstract have in the build cache. It names the binary that wrote it
/// and carries a checksum; anything else is ignored, and the catalog is made from every
/// dump's parse.
struct CatalogResume: Sendable {
    /// A dump the catalog holds: its path as shown, the fingerprint of its bytes, and the
    /// warnings its parse gave (each build reports them again).
    struct Dump: Sendable {
        var path: String
        var digest: UInt64
        var diagnostics: [Diagnostic]
    }

    /// In the order the build read them.
    var dumps: [Dump]
    /// The parser's default year and the taxonomy's fingerprint: the catalog depends on both.
    var year: Int?
    var taxonomy: UInt64
    /// The catalog's papers with empty texts (`texts(from:)` fills them), its days, the
    /// papers of each topic by slug, and the papers by first listing.
    var papers: [Paper]
    var days: [Catalog.Day]
    var topics: [(slug: String, papers: [Int])]
    var firstListing: [Int]
    /// Two for each paper: the keys of its title and its abstract in the build cache.
    var textKeys: [UInt64]
    /// For each paper, the key of its facts (slug base and topics) in the build cache.
    var factKeys: [UInt64]

    static let fileName = "catalog.bin"
    /// Days added since the catalog was saved, above which it is saved again.
    static let daysWorthSaving = 32
    static let magic = "PaperDigest catalog 1"
    /// What a paper's texts are until they are looked up.
    static let noText = PaperText(html: "", plainText: "", links: [], fingerprint: 0)

    init(
        dumps: [Dump], year: Int?, taxonomy: UInt64, catalog: Catalog, textKeys: [UInt64], factKeys: [UInt64]
    ) {
        self.dumps = dumps
        self.year = year
        self.taxonomy = taxonomy
        papers = catalog.papers
        days = catalog.days
        topics = catalog.topics.map { ($0.topic.slug, $0.papers) }
        firstListing = catalog.firstListing
        self.textKeys = textKeys
        self.factKeys = factKeys
    }

    /// The catalog, its papers' texts as given (two for each paper, title then abstract),
    /// its topics taken from `taxonomy`; nil when a topic is not the taxonomy's. The papers
    /// are moved out, not copied (a paper copied retains every string it holds).
    mutating func takeCatalog(texts: [BuildCache.Text?], taxonomy: Taxonomy) -> Catalog? {
        let known = Dictionary((taxonomy.topics + [taxonomy.other]).map { ($0.slug, $0) }) { first, _ in first }
        var found: [Catalog.TopicPapers] = []
        for (slug, members) in topics {
            guard let topic = known[slug] else { return nil }
            found.append(Catalog.TopicPapers(topic: topic, papers: members))
        }
        var papers = self.papers
        self.papers = []
        for index in papers.indices {
            papers[index].title = texts[2 * index]?.text ?? Self.noText
            papers[index].abstract = texts[2 * index + 1]?.text ?? Self.noText
        }
        return Catalog(papers: papers, days: days, topics: found, firstListing: firstListing)
    }

    // MARK: Binary form

    /// The resume saved in `folder`; nil when there is none, or it is damaged or another
    /// binary's.
    static func load(from folder: URL) -> CatalogResume? {
        guard let data = FileBytes.read(folder.appendingPathComponent(fileName).path) else { return nil }
        do {
            var reader = try CacheReader(checksummed: data)
            guard try reader.string() == magic, try reader.uint64() == BinaryVersion.current, reader.checksumHolds
            else { return nil }
            let resume = try decode(from: &reader)
            return reader.isAtEnd ? resume : nil
        } catch {
            return nil
        }
    }

    /// Replaces the file in `folder` atomically.
    func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CacheWriter.save(to: folder.appendingPathComponent(Self.fileName)) { writer in
            writer.add(Self.magic)
            writer.add(BinaryVersion.current)
            encode(into: &writer)
            writer.addChecksum()
        }
    }

    /// Removes the file from `folder`, so no later build extends a catalog this build did not make.
    static func remove(from folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
    }

    private func encode(into writer: inout CacheWriter) {
        writer.add(year.map { $0 + 1 } ?? 0)
        writer.add(taxonomy)
        writer.add(dumps.count)
        for dump in dumps {
            writer.add(dump.path)
            writer.add(dump.digest)
            writer.add(dump.diagnostics.count)
            for diagnostic in dump.diagnostics { writer.add(diagnostic) }
        }
        // The files locations name, each written once (a few thousand for ten years).
        var files: [String: Int] = [:]
        var fileList: [String] = []
        func file(_ path: String) -> Int {
            if let number = files[path] { return number }
            files[path] = fileList.count
            fileList.append(path)
            return fileList.count - 1
        }
        // By index: a paper read out of the array whole is copied, every string it holds retained.
        let locations = papers.indices.map {
            (file(papers[$0].titleLocation.path), papers[$0].abstractLocation.map { file($0.path) })
        }
        writer.add(fileList.count)
        for path in fileList { writer.add(path) }
        var topicNumbers: [String: Int] = [:]
        var topicList: [String] = []
        for index in papers.indices {
            for topic in papers[index].topics where topicNumbers[topic] == nil {
                topicNumbers[topic] = topicList.count
                topicList.append(topic)
            }
        }
        writer.add(topicList.count)
        for topic in topicList { writer.add(topic) }
        writer.add(papers.count)
        writer.add(contentsOf: textKeys)
        writer.add(contentsOf: factKeys)
        // In chunks made and read on every core: ten years hold a quarter of a million papers.
        // A few chunks are made at a time, so they are never all in memory with the site's pages.
        let chunks = stride(from: 0, to: papers.count, by: Self.chunkSize).map {
            $0..<min($0 + Self.chunkSize, papers.count)
        }
        writer.add(chunks.count)
        for group in stride(from: 0, to: chunks.count, by: 8).map({ $0..<min($0 + 8, chunks.count) }) {
            let encoded = Array(chunks[group]).parallelMap { range in
                var chunk = CacheWriter()
                // Field by field, as above: `let paper = papers[index]` copied each one whole.
                for index in range {
                    chunk.add(papers[index].key.value)
                    chunk.add(papers[index].slug)
                    chunk.add(papers[index].appearances.count)
                    for appearance in papers[index].appearances {
                        chunk.add(
                            UInt64(Self.packed(appearance.date)) << 32
                                | UInt64(UInt32(truncatingIfNeeded: appearance.position)))
                    }
                    chunk.add(papers[index].topics.count)
                    for topic in papers[index].topics { chunk.add(topicNumbers[topic] ?? 0) }
                    chunk.add(locations[index].0)
                    chunk.add(Self.packed(papers[index].titleLocation))
                    chunk.add(locations[index].1.map { $0 + 1 } ?? 0)
                    chunk.add(papers[index].abstractLocation.map(Self.packed) ?? 0)
                }
                return chunk.bytes
            }
            for chunk in encoded {
                writer.add(chunk.count)
                writer.add(bytes: chunk[...])
            }
        }
        writer.add(days.count)
        for day in days {
            writer.add(Self.packed(day.date))
            Self.add(day.papers, to: &writer)
            writer.add(day.sources.count)
            for source in day.sources { writer.add(source) }
        }
        writer.add(topics.count)
        for (slug, members) in topics {
            writer.add(slug)
            Self.add(members, to: &writer)
        }
        Self.add(firstListing, to: &writer)
    }

    private static func decode(from reader: inout CacheReader) throws(CacheReader.Corrupt) -> CatalogResume {
        let year = try reader.int()
        let taxonomy = try reader.uint64()
        var dumps: [Dump] = []
        for _ in 0..<(try reader.count(itemSize: 24)) {
            let path = try reader.string()
            let digest = try reader.uint64()
            var diagnostics: [Diagnostic] = []
            for _ in 0..<(try reader.count(itemSize: 40)) { diagnostics.append(try reader.diagnostic()) }
            dumps.append(Dump(path: path, digest: digest, diagnostics: diagnostics))
        }
        var files: [String] = []
        for _ in 0..<(try reader.count(itemSize: 8)) { files.append(try reader.string()) }
        var topicList: [String] = []
        for _ in 0..<(try reader.count(itemSize: 8)) { topicList.append(try reader.string()) }
        let count = try reader.count(itemSize: 96)
        let textKeys = try reader.uint64s(2 * count)
        let factKeys = try reader.uint64s(count)
        var chunks: [Bytes] = []
        for _ in 0..<(try reader.count(itemSize: 8)) { chunks.append(try reader.bytes(try reader.count())) }
        guard let papers = decodePapers(chunks, count: count, files: files, topics: topicList) else {
            throw .damaged
        }
        func indices() throws(CacheReader.Corrupt) -> [Int] {
            let values = try reader.uint64s(try reader.count(itemSize: 8))
            guard values.allSatisfy({ $0 < count }) else { throw .damaged }
            return values.map { Int($0) }
        }
        var days: [Catalog.Day] = []
        for _ in 0..<(try reader.count(itemSize: 24)) {
            let date = try date(try reader.int())
            let members = try indices()
            var sources: [String] = []
            for _ in 0..<(try reader.count(itemSize: 8)) { sources.append(try reader.string()) }
            days.append(Catalog.Day(date: date, papers: members, sources: sources))
        }
        var topics: [(slug: String, papers: [Int])] = []
        for _ in 0..<(try reader.count(itemSize: 16)) { topics.append((try reader.string(), try indices())) }
        let firstListing = try indices()
        guard firstListing.count == count else { throw .damaged }
        var resume = CatalogResume(
            dumps: dumps, year: year == 0 ? nil : year - 1, taxonomy: taxonomy,
            catalog: Catalog(papers: [], days: days, topics: [], firstListing: firstListing), textKeys: textKeys,
            factKeys: factKeys)
        resume.papers = papers
        resume.topics = topics
        return resume
    }

    /// Indices of papers, copied whole (a million of them at ten years).
    private static func add(_ indices: [Int], to writer: inout CacheWriter) {
        writer.add(indices.count)
        writer.add(contentsOf: indices.map { UInt64(truncatingIfNeeded: $0) })
    }

    /// Papers of one chunk are encoded at a time (and decoded on every core).
    private static let chunkSize = 4096

    /// Every chunk's papers, their texts empty, decoded on every core straight into their
    /// places in one array: arrays of chunks joined would copy a quarter of a million papers,
    /// retaining every string each holds. Nil when a chunk is not what was written.
    private static func decodePapers(
        _ chunks: [Bytes], count: Int, files: [String], topics: [String]
    ) -> [Paper]? {
        guard chunks.count == (count + chunkSize - 1) / chunkSize else { return nil }
        if count == 0 { return [] }
        var whole = false
        let papers = [Paper](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let start = UncheckedSendable(base)
            let made = Array(chunks.indices).parallelMap { number in
                let first = number * chunkSize
                return decodePapers(
                    chunks[number], into: start.value + first, room: min(chunkSize, count - first), files: files,
                    topics: topics)
            }
            whole = made.allSatisfy(\.whole)
            if whole {
                initialized = count
            } else {
                for (number, chunk) in made.enumerated() {
                    (base + number * chunkSize).deinitialize(count: chunk.count)
                }
            }
        }
        return whole ? papers : nil
    }

    /// Decodes one chunk's papers into the `room` places from `start`: how many it
    /// placed, and whether that is the whole chunk, filling them all.
    private static func decodePapers(
        _ chunk: Bytes, into start: UnsafeMutablePointer<Paper>, room: Int, files: [String],
        topics: [String]
    ) -> (count: Int, whole: Bool) {
        var reader = CacheReader(chunk)
        var count = 0
        func string(in table: [String], _ number: Int) throws(CacheReader.Corrupt) -> String {
            guard table.indices.contains(number) else { throw .damaged }
            return table[number]
        }
        // Papers share their lists of topics (a few hundred lists for a quarter of a million
        // papers), each list known by its topics' numbers, a byte each.
        var lists: [UInt64: [String]] = [:]
        var numbers: [Int] = []
        do {
            while !reader.isAtEnd, count < room {
                let key = try reader.string()
                let slug = try reader.string()
                var appearances: [Paper.Appearance] = []
                let seen = try reader.count(itemSize: 8)
                appearances.reserveCapacity(seen)
                for _ in 0..<seen {
                    let packed = try reader.uint64()
                    appearances.append(
                        Paper.Appearance(date: try date(Int(packed >> 32)), position: Int(packed & 0xFFFF_FFFF)))
                }
                numbers.removeAll(keepingCapacity: true)
                for _ in 0..<(try reader.count(itemSize: 8)) {
                    let number = try reader.int()
                    guard topics.indices.contains(number) else { throw CacheReader.Corrupt.damaged }
                    numbers.append(number)
                }
                let listKey =
                    numbers.count < 8 && topics.count < 255 ? numbers.reduce(0) { $0 << 8 | UInt64($1 + 1) } : 0
                let paperTopics: [String]
                if let shared = lists[listKey] {
                    paperTopics = shared
                } else {
                    paperTopics = numbers.map { topics[$0] }
                    if listKey != 0 { lists[listKey] = paperTopics }
                }
                let titleLocation = location(try string(in: files, try reader.int()), try reader.uint64())
                let abstractFile = try reader.int()
                let abstractPacked = try reader.uint64()
                let abstractLocation =
                    abstractFile == 0 ? nil : location(try string(in: files, abstractFile - 1), abstractPacked)
                (start + count).initialize(
                    to: Paper(
                        key: TitleKey(folded: key), slug: slug, title: noText, abstract: noText,
                        appearances: appearances, topics: paperTopics, titleLocation: titleLocation,
                        abstractLocation: abstractLocation))
                count += 1
            }
        } catch {
            return (count, false)
        }
        return (count, reader.isAtEnd && count == room)
    }

    private static func packed(_ date: DayDate) -> Int { date.ordinal }

    private static func date(_ packed: Int) throws(CacheReader.Corrupt) -> DayDate {
        // The inverse of `DayDate.ordinal`.
        guard let date = DayDate(year: packed >> 9, month: (packed >> 5) & 15, day: packed & 31) else {
            throw .damaged
        }
        return date
    }

    private static func packed(_ location: SourceLocation) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: location.line)) << 32 | UInt64(UInt32(truncatingIfNeeded: location.column))
    }

    private static func location(_ path: String, _ packed: UInt64) -> SourceLocation {
        SourceLocation(path: path, line: Int(packed >> 32), column: Int(packed & 0xFFFF_FFFF))
    }
}
