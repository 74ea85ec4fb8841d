import Foundation

/// The repository root, for the demo content and default theme.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder, removed when the test's `defer` runs `remove()`.
public struct TemporaryFolder {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("digest-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// A fresh temporary folder for the whole test run (a site built once, read by many
    /// tests), removed when the test process exits.
    public static func forTheRun() throws -> URL {
        let folder = try TemporaryFolder()
        RunFolders.shared.add(folder.url.path)
        return folder.url
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
    }
}

/// Every regular file below `root` (hidden ones too), as sorted relative paths.
public func allFiles(in root: URL) -> [String] {
    let prefix = root.standardizedFileURL.path + "/"
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: prefix + path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }.sorted()
}

/// The folders made for a whole test run, removed at exit (Swift Testing has no hook
/// after the last test).
private final class RunFolders: @unchecked Sendable {
    static let shared = RunFolders()
    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { RunFolders.shared.removeAll() }
    }

    func add(_ path: String) {
        lock.withLock { paths.append(path) }
    }

    private func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
