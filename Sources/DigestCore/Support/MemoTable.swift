/// Values remembered under keys that are fingerprints already, each marked when a build
/// uses it, so that what no build used can be dropped.
///
/// Flat arrays found through a `FingerprintTable`: ten years of a site remember half a
/// million texts, and a `Dictionary` with a `Set` of the keys used hashed every key twice
/// more (SipHash) on every build, a quarter of a second for a new day.
struct MemoTable<Value> {
    private(set) var keys: [UInt64] = []
    private(set) var values: [Value] = []
    private var used: [Bool] = []
    private var slots = FingerprintTable()
    /// Entries marked used since the marks were last cleared.
    private(set) var usedCount = 0

    init() {}

    var count: Int { keys.count }

    /// Room for `capacity` entries, at least twice those held when it must grow: a table
    /// filled a run at a time is then not moved whole for each run.
    mutating func reserveCapacity(_ capacity: Int) {
        guard capacity > keys.capacity else { return }
        let room = max(capacity, 2 * keys.count)
        keys.reserveCapacity(room)
        values.reserveCapacity(room)
        used.reserveCapacity(room)
        slots.reserveCapacity(room)
    }

    /// The value remembered under `key`, without marking it used.
    subscript(key: UInt64) -> Value? {
        slots.position(of: key).map { values[$0] }
    }

    /// Remembers `value` under `key`, replacing what was there; `use` marks it used.
    mutating func set(_ value: Value, for key: UInt64, use: Bool = false) {
        if let position = slots.insert(keys.count, for: key) {
            values[position] = value
            if use { mark(position) }
            return
        }
        keys.append(key)
        values.append(value)
        used.append(false)
        if use { mark(keys.count - 1) }
    }

    /// The value under `key`, marked used.
    mutating func use(_ key: UInt64) -> Value? {
        guard let position = slots.position(of: key) else { return nil }
        mark(position)
        return values[position]
    }

    /// The values under `keys` (nil where there is none), found on every core, each found
    /// marked used.
    mutating func use(_ keys: [UInt64]) -> [Value?] {
        let table = self
        let positions = keys.parallelMap { table.slots.position(of: $0) }
        for position in positions { if let position { mark(position) } }
        return positions.map { $0.map { table.values[$0] } }
    }

    /// Marks the values under `keys` used, without reading them.
    mutating func keep(_ keys: [UInt64]) {
        let table = self
        for position in keys.parallelMap({ table.slots.position(of: $0) }) { if let position { mark(position) } }
    }

    private mutating func mark(_ position: Int) {
        if !used[position] {
            used[position] = true
            usedCount += 1
        }
    }

    /// Every entry, in key order (the order a cache file lists them in).
    var sorted: [(key: UInt64, value: Value)] {
        keys.indices.sorted { keys[$0] < keys[$1] }.map { (keys[$0], values[$0]) }
    }

    /// Forgets the entries not marked used when they are more than an eighth of the table
    /// (a new day leaves a few stale ones: filtering half a million every day cost a quarter
    /// of a second, and the table still cannot grow without end), then clears the marks.
    /// Whether anything was forgotten.
    @discardableResult
    mutating func dropUnused() -> Bool {
        defer {
            used = Array(repeating: false, count: keys.count)
            usedCount = 0
        }
        guard count - usedCount > count / 8 else { return false }
        var kept = MemoTable()
        kept.reserveCapacity(usedCount)
        for position in keys.indices where used[position] { kept.set(values[position], for: keys[position]) }
        self = kept
        return true
    }

    /// Forgets every entry `isRemoved` holds for; the others keep their values and marks.
    mutating func removeAll(where isRemoved: (UInt64, Value) -> Bool) {
        var kept = MemoTable()
        kept.reserveCapacity(count)
        for position in keys.indices where !isRemoved(keys[position], values[position]) {
            kept.set(values[position], for: keys[position], use: used[position])
        }
        self = kept
    }
}

extension MemoTable: Sendable where Value: Sendable {}
