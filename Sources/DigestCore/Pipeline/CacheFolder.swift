import Foundation

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

    /// Makes `folder` if need be and tags it; stops when it holds files of someone else's.
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
            if let text = manager.contents(atPath: tagFile.path), String(decoding: text, as: UTF8.self).contains(owner)
            {
                return
            }
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw BuildFailure(.error("cannot list the build cache \(shown): \(error.localizedDescription)"))
            }
            guard names.isEmpty || folder.lastPathComponent == defaultName else {
                throw BuildFailure(
                    .error(
                        "the build cache \(shown) holds files digest build did not write (it has no \(tagName) naming PaperDigest): pass --cache with a new or empty folder, so that none of them is overwritten"
                    ))
            }
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(tag.utf8).write(to: tagFile, options: .atomic)
        } catch {
            throw BuildFailure(.error("cannot make the build cache \(shown): \(error.localizedDescription)"))
        }
    }
}
