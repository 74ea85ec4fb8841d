import ArgumentParser
import DigestCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "File freshly saved Daily Papers pages under dumps/YYYY-MM-DD.txt, merging with a day already there.",
        discussion: """
            The date line of a dump has no year: the most recent such date that is not in the \
            future is used, unless --year says otherwise. Existing dumps are never rewritten: \
            only papers the day lacks are appended.
            """
    )

    @Option(
        help:
            "Content folder whose dumps/ receives the files (default: Content if there is one, else the current folder)."
    )
    var content: String?

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Option(help: "Year of the dumps' dates (default: the most recent date not in the future).")
    var year: Int?

    @Argument(help: "Saved dumps; '-' reads standard input.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one dump file, or '-' for standard input") }
        if let year, !(1900...9999).contains(year) { throw ValidationError("--year must be a year from 1900 to 9999") }
    }

    func run() throws {
        let importer = DumpImporter(
            dumps: SiteOptions.contentURL(content).appendingPathComponent("dumps"), today: .today, year: year)
        var failures: [Diagnostic] = []
        var refused = 0
        for path in files {
            do {
                let file = try Self.read(path)
                let outcome = try importer.importDump(file)
                Console.report(outcome.diagnostics)
                let target = Self.relative(outcome.destination.path)
                let added =
                    outcome.abstractsAdded == 0
                    ? "" : ", and the missing abstract of \(count(outcome.abstractsAdded, "paper")) added"
                if quiet {
                    continue
                } else if outcome.created {
                    Console.line(
                        "\(file.path): \(outcome.date.long) → \(target): \(count(outcome.papers, "paper")), all new")
                } else if outcome.new == 0 && outcome.abstractsAdded == 0 {
                    Console.line(
                        "\(file.path): \(outcome.date.long) → \(target): nothing new (\(count(outcome.papers, "paper")) already there)"
                    )
                } else {
                    Console.line(
                        "\(file.path): \(outcome.date.long) → \(target): \(outcome.new) new of \(count(outcome.papers, "paper"))\(added), merged"
                    )
                }
            } catch {
                failures += error.diagnostics
                refused += 1
            }
        }
        if !failures.isEmpty { throw ImportFailure(diagnostics: failures, files: refused) }
    }

    /// The dump at `path`, or standard input for `-`; read through a handle, so a pipe
    /// (`<(…)`) or a FIFO reads too.
    private static func read(_ path: String) throws(BuildFailure) -> SourceFile {
        if path == "-" { return SourceFile(path: "<stdin>", data: FileHandle.standardInput.readDataToEndOfFile()) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BuildFailure(.error("cannot read \(path): \(String(cString: strerror(errno)))"))
        }
        do {
            return SourceFile(path: path, data: try handle.readToEnd() ?? Data())
        } catch {
            throw BuildFailure(
                .error("cannot read \(path): \(ContentSnapshot.whyUnreadable(URL(fileURLWithPath: path), error))"))
        }
    }

    private static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}

/// Some files were refused; the others were imported.
struct ImportFailure: Error {
    var diagnostics: [Diagnostic]
    /// How many of the files named were refused.
    var files: Int
}
