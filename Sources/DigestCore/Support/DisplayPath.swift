import Foundation

/// The path a file is known by inside a build: absolute, whatever folder `digest` runs
/// from. Locations hold it; the build cache keys files by their part within the content
/// folder (`relativePath`), so a build started from another folder, or a site moved
/// elsewhere, finds what the last build remembered.
func sourcePath(_ url: URL) -> String {
    url.standardizedFileURL.path
}

/// The part of `path` within `folder` (`dumps/2026-03-12.txt`); `path` itself when it is
/// not inside it.
func relativePath(_ path: String, within folder: String) -> String {
    path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
}

/// A path as the user would type it: relative to the working directory when inside it.
func displayPath(_ url: URL) -> String {
    displayPath(url.standardizedFileURL.path)
}

/// `path` shown relative to the working directory when inside it (locations are printed
/// so: `dumps/2026-03-12.txt:3:1`); any other path as it is.
func displayPath(_ path: String) -> String {
    guard path.hasPrefix("/") else { return path }
    return relativePath(path, within: FileManager.default.currentDirectoryPath)
}
