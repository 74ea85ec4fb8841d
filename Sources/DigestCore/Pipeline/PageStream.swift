import Foundation

/// Renders and writes a site's pages in batches: each batch is journaled, then rendered
/// on every core, each page written by the core that made it and dropped, so memory
/// stays flat.
///
/// A page is skipped without rendering when its inputs match the last build's record and
/// its file is known to hold that build's bytes; a rendered page is written only when its
/// bytes differ from the file's. What a build keeps of each page is listed in job order,
/// found by fingerprints: a site has hundreds of thousands of pages, and a new day changes
/// a few hundred.
struct PageStream {
    let renderer: SiteRenderer
    let writer: OutputWriter
    /// What the last build kept of the search index's papers.
    let cache: BuildCache
    /// The last build's page records and manifest, taken once from the cache and the
    /// writer: each page reads them, and a class's property is copied for each read.
    private let records: PageRecords
    private let previous: OutputManifest
    /// A batch's size in paper pages; a page that lists papers (a day, a month of a topic,
    /// a feed) counts as `listWeight` of them, so two batches in memory stay small.
    var batchSize = 512
    var listWeight = 16

    init(renderer: SiteRenderer, writer: OutputWriter, cache: BuildCache) {
        self.renderer = renderer
        self.writer = writer
        self.cache = cache
        self.records = cache.pages
        self.previous = writer.previous
    }

    struct Outcome {
        /// Every file of the site, in job order, with a hash of its bytes and its size.
        var paths: [String] = []
        var files: [OutputWriter.FileRecord] = []
        /// Which files of the last build (by their place in the writer's `previous`) the
        /// site still has.
        var kept: [Bool] = []
        var records = PageRecords()
        var rendered = 0
        var written: [String] = []
    }

    /// Stops between batches when set (Ctrl-C): what is written stays whole.
    nonisolated(unsafe) static var interrupted = false

    func run(progress: SiteBuild.ProgressLog) throws(OutputWriter.Failure) -> Outcome {
        let jobs = renderer.jobs()
        // The search index, one long job, is made on the side from the start when it changed,
        // rather than hold up the last batch.
        let stream = self
        let searchIndex = check(.searchIndex).isCurrent ? nil : Background { stream.searchIndex() }
        // Every page is checked first, on every core at once: a new day renders a few hundred
        // of ten years' 300,000 pages, and checking them batch by batch waited on both cores
        // at the end of each batch.
        let checks = jobs.parallelMap(check)
        Trace.mark("pages checked")
        var outcome = Outcome()
        outcome.paths = checks.map(\.path)
        outcome.files = checks.map { onDisk($0) ?? OutputWriter.FileRecord(hash: 0, size: -1) }
        outcome.kept = Array(repeating: false, count: writer.previous.count)
        for check in checks where check.listed >= 0 { outcome.kept[Int(check.listed)] = true }
        var outputs = outcome.files.map(\.hash)
        let pending = checks.indices.filter { !checks[$0].isCurrent }
        var done = jobs.count - pending.count
        progress(done, jobs.count)
        var start = 0
        while start < pending.count {
            if Self.interrupted {
                throw OutputWriter.Failure(description: "interrupted; the next build completes the site")
            }
            var end = start
            var weight = 0
            while end < pending.count && weight < batchSize {
                weight += jobs[pending[end]].isPaper ? 1 : listWeight
                end += 1
            }
            let batch = Array(pending[start..<end])
            // Every page of the batch is journaled, as any may change: each is written by the
            // core that rendered it, as soon as it is made. (A writer thread of its own took
            // turns with rendering, and one core waited whenever either fell behind.)
            try writer.willWrite(batch.map { checks[$0].path })
            // A sitemap (long) is started first, so a batch does not end on one core. Pages
            // that list papers stay after those papers' pages, which leave their cards to them.
            let made = batch.parallelMap(heavyFirst: { jobs[$0].isSitemap }) {
                job -> (file: OutputWriter.FileRecord, wrote: Bool, failure: String?) in
                let (page, file) = render(jobs[job], checked: checks[job], searchIndex: searchIndex)
                guard onDisk(checks[job]) != file else { return (file, false, nil) }
                do throws(OutputWriter.Failure) {
                    try writer.write(page.data, to: page.path)
                } catch {
                    return (file, false, error.description)
                }
                return (file, true, nil)
            }
            for (job, result) in zip(batch, made) {
                if let failure = result.failure { throw OutputWriter.Failure(description: failure) }
                outcome.files[job] = result.file
                outputs[job] = result.file.hash
                outcome.rendered += 1
                if result.wrote { outcome.written.append(checks[job].path) }
            }
            done += batch.count
            progress(done, jobs.count)
            renderer.forgetCards()
            start = end
        }
        Trace.mark("pages rendered and written")
        renderer.forgetCards(all: true)
        // Three arrays of one length: never nil.
        outcome.records =
            PageRecords(keys: checks.map(\.key), inputs: checks.map(\.inputs), outputs: outputs) ?? PageRecords()
        return outcome
    }

    /// Where a job's file goes and what the last build left there.
    private struct Check {
        var path: String
        var key: UInt64
        var inputs: UInt64
        /// Where the last build's manifest lists the file; -1 when it does not. (Kept small:
        /// ten years of pages are checked at once.)
        var listed: Int32
        /// The file holds what the last build made of the same inputs.
        var isCurrent: Bool
    }

    private func check(_ job: PageJob) -> Check {
        let made = renderer.path(of: job)
        let key = PageRecords.key(of: made)
        let inputs = renderer.inputs(of: job)
        let listed = previous.index(of: made, print: key)
        // The last build's string when it names the file: ten years of pages' paths are then
        // not held twice (40 MB), the one just made reused for the next.
        let path = listed.map { previous.paths[$0] } ?? made
        let onDisk = listed.map { previous.records[$0] }
        var isCurrent = false
        if let record = records.record(for: key), record.inputs == inputs, let onDisk, onDisk.hash != 0 {
            isCurrent = onDisk.hash == record.output
        }
        return Check(
            path: path, key: key, inputs: inputs, listed: Int32(truncatingIfNeeded: listed ?? -1), isCurrent: isCurrent)
    }

    /// What the last build left in a checked page's file.
    private func onDisk(_ check: Check) -> OutputWriter.FileRecord? {
        check.listed >= 0 ? previous.records[Int(check.listed)] : nil
    }

    /// A page checked not to be current, rendered, with the hash and size of its bytes.
    private func render(_ job: PageJob, checked: Check, searchIndex: Background<String>?) -> (
        Page, OutputWriter.FileRecord
    ) {
        let page = Trace.timed(String(String(describing: job).prefix { $0 != "(" })) {
            job == .searchIndex
                ? Page(path: checked.path, text: searchIndex?.value ?? self.searchIndex()) : renderer.render(job)
        }
        return (page, OutputWriter.FileRecord(hash: Fingerprint.ofContents(page.data), size: page.data.count))
    }

    /// The search index, its papers' entries kept from earlier builds: a new day brings a
    /// few dozen papers into the index, not thousands, and no abstract is read for it.
    private func searchIndex() -> String {
        let papers = renderer.catalog.papers
        let entries = Array(renderer.searchedPapers).parallelMap { index in
            let (title, abstract) = (papers[index].title, papers[index].abstract)
            var key = Fingerprint()
            key.add(title.fingerprint)
            key.add(abstract.fingerprint)
            return cache.searchEntry(key.value) { SearchEntry(title: title, abstract: abstract) }
        }
        return renderer.searchIndex(entries: entries)
    }
}
