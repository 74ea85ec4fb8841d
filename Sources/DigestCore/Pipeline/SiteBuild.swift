import Foundation

/// `digest build`: read the content and theme, render, and bring the output folder up to
/// date, logging each named step.
///
/// Incremental by default: pages whose inputs did not change since the last build (as the
/// build cache records them) are not rendered, files whose bytes did not change are not
/// written, and files the previous build wrote that are no longer part of the site are
/// deleted. Pages are rendered and written in batches, so memory stays flat however large
/// the site. The output is the same byte for byte as a build from nothing.
public struct SiteBuild: Sendable {
    public var content: URL
    /// A theme folder whose files replace the default theme's one by one; nil for the default theme alone.
    public var templates: URL?
    public var output: URL
    public var baseURL: BaseURL?
    /// Whether Pagefind also indexes the site (the built-in index is always written).
    public var pagefind: Pagefind.Mode
    /// Where the build cache lives; by default `.paperdigest-cache` beside the output folder.
    public var cacheFolder: URL
    /// Publish a site with no papers over one that has papers (otherwise that stops the
    /// build: an emptied or unreadable dumps folder must not wipe the site).
    public var allowEmpty = false
    /// How many days before the newest the related-papers index is kept (tests keep it few).
    var relatedKeptBack = RelatedDays.keptBack

    public init(
        content: URL, templates: URL?, output: URL, baseURL: BaseURL? = nil, pagefind: Pagefind.Mode = .never,
        cacheFolder: URL? = nil
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.pagefind = pagefind
        self.cacheFolder =
            cacheFolder
            ?? output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(CacheFolder.defaultName)
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var days: Int
        public var papers: Int
        public var topics: Int
        /// Files of the site.
        public var pages: Int
        /// Pages rendered (the others were unchanged since the last build).
        public var rendered: Int
        /// Files whose bytes changed and were written, and files deleted.
        public var written: [String]
        public var removed: [String]
        public var seconds: Double
        public var warnings: Int
        /// The base-url path the site was built for (`/` or `/repo/`).
        public var basePath = "/"
        /// Pagefind indexed the site too.
        public var pagefind = false
        /// Dumps read and parsed (the others were unchanged, their parse remembered).
        public var parsedDumps = 0
        /// The last build's catalog was extended by dumps of later days, not made again.
        public var catalogExtended = false
        /// Days (of first listings) added to the related-papers index again.
        public var relatedDaysIndexed = 0

        public var description: String {
            let warningText =
                (pagefind ? " (plus a Pagefind index)" : "")
                + (warnings == 0 ? "" : ", " + count(warnings, "warning"))
            return
                "Built \(count(days, "day")), \(count(papers, "paper")), \(count(topics, "topic")): \(count(pages, "page")), \(rendered) rendered, \(written.count) written, \(removed.count) removed in \(String(format: "%.2f", seconds)) s\(warningText)"
        }
    }

    /// Pages done so far and in all, after each batch.
    public typealias ProgressLog = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Runs every step. On failure before writing, the output folder is left as it was; a
    /// failure or interruption while writing leaves every file whole, and the next build
    /// repairs the rest. `report` sees every warning as soon as its step ends.
    public func run(
        cache: BuildCache? = nil, log: @escaping SiteGenerator.StepLog = { _, _, _ in },
        progress: @escaping ProgressLog = { _, _ in }, report: (Diagnostic) -> Void = { _ in }
    ) throws(BuildFailure) -> Summary {
        let started = DispatchTime.now()
        let overlaps = BuildFolders(content: content, templates: templates, output: output, cache: cacheFolder)
            .problems()
        if !overlaps.isEmpty { throw BuildFailure(overlaps) }
        try CacheFolder.claim(cacheFolder)
        let lock = try wrap { () throws(OutputWriter.Failure) in
            try BuildLock(folder: cacheFolder) {
                report(.warning("another digest build is writing \(displayPath(output)); waiting for it to finish"))
            }
        }
        defer { withExtendedLifetime(lock) {} }
        return try build(cache: cache, started: started, log: log, progress: progress, report: report)
    }

    /// `run` once the build lock is held.
    private func build(
        cache: BuildCache?, started: DispatchTime, log: @escaping SiteGenerator.StepLog,
        progress: @escaping ProgressLog, report: (Diagnostic) -> Void
    ) throws(BuildFailure) -> Summary {
        var clock = StepClock(log: log, first: 1)
        let indexer = Pagefind(mode: pagefind)
        let options = BuildStamp.options(baseURL: baseURL, pagefind: indexer.willRun)
        Trace.mark("build starts")
        // What a build stopped while Pagefind ran left, removed even when nothing else
        // changed; only in a folder with a manifest, one the build has written before.
        if OwnFile.kind(output.appendingPathComponent(OutputWriter.manifestName).path) == S_IFREG {
            Pagefind.removeStaging(in: output)
        }
        let state = InputState.scan(InputPaths(content: content, templates: templates))
        let stamp = BuildStamp.load(from: cacheFolder)
        let unchanged = stamp.map { $0.options == options && $0.state == state } ?? false
        // The cache is decoded while the content is read and parsed (unless nothing seems
        // changed: then it is likely not needed at all).
        let load: @Sendable () -> BuildCache = { [cacheFolder] in cache ?? BuildCache.load(from: cacheFolder) }
        let loading = unchanged ? nil : Background(load)
        // Whether the output holds what the last build wrote (a stat of every file): asked
        // at once on both cores when nothing seems changed, else checked on another core
        // once the cache is loaded (the build waits for that first, and each would slow
        // the other).
        let inspection = Background { [output] in
            _ = loading?.value
            return OutputWriter.isIntact(output, split: unchanged)
        }
        /// The last build's result stands: its warnings again, and its figures.
        func nothingChanged(_ stamp: BuildStamp) -> Summary {
            stamp.diagnostics.forEach(report)
            clock.lap("Nothing changed since the last build")
            return Summary(
                days: stamp.days, papers: stamp.papers, topics: stamp.topics, pages: stamp.pages, rendered: 0,
                written: [], removed: [], seconds: Self.seconds(since: started),
                warnings: stamp.diagnostics.warnings.count, basePath: stamp.basePath)
        }
        if let stamp, unchanged, inspection.value {
            // No input file was touched: nothing is read.
            return nothingChanged(stamp)
        }
        let loaded = loading ?? Background(load)
        // What the last build wrote: its manifest parsed on a thread of its own once the
        // cache is loaded, beside the stat check (unless nothing seemed changed: the pages
        // then read it). At ten years, a stat and a parse of 300,000 lines in one pass held
        // back the pages; parsed at once, it held back the cache and the saved catalog.
        let manifest =
            unchanged
            ? nil
            : Background { [output] in
                _ = loaded.value
                return OutputWriter.readManifest(output)
            }
        let resuming = Background { [cacheFolder] in CatalogResume.load(from: cacheFolder) }
        // Dumps unchanged since the last build are not read: their parse is remembered.
        let root = sourcePath(content)
        var memo = DumpMemo.load(from: cacheFolder, root: root)
        let scanned = state.byPath
        /// The content, with the dumps `memo` remembers left unread (or read and dropped,
        /// when only their file's time changed).
        func read(_ memo: inout DumpMemo) throws(BuildFailure) -> (ContentSnapshot, [Diagnostic]) {
            let read = try ContentSnapshot.read(content: content, templates: templates, knownDigests: memo.digests) {
                memo.isCurrent($1, file: scanned[$0])
            }
            for path in read.0.touchedDumps { memo.refresh(path) }
            return read
        }
        var (snapshot, readDiagnostics) = try read(&memo)
        let inputs = BuildStamp.inputs(of: snapshot, options: options, memo: memo, readDiagnostics: readDiagnostics)
        if let stamp, stamp.inputs == inputs, inspection.value {
            // Files were touched but hold the same bytes: remember their new times.
            var touched = stamp
            touched.state = state
            try? touched.save(to: cacheFolder)
            return nothingChanged(stamp)
        }
        readDiagnostics.forEach(report)
        Trace.mark("inputs scanned, content read")
        clock.lap(SiteGenerator.steps[0])
        BuildStamp.remove(from: cacheFolder)

        var generator = SiteGenerator(baseURL: baseURL)
        generator.pagefind = indexer.willRun
        generator.relatedKeptBack = relatedKeptBack
        let prepared: PreparedSite
        if let site = try generator.prepare(
            consume snapshot, memo: &memo, cache: { loaded.value }, resume: { resuming.take() }, clock: &clock)
        {
            prepared = site
        } else {
            // What is remembered does not suffice (see `prepare`): every dump is read.
            memo = DumpMemo(root: root)
            (snapshot, readDiagnostics) = try read(&memo)
            clock.number = 1
            clock.lap("Reading every dump (what the cache remembers does not suffice)")
            guard
                let site = try generator.prepare(consume snapshot, memo: &memo, cache: { loaded.value }, clock: &clock)
            else { throw BuildFailure(.error("internal error: dumps read whole were taken as remembered")) }
            prepared = site
        }
        // The memo is complete once the catalog is made: it is saved while pages are written,
        // with the catalog for the next build to extend (or none, should that fail).
        let memoSaved = Background { [memo, cacheFolder, resume = prepared.resume] () -> String? in
            do {
                try memo.save(to: cacheFolder)
                try resume?.save(to: cacheFolder)
                return nil
            } catch {
                CatalogResume.remove(from: cacheFolder)
                return errorReason(error)
            }
        }
        // A build that stops (a folder refused, Ctrl-C) returns, and gives up the lock, only
        // once the save is done: none runs on into the next build's.
        defer { _ = memoSaved.value }
        // Dropped here, the memo is freed once saved (ten years of titles) rather than held
        // while every page is written.
        memo = DumpMemo(root: root)
        let cache = loaded.value
        if let note = cache.note { report(.warning(note)) }
        prepared.diagnostics.forEach(report)

        Trace.mark("prepared")
        let writer = try wrap { () throws(OutputWriter.Failure) in
            try OutputWriter(
                directory: output, manifest: manifest?.value ?? OutputWriter.readManifest(output))
        }
        Trace.mark("writer open")
        let publishedPapers =
            prepared.papers > 0
            ? 0 : writer.previous.paths.count { $0.hasPrefix("papers/") && $0.hasSuffix("/index.html") }
        if publishedPapers > 0 && !allowEmpty {
            throw BuildFailure(
                .error(
                    "no papers to publish, but \(displayPath(output)) holds a site with \(count(publishedPapers, "paper")); stopped rather than replace it with an empty site (check \(displayPath(content.appendingPathComponent("dumps")))/, or pass --allow-empty)"
                ))
        }
        // Files found missing or changed since the last build are written again.
        if !inspection.value { _ = writer.verify() }
        Trace.mark("intact check")
        let outcome = try wrap(writing: true) { () throws(OutputWriter.Failure) in
            try PageStream(renderer: prepared.renderer, writer: writer, cache: cache).run(progress: progress)
        }
        clock.lap(SiteGenerator.steps[4])
        if cache.isDamaged {
            _ = memoSaved.value
            // Texts read back from the cache were not what it stored: everything is made
            // again without it, and every page it may have spoilt is written again.
            report(.warning("the build cache \(displayPath(cacheFolder)) is damaged; building everything"))
            return try build(
                cache: BuildCache(spillingTo: cacheFolder), started: started, log: log, progress: progress,
                report: report)
        }

        var (paths, files, kept) = (outcome.paths, outcome.files, outcome.kept)
        var pagefindDiagnostics: [Diagnostic] = []
        if indexer.willRun {
            pagefindDiagnostics = try indexer.index(writer.directory)
            // A new index replaces the old one file by file (the files it no longer has are
            // deleted with the site's others); when Pagefind failed, the old one stays.
            let staging = writer.directory.appendingPathComponent(Pagefind.stagingFolder)
            let fresh = pagefindDiagnostics.isEmpty
            let folder = fresh ? staging : writer.directory.appendingPathComponent("pagefind")
            var changed: [(path: String, data: Data)] = []
            for path in OutputWriter.files(in: folder) {
                let target = "pagefind/" + path
                guard let bytes = FileBytes.read(folder.appendingPathComponent(path).path) else { continue }
                let data = Data(bytes)
                let file = OutputWriter.FileRecord(hash: Fingerprint.ofContents(data), size: data.count)
                let listed = writer.previous.index(of: target)
                if fresh && listed.map({ writer.previous.records[$0] }) != file { changed.append((target, data)) }
                paths.append(target)
                files.append(file)
                if let listed { kept[listed] = true }
            }
            try wrap(writing: true) { () throws(OutputWriter.Failure) in
                try writer.willWrite(changed.map(\.path))
                for (path, data) in changed { try writer.write(data, to: path) }
            }
            Pagefind.removeStaging(in: writer.directory)
        }
        pagefindDiagnostics.forEach(report)
        Trace.mark("pagefind")
        // The cache is saved while the manifest is written, and both before the stamp.
        let records = outcome.records
        let cacheSaved = Background { [cacheFolder] () -> String? in
            cache.record(pages: records)
            cache.dropUnused()
            do {
                try cache.save(to: cacheFolder)
                return nil
            } catch {
                return errorReason(error)
            }
        }
        let finished = Result { () throws(BuildFailure) in
            try wrap(writing: true) { () throws(OutputWriter.Failure) in
                try writer.finish(paths: paths, records: files, kept: kept)
            }
        }
        Trace.mark("writer finish")
        for failure in [memoSaved.value, cacheSaved.value].compactMap({ $0 }) {
            report(.warning("cannot save the build cache in \(displayPath(cacheFolder)): \(failure)"))
        }
        let removed = try finished.get()
        Trace.mark("memo and cache saved")
        let newStamp = BuildStamp(
            state: state, options: options, inputs: inputs, days: prepared.days, papers: prepared.papers,
            topics: prepared.topics,
            pages: outcome.records.count, diagnostics: readDiagnostics + prepared.diagnostics + pagefindDiagnostics,
            basePath: prepared.renderer.routes.base.path)
        do {
            try newStamp.save(to: cacheFolder)
        } catch {
            report(
                .warning("cannot save the build stamp in \(displayPath(cacheFolder)): \(errorReason(error))"))
        }
        Trace.mark("stamp saved")
        Trace.printTotals()
        clock.lap(SiteGenerator.steps[5])
        let summary = Summary(
            days: prepared.days, papers: prepared.papers, topics: prepared.topics, pages: outcome.records.count,
            rendered: outcome.rendered, written: outcome.written, removed: removed,
            seconds: Self.seconds(since: started),
            warnings: readDiagnostics.count + prepared.diagnostics.warnings.count + pagefindDiagnostics.count
                + (cache.note == nil ? 0 : 1),
            basePath: prepared.renderer.routes.base.path, pagefind: indexer.willRun && pagefindDiagnostics.isEmpty,
            parsedDumps: prepared.parsedDumps, catalogExtended: prepared.catalogExtended,
            relatedDaysIndexed: prepared.relatedDaysIndexed)
        // The catalog, the cache (unless the caller keeps it) and both manifests are freed
        // on another thread.
        Disposal.release(
            (consume prepared, consume cache, consume writer, consume outcome, consume paths, consume files))
        _ = consume loaded
        return summary
    }

    /// Asks a running build to stop after the batch of pages it is writing (Ctrl-C):
    /// every file stays whole and the next build completes the site.
    public static func interrupt() {
        PageStream.interrupted = true
    }

    /// `interrupt()` was called: a build failing now failed for that.
    public static var wasInterrupted: Bool { PageStream.interrupted }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// `writing`: the failure may come once files were written, which it then says.
    private func wrap<T>(writing: Bool = false, _ body: () throws(OutputWriter.Failure) -> T) throws(BuildFailure)
        -> T
    {
        do {
            return try body()
        } catch {
            var failure = BuildFailure(.error(error.description))
            failure.mayHaveWritten = writing
            throw failure
        }
    }
}
