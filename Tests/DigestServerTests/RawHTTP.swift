import DigestCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small HTTP/1.1 client over a plain socket: it sends paths exactly as
/// written (`/../x`, `%2e%2e`), follows no redirects and shows raw status and headers.
enum RawHTTP {
    struct Response {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func request(
        port: Int, _ path: String, method: String = "GET", headers: [String: String] = [:], timeout: Double = 30
    ) throws -> Response {
        let socket = try connect(port: port)
        defer { close(socket) }
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        for (name, value) in headers { lines.append("\(name): \(value)") }
        try send(socket, lines.joined(separator: "\r\n") + "\r\n\r\n")
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let chunk = try receive(socket, waitingUpTo: 0.2) else { continue }
            if chunk.isEmpty { break }
            data.append(chunk)
            if let response = parse(data, method: method), response.complete { return response.response }
        }
        guard let response = parse(data, method: method) else {
            throw Failure(description: "no response to \(method) \(path)")
        }
        return response.response
    }

    /// An open `text/event-stream` connection, read from one thread at a time.
    final class EventStream: @unchecked Sendable {
        private let socket: Int32
        private var received = ""

        init(port: Int, path: String) throws {
            socket = try RawHTTP.connect(port: port)
            try RawHTTP.send(
                socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { close(socket) }

        /// Waits until `text` has arrived (since the last successful wait).
        func waitFor(_ text: String, timeout: Double = 60) async throws -> Bool {
            try await OwnThread.run { try self.wait(for: text, timeout: timeout) }
        }

        private func wait(for text: String, timeout: Double) throws -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let range = received.range(of: text) {
                    received.removeSubrange(..<range.upperBound)
                    return true
                }
                guard let chunk = try RawHTTP.receive(socket, waitingUpTo: 0.2) else { continue }
                if chunk.isEmpty { return false }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return false
        }
    }

    /// Sends the start of a request header and never the rest; true when the server closes
    /// the connection within `seconds` (a slow client must not hold a connection forever).
    static func closesAfterPartialHeader(port: Int, within seconds: Double) async throws -> Bool {
        try await OwnThread.run { try closesAfterPartialHeaderNow(port: port, within: seconds) }
    }

    private static func closesAfterPartialHeaderNow(port: Int, within seconds: Double) throws -> Bool {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let chunk = try? receive(socket, waitingUpTo: 0.2), chunk.isEmpty { return true }
        }
        return false
    }

    private static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to port \(port)")
        }
        return fd
    }

    private static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed") }
            sent += n
        }
    }

    /// Nil when nothing arrived in time; empty when the peer closed.
    private static func receive(_ socket: Int32, waitingUpTo seconds: Double) throws -> Data? {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let n = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if n < 0 { throw Failure(description: "recv failed") }
        return Data(buffer[0..<n])
    }

    private static func parse(_ data: Data, method: String) -> (response: Response, complete: Bool)? {
        guard let separator = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<separator.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let body = Data(data[separator.upperBound...])
        let expected = Int(headers["content-length"] ?? "")
        let complete =
            method == "HEAD" || status == 304 || status == 301 || (expected.map { body.count >= $0 } ?? false)
        return (
            Response(status: status, headers: headers, body: expected.map { Data(body.prefix($0)) } ?? body), complete
        )
    }
}
