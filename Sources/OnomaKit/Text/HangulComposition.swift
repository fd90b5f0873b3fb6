/// Hangul written as conjoining jamo (decomposed, as NFD text, macOS file names and some
/// input methods write it) composed into syllables, with where each composed scalar came
/// from, so that a line can be read composed and still be rewritten as it was written.
///
/// Only the canonical composition of modern jamo (Unicode §3.12): an initial (U+1100–1112)
/// and a medial (U+1161–1175), with an optional final (U+11A8–11C2), or a final after an
/// initial-medial syllable. Everything else is kept as it is.
enum HangulComposition {
    private static let lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7, sBase: UInt32 = 0xAC00
    private static let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28

    /// Whether `scalars` hold a conjoining jamo (U+1100–11FF), the only case ``compose(_:)``
    /// can change anything. (The byline normalizer asks this of every line.)
    static func mayCompose(_ scalars: [Unicode.Scalar]) -> Bool {
        for s in scalars where s.value &- 0x1100 < 0x100 { return true }
        return false
    }

    /// The scalars with jamo sequences composed, and for each composed scalar the offset of
    /// its first scalar in `scalars` (one more entry at the end: `scalars.count`).
    /// - Complexity: O(n).
    static func compose(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], origin: [Int]) {
        var out: [Unicode.Scalar] = [], origin: [Int] = []
        out.reserveCapacity(scalars.count)
        origin.reserveCapacity(scalars.count + 1)
        var i = 0
        let n = scalars.count
        while i < n {
            let v = scalars[i].value
            origin.append(i)
            var syllable: UInt32?
            var used = 1
            if v >= lBase && v < lBase + lCount, i + 1 < n, scalars[i + 1].value >= vBase && scalars[i + 1].value < vBase + vCount {
                syllable = sBase + ((v - lBase) * vCount + (scalars[i + 1].value - vBase)) * tCount
                used = 2
            } else if v >= sBase && v <= 0xD7A3 && (v - sBase) % tCount == 0 {
                syllable = v  // an initial-medial syllable a final may follow
            }
            if let lv = syllable {
                if i + used < n, case let t = scalars[i + used].value, t > tBase && t < tBase + tCount {
                    syllable = lv + (t - tBase)
                    used += 1
                }
            }
            out.append(syllable.flatMap(Unicode.Scalar.init) ?? scalars[i])
            i += used
        }
        origin.append(n)
        return (out, origin)
    }
}
