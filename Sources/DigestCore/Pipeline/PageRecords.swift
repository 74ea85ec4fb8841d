/// What each page of a build was made from and the bytes it got, by a fingerprint of its
/// path, in the order the build made them.
///
/// Three flat arrays, so that saving and loading a large site's records (hundreds of
/// thousands) is a copy of bytes, with one table of fingerprints to find a page's record.
/// A path whose fingerprint equals another's could at worst be given that page's record;
/// its inputs then differ, and the page is simply rendered.
struct PageRecords: Equatable {
    private(set) var keys: [UInt64] = []
    private(set) var inputs: [UInt64] = []
    private(set) var outputs: [UInt64] = []
    private var slots = FingerprintTable()

    init() {}

    /// Records from arrays of equal length (as saved); nil when their lengths differ.
    init?(keys: [UInt64], inputs: [UInt64], outputs: [UInt64]) {
        guard keys.count == inputs.count, keys.count == outputs.count else { return nil }
        self.keys = keys
        self.inputs = inputs
        self.outputs = outputs
        slots.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() { slots.insert(index, for: key) }
    }

    var count: Int { keys.count }

    /// The fingerprint a page's path is found by: `Fingerprint.of(path)`, which the output
    /// manifest finds the path by too.
    static func key(of path: String) -> UInt64 {
        Fingerprint.of(path)
    }

    func record(for key: UInt64) -> (inputs: UInt64, output: UInt64)? {
        slots.position(of: key).map { (inputs[$0], outputs[$0]) }
    }

    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        inputs.reserveCapacity(count)
        outputs.reserveCapacity(count)
        slots.reserveCapacity(count)
    }

    mutating func append(key: UInt64, inputs: UInt64, output: UInt64) {
        slots.insert(keys.count, for: key)
        keys.append(key)
        self.inputs.append(inputs)
        outputs.append(output)
    }

    static func == (a: PageRecords, b: PageRecords) -> Bool {
        a.keys == b.keys && a.inputs == b.inputs && a.outputs == b.outputs
    }
}
