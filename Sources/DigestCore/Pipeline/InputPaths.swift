import Foundation

/// The files and folders a build reads: what the build stamp compares and the preview
/// server watches. Only these, so a content folder that also holds the output and the
/// cache (a site made by `digest init`) is not seen as changed by the build's own writes.
public struct InputPaths: Sendable {
    /// Folders read with everything below them.
    public var folders: [URL]
    /// Single files, which may not exist yet.
    public var files: [URL]

    public init(content: URL, templates: URL?) {
        folders =
            ["dumps", "pages", "static"].map { content.appendingPathComponent($0) } + (templates.map { [$0] } ?? [])
        files = ["site.yml", "topics.yml"].map { content.appendingPathComponent($0) }
    }
}
