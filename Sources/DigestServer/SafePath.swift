import DigestCore
import Foundation

/// Maps a request path to a file inside the site folder, refusing anything that could
/// step outside it: `..` and `.` segments, percent-encoded slashes, backslashes and NUL
/// bytes, and symbolic links whose target lies elsewhere. The build's own files (its
/// manifest, journal and temporaries) are not part of the site, and are not served.
struct SafePath {
    /// The site folder, with symbolic links resolved.
    let root: URL

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL
    }

    /// The decoded segments of a site-relative path, or nil when the path is not allowed.
    static func segments(_ relative: Substring) -> [String]? {
        var result: [String] = []
        for raw in relative.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding, !segment.isEmpty else { return nil }
            if segment == "." || segment == ".." { return nil }
            if segment.contains("/") || segment.contains("\\") || segment.contains("\0") { return nil }
            result.append(segment)
        }
        return OutputWriter.isOwnName(result.joined(separator: "/")) ? nil : result
    }

    /// The file or folder for `segments`, if it exists and, links resolved, lies inside the root.
    func resolve(_ segments: [String]) -> (url: URL, isDirectory: Bool)? {
        let candidate = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else { return nil }
        let resolved = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard resolved == root.path || resolved.hasPrefix(rootPath) else { return nil }
        return (candidate, isDirectory.boolValue)
    }
}
