import Foundation

/// Blocking work awaited from async code without holding one of the threads async code
/// runs on: there is one a core, and the preview server answers every request on them, so
/// a rebuild (or a test waiting on a socket) held there can leave it none to answer with.
public enum OwnThread {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
