import Foundation
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Why the preview could not listen, in the user's terms: SwiftNIO's own errors read
/// `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`.
public struct ListenFailure: Error, CustomStringConvertible {
    public let description: String

    /// The failure `error` (thrown while starting to listen on `host`, `port`) stands for,
    /// or nil when it is not one of starting to listen.
    init?(_ error: any Error, host: String, port: Int) {
        if let error = error as? IOError {
            description = Self.describe(errno: error.errnoCode, host: host, port: port)
        } else if let unknown = error as? SocketAddressError.UnknownHost {
            description = Self.lookupFailure(host, code: Int32(truncatingIfNeeded: unknown.errorCode))
        } else if error is SocketAddressError {
            description = Self.unknownHost(host)
        } else {
            return nil
        }
    }

    private init(description: String) { self.description = description }

    /// Fails at once when the server could not listen on `host`, `port`, as it will after
    /// the first build: that build takes a while on a large archive, and only then would a
    /// taken port be told. (The port may still be taken in between; the server then fails
    /// with the same message.)
    static func checkAvailable(host: String, port: Int) throws(ListenFailure) {
        let address = try resolve(host, port: port)
        // Any free port will do.
        guard port != 0 else { return }
        let socket = Glibc.socket(address.protocol.rawValue, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return }
        defer { close(socket) }
        // As the server binds: an address left in TIME_WAIT by a server just stopped is free.
        var on: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockAddr { Glibc.bind(socket, $0, socklen_t($1)) }
        guard bound == 0 else {
            throw ListenFailure(description: describe(errno: errno, host: host, port: port))
        }
    }

    /// Whether other machines can reach a server on `host`: any address but a loopback one.
    /// Checked before anything is built; a name is looked up, as the server will.
    public static func isReachableFromNetwork(host: String) throws(ListenFailure) -> Bool {
        let ip = try resolve(host, port: 0).ipAddress ?? ""
        // `::ffff:127.0.0.1` is IPv4's loopback written as an IPv6 address.
        return !(ip.hasPrefix("127.") || ip.hasPrefix("::ffff:127.") || ip == "::1")
    }

    /// `host` looked up as the server will (its first address).
    private static func resolve(_ host: String, port: Int) throws(ListenFailure) -> SocketAddress {
        do {
            return try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw ListenFailure(error, host: host, port: port) ?? ListenFailure(description: unknownHost(host))
        }
    }

    /// Why `host` could not be looked up, from getaddrinfo's `code` (which SwiftNIO's error
    /// carries): only a name that does not exist is an unknown host; a name server that did
    /// not answer is worth another try.
    static func lookupFailure(_ host: String, code: Int32) -> String {
        let reason = String(cString: gai_strerror(code))
        switch code {
        case EAI_NONAME, noAddress, noAddressInFamily:
            return unknownHost(host)
        case EAI_AGAIN:
            return
                "could not look up --host \(host) just now (\(reason)): try again, or pass an address such as 127.0.0.1"
        default:
            return "could not look up --host \(host) (\(reason)): pass an address such as 127.0.0.1"
        }
    }

    /// glibc's `EAI_NODATA` and `EAI_ADDRFAMILY` (a name with no address, none of the
    /// family asked for), which its header shows only to GNU sources.
    private static let noAddress: Int32 = -5
    private static let noAddressInFamily: Int32 = -9

    private static func describe(errno code: Int32, host: String, port: Int) -> String {
        switch code {
        case EADDRINUSE:
            "port \(port) on \(host) is taken (by another digest serve?): pass --port with another, or --port 0 for any free one"
        case EACCES:
            "no permission to listen on port \(port) (ports below 1024 need root): pass --port 8000"
        case EADDRNOTAVAIL:
            "\(host) is not an address of this machine: pass --host 127.0.0.1, or 0.0.0.0 for all of its addresses"
        default:
            "cannot listen on \(host) port \(port): \(String(cString: strerror(code)))"
        }
    }

    private static func unknownHost(_ host: String) -> String {
        "--host \(host) is neither an address nor a name of this machine: pass --host 127.0.0.1, or 0.0.0.0 for all of its addresses"
    }
}
