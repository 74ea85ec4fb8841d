import ArgumentParser
import DigestCore
import Foundation

/// Options every command that builds the site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder with dumps/, site.yml, topics.yml and pages/.")
    var content = "Content"

    @Option(help: "Folder with the Mustache templates and assets of the theme.")
    var templates = "Templates"

    @Option(help: "Folder the site is written to (only files that changed are rewritten).")
    var output = "Output"

    @Option(help: "Folder of the build cache (default: .paperdigest-cache beside the output folder).")
    var cache: String?

    @Option(help: "Where the site is published, e.g. https://user.github.io/repo/ or /repo/.")
    var baseURL: String?

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an http(s) URL or a path starting with '/', got '\(baseURL)'")
        }
    }

    var contentURL: URL { URL(fileURLWithPath: content) }
    var templatesURL: URL { URL(fileURLWithPath: templates) }
    var outputURL: URL { URL(fileURLWithPath: output) }
    var cacheURL: URL? { cache.map { URL(fileURLWithPath: $0) } }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder into the output folder."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Also index the site with Pagefind: auto (when installed), always, never.")
    var pagefind: Pagefind.Mode = .auto

    func run() throws {
        let total = SiteGenerator.steps.count
        let build = SiteBuild(
            content: site.contentURL, templates: site.templatesURL, output: site.outputURL,
            baseURL: site.baseURL.flatMap(BaseURL.init), pagefind: pagefind, cacheFolder: site.cacheURL)
        Interruption.install()
        let progress = ProgressBar(label: "Rendering and writing")
        let reporter = DiagnosticReporter()
        defer { reporter.flush() }
        let summary = try build.run(
            log: { number, name, seconds in
                progress.clear()
                Console.line("[\(number)/\(total)] \(name) (\(String(format: "%.2f", seconds)) s)")
            },
            progress: progress.update,
            report: reporter.report)
        reporter.flush()
        Console.line(summary.description)
    }
}

extension Pagefind.Mode: ExpressibleByArgument {}
