import Foundation

/// What repeated builds can reuse: parsed dumps (by file contents) and parsed titles and
/// abstracts (by text and location). Thread-safe, for the parallel stages; entries a build
/// did not use are dropped after it, so a long preview session does not grow.
public final class BuildCaches: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var dumps = Memo<DumpKey, DumpParseResult>()
    private var texts = Memo<TextKey, (RichText, [Diagnostic])>()
    private var papers = Memo<PaperKey, RenderedPaper>()

    /// One table of remembered values, each stamped with the last build that used it.
    private struct Memo<Key: Hashable, Value> {
        var entries: [Key: (value: Value, used: Int)] = [:]

        mutating func value(for key: Key, generation: Int) -> Value? {
            guard let entry = entries[key] else { return nil }
            entries[key]?.used = generation
            return entry.value
        }

        mutating func keep(only generation: Int) {
            entries = entries.filter { $0.value.used == generation }
        }
    }

    /// The value remembered under `key` in `table`, or `make()`'s, remembered. `make` runs
    /// outside the lock so parallel stages do not wait on each other's parsing.
    private func cached<Key, Value>(
        _ table: ReferenceWritableKeyPath<BuildCaches, Memo<Key, Value>>, _ key: Key, make: () -> Value
    ) -> Value {
        if let hit = lock.withLock({ self[keyPath: table].value(for: key, generation: generation) }) { return hit }
        let value = make()
        lock.withLock { self[keyPath: table].entries[key] = (value, generation) }
        return value
    }

    private struct PaperKey: Hashable {
        var title: RichText
        var abstract: RichText
    }

    private struct DumpKey: Hashable {
        var file: SourceFile
        var year: Int?
    }

    private struct TextKey: Hashable {
        var text: String
        var location: SourceLocation?
    }

    public init() {}

    /// The cached parse of `file`, or `parse()`'s result, remembered.
    func dump(_ file: SourceFile, year: Int?, parse: () -> DumpParseResult) -> DumpParseResult {
        cached(\.dumps, DumpKey(file: file, year: year), make: parse)
    }

    func richText(_ text: String, at location: SourceLocation?, parse: () -> (RichText, [Diagnostic]))
        -> (RichText, [Diagnostic])
    {
        cached(\.texts, TextKey(text: text, location: location), make: parse)
    }

    /// The HTML and plain forms of a paper, made once while its title and abstract stay the same.
    func rendered(_ paper: Paper) -> RenderedPaper {
        cached(\.papers, PaperKey(title: paper.title, abstract: paper.abstract)) { RenderedPaper(paper) }
    }

    /// Ends a build: forgets what it did not use.
    func finishBuild() {
        lock.withLock {
            dumps.keep(only: generation)
            texts.keep(only: generation)
            papers.keep(only: generation)
            generation += 1
        }
    }
}
