/// A set of 64-bit keys gathered during one lookup (the skeleton keys a fuzzy query probes,
/// the reading groups it has tried): open addressing with linear probing in a power-of-two
/// table, keys hashed with one multiplication.
///
/// Why not `Set`: it hashes every key with SipHash, and a fuzzy lookup inserts a few hundred
/// keys; the two sets were a tenth of its instructions.
struct KeySet {
    private var slots: [UInt64]
    private var hasZero = false
    /// Keys in the set.
    private(set) var count = 0

    /// An empty set sized for about `capacity` keys (it grows past that).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    /// Inserts `key`; returns whether it was new.
    @inline(__always) mutating func insert(_ key: UInt64) -> Bool {
        // 0 marks an empty slot, so the key 0 is kept aside.
        if key == 0 {
            if hasZero { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
        while true {
            let s = slots[i]
            if s == key { return false }
            if s == 0 {
                slots[i] = key
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for key in old where key != 0 {
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = key
        }
    }
}
