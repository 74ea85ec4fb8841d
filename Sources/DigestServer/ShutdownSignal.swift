import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Waits for SIGINT or SIGTERM. The preview handles them itself (rather than through the
/// service lifecycle's graceful shutdown) so it can end the event streams first.
enum ShutdownSignal {
    static func wait() async {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
        }
        await withTaskCancellationHandler {
            for await _ in stream { return }
        } onCancel: {
            continuation.finish()
        }
    }
}
