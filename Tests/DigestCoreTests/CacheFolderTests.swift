import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

/// The build cache folder holds the build's files under fixed names; whatever else stands
/// at one of those names is the user's, and is neither deleted nor written through.
@Suite("The build cache folder: only the build's own files", .serialized)
struct CacheFolderTests {
    /// A one-day site built once, its cache beside the output.
    func builtSite(_ folder: TemporaryFolder) throws -> SiteBuild {
        _ = try folder.write("content/dumps/2026-03-12.txt", dumpText([("Cache Folder Paper", abstract("caches"))]))
        let build = SiteBuild(
            content: folder.url.appendingPathComponent("content"), templates: nil,
            output: folder.url.appendingPathComponent("site"))
        _ = try build.run()
        return build
    }

    @Test(
        "a folder at a name the cache keeps for a file stops the build, named, and nothing in it is deleted",
        arguments: CacheFolder.fileNames)
    func folderAtOwnName(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let build = try builtSite(folder)
        let intruder = build.cacheFolder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: intruder)
        let kept = try folder.write(".paperdigest-cache/\(name)/mine.txt", "the user's own file")
        _ = try folder.write(
            "content/dumps/2026-03-13.txt", dumpText(date: "Mar 13", [("Second Day Paper", abstract("days"))]))
        let failed = #expect(throws: BuildFailure.self) { try build.run() }
        let message = failed?.description ?? ""
        #expect(
            message.contains(".paperdigest-cache has a folder at \(name), where digest build keeps a file of its own"),
            "\(message)")
        #expect(!message.contains("NSCocoaErrorDomain"))
        #expect(try String(contentsOf: kept, encoding: .utf8) == "the user's own file")
        #expect(failed?.mayHaveWritten == false)
    }

    @Test("a store of new texts left by a build that failed is removed by the next build that saves the cache")
    func leftoverStoreRemoved() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let build = try builtSite(folder)
        let leftover = build.cacheFolder.appendingPathComponent(BuildCache.newTextsName)
        // A template error stops the build after the new day's texts are made, and stored.
        let day = try folder.write(
            "content/dumps/2026-03-13.txt", dumpText(date: "Mar 13", [("Second Day Paper", abstract("days"))]))
        var broken = build
        broken.templates = try folder.write("templates/page.mustache", "{{#unclosed}}").deletingLastPathComponent()
        #expect(throws: BuildFailure.self) { try broken.run() }
        #expect(FileManager.default.fileExists(atPath: leftover.path))
        // The next build, without that day, makes no new text.
        try FileManager.default.removeItem(at: day)
        _ = try build.run()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test("a file the build cannot make is named with the system's reason, not Foundation's error number")
    func plainReasons() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let made = #expect(throws: SiteStarter.Failure.self) {
            try SiteStarter.create(at: URL(fileURLWithPath: "/dev/null/site"))
        }
        #expect(
            made?.description == "/dev/null/site: Not a directory",
            "\(String(describing: made))")
        let build = try builtSite(folder)
        let file = try folder.write("not-a-folder", "x")
        var blocked = build
        blocked.cacheFolder = file.appendingPathComponent("cache")
        let failed = #expect(throws: BuildFailure.self) { try blocked.run() }
        #expect(failed?.description.contains("Not a directory") == true, "\(String(describing: failed))")
        #expect(failed?.description.contains("NSCocoaErrorDomain") == false)
    }
}
