/// The files a build wrote, each with a hash of its bytes and its size, in the order the
/// build listed them (the order `.paperdigest` keeps them in).
///
/// A large site has hundreds of thousands of files, and a build looks each one up twice:
/// paths are found by their fingerprints (eight bytes hashed, not a whole string), each hit
/// checked against the path itself, so look-ups stay exact (see `FingerprintIndex`).
public struct OutputManifest: Sendable, ExpressibleByDictionaryLiteral {
    private var index = FingerprintIndex<String>()
    public private(set) var records: [OutputWriter.FileRecord] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, OutputWriter.FileRecord)...) {
        for (path, record) in elements { set(record, for: path) }
    }

    public var paths: [String] { index.keys }
    public var count: Int { index.count }

    public mutating func reserveCapacity(_ count: Int) {
        index.reserveCapacity(count)
        records.reserveCapacity(count)
    }

    /// Where `path` is listed, if it is.
    public func index(of path: String) -> Int? {
        index(of: path, print: Fingerprint.of(path))
    }

    /// `index(of:)` for a caller that has the path's fingerprint (`Fingerprint.of(path)`) at hand.
    func index(of path: String, print: UInt64) -> Int? {
        index.number(of: path, print: print)
    }

    public subscript(path: String) -> OutputWriter.FileRecord? {
        index(of: path).map { records[$0] }
    }

    /// Records a file: a path already listed keeps its place, a new one goes at the end.
    public mutating func set(_ record: OutputWriter.FileRecord, for path: String) {
        let (number, isNew) = index.insert(path, print: Fingerprint.of(path))
        if isNew { records.append(record) } else { records[number] = record }
    }

    /// Marks a file's bytes as unknown, so a build writes it again.
    mutating func forgetHash(at index: Int) {
        records[index].hash = 0
    }
}
