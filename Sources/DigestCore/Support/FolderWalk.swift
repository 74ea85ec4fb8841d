import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The input files below a folder, the one way every reader of inputs lists them.
///
/// Symbolic links are followed, to files and to folders (a `dumps/` that links to a folder
/// elsewhere is a common setup), but a folder already being walked is not entered again, so
/// a link loop ends. A broken link is reported rather than silently skipped, and a folder
/// that cannot be listed is an error. Entries a build would silently miss are reported: a
/// pipe, socket or device, and a folder named like the files read from it (a template
/// `index.mustache/` made a folder by mistake hides the template it was meant to be).
struct FolderWalk {
    /// Absolute paths of regular files, sorted.
    var files: [String] = []
    /// Absolute paths of the folders walked, the first being the one asked for.
    var folders: [String] = []
    /// Absolute paths of the entries skipped with a warning: pipes, sockets, devices, broken links.
    var skipped: [String] = []
    var diagnostics: [Diagnostic] = []

    /// The extension of the files the walk is for, with its dot (`.mustache`), if any.
    private let fileExtension: String?

    /// Walks `folder`; hidden entries are skipped unless asked for (`static/.nojekyll` is published).
    /// `fileExtension` (`mustache`, no dot) names the files the walk is for.
    init(_ folder: URL, hidden: Bool = false, fileExtension: String? = nil) {
        self.fileExtension = fileExtension.map { "." + $0.lowercased() }
        var active = Set<[UInt64]>()
        walk(folder.standardizedFileURL.path, hidden: hidden, active: &active)
        files.sort()
    }

    /// Why `path`, listed in its folder, could not be looked at.
    private static func unreadable(_ path: String, errno code: Int32) -> String {
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { return "broken symbolic link, ignored" }
        // Foundation lists a name that is not UTF-8 with U+FFFD in place of its bad bytes,
        // and no such file exists.
        if path.unicodeScalars.contains("\u{FFFD}") {
            return "a file name that is not UTF-8 (shown with \u{FFFD}) cannot be read: rename the file; ignored"
        }
        return "cannot read (\(String(cString: strerror(code)))), ignored"
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
        folders.append(path)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            // Read as empty, its files would vanish from the site.
            diagnostics.append(
                .error(
                    "cannot list this folder (\(errorReason(error))); stopped rather than build without its files",
                    at: SourceLocation(path: path, line: 1)))
            return
        }
        for name in names where hidden || !name.hasPrefix(".") {
            let child = path + "/" + name
            var target = stat()
            guard stat(child, &target) == 0 else {
                skipped.append(child)
                diagnostics.append(
                    .warning(Self.unreadable(child, errno: errno), at: SourceLocation(path: child, line: 1)))
                continue
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                if let fileExtension, name.lowercased().hasSuffix(fileExtension) {
                    diagnostics.append(
                        .warning(
                            "a folder, not a \(fileExtension) file: read as a folder (rename it if a file was meant)",
                            at: SourceLocation(path: child, line: 1)))
                }
                walk(child, hidden: hidden, active: &active)
            case S_IFREG: files.append(child)
            default:
                skipped.append(child)
                diagnostics.append(
                    .warning(
                        "neither a file nor a folder (a pipe, socket or device), ignored",
                        at: SourceLocation(path: child, line: 1)))
            }
        }
    }
}
