import Foundation

/// A file written piece by piece under a temporary name, then renamed over `path` whole: what
/// the build's large files (cache, manifest) use so they are never held in memory entire, and
/// so a reader sees the old file or the new one, never part of one.
struct FileSink {
    let path: String
    private let temporary: String
    private let descriptor: Int32
    private(set) var failed = false

    init(replacing path: String) throws {
        self.path = path
        temporary = path + ".new"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// Appends `bytes`; a failure is remembered and reported by `commit`.
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        var done = 0
        while done < bytes.count, !failed, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + done, bytes.count - done)
            if count > 0 {
                done += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                failed = true
            }
        }
    }

    /// Closes the file and puts it in place; on any failure the temporary file is removed and
    /// the old file left as it was.
    func commit() throws {
        let closed = close(descriptor) == 0
        guard !failed, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
