import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// The whole output of a three-paper fixture site, byte for byte, against files under
/// `Tests/DigestCoreTests/Snapshots/`, so every change in what the site looks like shows up
/// in review. After an intended change, re-record them and read the diff:
///
///     RECORD_SNAPSHOTS=1 swift test --filter GoldenFileTests
@Suite("Golden files: the fixture site's pages, feed and sitemap", .serialized)
struct GoldenFileTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/DigestCoreTests/Fixtures/golden")
    static let snapshots = repositoryRoot.appendingPathComponent("Tests/DigestCoreTests/Snapshots")

    /// The files compared: one of each page kind, the feeds, the sitemap and robots.txt.
    static let files = [
        "index.html", "days/index.html", "days/2026-03-12/index.html", "papers/agents-that-read-the-manual/index.html",
        "papers/bounded-regret-for-low-rank-bandits/index.html", "topics/index.html", "topics/agents/index.html",
        "topics/agents/2026-03/index.html", "feed.xml", "sitemap.xml",
        "robots.txt", "404.html",
    ]

    @Test("the fixture site matches its golden files", arguments: files)
    func matches(file: String) throws {
        let site = try Self.site.get()
        let built = try Data(contentsOf: site.appendingPathComponent(file))
        let golden = Self.snapshots.appendingPathComponent(file.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try built.write(to: golden)
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: golden.path),
            "no golden file \(golden.lastPathComponent): record with RECORD_SNAPSHOTS=1")
        if built != expected {
            let builtLines = String(decoding: built, as: UTF8.self).components(separatedBy: "\n")
            let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line =
                zip(builtLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(builtLines.count, expectedLines.count)
            Issue.record(
                """
                \(file) differs from its golden file at line \(line + 1):
                  golden: \(line < expectedLines.count ? expectedLines[line] : "(end)")
                  built:  \(line < builtLines.count ? builtLines[line] : "(end)")
                If the change is intended: RECORD_SNAPSHOTS=1 swift test --filter GoldenFileTests
                """)
        }
    }

    @Test("every golden file belongs to a compared file (none left behind)")
    func noStrayGoldenFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path).sorted()
        #expect(names == Self.files.map { $0.replacingOccurrences(of: "/", with: "__") }.sorted())
    }

    static let site: Result<URL, any Error> = Result {
        let output = try TemporaryFolder.forTheRun().appendingPathComponent("site")
        _ = try SiteBuild(
            content: fixture, templates: nil, output: output, cacheFolder: output.appendingPathExtension("cache")
        ).run()
        return output
    }
}
