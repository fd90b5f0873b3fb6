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
}

/// What makes two forms read the same for the syllable matcher.
struct ReadingKey: Hashable {
    var family: Int
    /// Hangul syllables, or Latin letters with 0xFFFF before each token.
    var units: [UInt16]
}

/// Posting flags.
enum PostingFlag {
    static let swapped: UInt32 = 1
    static let organization: UInt32 = 2
    static let shift: UInt32 = 2
}

/// The lookup index: every stored and derived name form filed under its exact text, its
/// normalized key(s) and its phonetic skeleton(s). Immutable after ``init(glossaries:surnames:deriver:)``.
struct LookupIndex: Sendable {
    var entries: [GlossaryEntry]
    /// Where each entry came from (glossary name), for messages.
    var forms: [IndexedForm]
    /// First form of each entry (forms of one entry are contiguous); count = entries + 1.
    var entryForms: [Int32]
    var exact: PostingTable
    var normalized: PostingTable
    /// Skeleton key → reading group (value = group << 2 | flags).
    var skeleton: PostingTable
    /// Forms that read the same (same Hangul syllables, or same Latin letters and tokens, and
    /// the same family split): verified once per query, then offered for every member.
    var groups: [[Int32]]
    /// Entry of each form, and whether its stored name is deprecated (compact copies of
    /// `forms` fields for the hot paths).
    var formEntry: [Int32] = []
    var formDeprecated: [Bool] = []
    /// Script of each reading group.
    var groupScript: [NameText.Script] = []
    /// For a Hangul group, its matching units (surname first); empty for Latin groups.
    var groupUnits: [[MatchUnit]]
    var surnames: KoreanSurnameSpellings
    var spellings: SpellingTable

    /// Builds the index.
    /// - Throws: ``LookupError/duplicateID(id:first:second:)`` when two entries share an id.
    /// - Complexity: O(total name length); about 1 µs per name form.
    init(glossaries: [Glossary], surnames: KoreanSurnameSpellings, deriver: any NameFormDeriver) throws(LookupError) {
        var entries: [GlossaryEntry] = []
        var seen: [String: String] = [:]
        for g in glossaries {
            for e in g.entries {
                if let first = seen[e.id] { throw .duplicateID(id: e.id, first: first, second: g.source ?? g.name) }
                seen[e.id] = g.source ?? g.name
                entries.append(e)
            }
        }
        let estimate = entries.reduce(0) { $0 + $1.names.count } * 2
        self.entries = entries
        self.surnames = surnames
        forms = []
        forms.reserveCapacity(estimate)
        entryForms = []
        entryForms.reserveCapacity(entries.count + 1)
        // Expected distinct keys (the tables grow when there are more).
        exact = PostingTable(capacity: estimate / 2)
        normalized = PostingTable(capacity: estimate)
        skeleton = PostingTable(capacity: estimate / 4)
        spellings = SpellingTable(syllables: [], families: [], surnames: surnames)
        groups = []
        groupUnits = []
        var families = Set<[UInt16]>()
        var groupOf: [ReadingKey: Int32] = [:]
        var syllables = Set<UInt16>()
        defer { _ = (families, syllables) }
        for (ei, entry) in entries.enumerated() {
            entryForms.append(Int32(forms.count))
            for (ni, name) in entry.names.enumerated() {
                add(text: name.text, family: name.family, given: name.given, derivation: nil, entry: ei, name: ni, kind: entry.kind, syllables: &syllables, families: &families, groupOf: &groupOf)
                for d in deriver.derivedForms(of: name, kind: entry.kind) where d.text != name.text {
                    add(text: d.text, family: d.family, given: d.given, derivation: d.label, entry: ei, name: ni, kind: entry.kind, syllables: &syllables, families: &families, groupOf: &groupOf)
                }
            }
        }
        entryForms.append(Int32(forms.count))
        finish()
    }

    /// Restores an index from its stored parts (the index cache), then derives the rest.
    init(entries: [GlossaryEntry], forms: [IndexedForm], entryForms: [Int32], exact: PostingTable, normalized: PostingTable,
         skeleton: PostingTable, groups: [[Int32]], surnames: KoreanSurnameSpellings) {
        self.entries = entries
        self.forms = forms
        self.entryForms = entryForms
        self.exact = exact
        self.normalized = normalized
        self.skeleton = skeleton
        self.groups = groups
        self.surnames = surnames
        groupUnits = []
        spellings = SpellingTable(syllables: [], families: [], surnames: surnames)
        finish()
    }

    /// Computes the fields derived from forms and groups: compact per-form copies, the
    /// spelling sets of every syllable and surname in use, and each Hangul group's units.
    private mutating func finish() {
        var syllables = Set<UInt16>()
        var families = Set<[UInt16]>()
        for g in groups {
            let form = forms[Int(g[0])]
            guard form.script == .hangul else { continue }
            syllables.formUnion(form.hangul)
            if form.familyUnits > 0 { families.insert(Array(form.hangul[0..<form.familyUnits])) }
        }
        spellings = SpellingTable(syllables: syllables, families: families, surnames: surnames)
        formEntry = forms.map(\.entry)
        let entries = self.entries
        formDeprecated = forms.map { entries[Int($0.entry)].names[Int($0.name)].status == .deprecated }
        let forms = self.forms
        groupScript = groups.map { forms[Int($0[0])].script }
        let spellings = self.spellings
        groupUnits = groups.map { members in
            let form = forms[Int(members[0])]
            return form.script == .hangul ? spellings.units(form.hangul, family: form.familyUnits) : []
        }
    }

    private mutating func add(text: String, family: String?, given: String?, derivation: String?,
                              entry: Int, name: Int, kind: EntryKind, syllables: inout Set<UInt16>,
                              families: inout Set<[UInt16]>, groupOf: inout [ReadingKey: Int32]) {
        let folded = NameText(text)
        if folded.isEmpty { return }
        let number = UInt32(forms.count)
        let script = folded.script
        var form = IndexedForm(entry: Int32(entry), name: Int32(name), derivation: derivation, text: text, script: script,
                               familyUnits: 0, hangul: [], latin: nil)
        let personal = kind == .person
        switch script {
        case .hangul:
            // Digit tokens ("2세") do not count for the script and are not syllables.
            form.hangul = folded.tokens.filter { $0.script == .hangul }.flatMap { $0.scalars.map { UInt16($0.value - 0xAC00) } }
            syllables.formUnion(form.hangul)
            if personal {
                if let family, !family.isEmpty {
                    form.familyUnits = family.unicodeScalars.filter { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }.count
                } else {
                    form.familyUnits = surnames.familyLength(of: form.hangul)
                }
                if form.familyUnits >= form.hangul.count { form.familyUnits = 0 }
                if form.familyUnits > 0 { families.insert(Array(form.hangul[0..<form.familyUnits])) }
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
        forms.append(form)
        let value = number << PostingFlag.shift

        exact.insert(StableHash.of(text.unicodeScalars), value)
        let units = LookupIndex.units(of: folded)
        normalized.insert(LookupIndex.hash(units), value)
        if form.familyUnits > 0 {
            normalized.insert(LookupIndex.hash(LookupIndex.rotate(units, folded: folded, script: script, family: form.familyUnits)), value | PostingFlag.swapped)
        }
        if kind == .organization {
            let org = OrganizationFolding.key(folded)
            normalized.insert(StableHash.of(org.unicodeScalars), value | PostingFlag.organization)
        }
        // A Hangul form with digits has no reading (as a Hangul query with digits has none).
        let reading = script == .latin || (script == .hangul && folded.tokens.allSatisfy { $0.script == .hangul })
        if (kind == .person || kind == .place) && reading {
            var readingKey = ReadingKey(family: form.familyUnits, units: [])
            if script == .hangul { readingKey.units = form.hangul }
            else if let latin = form.latin {
                readingKey.units.reserveCapacity(latin.letters.count + latin.tokenStarts.count)
                for (i, c) in latin.letters.enumerated() {
                    if latin.boundary[i] { readingKey.units.append(0xFFFF) }
                    readingKey.units.append(UInt16(c))
                }
            }
            if let g = groupOf[readingKey] {
                groups[Int(g)].append(Int32(number))
                return
            }
            let group = UInt32(groups.count)
            groupOf[readingKey] = Int32(group)
            groups.append([Int32(number)])
            let gv = group << PostingFlag.shift
            var symbols: [UInt8] = []
            switch script {
            case .latin:
                guard let latin = form.latin else { break }
                for start in latin.tokenStarts.indices {
                    let end = start + 1 < latin.tokenStarts.count ? latin.tokenStarts[start + 1] : latin.letters.count
                    PhoneticSkeleton.appendLatin(latin.letters[latin.tokenStarts[start]..<end], into: &symbols)
                }
                skeleton.insert(PhoneticSkeleton.key(symbols), gv)
                if form.familyUnits > 0 {
                    let r = latin.rotated(movingFirst: form.familyUnits)
                    symbols.removeAll(keepingCapacity: true)
                    for start in r.tokenStarts.indices {
                        let end = start + 1 < r.tokenStarts.count ? r.tokenStarts[start + 1] : r.letters.count
                        PhoneticSkeleton.appendLatin(r.letters[r.tokenStarts[start]..<end], into: &symbols)
                    }
                    skeleton.insert(PhoneticSkeleton.key(symbols), gv | PostingFlag.swapped)
                }
            default:
                for (key, swapped) in LookupIndex.hangulSkeletons(form.hangul, family: form.familyUnits, surnames: surnames) {
                    skeleton.insert(key, swapped ? gv | PostingFlag.swapped : gv)
                }
            }
        }
    }

    /// The skeleton keys of a Hangul name: with each known spelling of its surname, in both
    /// name orders.
    static func hangulSkeletons(_ hangul: [UInt16], family: Int, surnames: KoreanSurnameSpellings) -> [(UInt64, Bool)] {
        var out: [(UInt64, Bool)] = []
        var symbols: [UInt8] = []
        PhoneticSkeleton.appendHangul(hangul, into: &symbols)
        out.append((PhoneticSkeleton.key(symbols), false))
        guard family > 0, family < hangul.count else { return out }
        let familySyllables = Array(hangul[0..<family])
        let givenSyllables = hangul[family...]
        var familyVariants: [[UInt8]] = []
        var jamoFamily: [UInt8] = []
        PhoneticSkeleton.appendHangul(familySyllables, into: &jamoFamily)
        familyVariants.append(jamoFamily)
        for sp in surnames.spellings[familySyllables] ?? [] {
            var s: [UInt8] = []
            PhoneticSkeleton.appendLatin(sp.letters, into: &s)
            if !familyVariants.contains(s) { familyVariants.append(s) }
        }
        var given: [UInt8] = []
        PhoneticSkeleton.appendHangul(givenSyllables, into: &given)
        var keys = Set<UInt64>([out[0].0])
        for f in familyVariants {
            symbols = f
            for g in given { PhoneticSkeleton.push(g, into: &symbols) }
            let natural = PhoneticSkeleton.key(symbols)
            if keys.insert(natural).inserted { out.append((natural, false)) }
            symbols = given
            for g in f { PhoneticSkeleton.push(g, into: &symbols) }
            out.append((PhoneticSkeleton.key(symbols), true))
        }
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

    /// The forms of entry `e`.
    func forms(ofEntry e: Int) -> Range<Int> { Int(entryForms[e])..<Int(entryForms[e + 1]) }
}
