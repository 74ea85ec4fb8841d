import Dispatch
import Foundation

/// Work started on another thread at once, its result waited for where it is needed: a build
/// decodes its cache (a gigabyte for ten years of dumps) while it reads and parses the content.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) {
            let value = work()
            self.lock.withLock { self.result = value }
        }
    }

    /// The result, once the work is done.
    var value: Value {
        group.wait()
        // The group is left only after the work stored its result.
        guard let result = lock.withLock({ result }) else { preconditionFailure("background work left no result") }
        return result
    }
}
