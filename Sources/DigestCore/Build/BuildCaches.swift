import Foundation

/// What repeated builds can reuse: parsed dumps (by file contents) and parsed titles and
/// abstracts (by text and location). Thread-safe, for the parallel stages; entries a build
/// did not use are dropped after it, so a long preview session does not grow.
public final class BuildCaches: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var dumps: [DumpKey: (result: DumpParseResult, used: Int)] = [:]
    private var texts: [TextKey: (value: (RichText, [Diagnostic]), used: Int)] = [:]
    private var papers: [PaperKey: (value: RenderedPaper, used: Int)] = [:]

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
        let key = DumpKey(file: file, year: year)
        let hit: DumpParseResult? = lock.withLock {
            guard let entry = dumps[key] else { return nil }
            dumps[key]?.used = generation
            return entry.result
        }
        if let hit { return hit }
        let result = parse()
        lock.withLock { dumps[key] = (result, generation) }
        return result
    }

    func richText(_ text: String, at location: SourceLocation?, parse: () -> (RichText, [Diagnostic]))
        -> (RichText, [Diagnostic])
    {
        let key = TextKey(text: text, location: location)
        let hit: (RichText, [Diagnostic])? = lock.withLock {
            guard let entry = texts[key] else { return nil }
            texts[key]?.used = generation
            return entry.value
        }
        if let hit { return hit }
        let value = parse()
        lock.withLock { texts[key] = (value, generation) }
        return value
    }

    /// The HTML and plain forms of a paper, made once while its title and abstract stay the same.
    func rendered(_ paper: Paper) -> RenderedPaper {
        let key = PaperKey(title: paper.title, abstract: paper.abstract)
        let hit: RenderedPaper? = lock.withLock {
            guard let entry = papers[key] else { return nil }
            papers[key]?.used = generation
            return entry.value
        }
        if let hit { return hit }
        let value = RenderedPaper(paper)
        lock.withLock { papers[key] = (value, generation) }
        return value
    }

    /// Ends a build: forgets what it did not use.
    func finishBuild() {
        lock.withLock {
            dumps = dumps.filter { $0.value.used == generation }
            texts = texts.filter { $0.value.used == generation }
            papers = papers.filter { $0.value.used == generation }
            generation += 1
        }
    }
}
