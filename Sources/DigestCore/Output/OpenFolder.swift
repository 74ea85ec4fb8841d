import Glibc

/// A folder held open, whose files are looked up relative to it: checking the files of a
/// large site one `stat` each, the kernel then walks a page's own path, not the folder's
/// again for every file (a third of the time with the site three folders deep).
final class OpenFolder {
    private let descriptor: Int32

    /// Nil when the folder cannot be opened.
    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Whether `path`, relative to the folder, is a regular file of `size` bytes (symbolic
    /// links followed, as the web server that serves the site would).
    func holdsFile(_ path: UnsafePointer<CChar>?, size: Int) -> Bool {
        var info = stat()
        // An absolute path would leave the folder.
        guard let path, path.pointee != 0x2F, fstatat(descriptor, path, &info, 0) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == size
    }
}
