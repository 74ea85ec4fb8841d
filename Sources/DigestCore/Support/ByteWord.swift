/// Eight bytes of text read as one integer and tested together: most text is long runs of
/// ASCII letters that need no look at each byte, and a test per byte cost a few
/// instructions at every character of every abstract and page.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must have eight after it).
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The `available` bytes at `offset` (eight at most are read), zeros in place of the
    /// others.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, available: Int) -> UInt64 {
        if available >= 8 { return load(bytes, at: offset) }
        var word: UInt64 = 0
        for k in 0..<available { word |= UInt64(bytes[offset &+ k]) &<< UInt64(8 &* k) }
        return word
    }

    /// Whether all eight bytes are ASCII.
    static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }

    /// Whether some byte of `word`, its bits outside `mask` ignored, is `byte`: a byte of
    /// `(word & mask×8) ^ byte×8` is zero, which the borrow of subtracting one from every
    /// byte tells (exactly, whatever the other bytes are). A `mask` with one bit clear tests
    /// two bytes at once (`&` and `'`, 0x26 and 0x27).
    static func holds(_ word: UInt64, _ byte: UInt8, mask: UInt8 = 0xFF) -> Bool {
        let probe = (word & (ones &* UInt64(mask))) ^ (ones &* UInt64(byte & mask))
        return (probe &- ones) & ~probe & highBits != 0
    }

    /// Whether some byte of `word` is below `limit` (128 at most): a byte below it borrows
    /// when `limit` is subtracted from every byte, and the first byte that does is told
    /// exactly, whatever the others are.
    static func holdsBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// The lowest bit of each of the eight bytes of `word`, gathered in the low byte (the
    /// first byte's in bit 0): a mask of eight characters at once, from table entries or
    /// tests packed one to a byte. One multiply moves every bit to its place in the top byte.
    @inline(__always)
    static func lowBits(_ word: UInt64) -> UInt64 {
        ((word & ones) &* 0x0102_0408_1020_4080) >> 56
    }
}
