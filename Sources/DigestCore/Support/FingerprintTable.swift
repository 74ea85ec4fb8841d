/// Positions found by 64-bit fingerprints: open addressing over one flat array.
///
/// A build looks up every one of a site's hundreds of thousands of paths; here a look-up
/// is one multiply and, mostly, one probe (one cache line: a slot holds its key and its
/// position), where a `Dictionary` hashes the key again (SipHash) and may miss the cache
/// twice.
struct FingerprintTable: Sendable {
    private struct Slot {
        var key: UInt64
        /// -1 when the slot is free.
        var position: Int32
    }

    private var slots: [Slot] = []
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
        var index = slot(of: key)
        while true {
            let slot = slots[index]
            if slot.position < 0 { return nil }
            if slot.key == key { return Int(slot.position) }
            index = (index + 1) & mask
        }
    }

    /// Stores `position` for `key` unless `key` already has one, which is returned instead.
    @discardableResult
    mutating func insert(_ position: Int, for key: UInt64) -> Int? {
        if (count + 1) * 2 > 1 << bits { grow() }
        let mask = (1 << bits) - 1
        var index = slot(of: key)
        while slots[index].position >= 0 {
            if slots[index].key == key { return Int(slots[index].position) }
            index = (index + 1) & mask
        }
        slots[index] = Slot(key: key, position: Int32(truncatingIfNeeded: position))
        count += 1
        return nil
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > 1 << bits { rehash(slotsFor: capacity) }
    }

    /// The top `bits` bits of the key. Keys are `Fingerprint`s, whose top bits come from a
    /// multiply and are mixed already; taken as they are, keys in ascending order (as the
    /// cache files list them) fill the slots from first to last, one cache line after the
    /// next, where a hash scattered half a million loads over tens of megabytes.
    private func slot(of key: UInt64) -> Int {
        bits == 0 ? 0 : Int(truncatingIfNeeded: key >> UInt64(64 - bits))
    }

    private mutating func allocate(slotsFor capacity: Int) {
        bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(key: 0, position: -1), count: 1 << bits)
        count = 0
    }

    private mutating func grow() {
        rehash(slotsFor: max(8, count * 2))
    }

    private mutating func rehash(slotsFor capacity: Int) {
        let old = slots
        allocate(slotsFor: capacity)
        for slot in old where slot.position >= 0 { insert(Int(slot.position), for: slot.key) }
    }
}
