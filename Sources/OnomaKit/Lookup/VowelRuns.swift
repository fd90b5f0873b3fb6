/// A cheap necessary condition for ``SyllableMatcher``: the vowels of Latin letters must be
/// ones the Korean units can be spelled with.
///
/// The phonetic skeleton folds every vowel run into one symbol, so the candidates filed under
/// one skeleton differ only in their vowels ("Jeong Ja-nam", "Jung Jin-nam", "Chong Cho-nom"
/// share one), and a Hangul query used to verify some sixty of them to keep three. Here each
/// vowel run of the Latin side becomes a 5-bit mask of the vowel letters in it (a, e, i, o, u;
/// w and y count as vowels to the skeleton but add no bit), and each unit on the Korean side
/// has the set of masks its accepted spellings give (ㅏ {a}, ㅓ {eo, o, u, eu}, ...). Runs
/// that the skeleton merges across a syllable boundary (고영 "Ko Young": "o" + "you") are
/// checked against the merged masks.
///
/// Why it never rejects a match the matcher would accept: a match spells the letters as a
/// concatenation of the units' accepted spellings. When every spelling of a unit reads as one
/// vowel run and agrees on whether it starts and ends with a vowel, the runs of the
/// concatenation are the units' runs, merged exactly where one ends and the next starts with
/// a vowel. Reading the spellings together rather than one by one can only add a consonant
/// between runs (an h kept before a vowel: "Koh" + "a" read as "koha"), never remove one, so
/// it can only add runs: when the run counts agree, run i of the letters is the union of the
/// same units' vowels as run i of the Korean side. Whenever that cannot be told (a spelling
/// with no vowel run or two; a surname spelled both "Lee" and "I" where how it starts decides
/// a merge; run counts that differ) the check answers "maybe".
enum VowelRuns {
    /// The vowel runs of Latin letters, in one word: up to ``maxRuns`` masks of 5 bits, the
    /// count in the top 4 bits (15: unknown, more runs than that; the index stores these).
    struct Latin: Sendable, Equatable {
        var raw: UInt64

        static let unknown = Latin(raw: 15 << 60)

        var count: Int { Int(raw >> 60) }
        var isKnown: Bool { count <= VowelRuns.maxRuns }
        @inline(__always) func mask(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: raw >> UInt64(5 * i)) & 31 }
    }

    /// Most runs kept (5 bits each in a 64-bit word); longer names are not filtered.
    static let maxRuns = 11

    /// The runs of packed letters (bit 7 marks a token's first letter), read token by token as
    /// the skeleton reads them (``Latin/unknown`` beyond ``maxRuns`` runs).
    static func latin(_ packed: UnsafeBufferPointer<UInt8>) -> Latin {
        var count = 0
        var masks: UInt64 = 0
        var last: UInt8 = 0
        var start = 0
        let n = packed.count
        while start < n {
            var end = start + 1
            while end < n && packed[end] & 0x80 == 0 { end += 1 }
            PhoneticSkeleton.scanLatin(UnsafeBufferPointer(rebasing: packed[start..<end])) { symbol, bit in
                if symbol == PhoneticSkeleton.vowel {
                    if last != PhoneticSkeleton.vowel { count += 1 }
                    if count <= maxRuns { masks |= UInt64(bit) << UInt64(5 * (count - 1)) }
                }
                last = symbol
            }
            start = end
        }
        return count > maxRuns ? .unknown : Latin(raw: UInt64(count) << 60 | masks)
    }

    /// What the spellings of one unit say about vowels, in one word (0: nothing can be said):
    /// bits 0–31, bit m set when some spelling's vowel mask is m; then whether every spelling
    /// starts with a vowel, every one with a consonant, every one ends with a vowel, every one
    /// with a consonant (neither of a pair: the spellings disagree); and whether every spelling
    /// reads as exactly one vowel run.
    struct Shape: Sendable {
        var raw: UInt64

        static let startsWithVowel: UInt64 = 1 << 32, startsWithConsonant: UInt64 = 1 << 33
        static let endsWithVowel: UInt64 = 1 << 34, endsWithConsonant: UInt64 = 1 << 35
        static let regular: UInt64 = 1 << 36

        init(raw: UInt64) { self.raw = raw }

        @inline(__always) var masks: UInt32 { UInt32(truncatingIfNeeded: raw) }
        @inline(__always) func has(_ flag: UInt64) -> Bool { raw & flag != 0 }

        /// The shape of a unit spelled in any of `spellings`.
        init(_ spellings: some Sequence<[UInt8]>) {
            var masks: UInt32 = 0
            var flags = Shape.startsWithVowel | Shape.startsWithConsonant | Shape.endsWithVowel | Shape.endsWithConsonant | Shape.regular
            var any = false
            for letters in spellings {
                any = true
                var runs = 0, mask: UInt8 = 0
                var first: UInt8 = 0, last: UInt8 = 0
                letters.withUnsafeBufferPointer { token in
                    PhoneticSkeleton.scanLatin(token) { symbol, bit in
                        if first == 0 { first = symbol }
                        if symbol == PhoneticSkeleton.vowel {
                            if last != PhoneticSkeleton.vowel { runs += 1 }
                            mask |= bit
                        }
                        last = symbol
                    }
                }
                if runs != 1 { flags &= ~Shape.regular }
                masks |= 1 << UInt32(mask)
                flags &= ~(first == PhoneticSkeleton.vowel ? Shape.startsWithConsonant : Shape.startsWithVowel)
                flags &= ~(last == PhoneticSkeleton.vowel ? Shape.endsWithConsonant : Shape.endsWithVowel)
            }
            raw = any && flags & Shape.regular != 0 ? flags | UInt64(masks) : 0
        }
    }

    /// The vowel runs a sequence of Korean units can have: for each run, the set of masks.
    struct Korean {
        /// Nil when nothing can be said (an irregular unit, or merges that depend on the spelling).
        private(set) var allowed: [UInt32]?

        /// The runs of `units`, in the order the matcher would take them.
        init<Units: MatchUnits>(_ units: Units, rotated: Bool) {
            var runs: [UInt32] = []
            runs.reserveCapacity(units.count)
            var walk = Walk(units, rotated: rotated)
            while let (merge, masks) = walk.next(units) {
                if merge { runs[runs.count - 1] = VowelRuns.combine(runs[runs.count - 1], masks) } else { runs.append(masks) }
            }
            allowed = walk.undecidable ? nil : runs
        }

        /// Whether the units can be spelled with `latin`'s vowel runs (true when it cannot tell).
        @inline(__always) func admits(_ latin: Latin) -> Bool {
            guard let allowed, latin.isKnown, latin.count == allowed.count else { return true }
            for i in allowed.indices where allowed[i] & (1 << latin.mask(i)) == 0 { return false }
            return true
        }
    }

    /// For each vowel run of `units` in the order the matcher would take them, the vowel letters any of its
    /// spellings uses (the union of its masks), in ``Latin``'s layout: what the index stores
    /// for a Hangul reading group, so that a Latin query sets most candidates aside with one
    /// word operation (``mayFit(_:within:)``) before ``admits(_:rotated:latin:)``.
    static func unions<Units: MatchUnits>(_ units: Units, rotated: Bool = false) -> Latin {
        var count = 0
        var masks: UInt64 = 0
        var walk = Walk(units, rotated: rotated)
        while let (merge, set) = walk.next(units) {
            var union: UInt64 = 0
            var x = set
            while x != 0 { union |= UInt64(x.trailingZeroBitCount); x &= x - 1 }
            if !merge { count += 1 }
            guard count <= maxRuns else { return .unknown }
            masks |= union << UInt64(5 * (count - 1))
        }
        return walk.undecidable ? .unknown : Latin(raw: UInt64(count) << 60 | masks)
    }

    /// Whether every vowel run of `latin` uses only letters that the same run of `unions`
    /// allows (true when either is unknown or the counts differ: the check does not apply).
    @inline(__always) static func mayFit(_ latin: Latin, within unions: Latin) -> Bool {
        guard latin.isKnown, unions.isKnown, latin.count == unions.count else { return true }
        return latin.raw & ~unions.raw & (1 << 60 - 1) == 0
    }

    /// Whether `units`, in the order the matcher would take them, can have the vowel runs of
    /// `latin`: false only when no spelling of the units can give them (see the type's
    /// comment); true when it cannot tell. The same answer as ``Korean/admits(_:)`` without
    /// building the runs (a Latin query checks each candidate's units once).
    /// - Complexity: O(units); a few dozen instructions, against some hundreds for a matcher call.
    static func admits<Units: MatchUnits>(_ units: Units, rotated: Bool, latin: Latin) -> Bool {
        guard latin.isKnown else { return true }
        var walk = Walk(units, rotated: rotated)
        var run = -1
        var current: UInt32 = 0
        // A mismatch counts only if the run counts agree in the end (then the runs align).
        var mismatch = false
        while let (merge, masks) = walk.next(units) {
            if merge { current = combine(current, masks); continue }
            if run >= 0 && current & (1 << latin.mask(run)) == 0 { mismatch = true }
            run += 1
            guard run < latin.count else { return true }
            current = masks
        }
        guard !walk.undecidable, run == latin.count - 1 else { return true }
        return !mismatch && current & (1 << latin.mask(run)) != 0
    }

    /// The units in the order the matcher would take them, one at a time: each unit's masks
    /// and whether its vowel joins the previous unit's run. An iterator, not a closure: a Latin
    /// query walks the units of every candidate, and state captured by a closure was checked
    /// for exclusive access at run time on every step.
    struct Walk {
        private let count: Int, rotated: Bool
        private var k = 0
        private var previousEndsWithVowel = false
        /// Nothing can be said (no units, an irregular unit, or a merge that depends on how a
        /// unit is spelled); ``next(_:)`` then returns nil.
        private(set) var undecidable: Bool

        /// A walk over `units` (pass the same ones to every ``next(_:)``; the walk does not keep
        /// them, so that a step copies no units).
        init<Units: MatchUnits>(_ units: Units, rotated: Bool) {
            count = units.count
            self.rotated = rotated
            undecidable = count == 0
        }

        @inline(__always) mutating func next<Units: MatchUnits>(_ units: Units) -> (merge: Bool, masks: UInt32)? {
            let u = count
            guard !undecidable, k < u else { return nil }
            let shape = units.vowelShape(rotated ? (k + 1 == u ? 0 : k + 1) : k)
            guard shape.raw != 0 else { undecidable = true; return nil }
            var merge = false
            if k > 0 && previousEndsWithVowel {
                // Whether this unit joins the previous run depends on how it starts.
                if shape.has(Shape.startsWithVowel) { merge = true } else if !shape.has(Shape.startsWithConsonant) { undecidable = true; return nil }
            }
            // How it ends matters when a unit follows.
            if shape.has(Shape.endsWithVowel) { previousEndsWithVowel = true }
            else if shape.has(Shape.endsWithConsonant) { previousEndsWithVowel = false }
            else if k < u - 1 { undecidable = true; return nil }
            k += 1
            return (merge, shape.masks)
        }
    }

    /// The masks of one run made of a run with masks `a` followed by one with masks `b`.
    @inline(__always) static func combine(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var out: UInt32 = 0
        var x = a
        while x != 0 {
            let m = UInt32(x.trailingZeroBitCount)
            x &= x - 1
            var y = b
            while y != 0 {
                let n = UInt32(y.trailingZeroBitCount)
                y &= y - 1
                out |= 1 << (m | n)
            }
        }
        return out
    }
}
