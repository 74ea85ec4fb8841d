#if canImport(Glibc)
    import Glibc
#endif

/// Read-only bytes, a file's mapped into memory or a copy of an array's, sliced without
/// copying (indices are offsets in the whole, as an `ArraySlice`'s are).
///
/// The build cache's files and the output manifest are mapped rather than read: at ten
/// years they are a quarter of a gigabyte, and the fresh memory a read fills cost five times
/// the mapping (about 0.2 s of a new day's 2 s; the file's pages are in the page cache
/// already). A mapped file must not shrink while it is mapped: the build writes these files
/// under another name and renames them into place, or appends to them, never truncates them.
struct Bytes: RandomAccessCollection, Sendable {
    private let storage: Storage
    let startIndex: Int
    let endIndex: Int

    /// The bytes of `source`, copied.
    init(_ source: some Collection<UInt8>) {
        let storage = Storage(allocating: source.count)
        let buffer = UnsafeMutableRawBufferPointer(start: storage.writable, count: source.count)
        buffer.copyBytes(from: source)
        self.init(storage, 0..<source.count)
    }

    private init(_ storage: Storage, _ range: Range<Int>) {
        self.storage = storage
        startIndex = range.lowerBound
        endIndex = range.upperBound
    }

    subscript(position: Int) -> UInt8 {
        precondition(position >= startIndex && position < endIndex, "index out of range")
        return storage.start.load(fromByteOffset: position, as: UInt8.self)
    }

    subscript(bounds: Range<Int>) -> Bytes {
        precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "range out of bounds")
        return Bytes(storage, bounds)
    }

    /// The bytes in place, from `startIndex`.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.start + startIndex, count: count))
    }

    /// What `String(decoding:as:)` and `Array.init` read the bytes through, whole rather
    /// than one by one.
    func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try withUnsafeBytes { try body($0.bindMemory(to: UInt8.self)) }
    }

    /// `count` bytes of an open file from `offset`, mapped; nil when the file cannot be
    /// mapped or ends before them (a page mapped past the end would stop the program when read).
    static func mapping(_ descriptor: Int32, at offset: Int, count: Int) -> Bytes? {
        var info = stat()
        guard count > 0, offset >= 0, fstat(descriptor, &info) == 0, offset + count <= Int(info.st_size) else {
            return nil
        }
        let page = Swift.max(1, sysconf(Int32(_SC_PAGESIZE)))
        let start = offset - offset % page
        let length = offset - start + count
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, off_t(start))
        guard let address, address != MAP_FAILED else { return nil }
        return Bytes(Storage(mapped: UnsafeRawPointer(address), length: length), (offset - start)..<length)
    }

    /// `count` bytes of an open file from `offset`, read into memory of their own; nil when
    /// the file ends before them.
    static func reading(_ descriptor: Int32, at offset: Int, count: Int) -> Bytes? {
        let storage = Storage(allocating: count)
        var filled = 0
        while filled < count {
            let got = pread(descriptor, storage.writable + filled, count - filled, off_t(offset + filled))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            filled += got
        }
        return Bytes(storage, 0..<count)
    }

    /// Where the bytes are, and how they are given back.
    private final class Storage: @unchecked Sendable {
        let start: UnsafeRawPointer
        /// The length mapped; 0 for memory allocated.
        private let mapped: Int

        /// Memory allocated, filled before it is shared.
        var writable: UnsafeMutableRawPointer { UnsafeMutableRawPointer(mutating: start) }

        init(allocating count: Int) {
            start = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, count), alignment: 8))
            mapped = 0
        }

        init(mapped start: UnsafeRawPointer, length: Int) {
            self.start = start
            mapped = length
        }

        deinit {
            if mapped > 0 {
                munmap(UnsafeMutableRawPointer(mutating: start), mapped)
            } else {
                start.deallocate()
            }
        }
    }
}
