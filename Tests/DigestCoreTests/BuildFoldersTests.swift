import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// Where a build writes its site and its cache: never into what it reads, never over
/// files of the user's.
@Suite("Build folders: the output and the cache stay apart from the content", .serialized)
struct BuildFoldersTests {
    func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([("Folders Apart", abstract("folders"))]))
        _ = try folder.write("content/static/CNAME", "digest.example\n")
        return folder
    }

    func errors(_ build: SiteBuild) -> [String] {
        let failure = #expect(throws: BuildFailure.self) { try build.run() }
        return failure?.diagnostics.map(\.description) ?? []
    }

    @Test(
        "an output folder inside static/ or dumps/, or holding them, is refused before anything is written",
        arguments: ["content/static/site", "content/dumps/out", "content", "content/static"])
    func outputInsideInputs(output: String) throws {
        let folder = try site()
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let before = allFiles(in: folder.url)
        let messages = errors(
            SiteBuild(content: content, templates: nil, output: folder.url.appendingPathComponent(output)))
        #expect(messages.count == 1 && messages[0].contains("error: the output folder"), "\(messages)")
        #expect(messages.first?.contains("which the build reads") == true, "\(messages)")
        #expect(allFiles(in: folder.url) == before, "nothing written, not even the cache")
    }

    @Test("a link to static/ is seen through: the output may not lie inside it either")
    func outputThroughLink() throws {
        let folder = try site()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("published").path, withDestinationPath: "content/static")
        let messages = errors(
            SiteBuild(
                content: folder.url.appendingPathComponent("content"), templates: nil,
                output: folder.url.appendingPathComponent("published/site")))
        #expect(messages.contains { $0.contains("lies inside") && $0.contains("static") }, "\(messages)")
    }

    @Test("a cache inside the output, or the output inside the cache, is refused")
    func cacheAndOutputOverlap() throws {
        let folder = try site()
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("site")
        let inside = errors(
            SiteBuild(content: content, templates: nil, output: output, cacheFolder: output.appendingPathComponent("c"))
        )
        #expect(inside.contains { $0.contains("lies inside the output folder") }, "\(inside)")
        let around = errors(
            SiteBuild(
                content: content, templates: nil, output: output.appendingPathComponent("www"), cacheFolder: output))
        #expect(around.contains { $0.contains("holds the output folder") }, "\(around)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("--cache naming a folder of the user's is refused and their files are kept; a new or empty one is taken")
    func cacheOfTheUsers() throws {
        let folder = try site()
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("site")
        let mine = try folder.write("mine/stamp", "my notes\n").deletingLastPathComponent()
        _ = try folder.write("mine/cache.bin", "my data\n")
        let messages = errors(SiteBuild(content: content, templates: nil, output: output, cacheFolder: mine))
        #expect(messages.contains { $0.contains("holds files digest build did not write") }, "\(messages)")
        #expect(try folder.read("mine/stamp") == "my notes\n" && folder.read("mine/cache.bin") == "my data\n")
        #expect(!folder.exists("mine/lock") && !folder.exists("site"))

        // Another tool's tagged cache is not ours either.
        _ = try folder.write("other/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# cargo\n")
        _ = try folder.write("other/stamp", "theirs\n")
        let other = errors(
            SiteBuild(
                content: content, templates: nil, output: output,
                cacheFolder: folder.url.appendingPathComponent("other")))
        #expect(other.contains { $0.contains("holds files digest build did not write") }, "\(other)")

        let empty = folder.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        _ = try SiteBuild(content: content, templates: nil, output: output, cacheFolder: empty).run()
        #expect(try folder.read("empty/CACHEDIR.TAG").contains("PaperDigest"))
        // Tagged now: the next build takes it.
        let again = try SiteBuild(content: content, templates: nil, output: output, cacheFolder: empty).run()
        #expect(again.rendered == 0)
    }

    @Test("a default cache left by an earlier version, without a tag, is taken and tagged")
    func untaggedDefaultCache() throws {
        let folder = try site()
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("site")
        _ = try SiteBuild(content: content, templates: nil, output: output).run()
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(".paperdigest-cache/CACHEDIR.TAG"))
        let summary = try SiteBuild(content: content, templates: nil, output: output).run()
        #expect(summary.rendered == 0, "the cache was used, not refused")
        #expect(folder.exists(".paperdigest-cache/CACHEDIR.TAG"))
    }
}
