/// A multimap from 64-bit keys to 32-bit postings (form or group numbers with flags), built
/// once and then read-only. An open-addressing table (linear probing, power-of-two size) of
/// key → newest posting; postings of one key form a chain through `next`. Plain arrays only,
/// so the index cache stores and restores it without rebuilding anything.
struct PostingTable: Sendable {
    private(set) var keys: [UInt64]
    /// 1 + the newest posting of the key in the same slot, 0 for an empty slot.
    private(set) var heads: [UInt32]
    /// For posting i: 1 + the previous posting of the same key, 0 for none.
    private(set) var next: [UInt32] = []
    private(set) var values: [UInt32] = []
    private(set) var used = 0

    init(capacity: Int = 0) {
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        heads = Array(repeating: 0, count: size)
        next.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Restores a table from its arrays (the index cache); nil when they are inconsistent.
    init?(keys: [UInt64], heads: [UInt32], next: [UInt32], values: [UInt32]) {
        guard keys.count == heads.count, keys.count >= 16, keys.count & (keys.count - 1) == 0, next.count == values.count,
              heads.allSatisfy({ Int($0) <= values.count }), next.allSatisfy({ Int($0) <= values.count }) else { return nil }
        self.keys = keys
        self.heads = heads
        self.next = next
        self.values = values
        used = heads.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Adds a posting; a repeat of the key's newest posting is ignored.
    mutating func insert(_ key: UInt64, _ value: UInt32) {
        if (used + 1) * 10 > keys.count * 7 { grow() }
        let mask = keys.count - 1
        var i = PostingTable.slot(key, mask)
        while heads[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        let head = heads[i]
        if head != 0 && values[Int(head - 1)] == value { return }
        if head == 0 { used += 1; keys[i] = key }
        values.append(value)
        next.append(head)
        heads[i] = UInt32(values.count)
    }

    /// Re-files the keys in the smallest table that keeps the load at or under 70 % (the
    /// postings do not move): a built index is written to the cache and read back many times,
    /// so its tables should not keep the head-room of the build.
    mutating func compact() {
        var size = 16
        while size * 7 < used * 10 { size <<= 1 }
        guard size < keys.count else { return }
        rehash(size: size)
    }

    private mutating func grow() { rehash(size: keys.count * 2) }

    private mutating func rehash(size: Int) {
        let oldKeys = keys, oldHeads = heads
        keys = Array(repeating: 0, count: size)
        heads = Array(repeating: 0, count: size)
        let mask = size - 1
        for (k, h) in zip(oldKeys, oldHeads) where h != 0 {
            var i = PostingTable.slot(k, mask)
            while heads[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            heads[i] = h
        }
    }

    /// Calls `body` with every posting of `key`, newest first.
    /// - Complexity: O(1) expected plus the number of postings.
    @inline(__always) func forEach(_ key: UInt64, _ body: (UInt32) -> Void) {
        let mask = keys.count - 1
        var i = PostingTable.slot(key, mask)
        while heads[i] != 0 {
            if keys[i] == key {
                var p = heads[i]
                while p != 0 {
                    body(values[Int(p - 1)])
                    p = next[Int(p - 1)]
                }
                return
            }
            i = (i + 1) & mask
        }
    }

    /// The newest posting of `key` as a cursor (1-based; 0 when the key has none), for walking
    /// two tables' chains in step (``value(at:)``, ``next(after:)``).
    @inline(__always) func head(_ key: UInt64) -> UInt32 {
        let mask = keys.count - 1
        var i = PostingTable.slot(key, mask)
        while heads[i] != 0 {
            if keys[i] == key { return heads[i] }
            i = (i + 1) & mask
        }
        return 0
    }

    /// The posting at cursor `p` (non-zero).
    @inline(__always) func value(at p: UInt32) -> UInt32 { values[Int(p - 1)] }

    /// The cursor after `p` in its chain (0 at the end).
    @inline(__always) func next(after p: UInt32) -> UInt32 { next[Int(p - 1)] }

    /// Number of postings.
    var count: Int { values.count }
    /// Number of distinct keys.
    var keyCount: Int { used }
}
