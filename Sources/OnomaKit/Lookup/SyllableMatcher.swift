/// Folded Latin letters of a name with its token boundaries: the side of a comparison that is
/// written in the Latin alphabet.
struct LatinLetters: Sendable, Hashable {
    /// ASCII lower-case letters, all tokens concatenated.
    var letters: [UInt8]
    /// Offset where each token starts.
    var tokenStarts: [Int]

    init(tokens: [[UInt8]]) {
        letters = []
        tokenStarts = []
        for t in tokens where !t.isEmpty {
            tokenStarts.append(letters.count)
            letters.append(contentsOf: t)
        }
    }

    /// The letters with bit 7 set on the first letter of every token: the matcher's input
    /// (one byte a letter, boundaries included, so stored forms need no decoding).
    var packed: [UInt8] {
        var out = letters
        for s in tokenStarts where s < out.count { out[s] |= 0x80 }
        return out
    }

    /// Decodes ``packed``.
    init(packed: some Collection<UInt8>) {
        var tokens: [[UInt8]] = []
        for b in packed {
            if b & 0x80 != 0 || tokens.isEmpty { tokens.append([]) }
            tokens[tokens.count - 1].append(b & 0x7F)
        }
        self.init(tokens: tokens)
    }

    /// The tokens' letters.
    var tokens: [[UInt8]] {
        tokenStarts.indices.map { i in
            Array(letters[tokenStarts[i]..<(i + 1 < tokenStarts.count ? tokenStarts[i + 1] : letters.count)])
        }
    }
}

/// The accepted spellings of one matching unit (a syllable, or a whole surname), sorted by
/// first letter for quick probing. Immutable.
final class SpellingSet: Sendable {
    /// The spellings' letters and, in `layout`, everything else (see ``SpellingView``), in
    /// memory the set owns: the matcher reads them through these pointers (an array read
    /// retains its buffer and checks bounds, and the matcher reads a set for every unit of
    /// every candidate). Valid while the set is alive.
    let view: SpellingView
    /// Number of spellings.
    let count: Int
    /// What the spellings say about vowels (``VowelRuns``).
    let vowelShape: VowelRuns.Shape

    static let firstSpelling = 27

    init(_ items: [(letters: [UInt8], cost: UInt8, split: UInt8, viaTable: Bool)]) {
        // In letter order, so that the matcher can skip to the spellings whose second letter is
        // the one it reads and stop after them. Two spellings that match at the same position
        // and end at the same place have the same letters, so only their order among
        // themselves decides a tie: cheapest first (the standard spelling), then as given.
        let sorted = items.filter { !$0.letters.isEmpty && $0.letters[0] >= 0x61 && $0.letters[0] <= 0x7A }
            .enumerated().sorted { a, b in
                a.element.letters != b.element.letters ? a.element.letters.lexicographicallyPrecedes(b.element.letters)
                    : a.element.cost != b.element.cost ? a.element.cost < b.element.cost : a.offset < b.offset
            }.map { $0.element }
        var bytes: [UInt8] = []
        var layout = [Int32](repeating: 0, count: SpellingSet.firstSpelling)
        layout.reserveCapacity(SpellingSet.firstSpelling + 2 * sorted.count + 1)
        for it in sorted {
            layout.append(Int32(bytes.count))
            layout.append(Int32(it.cost) | Int32(it.split) << 8 | (it.viaTable ? 1 << 16 : 0))
            bytes.append(contentsOf: it.letters)
        }
        layout.append(Int32(bytes.count))
        var i = 0
        for c in 0..<26 {
            layout[c] = Int32(i)
            while i < sorted.count && Int(sorted[i].letters[0]) - 0x61 == c { i += 1 }
        }
        layout[26] = Int32(sorted.count)
        count = sorted.count
        vowelShape = VowelRuns.Shape(sorted.lazy.map { $0.letters })
        view = SpellingView(bytes: bytes, layout: layout)
    }

    deinit { view.deallocate() }
}

/// A ``SpellingSet``'s spellings, read-only, owned (and freed) by the set.
struct SpellingView: @unchecked Sendable {
    // @unchecked: written once in `init`, only read after, freed by the owning set's deinit.
    /// The spellings' letters, one after the other.
    let bytes: UnsafePointer<UInt8>
    /// Everything else in one block, so that the matcher reads it through one pointer:
    /// `layout[c]` for c in 0...26 — spellings starting with letter c ("a"...) are numbers
    /// `layout[c]..<layout[c + 1]`; then for spelling i, at `27 + 2i`, its start in `bytes`
    /// (it ends where spelling i + 1 starts; a last start closes the list), and at `28 + 2i`
    /// its cost (bits 0–7), split (bits 8–15: the offset inside the spelling where a token
    /// boundary may fall, between the two syllables of a compound surname spelled syllable by
    /// syllable, "Hwang Bo-kwan"; 0 for none) and whether it comes from the surname table
    /// (bit 16).
    let layout: UnsafePointer<Int32>

    init(bytes: [UInt8], layout: [Int32]) {
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        b.initialize(from: bytes, count: bytes.count)
        let l = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, layout.count))
        l.initialize(from: layout, count: layout.count)
        self.bytes = UnsafePointer(b)
        self.layout = UnsafePointer(l)
    }

    func deallocate() {
        UnsafeMutablePointer(mutating: bytes).deallocate()
        UnsafeMutablePointer(mutating: layout).deallocate()
    }
}

/// One unit of a Korean name for matching: the surname (one or two syllables, with its table
/// spellings) or one syllable of the given name.
struct MatchUnit: Sendable {
    /// One or two syllables (offsets from U+AC00), kept inline: units are made per candidate.
    private var first: UInt16, second: UInt16, count: UInt8
    var isFamily: Bool
    var spellings: SpellingSet

    init(syllables: some Collection<UInt16>, isFamily: Bool, spellings: SpellingSet) {
        var it = syllables.makeIterator()
        first = it.next() ?? 0
        second = it.next() ?? 0
        count = UInt8(min(2, syllables.count))
        self.isFamily = isFamily
        self.spellings = spellings
    }

    /// Number of syllables (1 or 2).
    @inline(__always) var syllableCount: Int { Int(count) }

    /// Syllable `i` (`i < syllableCount`), without building an array.
    @inline(__always) func syllable(_ i: Int) -> UInt16 { i == 0 ? first : second }
}

/// The units the matcher walks: how many, and each one's spelling set, asked for only when
/// the matcher reaches that unit (most candidates fail at the first or second).
protocol MatchUnits {
    var count: Int { get }
    func spellings(_ k: Int) -> SpellingSet
    /// `spellings(k).vowelShape`, possibly without touching the set.
    func vowelShape(_ k: Int) -> VowelRuns.Shape
}

extension Array: MatchUnits where Element == MatchUnit {
    @inline(__always) func spellings(_ k: Int) -> SpellingSet { self[k].spellings }
    @inline(__always) func vowelShape(_ k: Int) -> VowelRuns.Shape { self[k].spellings.vowelShape }
}

/// The units of a Hangul form read from the spelling table as the matcher needs them, without
/// building ``MatchUnit``s (``SpellingTable/units(_:family:)`` builds them for a match found).
struct HangulUnits: MatchUnits {
    let hangul: ArraySlice<UInt16>
    /// Leading syllables that are the surname (one unit), 0 for none.
    let family: Int
    let table: SpellingTable

    var count: Int { family > 0 ? hangul.count - family + 1 : hangul.count }

    @inline(__always) func spellings(_ k: Int) -> SpellingSet {
        if family > 0 {
            if k == 0 { return table.family(hangul.prefix(family)) }
            return table.syllable(hangul[hangul.startIndex + family + k - 1])
        }
        return table.syllable(hangul[hangul.startIndex + k])
    }

    @inline(__always) func vowelShape(_ k: Int) -> VowelRuns.Shape {
        if family > 0 {
            if k == 0 { return family == 1 ? table.singleFamilyShape(hangul[hangul.startIndex]) : table.familyShape(hangul.prefix(family)) }
            return table.syllableShape(hangul[hangul.startIndex + family + k - 1])
        }
        return table.syllableShape(hangul[hangul.startIndex + k])
    }
}

/// The accepted spellings of the syllables and surnames an index knows (built once),
/// computed on demand for others.
final class SpellingTable: Sendable {
    /// Indexed by syllable (11,172 slots): one array read per syllable on the hot path.
    private let syllables: [SpellingSet?]
    /// Keyed by ``familyKey(_:)``.
    private let families: [UInt32: SpellingSet]
    /// The one-syllable surnames of `families` by syllable (nearly every surname): an array
    /// read instead of a hashed lookup for each candidate.
    private let singleFamilies: [SpellingSet?]
    /// The vowel shapes of `syllables` and `singleFamilies` (0 for none), read without
    /// touching the sets (a Latin query checks a few dozen candidates' units with these).
    private let syllableShapes: [UInt64], singleFamilyShapes: [UInt64]
    /// ``standardSurnames(_:)`` of the surnames in use, keyed like `families`.
    private let standard: [UInt32: [[UInt8]]]
    private let surnames: KoreanSurnameSpellings

    init(syllables: Set<UInt16>, families: Set<[UInt16]>, surnames: KoreanSurnameSpellings) {
        self.surnames = surnames
        var t = [SpellingSet?](repeating: nil, count: 11_172)
        for s in syllables where Int(s) < t.count { t[Int(s)] = SpellingTable.makeSyllable(s) }
        self.syllables = t
        var f: [UInt32: SpellingSet] = [:], standard: [UInt32: [[UInt8]]] = [:]
        for fam in families where fam.count <= 2 {
            f[SpellingTable.familyKey(fam)] = SpellingTable.makeFamily(fam, surnames: surnames)
            standard[SpellingTable.familyKey(fam)] = SpellingTable.makeStandard(fam, surnames: surnames)
        }
        self.families = f
        self.standard = standard
        var single = [SpellingSet?](repeating: nil, count: 11_172)
        for (key, set) in f where key & 0xFFFF == 0xFFFF && Int(key >> 16) < single.count { single[Int(key >> 16)] = set }
        singleFamilies = single
        syllableShapes = t.map { $0?.vowelShape.raw ?? 0 }
        singleFamilyShapes = single.map { $0?.vowelShape.raw ?? 0 }
    }

    /// The standard (cost 0) table spellings of a surname, or its RR when the table does not
    /// know it (fuzzy matching compares with these); prepared for the surnames in use.
    func standardSurnames(_ family: some Collection<UInt16>) -> [[UInt8]] {
        if family.count <= 2, let known = standard[SpellingTable.familyKey(family)] { return known }
        return SpellingTable.makeStandard(Array(family), surnames: surnames)
    }

    private static func makeStandard(_ family: [UInt16], surnames: KoreanSurnameSpellings) -> [[UInt8]] {
        let list = (surnames.spellings[family] ?? []).filter { $0.cost == 0 }.map(\.letters)
        if !list.isEmpty { return list }
        var rr: [UInt8] = []
        for s in family { HangulSpelling.appendRR(s, into: &rr) }
        return [rr]
    }

    /// One or two syllables packed in 32 bits (Korean surnames have at most two).
    @inline(__always) static func familyKey(_ f: some Collection<UInt16>) -> UInt32 {
        var key: UInt32 = 0xFFFF_FFFF
        for (i, s) in f.enumerated() { if i == 0 { key = UInt32(s) << 16 | 0xFFFF } else { key = key & 0xFFFF_0000 | UInt32(s) } }
        return key
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
        (Int(s) < syllables.count ? syllables[Int(s)] : nil) ?? SpellingTable.makeSyllable(s)
    }

    @inline(__always) func family(_ f: some Collection<UInt16>) -> SpellingSet {
        if f.count == 1, let s = f.first, Int(s) < singleFamilies.count, let known = singleFamilies[Int(s)] { return known }
        return (f.count <= 2 ? families[SpellingTable.familyKey(f)] : nil) ?? SpellingTable.makeFamily(Array(f), surnames: surnames)
    }

    @inline(__always) func syllableShape(_ s: UInt16) -> VowelRuns.Shape {
        if Int(s) < syllableShapes.count, syllableShapes[Int(s)] != 0 { return VowelRuns.Shape(raw: syllableShapes[Int(s)]) }
        return syllable(s).vowelShape
    }

    @inline(__always) func singleFamilyShape(_ s: UInt16) -> VowelRuns.Shape {
        if Int(s) < singleFamilyShapes.count, singleFamilyShapes[Int(s)] != 0 { return VowelRuns.Shape(raw: singleFamilyShapes[Int(s)]) }
        return family(CollectionOfOne(s)).vowelShape
    }

    @inline(__always) func familyShape(_ f: some Collection<UInt16>) -> VowelRuns.Shape {
        if f.count == 1, let s = f.first { return singleFamilyShape(s) }
        return family(f).vowelShape
    }

    /// The matching units of a Hangul name: surname first (when `family` > 0), then each
    /// given-name syllable.
    func units(_ hangul: some RandomAccessCollection<UInt16>, family: Int) -> [MatchUnit] {
        var units: [MatchUnit] = []
        units.reserveCapacity(hangul.count)
        let familyEnd = hangul.index(hangul.startIndex, offsetBy: family)
        if family > 0 {
            let fs = hangul[hangul.startIndex..<familyEnd]
            units.append(MatchUnit(syllables: fs, isFamily: true, spellings: self.family(fs)))
        }
        for s in hangul[familyEnd...] { units.append(MatchUnit(syllables: CollectionOfOne(s), isFamily: false, spellings: syllable(s))) }
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

    /// - Parameters:
    ///   - packed: folded Latin letters, tokens concatenated, bit 7 set on each token's first
    ///     letter (``LatinLetters/packed``).
    ///   - rotated: match the units with the first moved to the end (given name first); the
    ///     result's pieces then number the units in that rotated order.
    /// - Returns: the cheapest way the letters spell the units in that order, or nil.
    /// - Complexity: O(units × letters × spellings per first letter); no allocation unless it
    ///   succeeds.
    static func match<Units: MatchUnits>(_ units: Units, packed: UnsafeBufferPointer<UInt8>, rotated: Bool) -> Result? {
        let n = packed.count
        let u = units.count
        guard n > 0, u > 0, n < 512 else { return nil }
        let width = n + 1
        let cells = (u + 1) * width
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: cells * 3) { buffer -> Result? in
            let best = buffer.baseAddress!
            let from = best + cells
            let via = from + cells
            UnsafeMutableBufferPointer(start: best, count: cells).initialize(repeating: .max)
            best[0] = 0
            // Up to 63 letters, the positions each row reaches are kept as bits, so a row visits
            // only those (a few) instead of testing every letter position; longer input scans.
            let useMask = n < 64
            var reach: UInt64 = 1
            for k in 0..<u {
                // Whether some spelling of unit k ends somewhere (row k + 1 is reached).
                var reached = false
                var nextReach: UInt64 = 0
                let set = units.spellings(rotated ? (k + 1) % u : k)
                withExtendedLifetime(set) {
                    let bytes = set.view.bytes, layout = set.view.layout
                    do {
                        var pending = reach
                        var p = -1
                        while true {
                            if useMask {
                                if pending == 0 { break }
                                p = pending.trailingZeroBitCount
                                pending &= pending - 1
                                if p >= n { continue }
                            } else {
                                p += 1
                                if p >= n { break }
                            }
                            let base = best[k * width + p]
                            if base == .max { continue }
                            let first = Int(packed[p] & 0x7F) - 0x61
                            guard first >= 0 && first < 26 else { continue }
                            var i = Int(layout[first])
                            let end = Int(layout[first + 1])
                            // The next letter (0: none); spellings are in letter order.
                            let second = p + 1 < n ? packed[p + 1] & 0x7F : 0
                            while i < end {
                                let at = SpellingSet.firstSpelling + 2 * i
                                let s = Int(layout[at]), e = Int(layout[at + 2])
                                let len = e - s
                                if len >= 2 {
                                    let b = bytes[s + 1]
                                    if b > second { break }
                                    if b < second { i += 1; continue }
                                }
                                if p + len <= n {
                                    let info = layout[at + 1]
                                    var ok = true
                                    var j = 1
                                    let split = Int((info >> 8) & 0xFF)
                                    while j < len {
                                        let c = packed[p + j]
                                        // A letter must match; a token may start inside a spelling only at its split.
                                        if c & 0x7F != bytes[s + j] || (c & 0x80 != 0 && j != split) { ok = false; break }
                                        j += 1
                                    }
                                    if ok {
                                        let slot = (k + 1) * width + p + len
                                        let c = base + (info & 0xFF)
                                        if c < best[slot] {
                                            best[slot] = c; from[slot] = Int32(p); via[slot] = (info >> 16) & 1; reached = true
                                            if useMask { nextReach |= 1 << UInt64(p + len) }
                                        }
                                    }
                                }
                                i += 1
                            }
                        }
                    }
                }
                // No way to spell the first k + 1 units: the rest cannot help.
                if !reached { return nil }
                reach = nextReach
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
