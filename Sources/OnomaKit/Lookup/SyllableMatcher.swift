/// Folded Latin letters of a name with its token boundaries: the side of a comparison that is
/// written in the Latin alphabet.
struct LatinLetters: Sendable, Hashable {
    /// ASCII lower-case letters, all tokens concatenated.
    var letters: [UInt8]
    /// `boundary[i]` is true when a token starts or ends at letter offset `i`
    /// (count = letters.count + 1).
    var boundary: [Bool]
    /// Offset where each token starts.
    var tokenStarts: [Int]

    init(tokens: [[UInt8]]) {
        letters = []
        boundary = [true]
        tokenStarts = []
        for t in tokens where !t.isEmpty {
            tokenStarts.append(letters.count)
            letters.append(contentsOf: t)
            boundary.append(contentsOf: repeatElement(false, count: t.count - 1))
            boundary.append(true)
        }
        if letters.isEmpty { boundary = [true] }
    }

    /// The tokens' letters.
    var tokens: [[UInt8]] {
        tokenStarts.indices.map { i in
            Array(letters[tokenStarts[i]..<(i + 1 < tokenStarts.count ? tokenStarts[i + 1] : letters.count)])
        }
    }

    /// The letters with the first `count` tokens moved to the end (Western order ↔ family first).
    func rotated(movingFirst count: Int) -> LatinLetters {
        guard count > 0, count < tokenStarts.count else { return self }
        var tokens: [[UInt8]] = []
        for i in tokenStarts.indices {
            let end = i + 1 < tokenStarts.count ? tokenStarts[i + 1] : letters.count
            tokens.append(Array(letters[tokenStarts[i]..<end]))
        }
        return LatinLetters(tokens: Array(tokens[count...] + tokens[..<count]))
    }
}

/// The accepted spellings of one matching unit (a syllable, or a whole surname), sorted by
/// first letter for quick probing. Immutable.
final class SpellingSet: Sendable {
    let bytes: [UInt8]
    /// Spelling i is bytes[start[i]..<start[i + 1]].
    let start: [Int32]
    let cost: [UInt8]
    /// Offset inside the spelling where a token boundary may fall (between the two syllables of a
    /// compound surname spelled syllable by syllable: "Hwang Bo-kwan"); 0 for none.
    let split: [UInt8]
    let viaTable: [Bool]
    /// Spellings starting with letter c ("a"...) are byFirst[c]..<byFirst[c + 1].
    let byFirst: [Int32]

    init(_ items: [(letters: [UInt8], cost: UInt8, split: UInt8, viaTable: Bool)]) {
        // Cheapest first within each first letter, so a tie keeps the standard spelling.
        let sorted = items.filter { !$0.letters.isEmpty && $0.letters[0] >= 0x61 && $0.letters[0] <= 0x7A }
            .enumerated().sorted { a, b in
                a.element.letters[0] != b.element.letters[0] ? a.element.letters[0] < b.element.letters[0]
                    : a.element.cost != b.element.cost ? a.element.cost < b.element.cost : a.offset < b.offset
            }.map(\.element)
        var bytes: [UInt8] = [], start: [Int32] = [0], cost: [UInt8] = [], split: [UInt8] = [], via: [Bool] = []
        var byFirst = [Int32](repeating: 0, count: 27)
        for it in sorted {
            bytes.append(contentsOf: it.letters); start.append(Int32(bytes.count))
            cost.append(it.cost); split.append(it.split); via.append(it.viaTable)
        }
        var i = 0
        for c in 0..<26 {
            byFirst[c] = Int32(i)
            while i < sorted.count && Int(sorted[i].letters[0]) - 0x61 == c { i += 1 }
        }
        byFirst[26] = Int32(sorted.count)
        self.bytes = bytes; self.start = start; self.cost = cost; self.split = split; self.viaTable = via; self.byFirst = byFirst
    }

    var count: Int { cost.count }
}

/// One unit of a Korean name for matching: the surname (one or two syllables, with its table
/// spellings) or one syllable of the given name.
struct MatchUnit: Sendable {
    var syllables: [UInt16]
    var isFamily: Bool
    var spellings: SpellingSet
}

/// The accepted spellings of the syllables and surnames an index knows (built once),
/// computed on demand for others.
final class SpellingTable: Sendable {
    private let syllables: [UInt16: SpellingSet]
    private let families: [[UInt16]: SpellingSet]
    private let surnames: KoreanSurnameSpellings

    init(syllables: Set<UInt16>, families: Set<[UInt16]>, surnames: KoreanSurnameSpellings) {
        self.surnames = surnames
        var t: [UInt16: SpellingSet] = [:]
        t.reserveCapacity(syllables.count)
        for s in syllables { t[s] = SpellingTable.makeSyllable(s) }
        self.syllables = t
        var f: [[UInt16]: SpellingSet] = [:]
        for fam in families { f[fam] = SpellingTable.makeFamily(fam, surnames: surnames) }
        self.families = f
    }

    private static func makeSyllable(_ s: UInt16) -> SpellingSet {
        SpellingSet(HangulSpelling.spellings(s).map { ($0.letters, $0.cost, 0, false) })
    }

    /// A surname's set: its table spellings, and its syllables spelled by the rules (one step
    /// dearer when the table knows the surname: its real-world spellings are all there).
    private static func makeFamily(_ family: [UInt16], surnames: KoreanSurnameSpellings) -> SpellingSet {
        let table = surnames.spellings[family] ?? []
        var items: [(letters: [UInt8], cost: UInt8, split: UInt8, viaTable: Bool)] = table.map { ($0.letters, $0.cost, 0, true) }
        let extra: UInt8 = table.isEmpty ? 0 : 1
        var partial: [(letters: [UInt8], cost: UInt8, split: UInt8)] = [([], extra, 0)]
        for (i, s) in family.enumerated() {
            var next: [(letters: [UInt8], cost: UInt8, split: UInt8)] = []
            for p in partial {
                for sp in HangulSpelling.spellings(s) {
                    next.append((p.letters + sp.letters, p.cost + sp.cost, i == 1 ? UInt8(p.letters.count) : p.split))
                }
            }
            partial = next
        }
        // Keep a rule spelling equal to a table spelling when it allows the split ("Hwang Bo-gwan").
        var seen = Set(items.map { $0.letters + [0] })
        for p in partial where seen.insert(p.letters + [p.split]).inserted { items.append((p.letters, p.cost, p.split, false)) }
        return SpellingSet(items)
    }

    @inline(__always) func syllable(_ s: UInt16) -> SpellingSet {
        syllables[s] ?? SpellingTable.makeSyllable(s)
    }

    @inline(__always) func family(_ f: [UInt16]) -> SpellingSet {
        families[f] ?? SpellingTable.makeFamily(f, surnames: surnames)
    }

    /// The matching units of a Hangul name: surname first (when `family` > 0), then each
    /// given-name syllable.
    func units(_ hangul: [UInt16], family: Int) -> [MatchUnit] {
        var units: [MatchUnit] = []
        units.reserveCapacity(hangul.count)
        if family > 0 {
            let fs = Array(hangul[0..<family])
            units.append(MatchUnit(syllables: fs, isFamily: true, spellings: self.family(fs)))
        }
        for s in hangul[family...] { units.append(MatchUnit(syllables: [s], isFamily: false, spellings: syllable(s))) }
        return units
    }
}

/// Verifies that Latin letters spell a sequence of Korean units, syllable by syllable.
///
/// Every unit must match one of its accepted spellings *whole* (``HangulSpelling``), and a
/// Latin token boundary (space, hyphen) may fall only between syllables. The search is a
/// dynamic programme over (unit, letter offset) keeping the cheapest variant cost.
enum SyllableMatcher {
    /// How one unit was matched.
    struct Piece: Sendable, Hashable {
        var unit: Int
        var start: Int
        var end: Int
        /// Spelled with a surname-table spelling rather than the syllable rules.
        var viaSurnameTable: Bool
    }

    /// A successful verification.
    struct Result: Sendable {
        /// Sum of the variant costs (0 = every syllable in RR or MR).
        var cost: Int
        var pieces: [Piece]
    }

    /// - Returns: the cheapest way `latin` spells `units` in that order, or nil.
    /// - Complexity: O(units × letters × spellings per first letter); no allocation unless it
    ///   succeeds.
    static func match(_ units: [MatchUnit], _ latin: LatinLetters) -> Result? {
        let n = latin.letters.count
        let u = units.count
        guard n > 0, u > 0, n < 512 else { return nil }
        let width = n + 1
        let cells = (u + 1) * width
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: cells * 3) { buffer -> Result? in
            let best = buffer.baseAddress!
            let from = best + cells
            let via = from + cells
            for i in 0..<cells { best[i] = .max }
            best[0] = 0
            return latin.letters.withUnsafeBufferPointer { letters -> Result? in
                latin.boundary.withUnsafeBufferPointer { boundary -> Result? in
                    for k in 0..<u {
                        let set = units[k].spellings
                        set.bytes.withUnsafeBufferPointer { bytes in
                            for p in 0..<n {
                                let base = best[k * width + p]
                                if base == .max { continue }
                                let first = Int(letters[p]) - 0x61
                                guard first >= 0 && first < 26 else { continue }
                                var i = Int(set.byFirst[first])
                                let end = Int(set.byFirst[first + 1])
                                while i < end {
                                    let s = Int(set.start[i]), e = Int(set.start[i + 1])
                                    let len = e - s
                                    if p + len <= n {
                                        var ok = true
                                        var j = 1
                                        let split = Int(set.split[i])
                                        while j < len {
                                            if letters[p + j] != bytes[s + j] || (boundary[p + j] && j != split) { ok = false; break }
                                            j += 1
                                        }
                                        if ok {
                                            let slot = (k + 1) * width + p + len
                                            let c = base + Int32(set.cost[i])
                                            if c < best[slot] { best[slot] = c; from[slot] = Int32(p); via[slot] = set.viaTable[i] ? 1 : 0 }
                                        }
                                    }
                                    i += 1
                                }
                            }
                        }
                    }
                    let total = best[u * width + n]
                    if total == .max { return nil }
                    var pieces: [Piece] = []
                    var q = n
                    for k in stride(from: u, to: 0, by: -1) {
                        let p = Int(from[k * width + q])
                        pieces.append(Piece(unit: k - 1, start: p, end: q, viaSurnameTable: via[k * width + q] != 0))
                        q = p
                    }
                    return Result(cost: Int(total), pieces: pieces.reversed())
                }
            }
        }
    }
}
