import ArgumentParser
import DigestCore
import Foundation

/// `digest`: builds, previews and imports a PaperDigest site.
@main
struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Turn saved Hugging Face Daily Papers pages into a static website with real math.",
        version: version,
        subcommands: [
            BuildCommand.self, ServeCommand.self, ImportCommand.self, InitCommand.self, MathInspectCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )

    /// The release, printed by `digest --version`.
    static let version = "0.2.0"

    /// Exit codes: 0 success, 1 content or template errors, 2 usage errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as ServeFailure {
            Console.error(failure.description)
            Foundation.exit(1)
        } catch let failure as InitFailure {
            Console.error(failure.description)
            Foundation.exit(1)
        } catch let failure as ImportFailure {
            Console.report(failure.diagnostics)
            let files = max(failure.files, 1)
            Console.error(
                files == 1
                    ? "1 file was not imported; nothing was written for it"
                    : "\(files) files were not imported; nothing was written for them")
            Foundation.exit(1)
        } catch let failure as BuildFailure {
            Console.report(failure.diagnostics)
            Console.error(
                "build failed with \(count(failure.diagnostics.errors.count, "error")); "
                    + (failure.mayHaveWritten
                        ? "some pages may be written already (each file whole): the next build completes the site"
                        : "the output folder was left as it was"))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
