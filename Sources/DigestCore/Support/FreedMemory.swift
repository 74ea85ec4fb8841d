/// Hands memory the allocator holds free back to the system (`malloc_trim`).
///
/// A build that parses years of dumps frees their text (half a gigabyte at ten years) once
/// it is rendered; glibc keeps those pages, scattered between live objects, and the pages
/// written later would be counted on top of them. Trimming costs a walk of the heap (a
/// quarter of a second at ten years), so only builds that parsed many dumps do it.
enum FreedMemory {
    /// Dumps parsed in one build above which freeing their text is worth a trim.
    static let dumpsWorthTrimming = 100

    static func handBack() {
        #if os(Linux)
            _ = mallocTrim(0)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif
