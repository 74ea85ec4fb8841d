import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The input files below a folder, the one way every reader of inputs lists them.
///
/// Symbolic links are followed, to files and to folders (a `dumps/` that links to a folder
/// elsewhere is a common setup), but a folder already being walked is not entered again, so
/// a link loop ends. A broken link is reported rather than silently skipped.
struct FolderWalk {
    /// Absolute paths of regular files, sorted.
    var files: [String] = []
    var diagnostics: [Diagnostic] = []

    /// Walks `folder`; hidden entries are skipped unless asked for (`static/.nojekyll` is published).
    init(_ folder: URL, hidden: Bool = false) {
        var active = Set<[UInt64]>()
        walk(folder.standardizedFileURL.path, hidden: hidden, active: &active)
        files.sort()
    }

    private mutating func walk(_ path: String, hidden: Bool, active: inout Set<[UInt64]>) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        guard active.insert(identity).inserted else {
            diagnostics.append(
                .warning(
                    "symbolic link loop: this folder is already being read, so it is not read again",
                    at: SourceLocation(path: path, line: 1)))
            return
        }
        defer { active.remove(identity) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        for name in names where hidden || !name.hasPrefix(".") {
            let child = path + "/" + name
            var target = stat()
            guard stat(child, &target) == 0 else {
                diagnostics.append(
                    .warning(
                        "broken symbolic link, ignored",
                        at: SourceLocation(path: child, line: 1)))
                continue
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR: walk(child, hidden: hidden, active: &active)
            case S_IFREG: files.append(child)
            default: continue
            }
        }
    }
}
