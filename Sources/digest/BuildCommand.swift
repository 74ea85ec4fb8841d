import ArgumentParser
import DigestCore
import Foundation

/// Options every command that builds the site shares.
struct SiteOptions: ParsableArguments {
    @Option(
        help:
            "Folder with dumps/, site.yml, topics.yml, pages/ and static/ (default: Content if there is one, else the current folder)."
    )
    var content: String?

    @Option(
        help: "Theme folder whose files replace the built-in theme's one by one (default: Templates if there is one)."
    )
    var templates: String?

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

    /// `Content/` in the repository layout; the current folder in a site made by `digest init`
    /// (it has `site.yml` or `dumps/`, and stays the content folder when `dumps/` is gone:
    /// `import` would otherwise file dumps under a new `Content/`).
    var contentURL: URL { Self.contentURL(content) }
    static func contentURL(_ content: String?) -> URL {
        if let content { return URL(fileURLWithPath: content) }
        let isFolder = { ContentSnapshot.isDirectory(URL(fileURLWithPath: $0)) }
        let isSite = isFolder("dumps") || FileManager.default.fileExists(atPath: "site.yml")
        return URL(fileURLWithPath: isFolder("Content") || !isSite ? "Content" : ".")
    }
    var templatesURL: URL? {
        if let templates { return URL(fileURLWithPath: templates) }
        let templates = URL(fileURLWithPath: "Templates")
        return ContentSnapshot.isDirectory(templates) ? templates : nil
    }
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

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(help: "Publish a site without papers even over one that has papers.")
    var allowEmpty = false

    func run() throws {
        let total = SiteGenerator.steps.count
        var build = SiteBuild(
            content: site.contentURL, templates: site.templatesURL, output: site.outputURL,
            baseURL: site.baseURL.flatMap(BaseURL.init), pagefind: pagefind, cacheFolder: site.cacheURL)
        build.allowEmpty = allowEmpty
        Interruption.install()
        let progress = ProgressBar(label: "Rendering and writing", enabled: !quiet)
        let reporter = DiagnosticReporter()
        defer { reporter.flush() }
        let summary = try build.run(
            log: { [quiet] number, name, seconds in
                guard !quiet else { return }
                progress.clear()
                Console.line("[\(number)/\(total)] \(name) (\(String(format: "%.2f", seconds)) s)")
            },
            progress: progress.update,
            report: reporter.report)
        reporter.flush()
        if !quiet { Console.line(summary.description) }
    }
}

extension Pagefind.Mode: ExpressibleByArgument {}
