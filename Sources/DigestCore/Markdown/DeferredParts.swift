import Synchronization

/// The strings of a `PaperText` made on first use, once, whichever thread asks first.
final class DeferredParts: Sendable {
    private let state: Mutex<PaperText.Parts?> = Mutex(nil)
    private let load: @Sendable () -> PaperText.Parts

    init(_ load: @escaping @Sendable () -> PaperText.Parts) {
        self.load = load
    }

    var parts: PaperText.Parts {
        state.withLock { made in
            if let made { return made }
            let parts = load()
            made = parts
            return parts
        }
    }
}
