import Foundation

/// One generated file: where it goes under the output folder and its bytes.
public struct Page: Hashable, Sendable {
    /// Relative to the output folder, e.g. `days/2026-03-12/index.html`.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
