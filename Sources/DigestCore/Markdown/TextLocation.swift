/// Where a text's body is on its shelf, and a checksum of it.
struct TextLocation: Sendable, Equatable {
    var offset: Int
    var length: Int
    var checksum: UInt64
}
