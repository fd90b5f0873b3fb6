/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition): the number of
/// slips — a dropped, added, changed or swapped letter — between two short strings.
enum EditDistance {
    /// The distance, or `limit + 1` as soon as it must exceed `limit`.
    /// - Complexity: O(|a| × |b|) with a band cut-off.
    static func osa(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in osa(a, b, limit: limit) } }
    }

    /// The distance, or `limit + 1` as soon as it must exceed `limit`.
    static func osa(_ a: [UInt8], _ b: ArraySlice<UInt8>, limit: Int) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in osa(a, b, limit: limit) } }
    }

    /// The distance, or `limit + 1` as soon as it must exceed `limit`.
    static func osa(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        // Three rows in one stack buffer: no heap allocation per comparison (fuzzy matching
        // compares the query with up to a few hundred references).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buffer -> Int in
            let base = buffer.baseAddress!
            var prev2 = base, prev = base + (m + 1), cur = base + 2 * (m + 1)
            for j in 0...m { prev2[j] = 0; prev[j] = j; cur[j] = 0 }
            for i in 1...n {
                cur[0] = i
                var rowMin = cur[0]
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                    cur[j] = v
                    rowMin = min(rowMin, v)
                }
                if rowMin > limit { return limit + 1 }
                let oldPrev2 = prev2
                prev2 = prev
                prev = cur
                cur = oldPrev2
            }
            return min(prev[m], limit + 1)
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

    /// Bit set of syllable counts one token of letters can be read as.
    private static func tokenSyllableCounts(_ token: [UInt8]) -> UInt64 {
        let n = token.count
        // counts[p]: bit set of syllable counts that end exactly at p.
        var counts = [UInt64](repeating: 0, count: n + 1)
        counts[0] = 1
        for p in 0..<n where counts[p] != 0 {
            var afterInitial: [Int] = [p]
            for s in grammar.initials where p + s.count <= n && token[p..<(p + s.count)].elementsEqual(s) {
                afterInitial.append(p + s.count)
            }
            for q in afterInitial {
                for v in grammar.vowels where q + v.count <= n && token[q..<(q + v.count)].elementsEqual(v) {
                    let r = q + v.count
                    counts[r] |= counts[p] << 1
                    for f in grammar.finals where r + f.count <= n && token[r..<(r + f.count)].elementsEqual(f) {
                        counts[r + f.count] |= counts[p] << 1
                    }
                }
            }
        }
        return counts[n]
    }
}
