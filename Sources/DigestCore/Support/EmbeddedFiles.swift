import Foundation

/// Files compiled into the binary by the EmbedFiles build plugin (`theme`: the default
/// theme from `Templates/`; `starter`: the site `digest init` writes), so an installed
/// `digest` works with no files beside it.
enum EmbeddedFiles {
    /// The files of one group, by path relative to its folder, sorted.
    static func files(_ group: [(path: String, base64: String)]) -> [(path: String, data: Data)] {
        group.compactMap { entry in Data(base64Encoded: entry.base64).map { (entry.path, $0) } }
    }
}
