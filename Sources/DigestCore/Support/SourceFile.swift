import Foundation

/// The bytes of one input file and the path diagnostics should name.
public struct SourceFile: Hashable, Sendable {
    /// The path as shown to the user (relative to the working directory when possible).
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// The file name without folders, e.g. `2026-03-12.txt`.
    public var name: String { Self.name(of: path) }

    /// The last part of `path`, the one home of that rule (a location names its file by path).
    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The file name without its extension, e.g. `2026-03-12`.
    public var stem: String {
        let name = self.name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
