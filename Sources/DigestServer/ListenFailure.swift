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
            description =
                switch error.errnoCode {
                case EADDRINUSE:
                    "port \(port) on \(host) is taken (by another digest serve?): pass --port with another, or --port 0 for any free one"
                case EACCES:
                    "no permission to listen on port \(port) (ports below 1024 need root): pass --port 8000"
                case EADDRNOTAVAIL:
                    "\(host) is not an address of this machine: pass --host 127.0.0.1, or 0.0.0.0 for all of its addresses"
                default:
                    "cannot listen on \(host) port \(port): \(String(cString: strerror(error.errnoCode)))"
                }
        } else if error is SocketAddressError {
            description = Self.unknownHost(host)
        } else {
            return nil
        }
    }

    private init(description: String) { self.description = description }

    /// Whether other machines can reach a server on `host`: any address but a loopback one.
    /// Checked before anything is built; a name is looked up, as the server will.
    public static func isReachableFromNetwork(host: String) throws(ListenFailure) -> Bool {
        let address: SocketAddress
        do {
            address = try SocketAddress.makeAddressResolvingHost(host, port: 0)
        } catch {
            throw ListenFailure(description: unknownHost(host))
        }
        let ip = address.ipAddress ?? ""
        return !(ip.hasPrefix("127.") || ip == "::1")
    }

    private static func unknownHost(_ host: String) -> String {
        "--host \(host) is neither an address nor a name of this machine: pass --host 127.0.0.1, or 0.0.0.0 for all of its addresses"
    }
}
