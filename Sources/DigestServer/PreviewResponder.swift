import DigestCore
import Foundation
import Hummingbird

/// Answers the browser: files from the output folder (with the live-reload script added to
/// HTML), the site's 404 page, redirects to directory URLs, ETags, the event stream, and
/// the error page while the last rebuild has failed.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: SafePath
    let state: PreviewState
    let hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path == LiveReload.eventsPath { return events(request) }
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let basePath = await state.basePath
        let failure = await state.failure
        guard path.hasPrefix(basePath) else {
            if path == "/" || path + "/" == basePath { return redirect(to: basePath, request: request) }
            return await notFound(request, failure: failure)
        }
        guard let segments = SafePath.segments(path.dropFirst(basePath.count)) else {
            return await notFound(request, failure: failure)
        }
        let wantsHTML = segments.last.map { !$0.contains(".") || $0.hasSuffix(".html") } ?? true
        if let failure, wantsHTML {
            return respond(
                Data(ErrorPage.html(failure).utf8), type: "text/html; charset=utf-8", status: .internalServerError,
                request: request)
        }
        guard var target = site.resolve(segments) else { return await notFound(request, failure: failure) }
        if target.isDirectory {
            // Built from the checked segments: `//days` must not become `//days/`, a URL on host `days`.
            guard path.hasSuffix("/") else {
                let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }
                return redirect(to: basePath + encoded.joined(separator: "/") + "/", request: request)
            }
            guard let index = site.resolve(segments + ["index.html"]), !index.isDirectory else {
                return await notFound(request, failure: failure)
            }
            target = index
        }
        guard let data = try? Data(contentsOf: target.url) else { return await notFound(request, failure: failure) }
        return respond(data, type: ContentTypes.forPath(target.url.path), status: .ok, request: request)
    }

    /// The body with ETag handling (`If-None-Match` → 304) and the reload script in HTML.
    private func respond(_ data: Data, type: String, status: HTTPResponse.Status, request: Request) -> Response {
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data) : data
        let tag = "\"" + String(Fingerprint.of(body), radix: 16) + "\""
        var headers: HTTPFields = [
            .contentType: type, .eTag: tag, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff",
        ]
        if status == .ok, let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag || $0 == "*" })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The site's own `404.html`, with status 404.
    private func notFound(_ request: Request, failure: [Diagnostic]?) async -> Response {
        if let failure {
            return respond(
                Data(ErrorPage.html(failure).utf8), type: "text/html; charset=utf-8", status: .internalServerError,
                request: request)
        }
        if let page = site.resolve(["404.html"]), let data = try? Data(contentsOf: page.url) {
            return respond(data, type: "text/html; charset=utf-8", status: .notFound, request: request)
        }
        return plain(.notFound, "Not found.\n")
    }

    private func redirect(to location: String, request: Request) -> Response {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return Response(status: .movedPermanently, headers: [.location: location + query, .contentLength: "0"])
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Server-sent events: `reload` after every rebuild, successful or not.
    private func events(_ request: Request) -> Response {
        let hub = self.hub
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: .init { writer in
                let (id, stream) = await hub.subscribe()
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                do {
                    try await request.body.consumeWithCancellationOnInboundClose { _ in
                        for await event in stream {
                            try await writer.write(ByteBuffer(string: "event: \(event)\ndata: \(event)\n\n"))
                        }
                    }
                } catch {}
                await hub.unsubscribe(id)
                try await writer.finish(nil)
            })
    }
}
