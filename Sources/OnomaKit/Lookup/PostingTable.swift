/// A multimap from 64-bit keys to 32-bit postings (form numbers with flags), built once and
/// then read-only. Postings of one key form a chain through `next`, newest first.
struct PostingTable: Sendable {
    private(set) var heads: [UInt64: UInt32] = [:]
    /// For posting i: 1 + the previous posting of the same key, 0 for none.
    private(set) var next: [UInt32] = []
    private(set) var values: [UInt32] = []

    init(capacity: Int = 0) {
        heads.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Rebuilds a table from its arrays (the index cache).
    init(keys: [UInt64], heads headValues: [UInt32], next: [UInt32], values: [UInt32]) {
        var h: [UInt64: UInt32] = [:]
        h.reserveCapacity(keys.count)
        for (k, v) in zip(keys, headValues) { h[k] = v }
        self.heads = h
        self.next = next
        self.values = values
    }

    /// Adds a posting; a repeat of the key's newest posting is ignored.
    mutating func insert(_ key: UInt64, _ value: UInt32) {
        let head = heads[key] ?? 0
        if head != 0 && values[Int(head - 1)] == value { return }
        values.append(value)
        next.append(head)
        heads[key] = UInt32(values.count)
    }

    /// Calls `body` with every posting of `key`.
    /// - Complexity: O(1) expected plus the number of postings.
    @inline(__always) func forEach(_ key: UInt64, _ body: (UInt32) -> Void) {
        var i = heads[key] ?? 0
        while i != 0 {
            body(values[Int(i - 1)])
            i = next[Int(i - 1)]
        }
    }

    /// Whether `key` has postings.
    @inline(__always) func contains(_ key: UInt64) -> Bool { heads[key] != nil }

    /// Number of postings.
    var count: Int { values.count }
}
