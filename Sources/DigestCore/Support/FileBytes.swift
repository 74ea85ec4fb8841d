import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a whole file straight into a byte array: no `Data` in between, and no zeroed buffer
/// written twice (the build cache and the output manifest of a large site are tens of
/// megabytes, read on every build).
enum FileBytes {
    /// The bytes of the file at `path`; nil when it cannot be read whole.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var whole = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = Glibc.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            whole = filled == size
            // Bytes past what was read are zeroed: an array holds no uninitialised bytes.
            if filled < size, let base = buffer.baseAddress {
                (base + filled).initialize(repeating: 0, count: size - filled)
            }
            initialized = size
        }
        return whole ? bytes : nil
    }
}
