/// Distinct keys (paths, title keys, slugs) numbered in the order they were first added, and
/// found by 64-bit fingerprints the caller makes once (often on every core) instead of being
/// hashed again by a `Dictionary` at each look-up (see `FingerprintTable`).
///
/// A hit is checked against the key itself, so look-ups stay exact: a key whose fingerprint
/// a different key already holds (rare as a lottery win) is kept by name in `others`.
struct FingerprintIndex<Key: Hashable & Sendable>: Sendable {
    /// Every key added, at its number.
    private(set) var keys: [Key] = []
    private var table: FingerprintTable
    private var others: [Key: Int] = [:]

    init(capacity: Int = 0) {
        table = FingerprintTable(capacity: capacity)
        keys.reserveCapacity(capacity)
    }

    var count: Int { keys.count }

    mutating func reserveCapacity(_ capacity: Int) {
        keys.reserveCapacity(capacity)
        table.reserveCapacity(capacity)
    }

    /// The number of `key`, whose fingerprint is `print`, if it was added.
    func number(of key: Key, print: UInt64) -> Int? {
        if let found = table.position(of: print), keys[found] == key { return found }
        return others.isEmpty ? nil : others[key]
    }

    /// Adds `key` (fingerprint `print`) unless it is there: its number, and whether it is new.
    mutating func insert(_ key: Key, print: UInt64) -> (number: Int, isNew: Bool) {
        insert(print: print, isKey: { $0 == key }, make: { key })
    }

    /// `insert` of the string `bytes` spell, made a string only when it is new (or shares
    /// its fingerprint with another).
    mutating func insert(utf8 bytes: UnsafeBufferPointer<UInt8>, print: UInt64) -> (number: Int, isNew: Bool)
    where Key == String {
        insert(print: print, isKey: { $0.hasUTF8(bytes) }, make: { String(decoding: bytes, as: UTF8.self) })
    }

    /// The one insertion both make: `isKey` tells the key from the one its fingerprint
    /// found, and `make` gives it when it must be kept or looked up among the others.
    private mutating func insert(print: UInt64, isKey: (Key) -> Bool, make: () -> Key) -> (number: Int, isNew: Bool) {
        let next = keys.count
        if let found = table.insert(next, for: print) {
            if isKey(keys[found]) { return (found, false) }
            let key = make()
            if let other = others[key] { return (other, false) }
            others[key] = next
            keys.append(key)
            return (next, true)
        }
        keys.append(make())
        return (next, true)
    }
}
