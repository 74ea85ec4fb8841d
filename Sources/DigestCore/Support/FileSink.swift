import Foundation

/// A file written piece by piece under a temporary name, then renamed over `path` whole: what
/// the build's large files (cache, manifest) use so they are never held in memory entire, and
/// so a reader sees the old file or the new one, never part of one.
final class FileSink {
    /// How much a writer gathers before handing it to `write`.
    static let pieceSize = 1 << 20

    let path: String
    private let temporary: String
    private let descriptor: Int32
    /// The first write that failed, why.
    private var failure: String?
    private var closed = false

    init(replacing path: String) throws {
        self.path = path
        temporary = path + ".new"
        descriptor = OwnFile.create(temporary)
        guard descriptor >= 0 else { throw OwnFile.error(temporary) }
    }

    /// Appends `bytes`; a failure is remembered and reported by `commit`.
    func write(_ bytes: UnsafeRawBufferPointer) {
        var done = 0
        while done < bytes.count, failure == nil, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + done, bytes.count - done)
            if count > 0 {
                done += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                failure = count < 0 ? String(cString: strerror(errno)) : "nothing written"
            }
        }
    }

    /// Closes the file and puts it in place; on any failure the temporary file is removed and
    /// the old file left as it was.
    func commit() throws {
        closed = true
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Self.error(path, failure)
        }
    }

    /// A sink dropped without `commit` (its writer stopped early) leaves nothing behind.
    deinit {
        guard !closed else { return }
        close(descriptor)
        unlink(temporary)
    }

    private static func error(_ path: String, _ reason: String) -> CocoaError {
        CocoaError(
            .fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path): \(reason)"])
    }
}
