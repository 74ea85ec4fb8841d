/// Positions found by 64-bit fingerprints: open addressing over two flat arrays.
///
/// A build looks up every one of a site's hundreds of thousands of paths; here a look-up
/// is one multiply and, mostly, one probe into one array, where a `Dictionary` hashes the
/// key again (SipHash) and may miss the cache twice.
struct FingerprintTable: Sendable {
    private var keys: [UInt64] = []
    /// Each slot's position, or -1 when the slot is free.
    private var positions: [Int32] = []
    /// log2 of the number of slots.
    private var bits = 0
    private(set) var count = 0

    init(capacity: Int = 0) {
        allocate(slotsFor: capacity)
    }

    /// The position stored for `key`, if any.
    func position(of key: UInt64) -> Int? {
        guard count > 0 else { return nil }
        let mask = (1 << bits) - 1
        var slot = slot(of: key)
        while true {
            let position = positions[slot]
            if position < 0 { return nil }
            if keys[slot] == key { return Int(position) }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `position` for `key` unless `key` already has one, which is returned instead.
    @discardableResult
    mutating func insert(_ position: Int, for key: UInt64) -> Int? {
        if (count + 1) * 2 > 1 << bits { grow() }
        let mask = (1 << bits) - 1
        var slot = slot(of: key)
        while positions[slot] >= 0 {
            if keys[slot] == key { return Int(positions[slot]) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        positions[slot] = Int32(truncatingIfNeeded: position)
        count += 1
        return nil
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > 1 << bits { rehash(slotsFor: capacity) }
    }

    /// The top `bits` bits of the key times a large odd constant (Fibonacci hashing).
    private func slot(of key: UInt64) -> Int {
        bits == 0 ? 0 : Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func allocate(slotsFor capacity: Int) {
        bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        positions = Array(repeating: -1, count: 1 << bits)
        count = 0
    }

    private mutating func grow() {
        rehash(slotsFor: max(8, count * 2))
    }

    private mutating func rehash(slotsFor capacity: Int) {
        let (oldKeys, oldPositions) = (keys, positions)
        allocate(slotsFor: capacity)
        for (slot, position) in oldPositions.enumerated() where position >= 0 {
            insert(Int(position), for: oldKeys[slot])
        }
    }
}
