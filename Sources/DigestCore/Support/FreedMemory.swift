#if os(Linux)
    import Glibc
#endif

/// Hands memory the allocator holds free back to the system.
///
/// A build that parses years of dumps frees their text (half a gigabyte at ten years) once
/// it is rendered; the allocator keeps those pages, and the pages written later would be
/// counted on top of them. With jemalloc (linked when installed, see `Package.swift`) every
/// arena is purged; with glibc, `malloc_trim` walks the heap (a quarter of a second at ten
/// years), so only builds that parsed many dumps do it.
enum FreedMemory {
    /// Dumps parsed in one build above which freeing their text is worth a trim.
    static let dumpsWorthTrimming = 100

    static func handBack() {
        #if os(Linux)
            if let mallctl = jemallocControl {
                // MALLCTL_ARENAS_ALL: every arena's unused dirty pages.
                _ = mallctl("arena.4096.purge", nil, nil, nil, 0)
            } else {
                _ = mallocTrim(0)
            }
        #endif
    }

    #if os(Linux)
        private typealias Control =
            @convention(c) (
                UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?,
                Int
            ) -> Int32

        /// jemalloc's `mallctl`, looked up at run time: the binary also runs without jemalloc.
        private static let jemallocControl: Control? = dlsym(nil, "mallctl").map {
            unsafeBitCast($0, to: Control.self)
        }
    #endif
}

#if os(Linux)
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif
