/// Collects words byte by byte as UTF-8: appending to a byte array and decoding once per
/// word is several times faster than growing a `String` scalar by scalar.
struct WordBuffer {
    private(set) var words: [String] = []
    private var current: [UInt8] = []

    init() {
        current.reserveCapacity(32)
    }

    mutating func append(_ byte: UInt8) {
        current.append(byte)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            current.append(UInt8(scalar.value))
        } else {
            if let encoded = UTF8.encode(scalar) { current.append(contentsOf: encoded) }
        }
    }

    /// Ends the current word, if any.
    mutating func flush() {
        guard !current.isEmpty else { return }
        words.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
    }
}
