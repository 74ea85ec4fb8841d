import Foundation

/// The path a file is known by inside a build: absolute, whatever folder `digest` runs
/// from. Locations, and so the build cache's keys, hold it; a build started from another
/// folder then finds what the last one remembered (with paths relative to the working
/// directory, every dump and text was read and made again).
func sourcePath(_ url: URL) -> String {
    url.standardizedFileURL.path
}

/// A path as the user would type it: relative to the working directory when inside it.
func displayPath(_ url: URL) -> String {
    displayPath(url.standardizedFileURL.path)
}

/// `path` shown relative to the working directory when inside it (locations are printed
/// so: `dumps/2026-03-12.txt:3:1`); any other path as it is.
func displayPath(_ path: String) -> String {
    guard path.hasPrefix("/") else { return path }
    let cwd = FileManager.default.currentDirectoryPath
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
}
