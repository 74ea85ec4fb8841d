import Foundation
import Synchronization

/// What one build leaves for the next, so a rebuild redoes only what changed: recovered
/// and rendered texts, the related papers of each day, each paper's slug base, topics and search words,
/// and what each page was made from.
///
/// Kept in `.paperdigest-cache/` beside the output folder: `texts.bin`, the rendered texts
/// (see `TextStore`: a build reads the abstracts only of pages it renders), grows by one
/// appended segment per build (a new day adds its papers, not a copy of the archive) and
/// is rewritten only when a quarter of it is stale; `pages.bin` holds the page records as
/// flat arrays (copied, not encoded one by one); `cache.bin` holds the rest.
/// Every part names the binary that wrote it and carries a checksum; a cache from
/// another binary, a damaged one or none at all gives an empty cache, and the build is then
/// simply a full one with the same output.
public final class BuildCache: @unchecked Sendable {
    /// A title or abstract made once: its rendered forms and the warnings its parse gave.
    struct Text: Sendable {
        var text: PaperText
        var diagnostics: [Diagnostic]

        /// The text with its warnings in the file at `path` (they are all in the one it
        /// was read from); itself when they are there already.
        func placed(in path: String?) -> Text {
            guard let path, diagnostics.contains(where: { $0.location.map { $0.path != path } ?? false }) else {
                return self
            }
            var moved = self
            moved.diagnostics.place(in: path)
            return moved
        }
    }

    private let lock = NSLock()
    /// Something was added or dropped since the cache was loaded: it needs saving.
    private var dirty = false
    private var texts = MemoTable<Text>()
    /// Where texts not held in memory are: in `texts.bin` as loaded, or in the store this
    /// build writes its long new texts to (`spill`). Their strings are read only when a
    /// page needs them.
    private var stores: [TextStore] = []
    private var spill: TextStore?
    /// The cache folder, where `spill` is made (none: new texts stay in memory).
    let spillFolder: URL?
    private var spillFailed = false
    /// Titles held in memory as well as stored (see `stored`).
    private let heldTitles = Atomic<Int>(0)
    /// At most this many: a few years of titles (about 33 MiB), not ten years' (88 MiB).
    static let heldTitleLimit = 100_000
    /// Abstracts held as well, when a build makes few enough texts (see `expectNewTexts`).
    private let holdsAbstracts = Atomic<Bool>(false)
    /// A build making at most this many texts holds its abstracts too: about 40,000
    /// papers, a year and a half of dumps (some 80 MiB), which its pages then read without
    /// a read, a check and a decoding each from the store.
    static let heldTextsLimit = 80_000
    /// Texts made since the cache was read, not yet in `texts.bin`.
    private var newTexts = Set<UInt64>()
    /// Entries in `texts.bin`, live or not, and its length in bytes.
    private var storedTexts = 0
    private var textsBytes = 0

    /// What the catalog derives from a paper's texts: its slug base, then its topics.
    private var facts = MemoTable<StoredList>()
    /// What the search index holds of a paper (its summary, then its words), by its texts' fingerprints.
    private var searchEntries = MemoTable<StoredList>()
    private var relatedDays = MemoTable<[[Int]]>()
    /// The related-papers index after the day `RelatedDays.keptBack` days before the newest
    /// of the last build that added that day, and the day's key (see `SiteGenerator.related`).
    private(set) var relatedState: (key: UInt64, state: RelatedPapers.State)?
    private(set) var pages = PageRecords()
    /// The page records changed since they were loaded or saved.
    private var pagesDirty = false

    /// Why the cache on disk could not be used, when it was damaged (one written by another
    /// binary is dropped without a word: updating the program is no problem).
    public private(set) var note: String?

    public convenience init() { self.init(spillingTo: nil) }

    /// An empty cache whose new long texts go to a store in `folder`.
    init(spillingTo folder: URL?) {
        spillFolder = folder
    }

    static let magic = "PaperDigest build cache 6"
    static let fileName = "cache.bin"
    static let textsName = "texts.bin"
    /// This build's store of new texts, which becomes `texts.bin` when much of it is stale.
    static let newTextsName = textsName + ".new"
    static let pagesName = "pages.bin"
    /// Starts `pages.bin` ("PDPAGES1").
    static let pagesMagic: UInt64 = 0x3153_4547_4150_4450

    /// The cache in `folder`, or an empty one (with `note` saying why) when it is missing,
    /// damaged or written by another binary.
    public static func load(from folder: URL) -> BuildCache {
        let cache = BuildCache(spillingTo: folder)
        let file = folder.appendingPathComponent(fileName)
        guard let data = FileBytes.read(file.path) else { return cache }
        // The three files are decoded at once, on every core: a build waits for them.
        let textsPath = folder.appendingPathComponent(textsName).path
        let texts = Background {
            Result { () throws(CacheReader.Corrupt) -> OpenedTexts? in
                var opened = OpenedTexts()
                guard let file = try TextStore.open(textsPath, texts: &opened.texts) else {
                    return nil
                }
                opened.file = file
                return opened
            }
        }
        let pagesPath = folder.appendingPathComponent(pagesName).path
        let pages = Background {
            Result { () throws(CacheReader.Corrupt) in try FileBytes.read(pagesPath).map(decodePages) }
        }
        do {
            try cache.decode(data)
            let opened = try texts.value.get()
            guard (opened?.file?.size ?? 0) >= cache.textsBytes else { throw CacheReader.Corrupt.damaged }
            if let opened, let file = opened.file {
                cache.texts = opened.texts
                cache.stores = [file.store]
                cache.storedTexts = file.count
                cache.textsBytes = file.size
            }
            if let records = try pages.value.get() { cache.pages = records }
        } catch CacheReader.Corrupt.stale {
            return BuildCache(spillingTo: folder)
        } catch {
            let empty = BuildCache(spillingTo: folder)
            empty.note = "the build cache \(displayPath(folder)) is damaged; building everything"
            return empty
        }
        return cache
    }

    /// What `texts.bin` holds, as `TextStore.open` reads it.
    private struct OpenedTexts: Sendable {
        var texts = MemoTable<Text>()
        var file: (store: TextStore, count: Int, size: Int)?
    }

    /// Saves what changed: new texts appended to `texts.bin` (or all of it rewritten when
    /// much of it is stale), then the rest, each file replaced atomically. The three files
    /// are written at once, each by a core: `cache.bin` ends with the length of `texts.bin`,
    /// so it is finished, and put in place, after it.
    public func save(to folder: URL) throws {
        try lock.withLock {
            // One left by a build that failed or was stopped: nothing will read it.
            if spill == nil { unlink(folder.appendingPathComponent(Self.newTextsName).path) }
            guard pagesDirty || dirty else { return }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let pagesSaved =
                pagesDirty
                ? Background { [self] in
                    Result {
                        try CacheWriter.save(to: folder.appendingPathComponent(Self.pagesName)) {
                            self.encodePages(into: &$0)
                        }
                    }
                } : nil
            // Waited for however this ends: the work reads this cache.
            defer { _ = pagesSaved?.value }
            if dirty {
                let textsSaved = Background { [self] in Result { try self.saveTexts(to: folder) } }
                defer { _ = textsSaved.value }
                try CacheWriter.save(to: folder.appendingPathComponent(Self.fileName)) { writer in
                    encodeTables(into: &writer)
                    try textsSaved.value.get()
                    encodeEnd(into: &writer)
                }
                dirty = false
            }
            if let pagesSaved {
                try pagesSaved.value.get()
                pagesDirty = false
            }
        }
    }

    /// Writes the texts not yet in `texts.bin` (see `save`); called with the lock held.
    private func saveTexts(to folder: URL) throws {
        let file = folder.appendingPathComponent(Self.textsName)
        // Entries of `texts.bin` no longer used: all it holds but the live texts read from it.
        // (Counted against every live text, those made by this build too, a file whose texts
        // were all made again, after the site moved, say, was kept and doubled.)
        let stale = storedTexts - (texts.count - newTexts.count { texts[$0] != nil })
        let rewrite =
            textsBytes == 0 || stale > texts.count / 4 || !FileManager.default.fileExists(atPath: file.path)
        let keys = (rewrite ? texts.keys : Array(newTexts)).sorted()
        // A text held in a store is copied as it is stored.
        func body(_ key: UInt64) -> (text: Text, body: ArraySlice<UInt8>)? {
            guard let text = texts[key] else { return nil }
            if let (shelf, location) = text.text.kept { return shelf.body(at: location).map { (text, $0) } }
            return (text, TextStore.body(of: text.text)[...])
        }
        let temporary = folder.appendingPathComponent(Self.newTextsName)
        if rewrite, let spill, spill.isFile(at: temporary.path) {
            // This build's store becomes the new file, the other live texts added to it;
            // they are then read from it, and older stores are let go (`serve` saves
            // after every rebuild: each would hold an open file).
            var moved: [(UInt64, TextStore.Location)] = []
            let written = try spill.seal(
                keys,
                entry: { key in
                    if let text = texts[key], let (shelf, location) = text.text.kept, shelf === spill {
                        return (text, nil, location)
                    }
                    return body(key).map { ($0.text, $0.body, nil) }
                }, moved: { moved.append(($0, $1)) })
            guard rename(temporary.path, file.path) == 0 else { throw OwnFile.error(file.path) }
            (textsBytes, storedTexts) = written
            for (key, location) in moved {
                guard let text = texts[key] else { continue }
                texts.set(
                    Text(
                        text: PaperText(fingerprint: text.text.fingerprint, keptOn: spill, at: location),
                        diagnostics: text.diagnostics), for: key)
            }
            // What could not be copied (a damaged body) is forgotten.
            let lost = { (text: Text) in text.text.kept.map { $0.shelf !== spill } ?? false }
            if texts.values.contains(where: lost) { texts.removeAll { lost($1) } }
            stores = [spill]
        } else if rewrite {
            // Rewritten whole: to a temporary file, then renamed over the old one.
            let made = OwnFile.create(temporary.path)
            guard made >= 0 else { throw OwnFile.error(temporary.path) }
            close(made)
            let written = try TextStore.appendSegment(keys, to: temporary, body: body)
            guard rename(temporary.path, file.path) == 0 else { throw OwnFile.error(file.path) }
            (textsBytes, storedTexts) = written
        } else {
            if !keys.isEmpty {
                let written = try TextStore.appendSegment(keys, to: file, body: body)
                textsBytes += written.size
                storedTexts += written.count
            }
            // The texts new in this build are few: they are kept in memory from now
            // on, and the store that held them is let go.
            if let spill, let path = spill.file?.path {
                for key in newTexts {
                    guard let text = texts[key], let (shelf, location) = text.text.kept, shelf === spill else {
                        continue
                    }
                    let parts = spill.parts(at: location)
                    texts.set(
                        Text(
                            text: PaperText(
                                html: parts.html, plainText: parts.plainText, links: parts.links,
                                fingerprint: text.text.fingerprint), diagnostics: text.diagnostics), for: key)
                }
                // A body that could not be read back is forgotten, not kept empty.
                if spill.isDamaged { texts.removeAll { key, _ in newTexts.contains(key) } }
                stores.removeAll { $0 === spill }
                // Unless another build has made a file of its own at its name since.
                if spill.isFile(at: path) { unlink(path) }
            }
        }
        spill = nil
        newTexts = []
    }

    // MARK: Memo tables

    /// The texts remembered under `keys`, nil where there is none; each found is noted as
    /// used. One lock for them all: hundreds of thousands of lookups, from parallel
    /// threads one at a time, would mostly wait on each other.
    func texts(_ keys: [UInt64]) -> [Text?] {
        lock.withLock { texts.use(keys) }
    }

    /// Remembers texts this build made (each passed through `stored(_:)` first).
    func remember(texts made: [(key: UInt64, text: Text)]) {
        store(\.texts, made.map { ($0.key, $0.text) }) { $0.newTexts.insert($1) }
    }

    /// The facts of papers (slug base, then topics) remembered under `keys`, nil where there
    /// are none; see `texts`.
    func facts(_ keys: [UInt64]) -> [[String]?] {
        // Decoded on every core: a whole build asks for every paper's.
        lock.withLock { facts.use(keys) }.parallelMap { $0?.strings }
    }

    /// Keeps the facts under `keys` for the next build, though this one did not need them.
    func keep(facts keys: [UInt64]) {
        lock.withLock { facts.keep(keys) }
    }

    func remember(facts made: [(key: UInt64, facts: [String])]) {
        store(\.facts, made.map { ($0.key, .decoded($0.facts)) })
    }

    /// Kept as a list of two strings: the summary, the words.
    func searchEntry(_ key: UInt64, make: () -> SearchEntry) -> SearchEntry {
        let stored = memo(\.searchEntries, key) {
            let entry = make()
            return .decoded([entry.summary, entry.words])
        }
        guard let list = stored.strings else {
            // Damaged in the cache: made again, and remembered as made.
            let entry = make()
            lock.withLock { searchEntries.set(.decoded([entry.summary, entry.words]), for: key, use: true) }
            return entry
        }
        return SearchEntry(summary: list.first ?? "", words: list.dropFirst().first ?? "")
    }

    /// The value remembered under `key` in `table` (noted as used), or `make()`'s,
    /// remembered. `make` runs outside the lock, so parallel stages do not wait on it.
    private func memo<Value>(
        _ table: ReferenceWritableKeyPath<BuildCache, MemoTable<Value>>, _ key: UInt64, make: () -> Value
    ) -> Value {
        if let hit = lock.withLock({ self[keyPath: table].use(key) }) { return hit }
        let value = make()
        lock.withLock {
            self[keyPath: table].set(value, for: key, use: true)
            dirty = true
        }
        return value
    }

    private func store<Value>(
        _ table: ReferenceWritableKeyPath<BuildCache, MemoTable<Value>>, _ made: [(UInt64, Value)],
        added: (BuildCache, UInt64) -> Void = { _, _ in }
    ) {
        guard !made.isEmpty else { return }
        lock.withLock {
            // Room made once: a table grown by doubling holds two copies while it moves.
            self[keyPath: table].reserveCapacity(self[keyPath: table].count + made.count)
            for (key, value) in made {
                self[keyPath: table].set(value, for: key, use: true)
                added(self, key)
            }
            dirty = true
        }
    }

    /// `text` with its strings moved to this build's store when they are long, so that
    /// the archive's abstracts are not all held in memory at once. A title is stored and
    /// also stays at hand, up to `heldTitleLimit` of them: titles are a tenth of the texts'
    /// bytes, and the texts most read (a paper page lists five related papers by title;
    /// related papers and cards read them too). An abstract stays at hand too in a build
    /// that makes few texts (`expectNewTexts`).
    func stored(_ text: Text, role: PaperText.Role) -> Text {
        let body = TextStore.body(of: text.text)
        guard body.count > TextStore.inlineLimit, let store = spillStore() else { return text }
        let location = store.append(body[...])
        let holds =
            role == .title
            ? heldTitles.wrappingAdd(1, ordering: .relaxed).newValue <= Self.heldTitleLimit
            : holdsAbstracts.load(ordering: .relaxed)
        let kept =
            holds
            ? text.text.held(on: store, at: location)
            : PaperText(fingerprint: text.text.fingerprint, keptOn: store, at: location)
        return Text(text: kept, diagnostics: text.diagnostics)
    }

    /// Tells the cache how many texts this build is about to make: at most
    /// `heldTextsLimit`, and their abstracts stay at hand as well as stored.
    func expectNewTexts(_ count: Int) {
        holdsAbstracts.store(count <= Self.heldTextsLimit, ordering: .relaxed)
    }

    /// Writes the texts stored so far to this build's store file (they go a megabyte at a
    /// time, and all of them when the cache is saved).
    func writeStoredTexts() {
        lock.withLock { spill }?.flush()
    }

    /// The store new texts go to, made on first use in the cache folder.
    private func spillStore() -> TextStore? {
        lock.withLock {
            if spill == nil, !spillFailed, let spillFolder {
                try? FileManager.default.createDirectory(at: spillFolder, withIntermediateDirectories: true)
                spill = TextStore.create(at: spillFolder.appendingPathComponent(Self.newTextsName))
                if let spill { stores.append(spill) } else { spillFailed = true }
            }
            return spill
        }
    }

    /// The text stores open (the loaded `texts.bin`, this build's): a cache kept across
    /// rebuilds must not gather one per rebuild.
    var openStores: Int { lock.withLock { stores.count } }

    /// A text read back from `texts.bin` was not what was written: this build's pages
    /// may show it wrong, and must be made again without the cache.
    var isDamaged: Bool { lock.withLock { stores.contains(where: \.isDamaged) } }

    func remember(relatedState state: RelatedPapers.State, for key: UInt64) {
        lock.withLock {
            relatedState = (key, state)
            dirty = true
        }
    }

    func related(_ key: UInt64) -> [[Int]]? {
        lock.withLock { relatedDays.use(key) }
    }

    func remember(related: [[Int]], for key: UInt64) {
        lock.withLock {
            relatedDays.set(related, for: key, use: true)
            dirty = true
        }
    }

    /// Replaces the page records with this build's.
    func record(pages: PageRecords) {
        lock.withLock {
            if self.pages != pages { pagesDirty = true }
            self.pages = pages
        }
    }

    /// Forgets what the last build did not use, so the cache does not grow without end.
    func dropUnused() {
        lock.withLock {
            if texts.dropUnused() { dirty = true }
            if relatedDays.dropUnused() { dirty = true }
            if facts.dropUnused() { dirty = true }
            // A build whose search index was unchanged looked none up: they all stay.
            if searchEntries.usedCount > 0, searchEntries.dropUnused() { dirty = true }
        }
    }

    // MARK: Binary form

    /// A table of string lists (facts of papers, search entries), in key order.
    private static func encode(_ table: MemoTable<StoredList>, into writer: inout CacheWriter) {
        writer.add(table.count)
        for (key, list) in table.sorted {
            writer.add(key)
            list.encode(into: &writer)
        }
    }

    /// A table `encode` wrote, its lists left encoded until asked for.
    private static func decodeLists(from reader: inout CacheReader) throws(CacheReader.Corrupt)
        -> MemoTable<StoredList>
    {
        var table = MemoTable<StoredList>()
        let count = try reader.count(itemSize: 16)
        table.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.uint64()
            table.set(try StoredList.decode(from: &reader), for: key)
        }
        return table
    }

    /// `cache.bin` but its end: everything saving the texts does not change. Tables are
    /// written in key order (their keys sorted, not their entries: a large archive has
    /// hundreds of thousands).
    private func encodeTables(into writer: inout CacheWriter) {
        writer.add(Self.magic)
        writer.add(BinaryVersion.current)
        writer.add(relatedDays.count)
        for (key, lists) in relatedDays.sorted {
            writer.add(key)
            writer.add(lists.count)
            for list in lists { writer.add(list) }
        }
        Self.encode(facts, into: &writer)
        Self.encode(searchEntries, into: &writer)
        writer.add(relatedState == nil ? 0 : 1)
        if let (key, state) = relatedState {
            writer.add(key)
            writer.add(state.count)
            writer.add(state.terms.count)
            for (index, term) in state.terms.enumerated() {
                writer.add(term)
                writer.add(state.frequency[index])
                writer.add(state.postings[index].count)
                for posting in state.postings[index] {
                    writer.add(
                        UInt64(UInt32(truncatingIfNeeded: posting.document)) << 32 | UInt64(posting.weight.bitPattern))
                }
            }
        }
    }

    /// The end of `cache.bin`, once `texts.bin` is saved: its length, and the checksum.
    private func encodeEnd(into writer: inout CacheWriter) {
        writer.add(textsBytes)
        writer.add(Self.magic)
        // A checksum of everything before it: damage anywhere is caught, not just in the framing.
        writer.addChecksum()
    }

    private func decode(_ data: Bytes) throws {
        var reader = try CacheReader(checksummed: data)
        // Another format of the cache (an older `digest`) is stale, not damaged.
        let magic = try reader.string()
        guard magic.hasPrefix("PaperDigest build cache ") else { throw CacheReader.Corrupt.damaged }
        guard magic == Self.magic, try reader.uint64() == BinaryVersion.current else { throw CacheReader.Corrupt.stale }
        guard reader.checksumHolds else { throw CacheReader.Corrupt.damaged }
        for _ in 0..<(try reader.count(itemSize: 16)) {
            let key = try reader.uint64()
            var lists: [[Int]] = []
            for _ in 0..<(try reader.count(itemSize: 8)) { lists.append(try reader.ints()) }
            relatedDays.set(lists, for: key)
        }
        facts = try Self.decodeLists(from: &reader)
        searchEntries = try Self.decodeLists(from: &reader)
        if try reader.int() == 1 {
            let key = try reader.uint64()
            let count = try reader.int()
            var terms: [String] = []
            var frequency: [Int] = []
            var postings: [[RelatedPapers.Posting]] = []
            for _ in 0..<(try reader.count(itemSize: 24)) {
                terms.append(try reader.string())
                frequency.append(try reader.int())
                var list: [RelatedPapers.Posting] = []
                for _ in 0..<(try reader.count(itemSize: 8)) {
                    let packed = try reader.uint64()
                    list.append(
                        (Int32(truncatingIfNeeded: packed >> 32), Float(bitPattern: UInt32(truncatingIfNeeded: packed)))
                    )
                }
                postings.append(list)
            }
            relatedState = (
                key, RelatedPapers.State(terms: terms, frequency: frequency, postings: postings, count: count)
            )
        }
        textsBytes = try reader.int()
        guard try reader.string() == Self.magic, reader.isAtEnd else { throw CacheReader.Corrupt.damaged }
    }

    /// `pages.bin`: a header, the three arrays of the records whole, a checksum of it all.
    private func encodePages(into writer: inout CacheWriter) {
        writer.add(Self.pagesMagic)
        writer.add(BinaryVersion.current)
        writer.add(pages.count)
        writer.add(contentsOf: pages.keys)
        writer.add(contentsOf: pages.inputs)
        writer.add(contentsOf: pages.outputs)
        writer.addChecksum()
    }

    private static func decodePages(_ data: Bytes) throws(CacheReader.Corrupt) -> PageRecords {
        var reader = try CacheReader(checksummed: data)
        guard try reader.uint64() == pagesMagic else { throw CacheReader.Corrupt.damaged }
        guard try reader.uint64() == BinaryVersion.current else { throw CacheReader.Corrupt.stale }
        guard reader.checksumHolds else { throw CacheReader.Corrupt.damaged }
        let count = try reader.count(itemSize: 24)
        guard
            let pages = PageRecords(
                keys: try reader.uint64s(count), inputs: try reader.uint64s(count), outputs: try reader.uint64s(count)),
            reader.isAtEnd
        else { throw CacheReader.Corrupt.damaged }
        return pages
    }
}
