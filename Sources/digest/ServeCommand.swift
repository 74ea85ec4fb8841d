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

    @Option(help: "Folder with dumps/, site.yml, topics.yml and pages/.")
    var content = "Content"

    @Option(help: "Folder with the Mustache templates and assets of the theme.")
    var templates = "Templates"

    @Option(help: "Folder the site is written to.")
    var output = "Output"

    @Option(help: "Where the site is published; its path is honoured by the preview.")
    var baseURL: String?

    @Flag(help: "Poll for changes instead of using inotify.")
    var poll = false

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an http(s) URL or a path starting with '/', got '\(baseURL)'")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            Console.warning("listening on \(host): the preview is reachable from other machines on your network")
        }
        var options = PreviewOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output))
        options.host = host
        options.port = port
        options.baseURL = baseURL.flatMap(BaseURL.init)
        options.polling = poll
        let server = PreviewServer(options: options, log: { Console.line($0) }, report: { Console.report($0) })
        do {
            try await server.run()
        } catch {
            throw ServeFailure(message: "\(error)")
        }
    }
}

/// The server could not start (port in use, permission denied).
struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "cannot serve: \(message)" }
}
