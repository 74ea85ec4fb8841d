import Foundation

/// Runs Pagefind (https://pagefind.app, `pip install pagefind-bin`) over a freshly built
/// site, when asked or when it is installed. Its index lands in `pagefind/`, and the
/// theme's search script prefers it to the built-in index, which is written either way.
public struct Pagefind: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Use Pagefind when it is installed; otherwise the built-in index alone.
        case auto
        /// Fail the build when Pagefind is missing or fails.
        case always
        case never
    }

    public var mode: Mode
    /// How to run Pagefind; nil when it is not installed.
    let command: [String]?

    public init(mode: Mode) {
        self.mode = mode
        self.command = mode == .never ? nil : Self.command()
    }

    /// Whether `index` will run Pagefind (so pages can point at its index).
    public var willRun: Bool { command != nil }

    /// Where in the site `index` writes the index, for the build to move into `pagefind/`:
    /// Pagefind names its files by their content and never deletes any, so an index written
    /// in place would keep every earlier build's files. Its name is one of the build's own
    /// (`OutputWriter.isOwnName`), which no static file may take.
    public static let stagingFolder = OutputWriter.manifestName + "-pagefind"

    /// Removes what a build stopped while Pagefind ran left in `stagingFolder`: it is never
    /// part of a site. (Nothing to remove is the usual case; a failure leaves it for later.)
    public static func removeStaging(in site: URL) {
        // `.pagefind-new` is the name builds gave it before it took one of the build's own.
        for name in [stagingFolder, ".pagefind-new"] {
            try? FileManager.default.removeItem(at: site.appendingPathComponent(name))
        }
    }

    /// Indexes `site` into its `stagingFolder` (emptied first). Returns warnings (Pagefind
    /// missing or failing under `auto`); throws when `always` cannot be honoured.
    public func index(_ site: URL) throws(BuildFailure) -> [Diagnostic] {
        guard mode != .never else { return [] }
        guard let command else {
            if mode == .always {
                throw BuildFailure(.error("Pagefind is not installed (pip install pagefind-bin)"))
            }
            return []
        }
        Self.removeStaging(in: site)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + ["--site", site.path, "--output-subdir", Self.stagingFolder, "--quiet"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return try fail("cannot run Pagefind: \(errorReason(error))")
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return try fail("Pagefind failed (exit \(process.terminationStatus)): \(output.suffix(400))")
        }
        return []
    }

    private func fail(_ message: String) throws(BuildFailure) -> [Diagnostic] {
        if mode == .always { throw BuildFailure(.error(message)) }
        return [.warning(message + "; the site keeps its built-in search")]
    }

    /// `pagefind` on `PATH`, else the binary inside the `pagefind_bin` Python package.
    static func command() -> [String]? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["pagefind_extended", "pagefind"] {
            for folder in path.split(separator: ":")
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ["\(folder)/\(name)"]
            }
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pagefind_bin"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? ["python3", "-m", "pagefind_bin"] : nil
    }
}
