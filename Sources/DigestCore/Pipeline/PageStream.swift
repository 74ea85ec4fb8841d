import Foundation

/// Renders and writes a site's pages in batches: each batch is rendered on every core,
/// journaled, written on every core, and dropped before the next, so memory stays flat.
///
/// A page is skipped without rendering when its inputs match the last build's record and
/// its file is known to hold that build's bytes; a rendered page is written only when its
/// bytes differ from the file's.
struct PageStream {
    let renderer: SiteRenderer
    let writer: OutputWriter
    /// The last build's records, by path.
    let records: [String: BuildCache.PageRecord]
    var batchSize = 512

    struct Outcome {
        /// Every file of the site, with a hash of its bytes and its size.
        var files: [String: OutputWriter.FileRecord] = [:]
        var records: [String: BuildCache.PageRecord] = [:]
        var rendered = 0
        var written: [String] = []
    }

    private enum Result {
        case unchanged(path: String, record: BuildCache.PageRecord, size: Int)
        case rendered(Page, record: BuildCache.PageRecord, write: Bool)
    }

    /// Stops between batches when set (Ctrl-C): what is written stays whole.
    nonisolated(unsafe) static var interrupted = false

    func run(progress: SiteBuild.ProgressLog) throws(OutputWriter.Failure) -> Outcome {
        let jobs = renderer.jobs()
        var outcome = Outcome()
        outcome.files.reserveCapacity(jobs.count)
        var start = 0
        while start < jobs.count {
            if Self.interrupted {
                throw OutputWriter.Failure(description: "interrupted; the next build completes the site")
            }
            let batch = jobs[start..<min(start + batchSize, jobs.count)]
            let results = Array(batch).parallelMap(process)
            var toWrite: [Page] = []
            for result in results {
                switch result {
                case .unchanged(let path, let record, let size):
                    outcome.files[path] = OutputWriter.FileRecord(hash: record.output, size: size)
                    outcome.records[path] = record
                case .rendered(let page, let record, let write):
                    outcome.rendered += 1
                    outcome.files[page.path] = OutputWriter.FileRecord(hash: record.output, size: page.data.count)
                    outcome.records[page.path] = record
                    if write { toWrite.append(page) }
                }
            }
            try writer.willWrite(toWrite.map(\.path))
            let failures = toWrite.parallelMap { page -> String? in
                do throws(OutputWriter.Failure) {
                    try writer.write(page.data, to: page.path)
                    return nil
                } catch {
                    return error.description
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw OutputWriter.Failure(description: failure) }
            outcome.written += toWrite.map(\.path)
            renderer.forgetCards()
            start += batch.count
            progress(start, jobs.count)
        }
        return outcome
    }

    private func process(_ job: PageJob) -> Result {
        let path = renderer.path(of: job)
        let inputs = renderer.inputs(of: job)
        let onDisk = writer.previous[path]
        if let record = records[path], record.inputs == inputs, let onDisk, onDisk.hash != 0,
            onDisk.hash == record.output
        {
            return .unchanged(path: path, record: record, size: onDisk.size)
        }
        let page = renderer.render(job)
        let hash = Fingerprint.of(page.data)
        let record = BuildCache.PageRecord(inputs: inputs, output: hash)
        return .rendered(page, record: record, write: onDisk?.hash != hash || onDisk?.size != page.data.count)
    }
}
