import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Opens the files the build keeps under names of its own (temporaries, the journal, the
/// cache's files) without following a link: a symbolic link planted at one of those names
/// would otherwise have the build write, truncate or append to whatever it points at,
/// outside the folders it owns.
enum OwnFile {
    /// A new, empty file at `path` for writing (and reading, with `readable`). What is there
    /// already is a leftover of an interrupted build, or a link put in its place: it is
    /// removed (the link, not what it points at) and the file made again, once. A folder
    /// there stays, and the open fails. Returns the descriptor, or -1 with `errno` set.
    static func create(_ path: String, readable: Bool = false) -> Int32 {
        let flags = (readable ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        let descriptor = open(path, flags, 0o644)
        guard descriptor < 0, errno == EEXIST, unlink(path) == 0 else { return descriptor }
        return open(path, flags, 0o644)
    }

    /// The file at `path` opened for writing, as it is (made when missing, with `creating`);
    /// -1 with `errno` set (`ELOOP`) when `path` is a symbolic link.
    static func existing(_ path: String, creating: Bool = false) -> Int32 {
        open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | (creating ? O_CREAT : 0), 0o644)
    }

    /// Why an open of `path` failed, as a message: a link is named as one (`ELOOP` reads
    /// "too many levels of symbolic links").
    static func failure(_ path: String) -> String {
        errno == ELOOP
            ? "\(path) is a symbolic link, which digest build does not write through: remove it"
            : "cannot write \(path): \(String(cString: strerror(errno)))"
    }

    /// `failure` as the error the cache's writers throw.
    static func error(_ path: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: failure(path)])
    }

    /// What stands at `path` itself (`S_IFREG`, `S_IFDIR`, `S_IFLNK`, …; `lstat`), nil when
    /// nothing does.
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// What stands at `path` when it cannot be a file the build wrote ("a folder", "a
    /// symbolic link"); nil when nothing or a plain file does.
    static func intruder(_ path: String) -> String? {
        switch kind(path) {
        case nil, S_IFREG: nil
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        default: "not a plain file"
        }
    }
}
