import Foundation
import PackagePlugin

/// Compiles the default theme (`Templates/`) and the `digest init` starter site into
/// DigestCore, so an installed `digest` binary needs no files beside it.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target _: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let groups = [
            ("theme", root.appending(path: "Templates")),
            ("starter", root.appending(path: "Sources/DigestCore/Init/Starter")),
        ]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles+Generated.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme and the starter site",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path] + groups.map { "\($0.0)=\($0.1.path)" },
                inputFiles: groups.flatMap { files(under: $0.1) },
                outputFiles: [output])
        ]
    }

    /// Every regular file below `folder`, hidden ones included (`.gitignore`).
    private func files(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
        }
    }
}
