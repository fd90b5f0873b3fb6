/// Forms that read the same (same Hangul syllables, or same Latin letters and tokens, and the
/// same family split), stored flat: group g's forms are `members[starts[g]..<starts[g + 1]]`.
/// A group is verified once per query, then offered for every member.
struct ReadingGroups: Sendable {
    private(set) var starts: [UInt32] = [0]
    private(set) var members: [Int32] = []

    /// Flattens groups built as arrays.
    init(_ groups: [[Int32]]) {
        starts.reserveCapacity(groups.count + 1)
        members.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for g in groups { members.append(contentsOf: g); starts.append(UInt32(members.count)) }
    }

    /// Restores groups from their arrays (the index cache); nil when they are inconsistent or
    /// name a form at or past `formCount`.
    init?(starts: [UInt32], members: [Int32], formCount: Int) {
        guard starts.first == 0, starts.last.map({ Int($0) == members.count }) == true,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }),
              members.allSatisfy({ $0 >= 0 && Int($0) < formCount }) else { return nil }
        self.starts = starts
        self.members = members
    }

    /// Number of groups.
    var count: Int { starts.count - 1 }

    /// The forms of group `g` (never empty).
    @inline(__always) subscript(g: Int) -> ArraySlice<Int32> { members[Int(starts[g])..<Int(starts[g + 1])] }

    /// The first form of group `g`.
    @inline(__always) func first(_ g: Int) -> Int { Int(members[Int(starts[g])]) }
}
