import DigestCore
import Foundation

/// Runs a real tool (a validator, a linter, a browser driver) and captures what it printed.
public struct ExternalTool: Sendable {
    public var status: Int32
    public var output: String

    /// Whether `tool` is installed: a command on `PATH`, or `python:module` for a Python
    /// module `python3` can import.
    public static func isInstalled(_ tool: String) -> Bool {
        if tool.hasPrefix("python:") {
            return (try? run(["python3", "-c", "import " + tool.dropFirst("python:".count)]))?.status == 0
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    /// The tools of `tools` that are not installed.
    public static func missing(_ tools: [String]) -> [String] { tools.filter { !isInstalled($0) } }

    /// In CI (`CI` set) every tool must be there: a test that needs one never skips.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// `arguments[0]` is looked up on `PATH`. A tool that is missing is a failure the caller
    /// reports, with a hint to run `make deps`, never a silent skip.
    public static func run(_ arguments: [String], in directory: URL = repositoryRoot) throws -> ExternalTool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExternalTool(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// `run` on a thread of its own. A tool that takes minutes (a browser) must not hold one
    /// of Swift's few cooperative threads: on two cores that starves the tests that wait on a
    /// server running in the same process.
    public static func runOnOwnThread(_ arguments: [String], in directory: URL = repositoryRoot) async throws
        -> ExternalTool
    {
        try await OwnThread.run { try run(arguments, in: directory) }
    }
}
