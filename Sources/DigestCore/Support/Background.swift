import Dispatch
import Foundation

/// Work started on another thread at once, its result waited for where it is needed: a build
/// decodes its cache (a gigabyte for ten years of dumps) while it reads and parses the content.
///
/// Each on a thread of its own, not Dispatch's pool: that pool has a thread a core, and work
/// that waits for other work (the cache load for its three files, the output check for the
/// cache) held both threads of a two-core machine while the work it waited for sat queued.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        Thread {
            let value = work()
            self.lock.withLock { self.result = value }
            self.group.leave()
        }.start()
    }

    /// The result, once the work is done.
    var value: Value {
        group.wait()
        // The group is left only after the work stored its result.
        guard let result = lock.withLock({ result }) else { preconditionFailure("background work left no result") }
        return result
    }

    /// The result, once the work is done, handed over: `value` must not be asked for after.
    /// A large value taken is the only reference to its storage, so changing it copies nothing.
    func take() -> Value {
        group.wait()
        guard let result = lock.withLock({ result.take() }) else {
            preconditionFailure("background result taken twice")
        }
        return result
    }
}
