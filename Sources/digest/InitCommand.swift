import ArgumentParser
import DigestCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new digest site in a new or empty folder, with a sample dump and a publish workflow."
    )

    @Argument(help: "Folder to create the site in.")
    var folder: String

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() throws {
        let written: [String]
        do {
            written = try SiteStarter.create(at: URL(fileURLWithPath: folder))
        } catch {
            throw InitFailure(message: error.description)
        }
        guard !quiet else { return }
        for path in written { Console.line("  created \(path)") }
        Console.line(
            """
            A new digest site is in \(folder). Next:
              cd \(folder)
              digest build        # writes the site to Output/
              digest serve        # preview at http://127.0.0.1:8000/, rebuilt as you edit
            Save each day's Daily Papers page and file it with `digest import FILE`; README.md says more.
            """)
    }
}

/// `digest init` could not make the site; nothing was written.
struct InitFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "cannot create the site: \(message)" }
}
