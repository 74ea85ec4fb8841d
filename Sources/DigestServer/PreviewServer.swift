import DigestCore
import Foundation
import Hummingbird
import Logging

/// Where and how `digest serve` runs.
public struct PreviewOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests).
    public var port = 8000
    public var content: URL
    public var templates: URL?
    public var output: URL
    public var baseURL: BaseURL?
    /// Poll instead of using inotify.
    public var polling = false
    /// How long a burst of file events may last before the rebuild starts.
    public var debounce: Duration = .milliseconds(150)
    /// Stop on SIGINT and SIGTERM (the CLI); tests stop the server by cancelling its task.
    public var handleSignals = true
    /// Seconds a client may take to send its request header.
    public var headerTimeout: Int64 = 10
    /// The build cache folder; nil for the default beside the output folder.
    public var cacheFolder: URL?

    public init(content: URL, templates: URL?, output: URL) {
        self.content = content
        self.templates = templates
        self.output = output
    }
}

/// `digest serve`: builds the site, serves it, watches the content and theme, rebuilds what
/// a change affects and tells open tabs to reload. A failed rebuild keeps the server up and
/// shows the error in the browser until the files are fixed.
public struct PreviewServer: Sendable {
    public let options: PreviewOptions
    private let log: @Sendable (String) -> Void
    private let report: @Sendable (Diagnostic) -> Void
    private let state = PreviewState()
    private let hub = ReloadHub()
    private let reported = ReportedDiagnostics()

    public init(
        options: PreviewOptions, log: @escaping @Sendable (String) -> Void,
        report: @escaping @Sendable (Diagnostic) -> Void
    ) {
        self.options = options
        self.log = log
        self.report = report
    }

    /// The build every rebuild runs, and where its cache lives.
    private var build: SiteBuild {
        SiteBuild(
            content: options.content, templates: options.templates, output: options.output,
            baseURL: options.baseURL, cacheFolder: options.cacheFolder)
    }

    /// Builds, then serves until stopped. `onReady` receives the site's URL once listening.
    public func run(onReady: @escaping @Sendable (URL) -> Void = { _ in }) async throws {
        try ListenFailure.checkAvailable(host: options.host, port: options.port)
        // The build cache on disk makes the first build incremental too; later rebuilds keep
        // it in memory (and each build still saves it for the next `digest build`).
        let cache = BuildCache.load(from: build.cacheFolder)
        // Signals are taken from the start (one wait for the whole session): Ctrl-C during
        // the first build stops it after the batch being written, as `digest build` does.
        let state = self.state
        let signalled =
            options.handleSignals
            ? Task { () -> Bool in
                await ShutdownSignal.wait()
                guard !Task.isCancelled else { return false }
                if await state.isFirst { SiteBuild.interrupt() }
                return true
            } : nil
        defer { signalled?.cancel() }
        await rebuild(cache)
        if SiteBuild.wasInterrupted {
            log("Stopped.")
            return
        }
        let watcher = SiteWatcher(
            inputs: InputPaths(content: options.content, templates: options.templates), output: options.output,
            forcePolling: options.polling)
        let changes = watcher.changes()
        defer { watcher.stop() }

        var logger = Logger(label: "digest.serve")
        logger.logLevel = .critical  // cancellation on Ctrl-C is not an error worth a line
        let host = options.host
        let mode = watcher.mode
        let log = self.log
        let app = Application(
            responder: PreviewResponder(site: SafePath(root: options.output), state: state, hub: hub),
            // A connection that stops half-way through its request header is closed after
            // this long; an open event stream (a request being answered) is not.
            server: .http1(configuration: .init(idleTimeout: .seconds(options.headerTimeout))),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "PaperDigest"),
            onServerRunning: { channel in
                await state.listening()
                let port = channel.localAddress?.port ?? 0
                let base = await state.basePath
                // An IPv6 address is written in brackets in a URL (`http://[::1]:8000/`).
                let display = host == "0.0.0.0" ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(display):\(port)\(base)") {
                    log("Serving \(url.absoluteString) (watching files with \(mode); Ctrl-C to stop)")
                    onReady(url)
                }
            },
            logger: logger)

        let hub = self.hub
        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await app.run()
                    } catch {
                        guard await !state.isListening else { throw error }
                        throw ListenFailure(error, host: host, port: self.options.port) ?? error
                    }
                }
                group.addTask {
                    for await _ in changes {
                        try? await Task.sleep(for: self.options.debounce)
                        if Task.isCancelled { break }
                        await self.rebuild(cache)
                    }
                }
                if let signalled {
                    group.addTask {
                        let stop = await withTaskCancellationHandler {
                            await signalled.value
                        } onCancel: {
                            signalled.cancel()
                        }
                        if stop { log("Stopping…") }
                    }
                }
                // Whatever ends first (a signal, a server error) stops the rest: event streams
                // first, since the server waits for open requests before it stops.
                defer { group.cancelAll() }
                try await group.next()
                await hub.close()
                watcher.stop()
            }
        } onCancel: {
            Task { await hub.close() }
        }
        log("Stopped.")
    }

    /// Rebuilds what changed (the build cache lives in memory for the session), writes
    /// it and tells the browsers.
    private func rebuild(_ cache: BuildCache) async {
        let isFirst = await state.isFirst
        let build = self.build
        // On a thread of its own: a rebuild takes seconds, and requests are answered meanwhile.
        let outcome = await OwnThread.run { () -> Result<(SiteBuild.Summary, [Diagnostic]), BuildFailure> in
            var diagnostics: [Diagnostic] = []
            do throws(BuildFailure) {
                let result = try build.run(cache: cache, report: { diagnostics.append($0) })
                return .success((result, diagnostics))
            } catch {
                return .failure(error)
            }
        }
        do throws(BuildFailure) {
            let (result, diagnostics) = try outcome.get()
            await reported.reportNew(diagnostics, with: report)
            let recovered = await state.failure != nil
            await state.succeeded(basePath: result.basePath)
            let milliseconds = Int((result.seconds * 1000).rounded())
            let changed = !result.written.isEmpty || !result.removed.isEmpty || result.rendered > 0
            if !isFirst && !recovered && !changed {
                // A change seen twice (inotify and its backstop poll), or a file touched only.
                return
            }
            if isFirst {
                log(
                    "Built \(count(result.days, "day")), \(count(result.papers, "paper")), \(count(result.topics, "topic")): \(count(result.pages, "file")) in \(milliseconds) ms"
                )
            } else {
                log(
                    "rebuilt \(count(result.rendered, "page")) in \(milliseconds) ms (\(count(result.written.count, "file")) changed, \(result.removed.count) removed)"
                )
            }
            // Tabs reload only when there is something new to see.
            if result.written.isEmpty && result.removed.isEmpty && !recovered && !isFirst { return }
        } catch {
            if SiteBuild.wasInterrupted {
                log("Stopping: the build stopped after the pages it was writing; the next build completes the site")
                return
            }
            await reported.reportNew(error.diagnostics, with: report)
            await state.failed(error.diagnostics)
            log(
                "build failed with \(error.diagnostics.errors.count) error(s); the browser shows them until the files are fixed"
            )
        }
        await hub.broadcast("reload")
    }
}

/// Prints each diagnostic once per preview session, not again on every rebuild.
private actor ReportedDiagnostics {
    private var last: Set<Diagnostic> = []

    func reportNew(_ diagnostics: [Diagnostic], with report: @Sendable (Diagnostic) -> Void) {
        for diagnostic in diagnostics where !last.contains(diagnostic) { report(diagnostic) }
        last = Set(diagnostics)
    }
}
