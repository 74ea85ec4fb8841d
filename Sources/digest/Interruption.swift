import DigestCore

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a build: the first one lets the batch being written finish (so no file is
/// left half-written and no temporary file stays behind); a second one stops at once.
enum Interruption {
    /// Whether one Ctrl-C has been seen already.
    nonisolated(unsafe) static var seen = false

    static func install() {
        signal(SIGINT) { _ in
            if Interruption.seen { _exit(130) }
            Interruption.seen = true
            SiteBuild.interrupt()
        }
    }
}
