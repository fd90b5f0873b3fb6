import Foundation

/// One name form as the index sees it: a stored form, or a form derived from one.
struct IndexedForm: Sendable {
    /// Entry number in ``LookupIndex/entries``.
    var entry: Int32
    /// Index of the stored name in the entry's `names` (the form itself or the one it was derived from).
    var name: Int32
    /// nil for a stored form; the derivation ("pinyin", "Wade–Giles"...) for a derived one.
    var derivation: String?
    /// The form's text (derived text for a derived form).
    var text: String
    var script: NameText.Script
    /// Leading tokens (Latin) or syllables (Hangul) that are the family name; 0 when unknown
    /// or not a person.
    var familyUnits: Int
    /// Hangul syllables (offsets from U+AC00) when the form is Hangul.
    var hangul: [UInt16]
    /// Folded letters when the form is Latin.
    var latin: LatinLetters?
    /// The form's number in the index (-1 while it is being built).
    var number: Int = -1
}

/// What makes two forms read the same for the syllable matcher.
struct ReadingKey: Hashable {
    var family: Int
    /// Hangul syllables, or Latin letters with 0xFFFF before each token.
    var units: [UInt16]
    /// A digest of the above, computed once (by the build's workers), so that filing a form
    /// in its group does not hash the units again.
    private(set) var digest: UInt64 = 0

    init(family: Int, units: [UInt16]) {
        self.family = family
        self.units = units
    }

    /// Computes ``digest`` (call when `units` is complete).
    mutating func seal() {
        var h = StableHash()
        h.combine(UInt32(truncatingIfNeeded: family))
        for u in units { h.combine(UInt32(u)) }
        digest = h.value
    }

    static func == (a: ReadingKey, b: ReadingKey) -> Bool { a.family == b.family && a.units == b.units }
    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}

/// Posting flags.
enum PostingFlag {
    static let swapped: UInt32 = 1
    static let organization: UInt32 = 2
    static let shift: UInt32 = 2
}

/// The lookup index: every stored and derived name form filed under its exact text, its
/// normalized key(s) and its phonetic skeleton(s). Immutable after ``init(glossaries:surnames:deriver:)``.
///
/// Everything is stored in flat arrays (``EntryTable``, ``FormTable``, ``ReadingGroups``,
/// ``PostingTable``), so the index cache restores an index with a few array copies and a
/// lookup decodes only the forms and entries it touches.
struct LookupIndex: Sendable {
    var entries: EntryTable
    var forms: FormTable
    /// First form of each entry (forms of one entry are contiguous); count = entries + 1.
    var entryForms: [Int32]
    var exact: PostingTable
    var normalized: PostingTable
    /// Skeleton key → reading group (value = group << 2 | flags), one table per script of the
    /// group, so that a Latin query walks only Hangul groups and a Hangul query only Latin ones.
    var skeletonHangul: PostingTable
    var skeletonLatin: PostingTable
    var groups: ReadingGroups
    /// The vowel runs of each Latin reading group's letters, and for a Hangul group the letters
    /// each of its runs may use (``VowelRuns/Latin``, ``VowelRuns/unions(_:)``): candidates
    /// are checked against these before the matcher.
    var groupVowels: [UInt64]
    /// The same for the units of each Hangul group given name first (``VowelRuns/Latin/unknown``
    /// for Latin groups and names without a surname).
    var groupVowelsRotated: [UInt64]
    /// The Hangul syllables, and the surnames (length-prefixed), of the Hangul reading groups:
    /// their spelling sets are prepared once per index.
    var syllablesInUse: [UInt16]
    var familiesInUse: [UInt16]
    var surnames: KoreanSurnameSpellings
    var spellings: SpellingTable

    /// Builds the index.
    /// - Throws: ``LookupError/duplicateID(id:first:second:)`` when two entries share an id.
    /// - Complexity: O(total name length); about 1 µs per name form.
    init(glossaries: [Glossary], surnames: KoreanSurnameSpellings, deriver: any NameFormDeriver) throws(LookupError) {
        var list: [GlossaryEntry] = []
        var seen: [String: String] = [:]
        for g in glossaries {
            for e in g.entries {
                if let first = seen[e.id] { throw .duplicateID(id: e.id, first: first, second: g.source ?? g.name) }
                seen[e.id] = g.source ?? g.name
                list.append(e)
            }
        }
        let estimate = list.reduce(0) { $0 + $1.names.count } * 2
        self.surnames = surnames
        entries = EntryTable()
        forms = FormTable()
        entryForms = []
        entryForms.reserveCapacity(list.count + 1)
        // Expected distinct keys (the tables grow when there are more).
        exact = PostingTable(capacity: estimate / 2)
        normalized = PostingTable(capacity: estimate)
        skeletonHangul = PostingTable(capacity: estimate / 8)
        skeletonLatin = PostingTable(capacity: estimate / 8)
        groups = ReadingGroups([])
        groupVowels = []
        groupVowelsRotated = []
        syllablesInUse = []
        familiesInUse = []
        spellings = SpellingTable(syllables: [], families: [], surnames: surnames)
        // Folding, deriving and keying every form is independent work: done on every core in
        // chunks of entries; filing the forms (tables, groups) then runs in entry order, so the
        // index is the same whatever the number of cores.
        let chunkCount = list.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let chunkSize = (list.count + chunkCount - 1) / max(1, chunkCount)
        let prepared = PreparedChunks(count: chunkCount)
        let entriesList = list, surnamesTable = surnames
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            let start = c * chunkSize, end = min(entriesList.count, start + chunkSize)
            guard start < end else { return }
            var out: [PreparedForm] = []
            out.reserveCapacity((end - start) * 4)
            var table = EntryTable()
            for ei in start..<end {
                let entry = entriesList[ei]
                table.append(entry)
                for (ni, name) in entry.names.enumerated() {
                    let deprecated = name.status == .deprecated
                    if let p = LookupIndex.prepare(text: name.text, family: name.family, derivation: nil, entry: ei, name: ni, kind: entry.kind,
                                                   deprecated: deprecated, surnames: surnamesTable) { out.append(p) }
                    for d in deriver.derivedForms(of: name, kind: entry.kind) where d.text != name.text {
                        if let p = LookupIndex.prepare(text: d.text, family: d.family, derivation: d.label, entry: ei, name: ni, kind: entry.kind,
                                                       deprecated: deprecated, surnames: surnamesTable) { out.append(p) }
                    }
                }
            }
            prepared.set(c, out, table)
        }
        for c in 0..<chunkCount { entries.append(contentsOf: prepared.entries(c)) }
        var building = Building()
        var chunk = 0, cursor = 0
        var current = prepared.take(0)
        for ei in list.indices {
            entryForms.append(Int32(forms.count))
            while true {
                if cursor == current.count {
                    guard chunk + 1 < chunkCount else { break }
                    chunk += 1; cursor = 0; current = prepared.take(chunk)
                    continue
                }
                guard current[cursor].form.entry == Int32(ei) else { break }
                insert(current[cursor], building: &building)
                cursor += 1
            }
        }
        entryForms.append(Int32(forms.count))
        exact.compact(); normalized.compact(); skeletonHangul.compact(); skeletonLatin.compact()
        groups = ReadingGroups(building.groups)
        groupVowels = building.groupVowels
        // Spelling sets for the syllables and surnames of Hangul reading groups.
        var syllables = Set<UInt16>(), families = Set<[UInt16]>()
        for g in 0..<groups.count {
            let f = groups.first(g)
            guard forms.script(f) == .hangul else { continue }
            let hangul = forms.hangul(f), family = forms.familyUnits(f)
            syllables.formUnion(hangul)
            if family > 0 { families.insert(Array(hangul[0..<family])) }
        }
        syllablesInUse = syllables.sorted()
        for fam in families.sorted(by: { $0.lexicographicallyPrecedes($1) }) { familiesInUse.append(UInt16(fam.count)); familiesInUse.append(contentsOf: fam) }
        finish()
        // Hangul groups store the vowel letters each run may use (their spelling sets are ready now).
        groupVowelsRotated = Array(repeating: VowelRuns.Latin.unknown.raw, count: groups.count)
        for g in 0..<groups.count {
            let f = groups.first(g)
            guard forms.script(f) == .hangul else { continue }
            let units = HangulUnits(hangul: forms.hangulSlice(f), family: forms.familyUnits(f), table: spellings)
            groupVowels[g] = VowelRuns.unions(units).raw
            if units.family > 0 && units.count > 1 { groupVowelsRotated[g] = VowelRuns.unions(units, rotated: true).raw }
        }
    }

    /// Prepared forms handed back by the workers, one slot per chunk.
    private final class PreparedChunks: @unchecked Sendable {
        // @unchecked: each worker writes its own slot; the slots are read only after
        // concurrentPerform has returned.
        private var slots: [[PreparedForm]]
        private var tables: [EntryTable]
        init(count: Int) {
            slots = Array(repeating: [], count: max(1, count))
            tables = Array(repeating: EntryTable(), count: max(1, count))
        }
        func set(_ i: Int, _ v: [PreparedForm], _ t: EntryTable) {
            slots.withUnsafeMutableBufferPointer { $0[i] = v }
            tables.withUnsafeMutableBufferPointer { $0[i] = t }
        }
        /// The forms of chunk `i`.
        func take(_ i: Int) -> [PreparedForm] { i < slots.count ? slots[i] : [] }
        /// The entries of chunk `i`, serialized.
        func entries(_ i: Int) -> EntryTable { i < tables.count ? tables[i] : EntryTable() }
    }

    /// What the build keeps until the reading groups are complete.
    private struct Building {
        var groups: [[Int32]] = []
        var groupVowels: [UInt64] = []
        var groupOf: [ReadingKey: Int32] = [:]
    }

    /// Restores an index from its stored parts (the index cache).
    init(entries: EntryTable, forms: FormTable, entryForms: [Int32], exact: PostingTable, normalized: PostingTable,
         skeletonHangul: PostingTable, skeletonLatin: PostingTable, groups: ReadingGroups, groupVowels: [UInt64], groupVowelsRotated: [UInt64], syllablesInUse: [UInt16], familiesInUse: [UInt16], surnames: KoreanSurnameSpellings) {
        self.entries = entries
        self.forms = forms
        self.entryForms = entryForms
        self.exact = exact
        self.normalized = normalized
        self.skeletonHangul = skeletonHangul
        self.skeletonLatin = skeletonLatin
        self.groups = groups
        self.groupVowels = groupVowels
        self.groupVowelsRotated = groupVowelsRotated
        self.syllablesInUse = syllablesInUse
        self.familiesInUse = familiesInUse
        self.surnames = surnames
        spellings = SpellingTable(syllables: [], families: [], surnames: surnames)
        finish()
    }

    /// Prepares the spelling sets of every syllable and surname in use.
    private mutating func finish() {
        var families = Set<[UInt16]>()
        var i = 0
        while i < familiesInUse.count {
            let n = Int(familiesInUse[i])
            guard n > 0, i + 1 + n <= familiesInUse.count else { break }
            families.insert(Array(familiesInUse[(i + 1)...(i + n)]))
            i += 1 + n
        }
        spellings = SpellingTable(syllables: Set(syllablesInUse), families: families, surnames: surnames)
    }

    /// Calls `body` with every group posting of skeleton `key`, both scripts, newest first
    /// (groups are numbered in insertion order, so that is descending posting value).
    func forEachSkeletonPosting(_ key: UInt64, _ body: (UInt32) -> Void) {
        // Merge the two chains (each newest first) without collecting them.
        var a = skeletonHangul.head(key), b = skeletonLatin.head(key)
        while a != 0 || b != 0 {
            if b == 0 || (a != 0 && skeletonHangul.value(at: a) > skeletonLatin.value(at: b)) {
                body(skeletonHangul.value(at: a)); a = skeletonHangul.next(after: a)
            } else {
                body(skeletonLatin.value(at: b)); b = skeletonLatin.next(after: b)
            }
        }
    }

    /// A form folded and keyed, ready to be filed (``prepare(text:family:derivation:entry:name:kind:deprecated:surnames:)``).
    struct PreparedForm: Sendable {
        var form: IndexedForm
        var deprecated: Bool
        var exactKey: UInt64
        var normalizedKey: UInt64
        /// The normalized key in the other name order, for a form with a known family part.
        var swappedKey: UInt64?
        /// The organization key, for an organization.
        var organizationKey: UInt64?
        /// What makes forms read the same, for a Korean-readable person or place.
        var readingKey: ReadingKey?
        /// Skeleton keys (and whether each is the given-name-first order) of a reading group.
        var skeletonKeys: [(UInt64, Bool)]
        /// The vowel runs of a Latin reading form (``VowelRuns``).
        var vowels = VowelRuns.Latin.unknown
    }

    /// Folds and keys one form; nil when it folds to nothing. Pure: runs on any thread.
    static func prepare(text: String, family: String?, derivation: String?, entry: Int, name: Int, kind: EntryKind,
                        deprecated: Bool, surnames: KoreanSurnameSpellings) -> PreparedForm? {
        let folded = NameText(text)
        if folded.isEmpty { return nil }
        let script = folded.script
        var form = IndexedForm(entry: Int32(entry), name: Int32(name), derivation: derivation, text: text, script: script,
                               familyUnits: 0, hangul: [], latin: nil)
        let personal = kind == .person
        switch script {
        case .hangul:
            // Digit tokens ("2세") do not count for the script and are not syllables.
            form.hangul = folded.tokens.filter { $0.script == .hangul }.flatMap { $0.scalars.map { UInt16($0.value - 0xAC00) } }
            if personal {
                if let family, !family.isEmpty {
                    form.familyUnits = family.unicodeScalars.filter { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }.count
                } else {
                    form.familyUnits = surnames.familyLength(of: form.hangul)
                }
                if form.familyUnits >= form.hangul.count { form.familyUnits = 0 }
            }
        case .latin:
            form.latin = LatinLetters(tokens: folded.tokens.map { $0.scalars.map { UInt8($0.value) } })
            if personal && folded.tokens.count > 1 {
                if let family, !family.isEmpty {
                    form.familyUnits = max(0, NameText(family).tokens.count)
                } else if let comma = folded.tokens.firstIndex(where: \.commaAfter), comma + 1 < folded.tokens.count {
                    form.familyUnits = comma + 1
                } else {
                    form.familyUnits = 1
                }
                if form.familyUnits >= folded.tokens.count { form.familyUnits = 0 }
            }
        case .han:
            if personal {
                let chars = folded.tokens.reduce(0) { $0 + $1.scalars.count }
                let familyChars = family.map { $0.unicodeScalars.filter { NameText.isHan($0.value) }.count } ?? 1
                form.familyUnits = familyChars < chars ? familyChars : 0
            }
        default:
            break
        }
        let units = LookupIndex.units(of: folded)
        var p = PreparedForm(form: form, deprecated: deprecated, exactKey: StableHash.of(text.unicodeScalars),
                             normalizedKey: LookupIndex.hash(units), swappedKey: nil, organizationKey: nil, readingKey: nil, skeletonKeys: [])
        if form.familyUnits > 0 {
            p.swappedKey = LookupIndex.hash(LookupIndex.rotate(units, folded: folded, script: script, family: form.familyUnits))
        }
        if kind == .organization {
            p.organizationKey = StableHash.of(OrganizationFolding.key(folded).unicodeScalars)
        }
        // A Hangul form with digits has no reading (as a Hangul query with digits has none).
        let reading = script == .latin || (script == .hangul && folded.tokens.allSatisfy { $0.script == .hangul })
        guard (kind == .person || kind == .place) && reading else { return p }
        var readingKey = ReadingKey(family: form.familyUnits, units: [])
        if script == .hangul { readingKey.units = form.hangul }
        else if let latin = form.latin {
            readingKey.units.reserveCapacity(latin.letters.count + latin.tokenStarts.count)
            for (i, c) in latin.letters.enumerated() {
                if latin.boundary[i] { readingKey.units.append(0xFFFF) }
                readingKey.units.append(UInt16(c))
            }
        }
        readingKey.seal()
        p.readingKey = readingKey
        var symbols: [UInt8] = []
        switch script {
        case .latin:
            guard let latin = form.latin else { break }
            for start in latin.tokenStarts.indices {
                let end = start + 1 < latin.tokenStarts.count ? latin.tokenStarts[start + 1] : latin.letters.count
                PhoneticSkeleton.appendLatin(latin.letters[latin.tokenStarts[start]..<end], into: &symbols)
            }
            p.skeletonKeys.append((PhoneticSkeleton.key(symbols), false))
            p.vowels = latin.packed.withUnsafeBufferPointer { VowelRuns.latin($0) }
            if form.familyUnits > 0 {
                let r = latin.rotated(movingFirst: form.familyUnits)
                symbols.removeAll(keepingCapacity: true)
                for start in r.tokenStarts.indices {
                    let end = start + 1 < r.tokenStarts.count ? r.tokenStarts[start + 1] : r.letters.count
                    PhoneticSkeleton.appendLatin(r.letters[r.tokenStarts[start]..<end], into: &symbols)
                }
                p.skeletonKeys.append((PhoneticSkeleton.key(symbols), true))
            }
        default:
            p.skeletonKeys = LookupIndex.hangulSkeletons(form.hangul, family: form.familyUnits, surnames: surnames)
        }
        return p
    }

    /// Files a prepared form: its number is the next form number.
    private mutating func insert(_ p: PreparedForm, building: inout Building) {
        let number = UInt32(forms.count)
        forms.append(p.form, deprecated: p.deprecated)
        let value = number << PostingFlag.shift
        exact.insert(p.exactKey, value)
        normalized.insert(p.normalizedKey, value)
        if let k = p.swappedKey { normalized.insert(k, value | PostingFlag.swapped) }
        if let k = p.organizationKey { normalized.insert(k, value | PostingFlag.organization) }
        guard let readingKey = p.readingKey else { return }
        if let g = building.groupOf[readingKey] {
            building.groups[Int(g)].append(Int32(number))
            return
        }
        let group = UInt32(building.groups.count)
        building.groupOf[readingKey] = Int32(group)
        building.groups.append([Int32(number)])
        building.groupVowels.append(p.vowels.raw)
        let gv = group << PostingFlag.shift
        let table = p.form.script == .latin
        for (key, swapped) in p.skeletonKeys {
            if table { skeletonLatin.insert(key, swapped ? gv | PostingFlag.swapped : gv) }
            else { skeletonHangul.insert(key, swapped ? gv | PostingFlag.swapped : gv) }
        }
    }

    /// The skeleton keys of a Hangul name: with each known spelling of its surname, in both
    /// name orders.
    static func hangulSkeletons(_ hangul: [UInt16], family: Int, surnames: KoreanSurnameSpellings) -> [(UInt64, Bool)] {
        var out: [(UInt64, Bool)] = []
        var symbols: [UInt8] = []
        symbols.reserveCapacity(4 * hangul.count + 8)
        PhoneticSkeleton.appendHangul(hangul, into: &symbols)
        out.append((PhoneticSkeleton.key(symbols), false))
        guard family > 0, family < hangul.count else { return out }
        var jamoFamily: [UInt8] = [], given: [UInt8] = []
        PhoneticSkeleton.appendHangul(hangul[0..<family], into: &jamoFamily)
        PhoneticSkeleton.appendHangul(hangul[family...], into: &given)
        // The surname as its syllables read, then each distinct table spelling of it.
        func add(_ f: [UInt8]) {
            symbols.removeAll(keepingCapacity: true)
            symbols.append(contentsOf: f)
            for g in given { PhoneticSkeleton.push(g, into: &symbols) }
            let natural = PhoneticSkeleton.key(symbols)
            // A handful of keys: a linear search beats a set.
            if !out.contains(where: { !$0.1 && $0.0 == natural }) { out.append((natural, false)) }
            symbols.removeAll(keepingCapacity: true)
            symbols.append(contentsOf: given)
            for g in f { PhoneticSkeleton.push(g, into: &symbols) }
            out.append((PhoneticSkeleton.key(symbols), true))
        }
        add(jamoFamily)
        for s in surnames.skeletons(of: hangul[0..<family]) where s != jamoFamily { add(s) }
        return out
    }

    /// The name's units for name-order rotation: Latin tokens as whole units, Hangul and Han
    /// characters one by one.
    static func units(of folded: NameText) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        for t in folded.tokens {
            if t.script == .latin || t.script == .digits || t.script == .other { out.append(t.scalars) }
            else { for s in t.scalars { out.append([s]) } }
        }
        return out
    }

    /// Moves the first `family` units (tokens for Latin, characters otherwise) to the end.
    static func rotate(_ units: [[Unicode.Scalar]], folded: NameText, script: NameText.Script, family: Int) -> [[Unicode.Scalar]] {
        guard family > 0, family < units.count else { return units }
        return Array(units[family...] + units[..<family])
    }

    /// The normalized-key hash of units.
    @inline(__always) static func hash(_ units: [[Unicode.Scalar]]) -> UInt64 {
        var h = StableHash()
        for u in units { for s in u { h.combine(s.value) } }
        return h.value
    }

    /// ``hash(_:)`` of `units(of: folded)` without building the units: they are the tokens'
    /// scalars in order either way.
    @inline(__always) static func hash(_ folded: NameText) -> UInt64 {
        var h = StableHash()
        for t in folded.tokens { for s in t.scalars { h.combine(s.value) } }
        return h.value
    }

    /// The forms of entry `e`.
    func forms(ofEntry e: Int) -> Range<Int> { Int(entryForms[e])..<Int(entryForms[e + 1]) }
}
