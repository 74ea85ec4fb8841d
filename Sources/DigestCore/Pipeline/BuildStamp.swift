import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the last successful build was made from, in a few bytes: a fingerprint of every
/// input (content, theme, options, the binary itself), its figures and its warnings.
///
/// When nothing changed since and the output folder still holds what that build wrote,
/// a build ends here, in the time it takes to read the inputs, however large the site.
struct BuildStamp: Equatable {
    /// The input files' sizes and times, and what else the output depends on (options,
    /// binary): equal means nothing changed, without reading the files.
    var state: InputState
    var options: UInt64
    var inputs: UInt64
    var days: Int
    var papers: Int
    var topics: Int
    var pages: Int
    var diagnostics: [Diagnostic]
    var basePath: String

    static let fileName = "stamp"

    /// What a build depends on besides its input files: the binary and the options.
    static func options(baseURL: BaseURL?, pagefind: Bool) -> UInt64 {
        var print = Fingerprint()
        print.add(BinaryVersion.current)
        print.add(baseURL.map { ($0.origin ?? "") + $0.path } ?? "-")
        print.add(pagefind)
        return print.value
    }

    /// Everything a build's output depends on, the input files read (a dump left unread
    /// counts by the fingerprint `memo` has of its bytes).
    static func inputs(
        of snapshot: ContentSnapshot, options: UInt64, memo: DumpMemo, readDiagnostics: [Diagnostic]
    ) -> UInt64 {
        var print = Fingerprint()
        print.add(options)
        // What reading found wrong is part of it: a broken link added, or a file where
        // `static/` belongs, leaves the bytes read the same but is told by the next build.
        for diagnostic in readDiagnostics { print.add(diagnostic.description) }
        let files =
            snapshot.dumps + [snapshot.siteConfig, snapshot.topics].compactMap { $0 } + snapshot.pages
            + snapshot.templates.sorted { $0.key < $1.key }.map(\.value) + snapshot.assets + snapshot.statics
        for file in files {
            print.add(file.path)
            let remembered = snapshot.rememberedDumps.contains(file.path)
            print.add(remembered ? memo.digest(of: file.path) ?? 0 : snapshot.digest(of: file))
        }
        print.add(snapshot.siteConfig == nil)
        print.add(snapshot.topics == nil)
        return print.value
    }

    static func load(from folder: URL) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return nil
        }
        var reader = CacheReader([UInt8](data))
        do {
            var stamp = BuildStamp(
                state: try InputState.decode(from: &reader), options: try reader.uint64(), inputs: try reader.uint64(),
                days: try reader.int(), papers: try reader.int(), topics: try reader.int(),
                pages: try reader.int(), diagnostics: [], basePath: try reader.string())
            for _ in 0..<(try reader.count(itemSize: 40)) { stamp.diagnostics.append(try reader.diagnostic()) }
            return reader.isAtEnd ? stamp : nil
        } catch {
            return nil
        }
    }

    func save(to folder: URL) throws {
        var writer = CacheWriter()
        state.encode(into: &writer)
        writer.add(options)
        writer.add(inputs)
        for figure in [days, papers, topics, pages] { writer.add(figure) }
        writer.add(basePath)
        writer.add(diagnostics.count)
        for diagnostic in diagnostics { writer.add(diagnostic) }
        try Data(writer.bytes).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// Forgets the stamp, so the next build checks everything (before the output changes).
    static func remove(from folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
    }
}
