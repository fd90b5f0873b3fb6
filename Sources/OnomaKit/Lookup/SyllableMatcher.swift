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

/// One unit of a Korean name for matching: the surname (one or two syllables, with its table
/// spellings) or one syllable of the given name.
struct MatchUnit: Sendable {
    var syllables: [UInt16]
    /// Surname spellings from the surname table (empty for given-name syllables).
    var surname: [HangulSpelling.Spelling]
    var isFamily: Bool
}

/// The accepted spellings of the syllables an index knows (built once), computed on demand
/// for others.
final class SpellingTable: Sendable {
    private let table: [UInt16: [HangulSpelling.Spelling]]

    init(syllables: Set<UInt16>) {
        var t: [UInt16: [HangulSpelling.Spelling]] = [:]
        t.reserveCapacity(syllables.count)
        for s in syllables { t[s] = HangulSpelling.spellings(s) }
        table = t
    }

    @inline(__always) func spellings(_ s: UInt16) -> [HangulSpelling.Spelling] {
        table[s] ?? HangulSpelling.spellings(s)
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
    /// - Complexity: O(units × letters × spellings per syllable), a few hundred comparisons
    ///   for a personal name.
    static func match(_ units: [MatchUnit], _ latin: LatinLetters, spellings: SpellingTable) -> Result? {
        let n = latin.letters.count
        let u = units.count
        guard n > 0, u > 0 else { return nil }
        let width = n + 1
        var best = [Int](repeating: .max, count: (u + 1) * width)
        var from = [Int32](repeating: -1, count: (u + 1) * width)
        var viaTable = [Bool](repeating: false, count: (u + 1) * width)
        best[0] = 0
        let letters = latin.letters
        let boundary = latin.boundary

        @inline(__always) func fits(_ s: [UInt8], at p: Int) -> Bool {
            let len = s.count
            if p + len > n { return false }
            var i = 0
            while i < len {
                if letters[p + i] != s[i] { return false }
                if i > 0 && boundary[p + i] { return false }
                i += 1
            }
            return true
        }

        for k in 0..<u {
            let unit = units[k]
            for p in 0...n {
                let base = best[k * width + p]
                if base == .max { continue }
                func relax(_ q: Int, _ cost: Int, _ table: Bool) {
                    let slot = (k + 1) * width + q
                    if base + cost < best[slot] { best[slot] = base + cost; from[slot] = Int32(p); viaTable[slot] = table }
                }
                for sp in unit.surname where fits(sp.letters, at: p) {
                    relax(p + sp.letters.count, Int(sp.cost), true)
                }
                // The syllables of the unit one after another.
                var frontier: [(Int, Int)] = [(p, 0)]
                for syllable in unit.syllables {
                    var next: [(Int, Int)] = []
                    for (q, c) in frontier {
                        for sp in spellings.spellings(syllable) where fits(sp.letters, at: q) {
                            let end = q + sp.letters.count
                            let cost = c + Int(sp.cost)
                            if let i = next.firstIndex(where: { $0.0 == end }) {
                                if cost < next[i].1 { next[i].1 = cost }
                            } else {
                                next.append((end, cost))
                            }
                        }
                    }
                    frontier = next
                    if frontier.isEmpty { break }
                }
                // A surname spelled by the syllable rules costs one step more when the table
                // knows the surname (its real-world spellings are in the table).
                let extra = unit.surname.isEmpty ? 0 : 1
                for (q, c) in frontier { relax(q, c + extra, false) }
            }
        }
        let total = best[u * width + n]
        if total == .max { return nil }
        var pieces: [Piece] = []
        var q = n
        for k in stride(from: u, to: 0, by: -1) {
            let p = Int(from[k * width + q])
            pieces.append(Piece(unit: k - 1, start: p, end: q, viaSurnameTable: viaTable[k * width + q]))
            q = p
        }
        return Result(cost: total, pieces: pieces.reversed())
    }
}
