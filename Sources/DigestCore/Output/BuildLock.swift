import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps two builds from writing one output folder at once: an advisory lock (`flock`)
/// on a file in the build cache folder, released when the process ends, however it ends.
public final class BuildLock: Sendable {
    private let descriptor: Int32
    /// The lock file's name in the build cache folder.
    static let fileName = "lock"

    /// Takes the lock, waiting for another build to finish; `waiting` is told once if so.
    public init(folder: URL, waiting: () -> Void) throws(OutputWriter.Failure) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputWriter.Failure(description: "cannot create \(folder.path): \(errorReason(error))")
        }
        let path = folder.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputWriter.Failure(description: OwnFile.failure(path)) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw OutputWriter.Failure(description: "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
