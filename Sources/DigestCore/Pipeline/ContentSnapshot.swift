import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Every input file of a build, read into memory: the content folder and the theme.
///
/// Reading happens once, up front; the stages after it never touch the disk, and the
/// preview server compares snapshots to see what changed.
public struct ContentSnapshot: Hashable, Sendable {
    /// The content folder, as locations name its files (`sourcePath`).
    public var root = ""
    public var dumps: [SourceFile] = []
    /// Dumps left unread because the build remembers what parsing them gave (their paths,
    /// as in `dumps`, where they stand with no bytes).
    public var rememberedDumps: Set<String> = []
    /// Those of `rememberedDumps` that were read after all, as their file's time had
    /// changed, and had the bytes the build remembers (a fresh checkout): their parse is
    /// still good, and the memo learns their new time.
    public var touchedDumps: [String] = []
    /// A fingerprint of each dump read, by path, taken once: the build stamp and the memo
    /// of parsed dumps both need it.
    public var dumpDigests: [String: UInt64] = [:]
    public var siteConfig: SourceFile?
    public var topics: SourceFile?
    public var pages: [SourceFile] = []
    /// Mustache templates by name (`day`, `partials/paper-card`).
    public var templates: [String: SourceFile] = [:]
    /// Static theme files; `path` is where they go in the output (`assets/style.css`).
    public var assets: [SourceFile] = []
    /// Files of the content folder's `static/`, copied as they are (`CNAME`, images); `path`
    /// is where they go in the output.
    public var statics: [SourceFile] = []

    public init() {}

    /// The fingerprint of a file's bytes (a dump's taken when it was read).
    func digest(of file: SourceFile) -> UInt64 {
        dumpDigests[file.path] ?? Fingerprint.of(file.data)
    }

    /// Reads `content` (`dumps/`, `site.yml`, `topics.yml`, `pages/`, `static/`) and the theme:
    /// the default theme built into the binary, with each file found in `templates` in place
    /// of the default one of the same path (a site can replace just `paper.mustache`).
    ///
    /// A dump for which `remembered` (given its path and the path its locations hold,
    /// `sourcePath`) is true is not read. One read whose bytes have the fingerprint
    /// `knownDigests` gives for it is remembered too (`touchedDumps`), its bytes dropped at
    /// once: after a checkout, ten years of dumps held at once took half a gigabyte.
    public static func read(
        content: URL, templates: URL?, knownDigests: [String: UInt64] = [:],
        remembered: (_ path: String, _ shown: String) -> Bool = { _, _ in false }
    ) throws(BuildFailure) -> (ContentSnapshot, [Diagnostic]) {
        var snapshot = ContentSnapshot()
        snapshot.root = sourcePath(content)
        var diagnostics: [Diagnostic] = []
        let contentPath = displayPath(content)
        guard isDirectory(content) else {
            throw BuildFailure(.error("content folder \(contentPath) not found"))
        }
        let dumpsFolder = content.appendingPathComponent("dumps")
        guard isDirectory(dumpsFolder) else {
            throw BuildFailure(
                .error(
                    "no dumps/ folder in \(contentPath): put the saved Daily Papers pages in \(displayPath(dumpsFolder))/"
                ))
        }
        var dumps: [(file: URL, shown: String, isRemembered: Bool)] = []
        for file in try files(under: dumpsFolder, named: "txt", diagnostics: &diagnostics) {
            guard file.pathExtension.lowercased() == "txt" else {
                diagnostics.append(
                    .warning("not a .txt file, ignored", at: SourceLocation(path: sourcePath(file), line: 1)))
                continue
            }
            let shown = sourcePath(file)
            dumps.append((file, shown, remembered(file.path, shown)))
        }
        // Read and fingerprinted on every core: ten years of dumps are half a gigabyte (the
        // bytes of those found unchanged are let go at once).
        let read = dumps.parallelMap { dump -> Result<(SourceFile, UInt64), BuildFailure>? in
            guard !dump.isRemembered else { return nil }
            return Result { () throws(BuildFailure) in
                var file = try readFile(dump.file)
                let digest = Fingerprint.of(file.data)
                if knownDigests[dump.shown] == digest { file.data = Data() }
                return (file, digest)
            }
        }
        for (dump, result) in zip(dumps, read) {
            let made = try result?.get()
            guard case let (file, digest)? = made, knownDigests[dump.shown] != digest else {
                snapshot.dumps.append(SourceFile(path: dump.shown, data: Data()))
                snapshot.rememberedDumps.insert(dump.shown)
                if made != nil { snapshot.touchedDumps.append(dump.shown) }
                continue
            }
            snapshot.dumpDigests[file.path] = digest
            snapshot.dumps.append(file)
        }
        if snapshot.dumps.isEmpty {
            diagnostics.append(.warning("no dumps in \(displayPath(dumpsFolder)); the site will have no papers"))
        }
        let siteFile = content.appendingPathComponent("site.yml")
        if FileManager.default.fileExists(atPath: siteFile.path) { snapshot.siteConfig = try readFile(siteFile) }
        let topicsFile = content.appendingPathComponent("topics.yml")
        if FileManager.default.fileExists(atPath: topicsFile.path) { snapshot.topics = try readFile(topicsFile) }
        let pagesFolder = content.appendingPathComponent("pages")
        let staticFolder = content.appendingPathComponent("static")
        for folder in [pagesFolder, staticFolder] where !isDirectory(folder) && exists(folder) {
            diagnostics.append(
                .warning(
                    "not a folder, so the site has nothing from it",
                    at: SourceLocation(path: sourcePath(folder), line: 1)))
        }
        if isDirectory(pagesFolder) {
            snapshot.pages = try files(under: pagesFolder, named: "md", diagnostics: &diagnostics).filter {
                $0.pathExtension.lowercased() == "md"
            }.map(
                readFile)
        }

        if isDirectory(staticFolder) {
            let root = staticFolder.standardizedFileURL.path + "/"
            for file in try files(under: staticFolder, hidden: true, diagnostics: &diagnostics) {
                var copy = try readFile(file)
                copy.path = String(file.standardizedFileURL.path.dropFirst(root.count))
                snapshot.statics.append(copy)
            }
        }

        var theme: [String: SourceFile] = [:]
        for (path, data) in EmbeddedFiles.files(EmbeddedFiles.theme) {
            theme[path] = SourceFile(path: "(default theme)/" + path, data: data)
        }
        if let templates {
            guard isDirectory(templates) else {
                let exists = FileManager.default.fileExists(atPath: templates.path)
                throw BuildFailure(
                    .error(
                        exists
                            ? "templates path \(displayPath(templates)) is a file: give the folder that holds the theme's .mustache files"
                            : "templates folder \(displayPath(templates)) not found"))
            }
            let root = templates.standardizedFileURL.path + "/"
            for file in try files(under: templates, named: "mustache", diagnostics: &diagnostics) {
                theme[String(file.standardizedFileURL.path.dropFirst(root.count))] = try readFile(file)
            }
        }
        for (relative, file) in theme.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix(".mustache") {
                snapshot.templates[String(relative.dropLast(".mustache".count))] = file
            } else if !relative.hasPrefix("README") {
                var asset = file
                asset.path = relative
                snapshot.assets.append(asset)
            }
        }
        return (snapshot, diagnostics)
    }

    private static func readFile(_ url: URL) throws(BuildFailure) -> SourceFile {
        do {
            return SourceFile(path: sourcePath(url), data: try Data(contentsOf: url))
        } catch {
            throw BuildFailure(
                .error(
                    "cannot read file: \(whyUnreadable(url, error))",
                    at: SourceLocation(path: sourcePath(url), line: 1)))
        }
    }

    /// Regular files below `folder`, sorted by path, links followed; hidden ones skipped
    /// unless asked for (`static/.nojekyll` is meant to be published). A folder whose name
    /// ends in `.named` is reported.
    static func files(
        under folder: URL, hidden: Bool = false, named: String? = nil, diagnostics: inout [Diagnostic]
    ) throws(BuildFailure) -> [URL] {
        let walk = FolderWalk(folder, hidden: hidden, fileExtension: named)
        diagnostics += walk.diagnostics
        if walk.diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return walk.files.map { URL(fileURLWithPath: $0) }
    }

    /// Why reading `url` failed with `error`, in words: Foundation's own text for a
    /// folder is "error 256".
    public static func whyUnreadable(_ url: URL, _ error: any Error) -> String {
        isDirectory(url) ? "it is a folder" : errorReason(error)
    }

    /// Whether something is at `url`, a broken link too.
    private static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Whether `url` is a folder (links followed).
    public static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
