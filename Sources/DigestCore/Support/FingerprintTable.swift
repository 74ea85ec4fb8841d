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
    private(set) var count = 0

    init(capacity: Int = 0) {
        allocate(slotsFor: capacity)
    }

    /// The position stored for `key`, if any.
    func position(of key: UInt64) -> Int? {
        guard count > 0 else { return nil }
        // Read through a pointer: `slot(of:)` and `probe(after:)` stay within the slots, and
        // a build probes millions of times (a checked read is a compare and a branch each).
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.slot(of: key, in: slots.count)
            while true {
                let slot = slots[index]
                if slot.position < 0 { return nil }
                if slot.key == key { return Int(slot.position) }
                index = Self.probe(after: index, in: slots.count)
            }
        }
    }

    /// Stores `position` for `key` unless `key` already has one, which is returned instead.
    @discardableResult
    mutating func insert(_ position: Int, for key: UInt64) -> Int? {
        if count + 1 > Self.limit(slots.count) { grow() }
        let found: Int? = slots.withUnsafeMutableBufferPointer { slots in
            var index = Self.slot(of: key, in: slots.count)
            while slots[index].position >= 0 {
                if slots[index].key == key { return Int(slots[index].position) }
                index = Self.probe(after: index, in: slots.count)
            }
            slots[index] = Slot(key: key, position: Int32(truncatingIfNeeded: position))
            return nil
        }
        if found == nil { count += 1 }
        return found
    }

    /// The longest run of filled slots: how far a probe may go. Fingerprints spread over
    /// the table keep it short; keys piled into a few slots make look-ups linear.
    var longestRun: Int {
        var longest = 0
        var run = 0
        for slot in slots + slots {
            run = slot.position >= 0 ? run + 1 : 0
            longest = max(longest, run)
        }
        return min(longest, slots.count)
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > Self.limit(slots.count) { rehash(slotsFor: capacity) }
    }

    /// Entries a table of `slots` slots holds: two thirds of it, so a probe mostly ends
    /// within a cache line or two. (Slots to a power of two, half full at most, made the
    /// tables of ten years' pages and texts 84 MB where 40 do.)
    private static func limit(_ slots: Int) -> Int { slots * 2 / 3 }

    /// The key's top 32 bits scaled to the number of slots. Keys are `Fingerprint`s, whose
    /// top bits come from a multiply and are mixed already; taken in order, keys in
    /// ascending order (as the cache files list them) fill the slots from first to last,
    /// one cache line after the next, where a hash scattered half a million loads over
    /// tens of megabytes.
    private static func slot(of key: UInt64, in slots: Int) -> Int {
        Int(truncatingIfNeeded: ((key >> 32) &* UInt64(slots)) >> 32)
    }

    /// The slot probed after `index`: the next, or the first after the last.
    private static func probe(after index: Int, in slots: Int) -> Int {
        index &+ 1 == slots ? 0 : index &+ 1
    }

    private mutating func allocate(slotsFor capacity: Int) {
        slots = Array(repeating: Slot(key: 0, position: -1), count: max(16, capacity * 3 / 2 + 2))
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
