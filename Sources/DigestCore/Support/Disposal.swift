import Dispatch

/// Frees values on another thread: a large site's catalog, build cache and manifests take
/// the better part of a second to free, which a finished build need not wait for (and
/// `digest build` exits without waiting for either).
enum Disposal {
    /// Takes `value` over and frees it on a background queue. The caller hands over its
    /// only copy (`consume`), or the value is simply freed where the last copy goes.
    static func release<Value>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// Holds the value until the background queue empties it.
    private final class Box<Value>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = consume value
        }

        func empty() {
            value = nil
        }
    }
}
