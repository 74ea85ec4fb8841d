import Foundation

/// `digest init DIR`: a new digest site to start from: one sample dump, `site.yml` and
/// `topics.yml` with comments, an about page, `static/`, the publish workflow, a
/// `.gitignore` and a README with the daily routine. The files are built into the binary.
public enum SiteStarter {
    /// Why a site could not be made; nothing was written.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the starter site into `folder`, which must be missing or empty (a site is
    /// never written over files someone has). Returns the paths written, relative to it.
    @discardableResult
    public static func create(at folder: URL) throws(Failure) -> [String] {
        let manager = FileManager.default
        let shown = displayPath(folder)
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(description: "\(shown) is a file, not a folder") }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.isEmpty else {
                throw Failure(
                    description:
                        "\(shown) is not empty (\(count(entries.count, "entry", "entries"))); give a new or empty folder"
                )
            }
        }
        var written: [String] = []
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)
            for (path, data) in EmbeddedFiles.files(EmbeddedFiles.starter) {
                let target = publishedPath(path)
                let url = folder.appendingPathComponent(target)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .withoutOverwriting)
                written.append(target)
            }
        } catch {
            // The file that failed, when Foundation says (one of the site's, or the folder).
            let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String
            throw Failure(description: "\(path.map(displayPath) ?? shown): \(errorReason(error))")
        }
        return written.sorted()
    }

    /// Hidden files are stored as `dot-…` in the source tree, so the repository's own git
    /// and CI do not treat them as theirs: `dot-github/workflows` becomes `.github/workflows`.
    static func publishedPath(_ stored: String) -> String {
        stored.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.hasPrefix("dot-") ? "." + $0.dropFirst(4) : String($0)
        }.joined(separator: "/")
    }
}
