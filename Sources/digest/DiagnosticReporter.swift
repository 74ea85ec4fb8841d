import DigestCore
import Foundation

/// Prints diagnostics, but a message repeated many times (the same unknown macro in
/// thousands of abstracts) only for its first few places, then one line with the count.
final class DiagnosticReporter: @unchecked Sendable {
    static let shownPerMessage = 5
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    func report(_ diagnostic: Diagnostic) {
        let key = "\(diagnostic.severity.rawValue): \(diagnostic.message)"
        let count: Int = lock.withLock {
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
            return counts[key] ?? 0
        }
        if count <= Self.shownPerMessage || diagnostic.severity == .error { Console.report(diagnostic) }
    }

    /// One summary line for each message that was cut short.
    func flush() {
        let pending: [(String, Int)] = lock.withLock {
            defer {
                counts = [:]
                order = []
            }
            return order.compactMap { key in
                guard let count = counts[key], count > Self.shownPerMessage else { return nil }
                return (key, count - Self.shownPerMessage)
            }
        }
        for (key, more) in pending {
            Console.warning("\(more) more like \"\(key)\" not shown")
        }
    }
}
