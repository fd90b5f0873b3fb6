/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition): the number of
/// slips — a dropped, added, changed or swapped letter — between two short strings.
enum EditDistance {
    /// The distance, or `limit + 1` as soon as it must exceed `limit`.
    /// - Complexity: O(|a| × |b|) with a band cut-off.
    static func osa(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in osa(a, b, limit: limit) } }
    }

    /// The distance, or `limit + 1` as soon as it must exceed `limit`.
    static func osa(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        // Three rows in one stack buffer: no heap allocation per comparison (fuzzy matching
        // compares the query with up to a few hundred references). Only the band of cells
        // within `limit` of the diagonal is computed: an alignment costing at most `limit`
        // never leaves it (each step off the diagonal costs a slip), and every cell outside
        // holds `limit + 1`, "too far".
        let far = limit + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buffer -> Int in
            let base = buffer.baseAddress!
            var prev2 = base, prev = base + (m + 1), cur = base + 2 * (m + 1)
            for j in 0...m { prev2[j] = far; prev[j] = j <= limit ? j : far; cur[j] = far }
            for i in 1...n {
                let lo = max(1, i - limit), hi = min(m, i + limit)
                cur[0] = i <= limit ? i : far
                if lo > 1 { cur[lo - 1] = far }
                var rowMin = cur[0]
                if lo <= hi {
                    for j in lo...hi {
                        let cost = a[i - 1] == b[j - 1] ? 0 : 1
                        var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                        v = min(v, far)
                        cur[j] = v
                        rowMin = min(rowMin, v)
                    }
                }
                if hi < m { cur[hi + 1] = far }
                if rowMin > limit { return far }
                let oldPrev2 = prev2
                prev2 = prev
                prev = cur
                cur = oldPrev2
            }
            return min(prev[m], far)
        }
    }
}

/// A query compiled for the bit-parallel optimal-string-alignment distance (Hyyrö 2003, as in
/// rapidfuzz's `osa_hyrroe2003`): one 64-bit word per letter says where the letter occurs in
/// the query, and each letter of the other string then costs a dozen word operations instead
/// of a row of the table. Fuzzy matching compares one query with a few hundred references.
struct OSAPattern {
    /// `masks[c]`: bit i set when letter i of the pattern is the byte c (below 128).
    private let masks: [UInt64]
    /// Letters in the pattern (1...64).
    let count: Int

    /// Nil when `pattern` is empty, longer than 64 letters, or not ASCII.
    init?(_ pattern: UnsafeBufferPointer<UInt8>) {
        guard !pattern.isEmpty, pattern.count <= 64, pattern.allSatisfy({ $0 < 128 }) else { return nil }
        var masks = [UInt64](repeating: 0, count: 128)
        for (i, c) in pattern.enumerated() { masks[Int(c)] |= 1 << UInt64(i) }
        self.masks = masks
        count = pattern.count
    }

    /// ``EditDistance/osa(_:_:limit:)`` of the pattern and `b`: the distance, or `limit + 1`
    /// when it exceeds `limit`.
    /// - Complexity: O(|b|) word operations.
    func distance(_ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let m = count, n = b.count
        if abs(m - n) > limit { return limit + 1 }
        if n == 0 { return min(m, limit + 1) }
        let top: UInt64 = 1 << UInt64(m - 1)
        var vp: UInt64 = ~0, vn: UInt64 = 0, d0: UInt64 = 0, previous: UInt64 = 0
        var score = m
        return masks.withUnsafeBufferPointer { masks -> Int in
            for j in 0..<n {
                let c = b[j]
                let pm = c < 128 ? masks[Int(c)] : 0
                // A swap of the two letters before this one (the column before's matches).
                let transposition = (((~d0) & pm) << 1) & previous
                d0 = (((pm & vp) &+ vp) ^ vp) | pm | vn | transposition
                var hp = vn | ~(d0 | vp)
                var hn = d0 & vp
                if hp & top != 0 { score += 1 } else if hn & top != 0 { score -= 1 }
                hp = (hp << 1) | 1
                hn <<= 1
                vp = hn | ~(d0 | hp)
                vn = hp & d0
                previous = pm
                // The rest of `b` can lower the distance by at most one a letter.
                if score - (n - j - 1) > limit { return limit + 1 }
            }
            return min(score, limit + 1)
        }
    }
}

extension HangulSpelling {
    /// All spellings of any initial, vowel and final, for the syllable grammar.
    private static let grammar: (initials: [[UInt8]], vowels: [[UInt8]], finals: [[UInt8]]) = {
        var i = Set<[UInt8]>(), v = Set<[UInt8]>(), f = Set<[UInt8]>()
        // Reuse the per-syllable tables through a few representative syllables per jamo.
        for initial in 0..<19 {
            for sp in spellings(UInt16(initial * 588)) {  // initial + ㅏ
                let onset = Array(sp.letters.dropLast())
                if sp.letters.last == 0x61, !onset.contains(where: { [0x61, 0x65, 0x69, 0x6F, 0x75, 0x77, 0x79].contains($0) }) { i.insert(onset) }
            }
        }
        for vowel in 0..<21 {
            for sp in spellings(UInt16(11 * 588 + vowel * 28)) { v.insert(sp.letters) }  // ㅇ + vowel
            // wha, whi: the h of ㅎ written after the w (Kyung-wha).
            for sp in spellings(UInt16(18 * 588 + vowel * 28)) where sp.letters.starts(with: [0x77, 0x68]) { v.insert(sp.letters) }
        }
        for final in 1..<28 {
            for sp in spellings(UInt16(11 * 588 + final)) where sp.letters.first == 0x61 {  // 아 + final
                f.insert(Array(sp.letters.dropFirst()))
            }
        }
        i.remove([])
        return (Array(i), Array(v), Array(f))
    }()

    /// The fewest syllables `tokens` (folded letters) can be read as in romanized Korean,
    /// nil when some token cannot be read at all. A token that is a known surname spelling
    /// (Park, Lee, Choi, Namkoong) counts as that surname's syllables. Real names are written
    /// with the fewest syllables ("Young" is 영, not 요웅), so this is the reading to compare.
    static func minimalSyllables(_ tokens: [[UInt8]], surnames: [[UInt8]: Int] = [:]) -> Int? {
        var total = 0
        for token in tokens where !token.isEmpty {
            var counts = tokenSyllableCounts(token)
            if let c = surnames[token] { counts |= 1 << UInt64(c) }
            guard counts != 0 else { return nil }
            total += counts.trailingZeroBitCount
        }
        return total
    }

    /// The grammar's spellings filed by first letter (a...z), so that a position is compared
    /// only with the spellings that can start there (fuzzy matching reads every candidate).
    private static let grammarByFirst: (initials: [[[UInt8]]], vowels: [[[UInt8]]], finals: [[[UInt8]]]) = {
        func file(_ list: [[UInt8]]) -> [[[UInt8]]] {
            var out = [[[UInt8]]](repeating: [], count: 26)
            for s in list { if let c = s.first, c >= 0x61, c <= 0x7A { out[Int(c - 0x61)].append(s) } }
            return out
        }
        return (file(grammar.initials), file(grammar.vowels), file(grammar.finals))
    }()

    /// Bit set of syllable counts one token of letters can be read as.
    private static func tokenSyllableCounts(_ token: [UInt8]) -> UInt64 {
        let n = token.count
        let g = grammarByFirst
        // Whether `s` is written at `at` (spellings are filed by their first letter, which the
        // caller has matched).
        @inline(__always) func written(_ s: [UInt8], at: Int) -> Bool {
            at + s.count <= n && token[at..<(at + s.count)].elementsEqual(s)
        }
        @inline(__always) func bucket(_ at: Int) -> Int {
            guard at < n else { return -1 }
            let c = Int(token[at]) - 0x61
            return c >= 0 && c < 26 ? c : -1
        }
        // counts[p]: bit set of syllable counts that end exactly at p.
        var counts = [UInt64](repeating: 0, count: n + 1)
        counts[0] = 1
        for p in 0..<n where counts[p] != 0 {
            let here = counts[p] << 1
            // A vowel (and a final) from `q`, right after the initial (or with none).
            func vowels(from q: Int) {
                let b = bucket(q)
                guard b >= 0 else { return }
                for v in g.vowels[b] where written(v, at: q) {
                    let r = q + v.count
                    counts[r] |= here
                    let fb = bucket(r)
                    guard fb >= 0 else { continue }
                    for f in g.finals[fb] where written(f, at: r) { counts[r + f.count] |= here }
                }
            }
            vowels(from: p)
            let b = bucket(p)
            guard b >= 0 else { continue }
            for s in g.initials[b] where written(s, at: p) { vowels(from: p + s.count) }
        }
        return counts[n]
    }
}
