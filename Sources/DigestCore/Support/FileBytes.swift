import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file, whole or a part: mapped when large (see `Bytes`), read straight into
/// memory of its own when small, with no `Data` or zeroed buffer in between.
enum FileBytes {
    /// Parts of a file at least this long are mapped; shorter ones (a text of `texts.bin`,
    /// read one at a time) are read.
    static let mappedSize = 1 << 16

    /// The bytes of the file at `path`; nil when it cannot be read whole, or, unless
    /// `followingLinks`, when it is a symbolic link.
    static func read(_ path: String, followingLinks: Bool = true) -> Bytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return read(descriptor, at: 0, count: Int(info.st_size))
    }

    /// `count` bytes of an open file from `offset`; nil when the file ends before them.
    static func read(_ descriptor: Int32, at offset: Int, count: Int) -> Bytes? {
        guard offset >= 0, count >= 0 else { return nil }
        if count >= mappedSize, let mapped = Bytes.mapping(descriptor, at: offset, count: count) {
            return mapped
        }
        return Bytes.reading(descriptor, at: offset, count: count)
    }
}
