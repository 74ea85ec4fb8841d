import Foundation

/// Identifies the running `digest` binary, so a cache written by another build of the
/// program (whose rendering may differ) is never trusted.
enum BinaryVersion {
    /// A fingerprint of the executable's bytes; a fixed value when they cannot be read.
    static let current: UInt64 = {
        let path = "/proc/self/exe"
        guard
            let data = FileManager.default.contents(atPath: path)
                ?? CommandLine.arguments.first.flatMap({
                    FileManager.default.contents(atPath: $0)
                })
        else { return 1 }
        return Fingerprint.of(data)
    }()
}
