import Foundation

/// The files and folders a build reads: what the build stamp compares and the preview
/// server watches. Only these, so a content folder that also holds the output and the
/// cache (a site made by `digest init`) is not seen as changed by the build's own writes.
public struct InputPaths: Sendable {
    /// Folders read with everything below them.
    public var folders: [URL]
    /// Single files, which may not exist yet.
    public var files: [URL]
    /// The one folder whose hidden entries are read (`static/.nojekyll` is published).
    /// Elsewhere a hidden entry (an editor's swap file, a theme's `.git/`) is no input, so
    /// its churn is not a change.
    public var readsHidden: URL

    public init(content: URL, templates: URL?) {
        readsHidden = content.appendingPathComponent("static")
        folders =
            [content.appendingPathComponent("dumps"), content.appendingPathComponent("pages"), readsHidden]
            + (templates.map { [$0] } ?? [])
        files = ["site.yml", "topics.yml"].map { content.appendingPathComponent($0) }
    }
}
