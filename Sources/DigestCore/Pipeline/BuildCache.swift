import Foundation

/// What one build leaves for the next, so a rebuild redoes only what changed: recovered
/// and rendered texts, the related papers of each day, each paper's topics and search words,
/// and what each page was made from.
///
/// Kept in `.paperdigest-cache/` beside the output folder: `texts.bin`, the rendered texts,
/// grows by one appended segment per build (a new day adds its papers, not a copy of the
/// archive) and is rewritten only when a quarter of it is stale; `pages.bin` holds the page
/// records as flat arrays (copied, not encoded one by one); `cache.bin` holds the rest.
/// Every part names the binary that wrote it and carries a checksum; a cache from
/// another binary, a damaged one or none at all gives an empty cache, and the build is then
/// simply a full one with the same output.
public final class BuildCache: @unchecked Sendable {
    /// A title or abstract made once: its rendered forms and the warnings its parse gave.
    struct Text {
        var text: PaperText
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    /// Something was added or dropped since the cache was loaded: it needs saving.
    private var dirty = false
    private var texts: [UInt64: Text] = [:]
    private var usedTexts = Set<UInt64>()
    /// Texts made since the cache was read, not yet in `texts.bin`.
    private var newTexts = Set<UInt64>()
    /// Entries in `texts.bin`, live or not, and its length in bytes.
    private var storedTexts = 0
    private var textsBytes = 0
    /// The size `cache.bin` had when last written or read: room reserved for the next one.
    private var encodedSize = 0

    private var topics: [UInt64: [String]] = [:]
    private var usedTopics = Set<UInt64>()
    /// The search index's words of a paper, by its texts' fingerprints.
    private var searchWords: [UInt64: [String]] = [:]
    private var usedSearchWords = Set<UInt64>()
    private var relatedDays: [UInt64: [[Int]]] = [:]
    private var usedRelated = Set<UInt64>()
    /// The related-papers index after the newest day of the last build, and that day's key.
    private(set) var relatedState: (key: UInt64, state: RelatedPapers.State)?
    private(set) var pages = PageRecords()
    /// The page records changed since they were loaded or saved.
    private var pagesDirty = false

    /// Why the cache on disk could not be used, when it was damaged (one written by another
    /// binary is dropped without a word: updating the program is no problem).
    public private(set) var note: String?

    public init() {}

    static let magic = "PaperDigest build cache 2"
    static let fileName = "cache.bin"
    static let textsName = "texts.bin"
    static let pagesName = "pages.bin"
    /// Starts `pages.bin` ("PDPAGES1").
    static let pagesMagic: UInt64 = 0x3153_4547_4150_4450
    /// Starts every segment of `texts.bin` ("PDTEXTS1").
    static let segmentMagic: UInt64 = 0x3153_5458_4554_4450

    /// The cache in `folder`, or an empty one (with `note` saying why) when it is missing,
    /// damaged or written by another binary.
    public static func load(from folder: URL) -> BuildCache {
        let cache = BuildCache()
        let file = folder.appendingPathComponent(fileName)
        guard let data = CacheReader.contents(of: file.path) else { return cache }
        do {
            try cache.decode(data)
            try cache.decodeTexts(CacheReader.contents(of: folder.appendingPathComponent(textsName).path) ?? [])
            if let pages = CacheReader.contents(of: folder.appendingPathComponent(pagesName).path) {
                cache.pages = try decodePages(pages)
            }
        } catch CacheReader.Corrupt.stale {
            return BuildCache()
        } catch {
            let empty = BuildCache()
            empty.note = "the build cache \(displayPath(folder)) is damaged; building everything"
            return empty
        }
        return cache
    }

    /// Saves what changed: new texts appended to `texts.bin` (or all of it rewritten when
    /// much of it is stale), then the rest, each file replaced atomically.
    public func save(to folder: URL) throws {
        try lock.withLock {
            if pagesDirty {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Self.write(encodePages(), to: folder.appendingPathComponent(Self.pagesName))
                pagesDirty = false
            }
            guard dirty else { return }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent(Self.textsName)
            let rewrite =
                textsBytes == 0 || storedTexts - texts.count > texts.count / 4
                || !FileManager.default.fileExists(atPath: file.path)
            let keys = (rewrite ? Array(texts.keys) : Array(newTexts)).sorted()
            if rewrite {
                // Rewritten whole: to a temporary file, then renamed over the old one.
                let temporary = folder.appendingPathComponent(Self.textsName + ".new")
                _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
                textsBytes = try writeSegment(keys, to: temporary)
                guard rename(temporary.path, file.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
                }
                storedTexts = keys.count
            } else if !keys.isEmpty {
                textsBytes += try writeSegment(keys, to: file)
                storedTexts += keys.count
            }
            newTexts = []
            try Self.write(encode(), to: folder.appendingPathComponent(Self.fileName))
            dirty = false
        }
    }

    /// Appends one segment of `texts.bin` to `file`, a megabyte at a time (the texts of a
    /// large archive are not copied into one buffer): a header, the entries, a checksum.
    /// Returns the segment's size.
    private func writeSegment(_ keys: [UInt64], to file: URL) throws -> Int {
        guard let handle = FileHandle(forWritingAtPath: file.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        defer { try? handle.close() }
        let start = try handle.seekToEnd()
        var header = CacheWriter()
        header.add(Self.segmentMagic)
        header.add(BinaryVersion.current)
        header.add(0)  // the payload's length, filled in at the end
        try handle.write(contentsOf: Data(header.bytes))
        var checksum = StreamChecksum()
        var length = 0
        var chunk = CacheWriter()
        func flush() throws {
            checksum.add(chunk.bytes)
            length += chunk.bytes.count
            try handle.write(contentsOf: Data(chunk.bytes))
            chunk = CacheWriter()
        }
        chunk.add(keys.count)
        for key in keys {
            guard let entry = texts[key] else { continue }
            chunk.add(key)
            chunk.add(entry.text.html)
            chunk.add(entry.text.plainText)
            chunk.add(entry.text.fingerprint)
            chunk.add(entry.text.links.count)
            for link in entry.text.links { chunk.add(link) }
            chunk.add(entry.diagnostics.count)
            for diagnostic in entry.diagnostics { chunk.add(diagnostic) }
            if chunk.bytes.count >= StreamChecksum.window { try flush() }
        }
        try flush()
        var trailer = CacheWriter()
        trailer.add(checksum.finish())
        try handle.write(contentsOf: Data(trailer.bytes))
        try handle.seek(toOffset: start + 16)
        var size = CacheWriter()
        size.add(length)
        try handle.write(contentsOf: Data(size.bytes))
        return 32 + length
    }

    private static func write(_ bytes: [UInt8], to file: URL) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return try Data().write(to: file, options: .atomic) }
            // No copy into `Data`: the cache can be large.
            try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
                .write(to: file, options: .atomic)
        }
    }

    // MARK: Memo tables

    func text(_ key: UInt64, make: () -> Text) -> Text {
        memo(\.texts, \.usedTexts, key, make: make) { $0.newTexts.insert(key) }
    }

    func topics(_ key: UInt64, make: () -> [String]) -> [String] {
        memo(\.topics, \.usedTopics, key, make: make)
    }

    func searchWords(_ key: UInt64, make: () -> [String]) -> [String] {
        memo(\.searchWords, \.usedSearchWords, key, make: make)
    }

    /// The value remembered under `key` in `table` (noted as used), or `make()`'s,
    /// remembered. `make` runs outside the lock, so parallel stages do not wait on it.
    private func memo<Value>(
        _ table: ReferenceWritableKeyPath<BuildCache, [UInt64: Value]>,
        _ used: ReferenceWritableKeyPath<BuildCache, Set<UInt64>>, _ key: UInt64, make: () -> Value,
        added: (BuildCache) -> Void = { _ in }
    ) -> Value {
        if let hit = lock.withLock({ () -> Value? in
            guard let hit = self[keyPath: table][key] else { return nil }
            self[keyPath: used].insert(key)
            return hit
        }) {
            return hit
        }
        let value = make()
        lock.withLock {
            self[keyPath: table][key] = value
            self[keyPath: used].insert(key)
            added(self)
            dirty = true
        }
        return value
    }

    func remember(relatedState state: RelatedPapers.State, for key: UInt64) {
        lock.withLock {
            relatedState = (key, state)
            dirty = true
        }
    }

    func related(_ key: UInt64) -> [[Int]]? {
        lock.withLock {
            guard let hit = relatedDays[key] else { return nil }
            usedRelated.insert(key)
            return hit
        }
    }

    func remember(related: [[Int]], for key: UInt64) {
        lock.withLock {
            relatedDays[key] = related
            usedRelated.insert(key)
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
            let sizes = (texts.count, relatedDays.count, topics.count, searchWords.count)
            texts = texts.filter { usedTexts.contains($0.key) }
            relatedDays = Self.keeping(usedRelated, of: relatedDays)
            topics = Self.keeping(usedTopics, of: topics)
            // A build whose search index was unchanged looked none up: they all stay.
            if !usedSearchWords.isEmpty { searchWords = Self.keeping(usedSearchWords, of: searchWords) }
            if sizes != (texts.count, relatedDays.count, topics.count, searchWords.count) { dirty = true }
            usedSearchWords = []
            usedTopics = []
            usedTexts = []
            usedRelated = []
        }
    }

    /// `table` without the entries whose keys are not in `used`, which holds only keys of
    /// `table`: when it holds as many, the table is kept rather than copied entry by entry.
    private static func keeping<Value>(_ used: Set<UInt64>, of table: [UInt64: Value]) -> [UInt64: Value] {
        used.count == table.count ? table : table.filter { used.contains($0.key) }
    }

    // MARK: Binary form

    private func decodeTexts(_ data: [UInt8]) throws {
        guard data.count >= textsBytes else { throw CacheReader.Corrupt.damaged }
        var reader = CacheReader(data)
        var stored = 0
        while !reader.isAtEnd {
            guard try reader.uint64() == Self.segmentMagic else { throw CacheReader.Corrupt.damaged }
            guard try reader.uint64() == BinaryVersion.current else { throw CacheReader.Corrupt.stale }
            let payload = try reader.bytes(try reader.count())
            guard try reader.uint64() == StreamChecksum.of(payload) else { throw CacheReader.Corrupt.damaged }
            var entries = CacheReader(payload)
            for _ in 0..<(try entries.count(itemSize: 48)) {
                let key = try entries.uint64()
                let html = try entries.string()
                let plain = try entries.string()
                let fingerprint = try entries.uint64()
                var links: [String] = []
                for _ in 0..<(try entries.count(itemSize: 8)) { links.append(try entries.string()) }
                var diagnostics: [Diagnostic] = []
                for _ in 0..<(try entries.count(itemSize: 40)) { diagnostics.append(try entries.diagnostic()) }
                texts[key] = Text(
                    text: PaperText(html: html, plainText: plain, links: links, fingerprint: fingerprint),
                    diagnostics: diagnostics)
                stored += 1
            }
        }
        storedTexts = stored
        textsBytes = data.count
    }

    /// `cache.bin`. Tables are written in key order (their keys sorted, not their entries:
    /// a large archive has hundreds of thousands).
    private func encode() -> [UInt8] {
        var writer = CacheWriter()
        writer.reserve(encodedSize + encodedSize / 8)
        writer.add(Self.magic)
        writer.add(BinaryVersion.current)
        writer.add(textsBytes)
        writer.add(relatedDays.count)
        for key in relatedDays.keys.sorted() {
            let lists = relatedDays[key] ?? []
            writer.add(key)
            writer.add(lists.count)
            for list in lists { writer.add(list) }
        }
        writer.add(topics.count)
        for key in topics.keys.sorted() {
            let slugs = topics[key] ?? []
            writer.add(key)
            writer.add(slugs.count)
            for slug in slugs { writer.add(slug) }
        }
        writer.add(searchWords.count)
        for key in searchWords.keys.sorted() {
            let words = searchWords[key] ?? []
            writer.add(key)
            writer.add(words.count)
            for word in words { writer.add(word) }
        }
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
        writer.add(Self.magic)
        // A checksum of everything before it: damage anywhere is caught, not just in the framing.
        writer.add(StreamChecksum.of(writer.bytes[...]))
        encodedSize = writer.bytes.count
        return writer.bytes
    }

    private func decode(_ data: [UInt8]) throws {
        encodedSize = data.count
        guard data.count >= 8 else { throw CacheReader.Corrupt.damaged }
        let body = data.prefix(data.count - 8)
        var tail = CacheReader(data.suffix(8))
        let checksum = StreamChecksum.of(body)
        var reader = CacheReader(body)
        guard try reader.string() == Self.magic else { throw CacheReader.Corrupt.damaged }
        guard try reader.uint64() == BinaryVersion.current else { throw CacheReader.Corrupt.stale }
        guard try tail.uint64() == checksum else { throw CacheReader.Corrupt.damaged }
        textsBytes = try reader.int()
        for _ in 0..<(try reader.count(itemSize: 16)) {
            let key = try reader.uint64()
            var lists: [[Int]] = []
            for _ in 0..<(try reader.count(itemSize: 8)) { lists.append(try reader.ints()) }
            relatedDays[key] = lists
        }
        for _ in 0..<(try reader.count(itemSize: 16)) {
            let key = try reader.uint64()
            var slugs: [String] = []
            for _ in 0..<(try reader.count(itemSize: 8)) { slugs.append(try reader.string()) }
            topics[key] = slugs
        }
        for _ in 0..<(try reader.count(itemSize: 16)) {
            let key = try reader.uint64()
            var words: [String] = []
            for _ in 0..<(try reader.count(itemSize: 8)) { words.append(try reader.string()) }
            searchWords[key] = words
        }
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
                    list.append((Int(packed >> 32), Float(bitPattern: UInt32(truncatingIfNeeded: packed))))
                }
                postings.append(list)
            }
            relatedState = (
                key, RelatedPapers.State(terms: terms, frequency: frequency, postings: postings, count: count)
            )
        }
        guard try reader.string() == Self.magic, reader.isAtEnd else { throw CacheReader.Corrupt.damaged }
    }

    /// `pages.bin`: a header, the three arrays of the records whole, a checksum of it all.
    private func encodePages() -> [UInt8] {
        var writer = CacheWriter()
        writer.reserve(40 + pages.count * 24)
        writer.add(Self.pagesMagic)
        writer.add(BinaryVersion.current)
        writer.add(pages.count)
        writer.add(contentsOf: pages.keys)
        writer.add(contentsOf: pages.inputs)
        writer.add(contentsOf: pages.outputs)
        writer.add(StreamChecksum.of(writer.bytes[...]))
        return writer.bytes
    }

    private static func decodePages(_ data: [UInt8]) throws -> PageRecords {
        guard data.count >= 8 else { throw CacheReader.Corrupt.damaged }
        var reader = CacheReader(data.prefix(data.count - 8))
        var tail = CacheReader(data.suffix(8))
        guard try reader.uint64() == pagesMagic else { throw CacheReader.Corrupt.damaged }
        guard try reader.uint64() == BinaryVersion.current else { throw CacheReader.Corrupt.stale }
        guard try tail.uint64() == StreamChecksum.of(data.prefix(data.count - 8)) else {
            throw CacheReader.Corrupt.damaged
        }
        let count = try reader.count(itemSize: 24)
        guard
            let pages = PageRecords(
                keys: try reader.uint64s(count), inputs: try reader.uint64s(count), outputs: try reader.uint64s(count)),
            reader.isAtEnd
        else { throw CacheReader.Corrupt.damaged }
        return pages
    }
}
