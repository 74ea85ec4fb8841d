import ArgumentParser
import DigestCore
import DigestServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload the browser on every change."
    )

    @Option(help: "Address to listen on; 0.0.0.0 makes the preview reachable from other machines.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8000

    @OptionGroup var site: SiteOptions

    @Flag(help: "Poll for changes instead of using inotify.")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        do {
            if try ListenFailure.isReachableFromNetwork(host: host) {
                Console.warning("listening on \(host): the preview is reachable from other machines on your network")
            }
            var options = PreviewOptions(
                content: site.contentURL, templates: site.templatesURL, output: site.outputURL)
            options.cacheFolder = site.cacheURL
            options.host = host
            options.port = port
            options.baseURL = site.baseURL.flatMap(BaseURL.init)
            options.polling = poll
            let server = PreviewServer(options: options, log: { Console.line($0) }, report: { Console.report($0) })
            try await server.run()
        } catch {
            throw ServeFailure(message: errorReason(error))
        }
    }
}

/// The server could not start (port in use, permission denied, no such host).
struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "cannot serve: \(message)" }
}
