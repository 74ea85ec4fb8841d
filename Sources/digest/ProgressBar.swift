import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress bar on a terminal (pages done / total, rate); silent when standard
/// output is not a terminal, where the step lines say enough.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var started: Date?
    private var shown = false

    init(label: String, enabled: Bool = true) {
        self.label = label
        self.enabled = enabled && isatty(STDOUT_FILENO) == 1
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let start = started ?? Date()
            started = start
            let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
            let width = 30
            let filled = min(width, done * width / total)
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardOutput.write(
                Data("\r\(label) \(bar) \(done)/\(total) pages (\(Int(rate))/s)\u{1B}[K".utf8))
            shown = true
        }
    }

    /// Removes the bar so the next line starts clean.
    func clear() {
        lock.withLock {
            guard shown else { return }
            FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}
