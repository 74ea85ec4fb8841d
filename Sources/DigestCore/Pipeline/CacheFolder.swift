import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The build cache's folder, taken only when it is the build's own.
///
/// The cache's files have fixed names (`stamp`, `cache.bin`, `lock`), so `--cache mine`
/// naming a folder of the user's would overwrite theirs. A folder the build made carries a
/// `CACHEDIR.TAG` (the Cache Directory Tagging convention, which backup tools honour) that
/// names PaperDigest; one without it is taken only when empty or under the default name.
enum CacheFolder {
    static let defaultName = ".paperdigest-cache"
    static let tagName = "CACHEDIR.TAG"
    /// The signature the convention fixes, then the line that makes the folder ours (other
    /// tools tag their caches with the same signature).
    static let tag = """
        Signature: 8a477f597d28d172789f06886806bc55
        # This folder is the build cache of PaperDigest (digest build): deleting it only makes
        # the next build slower. See https://bford.info/cachedir/ about this file.

        """
    static let owner = "PaperDigest"

    /// The files the build keeps in the folder: anything else at one of these names (a
    /// folder of the user's, say) would be deleted or written through.
    static let fileNames = [
        tagName, BuildLock.fileName, BuildStamp.fileName, BuildCache.fileName, BuildCache.textsName,
        BuildCache.pagesName, CatalogResume.fileName, DumpMemo.fileName,
    ]

    /// Makes `folder` if need be and tags it; stops when it holds files of someone else's,
    /// or anything but a file at a name the build keeps for one of its own.
    static func claim(_ folder: URL) throws(BuildFailure) {
        let manager = FileManager.default
        let shown = displayPath(folder)
        let tagFile = folder.appendingPathComponent(tagName)
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw BuildFailure(
                    .error("the build cache \(shown) is a file, not a folder: pass --cache with a folder"))
            }
            let tagged =
                OwnFile.kind(tagFile.path) == S_IFREG
                && manager.contents(atPath: tagFile.path).map { String(decoding: $0, as: UTF8.self).contains(owner) }
                    == true
            if !tagged {
                let names: [String]
                do {
                    names = try manager.contentsOfDirectory(atPath: folder.path)
                } catch {
                    throw BuildFailure(.error("cannot list the build cache \(shown): \(errorReason(error))"))
                }
                guard names.isEmpty || folder.lastPathComponent == defaultName else {
                    throw BuildFailure(
                        .error(
                            "the build cache \(shown) holds files digest build did not write (it has no \(tagName) naming PaperDigest): pass --cache with a new or empty folder, so that none of them is overwritten"
                        ))
                }
            }
            for name in fileNames {
                guard let what = OwnFile.intruder(folder.appendingPathComponent(name).path) else { continue }
                throw BuildFailure(
                    .error(
                        "the build cache \(shown) has \(what) at \(name), where digest build keeps a file of its own: remove it"
                    ))
            }
            if tagged { return }
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(tag.utf8).write(to: tagFile, options: .atomic)
        } catch {
            throw BuildFailure(.error("cannot make the build cache \(shown): \(errorReason(error))"))
        }
    }
}
