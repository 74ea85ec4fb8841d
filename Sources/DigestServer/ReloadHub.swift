import Foundation

/// Tells open browser tabs that the site changed, over server-sent events.
actor ReloadHub {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    /// A new listener: the events, and a token to stop listening. After `close()` the
    /// stream ends at once, so a late tab cannot hold the shutting-down server open.
    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        if closed {
            continuation.finish()
        } else {
            clients[id] = continuation
        }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    /// Sends `event` (`reload`) to every listener.
    func broadcast(_ event: String) {
        for continuation in clients.values { continuation.yield(event) }
    }

    /// Ends every event stream: open streams are requests that never finish on their own,
    /// and the server waits for its requests before it stops.
    func close() {
        closed = true
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }
}
