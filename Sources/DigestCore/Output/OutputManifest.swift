/// The files a build wrote, each with a hash of its bytes and its size, in the order the
/// build listed them (the order `.paperdigest` keeps them in).
///
/// A large site has hundreds of thousands of files, and a build looks each one up twice:
/// paths are found through a table of their fingerprints (eight bytes hashed, not a whole
/// string), each hit checked against the path itself, so lookups stay exact.
public struct OutputManifest: Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var paths: [String] = []
    public private(set) var records: [OutputWriter.FileRecord] = []
    /// Index of each path by fingerprint; a path whose fingerprint another path already
    /// holds (rare as a lottery win) is found in `collisions` instead.
    private var slots = FingerprintTable()
    private var collisions: [String: Int] = [:]

    public init() {}

    public init(dictionaryLiteral elements: (String, OutputWriter.FileRecord)...) {
        for (path, record) in elements { set(record, for: path) }
    }

    public var count: Int { paths.count }

    public mutating func reserveCapacity(_ count: Int) {
        paths.reserveCapacity(count)
        records.reserveCapacity(count)
        slots.reserveCapacity(count)
    }

    /// Where `path` is listed, if it is.
    public func index(of path: String) -> Int? {
        if let index = slots.position(of: Fingerprint.of(path)), paths[index] == path { return index }
        return collisions.isEmpty ? nil : collisions[path]
    }

    public subscript(path: String) -> OutputWriter.FileRecord? {
        index(of: path).map { records[$0] }
    }

    /// Records a file: a path already listed keeps its place, a new one goes at the end.
    public mutating func set(_ record: OutputWriter.FileRecord, for path: String) {
        if let index = slots.insert(paths.count, for: Fingerprint.of(path)) {
            if paths[index] == path {
                records[index] = record
                return
            }
            if let index = collisions[path] {
                records[index] = record
                return
            }
            collisions[path] = paths.count
        }
        paths.append(path)
        records.append(record)
    }

    /// Marks a file's bytes as unknown, so a build writes it again.
    mutating func forgetHash(at index: Int) {
        records[index].hash = 0
    }
}
