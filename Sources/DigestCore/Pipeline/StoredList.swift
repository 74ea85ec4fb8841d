/// A list of strings the build cache remembers (a paper's facts, a search entry), kept as
/// `cache.bin` holds it until a build asks for it: ten years hold a quarter of a million
/// lists, and a new day asks for a hundred of them. Decoding them all cost a fifth of a
/// second and tens of megabytes on every build.
enum StoredList: Sendable {
    /// As read from `cache.bin`: a count, then each string (see `CacheWriter.add(_:)`).
    case encoded(Bytes)
    case decoded([String])

    /// The strings; nil when the bytes are not what was written (the list is then made again).
    var strings: [String]? {
        switch self {
        case .decoded(let strings): return strings
        case .encoded(let bytes):
            var reader = CacheReader(bytes)
            do {
                var strings: [String] = []
                for _ in 0..<(try reader.count(itemSize: 8)) { strings.append(try reader.string()) }
                return reader.isAtEnd ? strings : nil
            } catch {
                return nil
            }
        }
    }

    /// Writes the list as one length-prefixed run of bytes, skipped whole when read back.
    func encode(into writer: inout CacheWriter) {
        switch self {
        case .encoded(let bytes):
            writer.add(bytes.count)
            writer.add(bytes: bytes)
        case .decoded(let strings):
            writer.add(8 + strings.reduce(0) { $0 + 8 + $1.utf8.count })
            writer.add(strings.count)
            for string in strings { writer.add(string) }
        }
    }

    /// A list as `encode` wrote it, left encoded.
    static func decode(from reader: inout CacheReader) throws(CacheReader.Corrupt) -> StoredList {
        .encoded(try reader.bytes(try reader.count()))
    }
}
