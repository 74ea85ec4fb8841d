import Foundation

/// Bytes put together from many small pieces, as a page is: each piece is copied into one
/// allocation that doubles as it fills, and the whole is handed over without a copy.
/// (`Array.append(contentsOf:)` of a buffer copies through an iterator: about a hundred
/// instructions for a seven-byte piece, and a page has hundreds of pieces.)
///
/// A class, for one owner at a time: a renderer appends to it and takes the result once.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// The bytes so far, read in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes so far as `Data`, which takes over the allocation; the buffer starts again
    /// empty.
    func takeData() -> Data {
        let taken = base
        let data = Data(
            bytesNoCopy: taken, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
        capacity = 64
        base = .allocate(capacity: capacity)
        count = 0
        return data
    }

    private func grow(to needed: Int) {
        var grown = 2 * capacity
        while grown < needed { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }
}
