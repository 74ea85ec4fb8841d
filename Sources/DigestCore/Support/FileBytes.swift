import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file, whole or a part, straight into a byte array: no `Data` in between, and no
/// zeroed buffer written twice (the build cache and the output manifest of a large site are
/// tens of megabytes, read on every build; `texts.bin` is read a text at a time).
enum FileBytes {
    /// The bytes of the file at `path`; nil when it cannot be read whole.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return read(descriptor, at: 0, count: Int(info.st_size))
    }

    /// `count` bytes of an open file from `offset`; nil when the file ends before them.
    static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        var whole = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var filled = 0
            while filled < count {
                let got = pread(
                    descriptor, buffer.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                filled += got
            }
            whole = filled == count
            // Bytes past what was read are zeroed: an array holds no uninitialised bytes.
            if filled < count, let base = buffer.baseAddress {
                (base + filled).initialize(repeating: 0, count: count - filled)
            }
            initialized = count
        }
        return whole ? bytes : nil
    }
}
