import Foundation

/// Finds the glossary entries a name form denotes, in any script or romanization.
///
/// Build one engine per set of glossaries, then call ``lookup(_:options:)`` from any number of
/// threads: the engine is immutable after `init` and `Sendable`. A lookup folds the query once
/// (no ICU transliterator, no regular expression) and probes three hash tables:
///
/// | path | key | score |
/// |---|---|---|
/// | `exact` | the text as stored | 1.0 |
/// | `normalized` | case/width/spacing/punctuation/tone folded; name order; organization words | 0.97 (0.96 other order or organization words, 0.95 via a derived form) |
/// | `romanization` | phonetic skeleton, then verified syllable by syllable against the Hangul | 0.95 − 0.01 per variant spelling (≥ 0.86), −0.01 other order |
/// | `fuzzy` | skeleton within one edit, then ≤ 2 letter slips against a stored or standard spelling | 0.80 (1 slip), 0.72 (2); −0.15 when the query is itself a well-formed different name |
///
/// A deprecated stored form scores 0.02 less and its explanation says so.
/// True homographs (two entries with the same form or reading) both come back.
public final class LookupEngine: Sendable {
    let index: LookupIndex

    /// Builds an engine over `glossaries`.
    /// - Parameters:
    ///   - glossaries: the loaded glossaries (entry ids must be unique across them).
    ///   - dataDirectory: Onoma's `Dictionaries/` folder, for the surname spelling table.
    ///   - deriver: romanizations and script conversions of stored forms to index; nil for
    ///     the standard ``RomanizationDeriver`` (Chinese pinyin, Wade–Giles, Korean
    ///     orthography, Sino-Korean readings, simplified ↔ traditional).
    /// - Throws: ``LookupError`` when reference data is missing or an id is duplicated.
    /// - Complexity: O(total length of the names); see the README for measured build times.
    public init(glossaries: [Glossary], dataDirectory: URL? = OnomaData.defaultDirectory(),
                deriver: (any NameFormDeriver)? = nil) throws(LookupError) {
        guard let dataDirectory else {
            throw .referenceData("Onoma's Dictionaries/ folder was not found; set ONOMA_DICTIONARIES to its path")
        }
        let chosen: any NameFormDeriver
        if let deriver { chosen = deriver } else { chosen = try RomanizationDeriver(dictionaries: dataDirectory) }
        let surnames = try KoreanSurnameSpellings(contentsOf: dataDirectory.appendingPathComponent("reference").appendingPathComponent(KoreanSurnameSpellings.fileName))
        index = try LookupIndex(glossaries: glossaries, surnames: surnames, deriver: chosen)
    }

    init(index: LookupIndex) {
        self.index = index
    }

    /// Number of entries indexed.
    public var entryCount: Int { index.entries.count }

    /// Number of name forms indexed (stored and derived).
    public var formCount: Int { index.forms.count }

    /// The entries, in glossary order.
    /// - Complexity: O(entries): decodes every entry (lookups decode only what they return).
    public var entries: [GlossaryEntry] { index.entries.all }

    /// The entries `query` denotes, best first.
    /// - Parameters:
    ///   - query: a name in any script or romanization ("고영아", "Ko Young-a", "Koh, Young-aah").
    ///   - options: language of the canonical name, minimum score, limit, fuzzy matching.
    /// - Returns: at most `options.limit` matches scoring at least `options.minScore`, one per
    ///   entry, sorted by score (then glossary order).
    /// - Complexity: O(length of the query + candidates sharing its keys); a few microseconds.
    public func lookup(_ query: String, options: LookupOptions = LookupOptions()) -> [LookupMatch] {
        let folded = NameText(query)
        if folded.isEmpty || options.limit <= 0 { return [] }
        var found = Candidates()
        // Names are short; a long line can only match exactly or normalized (this also bounds
        // the work a hostile input can cause).
        let letters = folded.tokens.reduce(0) { $0 + $1.scalars.count }
        strict(query, folded, phonetic: letters <= LookupEngine.maxPhoneticLength, into: &found)
        if options.fuzzy, letters <= LookupEngine.maxPhoneticLength, !found.list.contains(where: { $0.score >= options.minScore }), folded.script == .latin {
            fuzzy(folded, into: &found)
        }
        var list = found.list.filter { $0.score >= options.minScore - 1e-9 }
        list.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry < $1.entry }
        if list.count > options.limit { list.removeLast(list.count - options.limit) }
        var memo = ExplanationMemo()
        return list.map { render($0, options: options, memo: &memo) }
    }

    // MARK: candidates

    /// Why a candidate matched, rendered into an explanation only for returned matches.
    enum Reason {
        case exact
        case normalized(swapped: Bool, organization: Bool)
        case syllables(SyllableMatcher.Result, units: [MatchUnit], latinLetters: [UInt8], queryIsHangul: Bool, swapped: Bool, group: Int32)
        case fuzzy(distance: Int, reference: String, wellFormed: Bool)
    }

    struct Candidate {
        var entry: Int32
        var form: Int32
        var score: Double
        var method: MatchMethod
        var reason: Reason

        /// Higher score wins; on a tie the earlier form (the entry's first-listed, usually
        /// preferred, name) does.
        func better(than other: Candidate) -> Bool {
            score != other.score ? score > other.score : form < other.form
        }
    }

    struct Candidates {
        var list: [Candidate] = []
        private var position: [Int32: Int] = [:]
        mutating func offer(_ c: Candidate) {
            if list.count < 8 {
                if let i = list.firstIndex(where: { $0.entry == c.entry }) {
                    if c.better(than: list[i]) { list[i] = c }
                    return
                }
                list.append(c)
                if list.count == 8 { for (i, x) in list.enumerated() { position[x.entry] = i } }
                return
            }
            if let i = position[c.entry] {
                if c.better(than: list[i]) { list[i] = c }
            } else {
                position[c.entry] = list.count
                list.append(c)
            }
        }
    }

    @inline(__always) private func penalty(_ form: Int) -> Double {
        index.forms.isDeprecated(form) ? 0.02 : 0
    }

    /// The entries (by position) that store `text`, byte for byte, as a name that is neither
    /// derived nor deprecated, in glossary order without repeats.
    /// - Complexity: one probe of the exact table.
    func entriesStoring(_ text: String) -> [Int32] {
        let forms = index.forms
        var found: [Int32] = []
        var utf8 = text
        utf8.withUTF8 { bytes in
            index.exact.forEach(StableHash.of(text.unicodeScalars)) { v in
                let f = Int(v >> PostingFlag.shift)
                guard !forms.isDerived(f), !forms.isDeprecated(f), forms.textEquals(f, bytes) else { return }
                let e = forms.entry(f)
                if !found.contains(e) { found.append(e) }
            }
        }
        if found.count > 1 { found.sort() }
        return found
    }

    /// The id and canonical name in `language` of the entry at `position` in glossary order,
    /// as a returned match shows them (nil only for a damaged cache, which the checksum refuses
    /// before it gets here).
    func summary(at position: Int32, language: String) -> EntrySummary? {
        index.entries.summary(Int(position), name: -1, language: language)
    }

    /// Longest query (in letters and syllables) tried through romanization and fuzzy matching.
    static let maxPhoneticLength = 64

    private func strict(_ query: String, _ folded: NameText, phonetic: Bool, into found: inout Candidates) {
        let forms = index.forms
        var utf8 = query
        utf8.withUTF8 { bytes in
            index.exact.forEach(StableHash.of(query.unicodeScalars)) { v in
                let f = Int(v >> PostingFlag.shift)
                guard forms.textEquals(f, bytes) else { return }
                let derived = forms.isDerived(f)
                found.offer(Candidate(entry: forms.entry(f), form: Int32(f), score: (derived ? 0.96 : 1.0) - penalty(f),
                                      method: derived ? .romanization : .exact, reason: .exact))
            }
        }
        let key = LookupIndex.hash(folded)
        index.normalized.forEach(key) { v in
            let f = Int(v >> PostingFlag.shift)
            let swapped = v & PostingFlag.swapped != 0
            let organization = v & PostingFlag.organization != 0
            let derived = forms.isDerived(f)
            var score = derived ? 0.95 : 0.97
            if swapped || organization { score -= 0.01 }
            found.offer(Candidate(entry: forms.entry(f), form: Int32(f), score: score - penalty(f),
                                  method: derived ? .romanization : .normalized, reason: .normalized(swapped: swapped, organization: organization)))
        }
        if folded.tokens.count > 1 || folded.tokens.first?.script == .latin {
            let orgKey = OrganizationFolding.keyHash(folded)
            if orgKey != key {
                index.normalized.forEach(orgKey) { v in
                    guard v & PostingFlag.organization != 0 else { return }
                    let f = Int(v >> PostingFlag.shift)
                    found.offer(Candidate(entry: forms.entry(f), form: Int32(f), score: 0.96 - penalty(f),
                                          method: .normalized, reason: .normalized(swapped: false, organization: true)))
                }
            }
        }
        guard phonetic else { return }
        switch folded.script {
        case .latin: romanizedQuery(folded, into: &found)
        case .hangul: hangulQuery(folded, into: &found)
        default: break
        }
    }

    /// Orders in which a candidate group is verified: the skeleton key it was found under
    /// says which order of its units can spell the query (an accepted spelling never changes
    /// a skeleton), so the other order is not tried.
    struct Orders: OptionSet {
        let rawValue: UInt8
        static let natural = Orders(rawValue: 1)
        static let rotated = Orders(rawValue: 2)
    }

    /// The reading groups a query's skeleton keys reach, each once, in the order first reached,
    /// with the orders to verify it in. A Hangul query reaches some sixty (several keys, each
    /// group under more than one), a Latin one a few dozen: they are deduplicated through an
    /// open-addressing table in scratch memory the caller provides (``with(_:)``), past its
    /// capacity (never seen in practice) through an array.
    struct CandidateGroups {
        /// Slot → position in `groups` + 1 (0: empty); `slotCount` slots, a power of two.
        private let slots: UnsafeMutablePointer<UInt32>
        private let groups: UnsafeMutablePointer<UInt32>, orderSets: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var overflow: [(group: UInt32, orders: Orders)] = []
        static let capacity = 256, slotCount = 512

        /// Calls `body` with an empty set in stack memory.
        static func with<R>(_ body: (inout CandidateGroups) -> R) -> R {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: slotCount + capacity + capacity / 4) { raw in
                let base = raw.baseAddress!
                base.initialize(repeating: 0, count: slotCount)
                let orders = UnsafeMutableRawPointer(base + slotCount + capacity).bindMemory(to: UInt8.self, capacity: capacity)
                var set = CandidateGroups(slots: base, groups: base + slotCount, orderSets: orders)
                return body(&set)
            }
        }

        private init(slots: UnsafeMutablePointer<UInt32>, groups: UnsafeMutablePointer<UInt32>, orderSets: UnsafeMutablePointer<UInt8>) {
            self.slots = slots
            self.groups = groups
            self.orderSets = orderSets
        }

        var isEmpty: Bool { count == 0 && overflow.isEmpty }

        /// Adds `orders` to group `g`.
        @inline(__always) mutating func note(_ g: UInt32, _ orders: Orders) {
            let mask = CandidateGroups.slotCount - 1
            var h = Int(truncatingIfNeeded: (g &* 0x9E37_79B1) >> 7) & mask
            while slots[h] != 0 {
                let i = Int(slots[h]) - 1
                if groups[i] == g { orderSets[i] |= orders.rawValue; return }
                h = (h + 1) & mask
            }
            guard count < CandidateGroups.capacity else { return noteOverflow(g, orders) }
            groups[count] = g
            orderSets[count] = orders.rawValue
            count += 1
            slots[h] = UInt32(count)
        }

        private mutating func noteOverflow(_ g: UInt32, _ orders: Orders) {
            if let i = overflow.firstIndex(where: { $0.group == g }) { overflow[i].orders.formUnion(orders) } else { overflow.append((g, orders)) }
        }

        /// Calls `body` with each group and its orders, in the order first reached.
        @inline(__always) func forEach(_ body: (UInt32, Orders) -> Void) {
            for i in 0..<count { body(groups[i], Orders(rawValue: orderSets[i])) }
            for o in overflow { body(o.group, o.orders) }
        }
    }

    /// A Latin query against stored (or derived) Hangul forms.
    private func romanizedQuery(_ folded: NameText, into found: inout Candidates) {
        // The folded letters, all tokens concatenated, and the same with bit 7 on each token's
        // first letter (``LatinLetters/letters`` and ``LatinLetters/packed``, without building
        // the token arrays); the skeleton token by token.
        var letters: [UInt8] = [], packedLetters: [UInt8] = [], symbols: [UInt8] = []
        for t in folded.tokens where !t.scalars.isEmpty {
            let start = letters.count
            for c in t.scalars { letters.append(UInt8(truncatingIfNeeded: c.value)) }
            packedLetters.append(letters[start] | 0x80)
            packedLetters.append(contentsOf: letters[(start + 1)...])
            PhoneticSkeleton.appendLatin(letters[start...], into: &symbols)
        }
        CandidateGroups.with { candidates in
            index.skeletonHangul.forEach(PhoneticSkeleton.key(symbols)) { v in
                let g = v >> PostingFlag.shift
                // A swapped posting files the group's units given name first.
                candidates.note(g, v & PostingFlag.swapped != 0 ? .rotated : .natural)
            }
            if candidates.isEmpty { return }
            packedLetters.withUnsafeBufferPointer { packed in
                let runs = VowelRuns.latin(packed)
                candidates.forEach { g, orders in
                    var orders = orders
                    let f = index.groups.first(Int(g))
                    guard index.forms.script(f) == .hangul else { return }
                    let units = HangulUnits(hangul: index.forms.hangulSlice(f), family: index.forms.familyUnits(f), table: index.spellings)
                    // Most candidates differ from the query only in their vowels: a word operation
                    // against what the index stored sets most aside, the spelling sets the rest.
                    if orders.contains(.natural), !VowelRuns.mayFit(runs, within: VowelRuns.Latin(raw: index.groupVowels[Int(g)]))
                        || !VowelRuns.admits(units, rotated: false, latin: runs) { orders.remove(.natural) }
                    if orders.contains(.rotated), !VowelRuns.mayFit(runs, within: VowelRuns.Latin(raw: index.groupVowelsRotated[Int(g)]))
                        || !VowelRuns.admits(units, rotated: true, latin: runs) { orders.remove(.rotated) }
                    if orders.isEmpty { return }
                    verify(units, firstIsFamily: units.family > 0, materialize: { index.spellings.units(units.hangul, family: units.family) },
                           packed: packed, orders: orders, latinLetters: letters, queryIsHangul: false, group: Int(g), into: &found)
                }
            }
        }
    }

    /// A Hangul query against stored (or derived) Latin forms.
    private func hangulQuery(_ folded: NameText, into found: inout Candidates) {
        // A digit token ("김구 2") is no syllable: such a query has no reading (as a Latin query
        // with digits verifies against none), and its scalars are not Hangul.
        guard folded.tokens.allSatisfy({ $0.script == .hangul }) else { return }
        let hangul = folded.tokens.flatMap { $0.scalars.map { UInt16($0.value - 0xAC00) } }
        // A name that is all surname is read syllable by syllable.
        let length = index.surnames.familyLength(of: hangul)
        let family = length < hangul.count ? length : 0
        let units = index.spellings.units(hangul, family: family)
        // Most candidates differ from the query only in their vowels: the runs the query can
        // have, in each order, against those the index stored for each candidate.
        let natural = VowelRuns.Korean(units, rotated: false)
        let rotated = units.count > 1 ? VowelRuns.Korean(units, rotated: true) : natural
        CandidateGroups.with { candidates in
            for skeleton in LookupIndex.hangulSkeletons(hangul, family: family, surnames: index.surnames) {
                index.skeletonLatin.forEach(skeleton.key) { v in
                    let g = v >> PostingFlag.shift
                    // Either side given name first (but not both) means the query's units rotated.
                    candidates.note(g, skeleton.swapped != (v & PostingFlag.swapped != 0) ? .rotated : .natural)
                }
            }
            candidates.forEach { g, orders in
                var orders = orders
                let runs = VowelRuns.Latin(raw: index.groupVowels[Int(g)])
                if orders.contains(.natural), !natural.admits(runs) { orders.remove(.natural) }
                if orders.contains(.rotated), !rotated.admits(runs) { orders.remove(.rotated) }
                if orders.isEmpty { return }
                _ = index.forms.withPackedLatin(index.groups.first(Int(g))) { packed in
                    verify(units, firstIsFamily: units.first?.isFamily == true, materialize: { units }, packed: packed, orders: orders,
                           latinLetters: [], queryIsHangul: true, group: Int(g), into: &found)
                }
            }
        }
    }

    /// Verifies a candidate group in the orders its skeleton allows and offers its forms.
    /// - Parameters:
    ///   - natural: the units, surname first; `firstIsFamily` when the first is a surname.
    ///   - materialize: the units as ``MatchUnit``s, asked for only when a match is found
    ///     (the explanation needs them).
    private func verify<Units: MatchUnits>(_ natural: Units, firstIsFamily: Bool, materialize: () -> [MatchUnit],
                                           packed: UnsafeBufferPointer<UInt8>, orders: Orders,
                                           latinLetters: [UInt8], queryIsHangul: Bool, group: Int, into found: inout Candidates) {
        guard natural.count > 0 else { return }
        var best: (SyllableMatcher.Result, Bool)?
        if orders.contains(.natural), let r = SyllableMatcher.match(natural, packed: packed, rotated: false) { best = (r, false) }
        if orders.contains(.rotated), firstIsFamily, natural.count > 1, best == nil || best!.0.cost > 0 {
            if let r = SyllableMatcher.match(natural, packed: packed, rotated: true), best == nil || r.cost + 1 < best!.0.cost {
                best = (r, true)
            }
        }
        guard let (result, swapped) = best else { return }
        // The explanation numbers units in the order matched.
        let all = materialize()
        let units = swapped ? Array(all[1...] + all[..<1]) : all
        var score = max(0.86, 0.95 - 0.01 * Double(result.cost))
        if swapped { score -= 0.01 }
        let reason = Reason.syllables(result, units: units, latinLetters: latinLetters, queryIsHangul: queryIsHangul, swapped: swapped, group: Int32(group))
        for f in index.groups[group] {
            found.offer(Candidate(entry: index.forms.entry(Int(f)), form: f, score: score - penalty(Int(f)), method: .romanization, reason: reason))
        }
    }

    // MARK: fuzzy

    private func fuzzy(_ folded: NameText, into found: inout Candidates) {
        let tokens = folded.tokens.map { $0.scalars.map { UInt8(truncatingIfNeeded: $0.value) } }
        let letters = tokens.flatMap { $0 }
        let limit = letters.count >= 8 ? 2 : letters.count >= 4 ? 1 : 0
        if limit == 0 { return }
        var symbols: [UInt8] = []
        for t in tokens { PhoneticSkeleton.appendLatin(t, into: &symbols) }
        let pattern = letters.withUnsafeBufferPointer { OSAPattern($0) }
        var tried = KeySet(capacity: 64)
        var buffer: [UInt8] = []
        var querySyllables: Int?
        let maxGroups = 64
        for key in LookupEngine.neighbourhood(symbols) {
            // Past the limit every further posting is passed over: stop walking them.
            if tried.count >= maxGroups { break }
            index.forEachSkeletonPosting(key) { v in
                let g = v >> PostingFlag.shift
                guard tried.count < maxGroups, tried.insert(UInt64(g)) else { return }
                let members = index.groups[Int(g)]
                let swapped = v & PostingFlag.swapped != 0
                var bestDistance = limit + 1
                var bestReference = -1
                let first = index.groups.first(Int(g))
                var closest: [UInt8] = []
                letters.withUnsafeBufferPointer { query in
                    forEachReference(first, swapped: swapped, buffer: &buffer) { i, reference in
                        let bound = min(limit, bestDistance)
                        let d = pattern?.distance(reference, limit: bound) ?? EditDistance.osa(query, reference, limit: bound)
                        if d < bestDistance { bestDistance = d; bestReference = i; closest = Array(reference) }
                    }
                }
                guard bestDistance >= 1, bestDistance <= limit, bestReference >= 0 else { return }
                // Decoded only for a group within the limit.
                let form = index.forms[first]
                let label = referenceLabel(form, swapped: swapped, reference: closest)
                // A query that reads as a well-formed Korean name with as many syllables as the
                // entry is a different name (Min-ju vs Min-jun), not a slip.
                if querySyllables == nil { querySyllables = HangulSpelling.minimalSyllables(tokens, surnames: index.surnames.syllableCounts) ?? -1 }
                var candidateSyllables = -2
                if form.script == .hangul { candidateSyllables = form.hangul.count }
                else if let latin = form.latin { candidateSyllables = HangulSpelling.minimalSyllables(latin.tokens, surnames: index.surnames.syllableCounts) ?? -2 }
                let wellFormed = querySyllables! == candidateSyllables
                var score = bestDistance == 1 ? 0.80 : 0.72
                if wellFormed { score -= 0.15 }
                for f in members {
                    found.offer(Candidate(entry: index.forms.entry(Int(f)), form: f, score: score - penalty(Int(f)), method: .fuzzy,
                                          reason: .fuzzy(distance: bestDistance, reference: label, wellFormed: wellFormed)))
                }
            }
        }
    }

    /// Calls `body` with each letter string a fuzzy query is compared with (numbered from 0):
    /// a Latin form (in the order the skeleton matched); for a Hangul personal name, its RR and
    /// MR spellings with its standard surname spellings. The strings are built in `buffer`
    /// (reused across candidates) and handed over in place, so `body` must copy what it keeps.
    private func forEachReference(_ f: Int, swapped: Bool, buffer: inout [UInt8],
                                  _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let familyUnits = index.forms.familyUnits(f)
        let script = index.forms.script(f)
        if script == .latin {
            index.forms.withLatinLetters(f, rotatedBy: swapped ? familyUnits : 0) { body(0, $0) }
            return
        }
        guard script == .hangul, familyUnits > 0 else { return }
        let hangul = index.forms.hangulSlice(f)
        let family = hangul.prefix(familyUnits)
        let given = hangul.dropFirst(familyUnits)
        // RR and MR of the given name, one after the other in the buffer; each reference
        // (surname and given name, in the order the skeleton matched) is then copied from it.
        buffer.removeAll(keepingCapacity: true)
        for s in given { HangulSpelling.appendRR(s, into: &buffer) }
        let rrEnd = buffer.count
        for s in given { HangulSpelling.appendMRASCII(s, into: &buffer) }
        let givenEnd = buffer.count
        let sameGiven = buffer[..<rrEnd].elementsEqual(buffer[rrEnd..<givenEnd])
        let standard = index.spellings.standardSurnames(family).prefix(4)
        let spellingsOfGiven = sameGiven ? 1 : 2  // RR, then MR when it differs
        let longest = rrEnd + max(0, givenEnd - 2 * rrEnd) + (standard.lazy.map { $0.count }.max() ?? 0)
        var n = 0
        // Each reference is copied into one scratch buffer (no array per reference).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, longest)) { scratch in
            let out = scratch.baseAddress!
            buffer.withUnsafeBufferPointer { spelled in
                let base = spelled.baseAddress!
                for surname in standard {
                    surname.withUnsafeBufferPointer { surname in
                        for k in 0..<spellingsOfGiven {
                            let r = k == 0 ? 0..<rrEnd : rrEnd..<givenEnd
                            let given = UnsafeBufferPointer(start: base + r.lowerBound, count: r.count)
                            let (first, second) = swapped ? (given, surname) : (surname, given)
                            if first.count > 0 { (out).update(from: first.baseAddress!, count: first.count) }
                            if second.count > 0 { (out + first.count).update(from: second.baseAddress!, count: second.count) }
                            body(n, UnsafeBufferPointer(start: out, count: first.count + second.count))
                            n += 1
                        }
                    }
                }
            }
        }
    }

    /// Names the reference a fuzzy match was closest to.
    private func referenceLabel(_ form: IndexedForm, swapped: Bool, reference: [UInt8]) -> String {
        if form.latin != nil { return swapped ? "'\(form.text)' (other order)" : "'\(form.text)'" }
        return "'\(String(decoding: reference, as: UTF8.self))' (a spelling of Hangul \(form.text))"
    }

    static func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.compactMap { u -> Unicode.Scalar? in
            switch u { case "ŏ": return "o"; case "ŭ": return "u"; case "'": return nil; default: return u }
        }))
    }

    /// The skeleton keys within one edit, likeliest first: the key itself, then deletions and
    /// transpositions (a doubled, dropped or swapped letter), then substitutions and insertions.
    static func neighbourhood(_ symbols: [UInt8]) -> [UInt64] {
        let capacity = (symbols.count + 1) * 2 * Int(PhoneticSkeleton.symbolCount) + 16
        if symbols.count + 1 <= 15 { return packedNeighbourhood(symbols, capacity: capacity) }
        var keys: [UInt64] = [PhoneticSkeleton.key(symbols)]
        var seen = KeySet(capacity: capacity)
        _ = seen.insert(keys[0])
        // Longer skeletons (their neighbours' keys are hashes): one reusable buffer, each
        // neighbour written collapsed straight into it (no new array per neighbour).
        var buf: [UInt8] = []
        buf.reserveCapacity(symbols.count + 1)
        let n = symbols.count
        // The neighbour: `symbols` with position `skip` left out, `replace` written at `at`
        // (inserted before symbols[at] when `insert`), collapsed like a skeleton.
        func add(skip: Int = -1, at: Int = -1, replace: UInt8 = 0, insert: Bool = false, swapAt: Int = -1) {
            @inline(__always) func push(_ s: UInt8) { PhoneticSkeleton.push(s, into: &buf) }
            buf.removeAll(keepingCapacity: true)
            var j = 0
            while j <= n {
                if insert && j == at { push(replace) }
                if j == n { break }
                if j == skip { j += 1; continue }
                if j == swapAt {
                    push(symbols[j + 1])
                    push(symbols[j])
                    j += 2
                    continue
                }
                push(!insert && j == at ? replace : symbols[j])
                j += 1
            }
            let k = PhoneticSkeleton.key(buf)
            if seen.insert(k) { keys.append(k) }
        }
        for i in symbols.indices {
            add(skip: i)
            if i + 1 < n { add(swapAt: i) }
        }
        for i in symbols.indices {
            for s in 1...PhoneticSkeleton.symbolCount where s != symbols[i] { add(at: i, replace: s) }
        }
        for i in 0...n {
            for s in 1...PhoneticSkeleton.symbolCount { add(at: i, replace: s, insert: true) }
        }
        return keys
    }

    /// ``neighbourhood(_:)`` of a skeleton whose neighbours all pack into a key (at most 14
    /// symbols): each key is put together from the key of the symbols before the edit, the
    /// one or two symbols of the edit and the key of the symbols after it, collapsing only where
    /// they join (a skeleton has no repeats inside), instead of pushing every symbol of some two
    /// hundred neighbours. Same keys, same order.
    private static func packedNeighbourhood(_ symbols: [UInt8], capacity: Int) -> [UInt64] {
        let n = symbols.count
        var keys: [UInt64] = [PhoneticSkeleton.key(symbols)]
        keys.reserveCapacity(capacity / 2)
        var seen = KeySet(capacity: capacity)
        _ = seen.insert(keys[0])
        var before = [UInt64](repeating: 0, count: n + 1), after = [UInt64](repeating: 0, count: n + 1)
        for i in 0..<n { before[i + 1] = before[i] << 4 | UInt64(symbols[i]) }
        for i in stride(from: n - 1, through: 0, by: -1) { after[i] = UInt64(symbols[i]) << UInt64(4 * (n - 1 - i)) | after[i + 1] }
        for i in 0..<n {
            compose(i, 0, 0, 0, i + 1, symbols, before, after, &keys, &seen)                                  // dropped
            if i + 1 < n { compose(i, symbols[i + 1], symbols[i], 2, i + 2, symbols, before, after, &keys, &seen) }  // swapped
        }
        for i in 0..<n {
            for s in 1...PhoneticSkeleton.symbolCount where s != symbols[i] { compose(i, s, 0, 1, i + 1, symbols, before, after, &keys, &seen) }  // changed
        }
        for i in 0...n {
            for s in 1...PhoneticSkeleton.symbolCount { compose(i, s, 0, 1, i, symbols, before, after, &keys, &seen) }  // added
        }
        return keys
    }

    /// The key of `symbols[..<a]` + the first `middle` of (m0, m1) + `symbols[b...]`, collapsed,
    /// added to `keys` unless seen; `before[i]` and `after[i]` are the packed keys of
    /// `symbols[..<i]` and `symbols[i...]`.
    @inline(__always) private static func compose(_ a: Int, _ m0: UInt8, _ m1: UInt8, _ middle: Int, _ b: Int, _ symbols: [UInt8],
                                                  _ before: [UInt64], _ after: [UInt64], _ keys: inout [UInt64], _ seen: inout KeySet) {
        let n = symbols.count
        var key = before[a]
        var last: UInt8 = a > 0 ? symbols[a - 1] : 0xFF
        if middle >= 1 && m0 != last { key = key << 4 | UInt64(m0); last = m0 }
        if middle >= 2 && m1 != last { key = key << 4 | UInt64(m1); last = m1 }
        if b < n {
            let length = n - b
            if symbols[b] == last {
                let kept = UInt64(4 * (length - 1))
                key = key << kept | (after[b] & ((1 << kept) &- 1))
            } else {
                key = key << UInt64(4 * length) | after[b]
            }
        }
        if seen.insert(key) { keys.append(key) }
    }
}
