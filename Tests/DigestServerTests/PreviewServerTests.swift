import DigestCore
import DigestTestSupport
import Foundation
import Testing

@testable import DigestServer

/// A preview server on an ephemeral port over a copy of the demo content, stopped when done.
final class RunningPreview: @unchecked Sendable {
    let folder: TemporaryFolder
    let port: Int
    let task: Task<Void, Error>
    let messages = MessageLog()

    init(baseURL: String? = nil, headerTimeout: Int64 = 10) async throws {
        folder = try TemporaryFolder()
        let fileManager = FileManager.default
        try fileManager.copyItem(
            at: repositoryRoot.appendingPathComponent("Content"), to: folder.url.appendingPathComponent("Content"))
        try fileManager.copyItem(
            at: repositoryRoot.appendingPathComponent("Templates"), to: folder.url.appendingPathComponent("Templates"))
        var options = PreviewOptions(
            content: folder.url.appendingPathComponent("Content"),
            templates: folder.url.appendingPathComponent("Templates"),
            output: folder.url.appendingPathComponent("Output"))
        options.port = 0
        options.headerTimeout = headerTimeout
        options.handleSignals = false
        options.baseURL = baseURL.flatMap(BaseURL.init)
        let (ready, continuation) = AsyncStream<URL>.makeStream()
        let messages = self.messages
        let server = PreviewServer(options: options, log: { messages.append($0) }, report: { messages.append("\($0)") })
        task = Task { try await server.run(onReady: { continuation.yield($0) }) }
        var iterator = ready.makeAsyncIterator()
        guard let url = await iterator.next(), let port = url.port else {
            throw RawHTTP.Failure(description: "the server did not start")
        }
        self.port = port
    }

    /// A request, made off the threads the server answers on (see `OwnThread`).
    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") async throws
        -> RawHTTP.Response
    {
        try await OwnThread.run { [port] in try RawHTTP.request(port: port, path, method: method, headers: headers) }
    }

    /// Polls until `condition` holds (generous time-out, no timing assertions).
    func eventually(timeout: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        folder.remove()
    }

    /// Runs `body` against a fresh preview and always stops it, even when `body` throws.
    static func with(
        baseURL: String? = nil, headerTimeout: Int64 = 10, _ body: (RunningPreview) async throws -> Void
    ) async throws {
        let preview = try await RunningPreview(baseURL: baseURL, headerTimeout: headerTimeout)
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }
}

final class MessageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

@Suite("digest serve: a real server on a real port", .serialized)
struct PreviewServerTests {
    @Test("pages, content types, the 404 page, ETags and directory redirects")
    func http() async throws {
        try await RunningPreview.with { preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("<h1>PaperDigest</h1>"))

            let types = [
                ("/assets/style.css", "text/css; charset=utf-8"), ("/assets/favicon.svg", "image/svg+xml"),
                ("/feed.xml", "application/atom+xml; charset=utf-8"),
                ("/sitemap.xml", "application/xml; charset=utf-8"),
                ("/days/2026-03-12/", "text/html; charset=utf-8"),
            ]
            for (path, type) in types {
                let response = try await preview.get(path)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
            }

            let missing = try await preview.get("/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page not found"))

            let tag = try #require(home.headers["etag"])
            #expect(try await preview.get("/", headers: ["If-None-Match": tag]).status == 304)
            #expect(try await preview.get("/", headers: ["If-None-Match": "\"other\""]).status == 200)

            let redirect = try await preview.get("/days/2026-03-12?x=1")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/days/2026-03-12/?x=1")

            for path in ["//days", "///days"] {
                let inside = try await preview.get(path)
                #expect(inside.status == 301, "\(path)")
                #expect(inside.headers["location"] == "/days/", "\(path): never a URL on another host")
            }

            let head = try await preview.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(try await preview.get("/", method: "POST").status == 405)
        }
    }

    @Test(
        "requests never leave the site folder, nor reach the build's own files in it",
        arguments: [
            "/.paperdigest", "/.paperdigest-journal", "/%2Epaperdigest",
            "/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2E%2E/%2E%2E/etc/passwd",
            "/days/..%2f..%2fContent%2fsite.yml",
            "/days%2f..%2f..%2fContent/site.yml", "/./index.html/../../Content/site.yml", "/%00/index.html",
            "/..\\Content\\site.yml",
            "/outside/secret.txt", "/outside",
        ])
    func traversal(path: String) async throws {
        try await RunningPreview.with { preview in
            // A symbolic link inside the site that points outside it.
            try preview.folder.write("secret/secret.txt", "top secret")
            try FileManager.default.createSymbolicLink(
                at: preview.folder.url.appendingPathComponent("Output/outside"),
                withDestinationURL: preview.folder.url.appendingPathComponent("secret"))
            let response = try await preview.get(path)
            #expect(response.status == 404 || response.status == 400, "\(path) → \(response.status)")
            #expect(!response.text.contains("top secret"))
            #expect(!response.text.contains("base_url"))
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("PaperDigest output manifest"))
        }
    }

    @Test("a port already taken, and a host that is no address of this machine, are told in plain words")
    func listenFailures() async throws {
        try await RunningPreview.with { preview in
            let folder = preview.folder.url
            var options = PreviewOptions(
                content: folder.appendingPathComponent("Content"),
                templates: folder.appendingPathComponent("Templates"), output: folder.appendingPathComponent("Second"))
            options.port = preview.port
            options.handleSignals = false
            let second = PreviewServer(options: options, log: { _ in }, report: { _ in })
            let failed = await #expect(throws: ListenFailure.self) { try await second.run() }
            #expect(
                failed?.description.hasPrefix("port \(preview.port) on 127.0.0.1 is taken") == true,
                "\(String(describing: failed))")
            // Told before building, which takes a while on a large archive.
            #expect(!FileManager.default.fileExists(atPath: options.output.path))
        }
        #expect(try ListenFailure.isReachableFromNetwork(host: "localhost") == false)
        #expect(try ListenFailure.isReachableFromNetwork(host: "::1") == false)
        #expect(try ListenFailure.isReachableFromNetwork(host: "::ffff:127.0.0.1") == false)
        #expect(try ListenFailure.isReachableFromNetwork(host: "0.0.0.0"))
        #expect(try ListenFailure.isReachableFromNetwork(host: "::"))
        let unknown = #expect(throws: ListenFailure.self) {
            try ListenFailure.isReachableFromNetwork(host: "300.1.2.3")
        }
        #expect(unknown?.description.hasPrefix("--host 300.1.2.3 is neither an address nor a name") == true)
        // A name server that does not answer is told apart from a name that does not exist.
        #expect(
            ListenFailure.lookupFailure("digest.example", code: EAI_AGAIN).hasPrefix(
                "could not look up --host digest.example just now (Temporary failure in name resolution): try again"))
        #expect(
            ListenFailure.lookupFailure("digest.example", code: EAI_NONAME).hasPrefix(
                "--host digest.example is neither"))
        // A name server that failed for good is told as such.
        #expect(
            ListenFailure.lookupFailure("digest.example", code: EAI_FAIL).hasPrefix(
                "could not look up --host digest.example (Non-recoverable failure in name resolution)"))
    }

    @Test("served pages are the built bytes plus the reload script, which build output never has")
    func sameBytesAsBuild() async throws {
        try await RunningPreview.with { preview in
            let built = try TemporaryFolder()
            defer { built.remove() }
            _ = try SiteBuild(
                content: preview.folder.url.appendingPathComponent("Content"),
                templates: preview.folder.url.appendingPathComponent("Templates"),
                output: built.url.appendingPathComponent("site")
            ).run()
            for path in ["index.html", "days/2026-03-12/index.html", "topics/index.html"] {
                let onDisk = try Data(contentsOf: built.url.appendingPathComponent("site/\(path)"))
                #expect(!String(decoding: onDisk, as: UTF8.self).contains("EventSource"))
                let served = try await preview.get("/" + path.replacingOccurrences(of: "index.html", with: ""))
                let script = #"<script>(function(){var s=new EventSource("/_digest/events");"#
                #expect(served.text.contains(script))
                let stripped = served.text.replacingOccurrences(
                    of:
                        #"<script>(function(){var s=new EventSource("/_digest/events");s.addEventListener("reload",function(){location.reload();});})();</script>"#,
                    with: "")
                #expect(stripped == String(decoding: onDisk, as: UTF8.self), "\(path)")
            }
            let css = try await preview.get("/assets/style.css")
            #expect(css.body == (try Data(contentsOf: built.url.appendingPathComponent("site/assets/style.css"))))
        }
    }

    @Test("a new dump triggers a reload event and its day page appears")
    func liveReload() async throws {
        try await RunningPreview.with { preview in
            let events = try RawHTTP.EventStream(port: preview.port, path: "/_digest/events")
            #expect(try await events.waitFor(": connected"))
            #expect(try await preview.get("/days/2026-03-13/").status == 404)

            let dump = try String(
                contentsOf: preview.folder.url.appendingPathComponent("Content/dumps/2026-03-12.txt"), encoding: .utf8)
            try preview.folder.write(
                "Content/dumps/2026-03-13.txt", dump.replacingOccurrences(of: "\nMar 12\n", with: "\nMar 13\n"))
            #expect(try await events.waitFor("event: reload"))
            #expect(try await preview.eventually { try await preview.get("/days/2026-03-13/").status == 200 })
            #expect(
                preview.messages.all.contains {
                    $0.hasPrefix("rebuilt ") && $0.contains(" page") && $0.contains(" ms (")
                })
        }
    }

    @Test(
        "a static/ folder made after the start is watched (hidden entries too), and an edit behind a linked dump is seen"
    )
    func watchesNewFoldersAndLinks() async throws {
        try await RunningPreview.with { preview in
            let folder = preview.folder
            try FileManager.default.createDirectory(
                at: folder.url.appendingPathComponent("Content/static"), withIntermediateDirectories: false)
            try await Task.sleep(for: .milliseconds(500))
            _ = try folder.write("Content/static/hello.txt", "hello\n")
            #expect(try await preview.eventually { try await preview.get("/hello.txt").status == 200 })
            // Hidden entries are watched in static/, which publishes them.
            _ = try folder.write("Content/static/.well-known/security.txt", "Contact: mailto:a@example.org\n")
            #expect(
                try await preview.eventually { try await preview.get("/.well-known/security.txt").status == 200 })

            let dump = try String(
                contentsOf: folder.url.appendingPathComponent("Content/dumps/2026-03-12.txt"), encoding: .utf8)
            let day = dump.replacingOccurrences(of: "\nMar 12\n", with: "\nMar 20\n")
            _ = try folder.write("elsewhere/2026-03-20.txt", day)
            try FileManager.default.createSymbolicLink(
                atPath: folder.url.appendingPathComponent("Content/dumps/2026-03-20.txt").path,
                withDestinationPath: folder.url.appendingPathComponent("elsewhere/2026-03-20.txt").path)
            #expect(try await preview.eventually { try await preview.get("/days/2026-03-20/").status == 200 })
            _ = try folder.write(
                "elsewhere/2026-03-20.txt",
                day + "\n\nA Paper Added Behind The Link\n\n"
                    + String(repeating: "We edit a dump through its link and expect the preview to follow. ", count: 6)
                    + "\n")
            #expect(
                try await preview.eventually {
                    try await preview.get("/days/2026-03-20/").text.contains("A Paper Added Behind The Link")
                })
        }
    }

    @Test("the output folder deleted while serving is built again")
    func outputDeleted() async throws {
        try await RunningPreview.with { preview in
            #expect(try await preview.get("/").status == 200)
            try FileManager.default.removeItem(at: preview.folder.url.appendingPathComponent("Output"))
            #expect(try await preview.get("/").status == 404)
            #expect(try await preview.eventually { try await preview.get("/").status == 200 })
        }
    }

    @Test("a broken template shows the error page with file:line; fixing it brings the site back")
    func errorPageAndRecovery() async throws {
        try await RunningPreview.with { preview in
            let events = try RawHTTP.EventStream(port: preview.port, path: "/_digest/events")
            #expect(try await events.waitFor(": connected"))
            let template = preview.folder.url.appendingPathComponent("Templates/day.mustache")
            let original = try String(contentsOf: template, encoding: .utf8)

            try (original + "{{/oops}}\n").write(to: template, atomically: true, encoding: .utf8)
            #expect(try await events.waitFor("event: reload"))
            #expect(
                try await preview.eventually {
                    let page = try await preview.get("/days/2026-03-12/")
                    return page.status == 500 && page.text.contains("Templates/day.mustache:")
                        && page.text.components(separatedBy: "EventSource").count == 2
                })

            try original.write(to: template, atomically: true, encoding: .utf8)
            #expect(try await events.waitFor("event: reload"))
            #expect(try await preview.eventually { try await preview.get("/days/2026-03-12/").status == 200 })
        }
    }

    @Test("a client that sends half a request header is disconnected; an open event stream is not")
    func headerTimeout() async throws {
        try await RunningPreview.with(headerTimeout: 1) { preview in
            let events = try RawHTTP.EventStream(port: preview.port, path: "/_digest/events")
            #expect(try await events.waitFor(": connected"))
            #expect(try await RawHTTP.closesAfterPartialHeader(port: preview.port, within: 15))
            // The event stream outlived the time-out: it still gets the next reload.
            _ = try preview.folder.write("Content/pages/extra.md", "# Extra\n\nA new page.\n")
            #expect(try await events.waitFor("event: reload"))
        }
    }

    @Test("a sub-path base URL is served under its path")
    func subPath() async throws {
        try await RunningPreview.with(baseURL: "https://user.github.io/repo/") { preview in
            let root = try await preview.get("/")
            #expect(root.status == 301)
            #expect(root.headers["location"] == "/repo/")
            let home = try await preview.get("/repo/")
            #expect(home.status == 200)
            #expect(home.text.contains("href=\"/repo/days/\""))
            #expect(try await preview.get("/repo/days/2026-03-12/").status == 200)
            #expect(try await preview.get("/days/2026-03-12/").status == 404)
        }
    }
}
