import Foundation

/// Building the index from glossaries: the forms are folded and keyed on every core, in
/// chunks of entries, into flat per-chunk tables (``PreparedChunk``); the chunks' forms are
/// then filed in entry order, each posting table by its own task, so the index is the same,
/// byte for byte, whatever the number of cores.
extension LookupIndex {
    /// Builds the index.
    /// - Parameter chunks: how many chunks of entries to prepare (default: four per core; one
    ///   below 2,000 entries). The index does not depend on it; tests vary it to check that.
    /// - Throws: ``LookupError/duplicateID(id:first:second:)`` when two entries share an id.
    /// - Complexity: O(total name length); about 2 µs of one core per name form (0.33 s on two
    ///   cores for 320,000 forms).
    init(glossaries: [Glossary], surnames: KoreanSurnameSpellings, deriver: any NameFormDeriver, chunks: Int? = nil) throws(LookupError) {
        var list: [GlossaryEntry] = []
        var seen: [String: String] = [:]
        for g in glossaries {
            for e in g.entries {
                if let first = seen[e.id] { throw .duplicateID(id: e.id, first: first, second: g.source ?? g.name) }
                seen[e.id] = g.source ?? g.name
                list.append(e)
            }
        }
        // Folding, deriving and keying every form is independent work: done on every core.
        let chunkCount = max(1, chunks ?? (list.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunkSize = (list.count + chunkCount - 1) / max(1, chunkCount)
        let slots = ResultSlots<PreparedChunk>(count: chunkCount)
        let entryList = list
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            let start = min(entryList.count, c * chunkSize), end = min(entryList.count, start + chunkSize)
            var chunk = PreparedChunk(surnames: surnames, expectedEntries: end - start)
            for ei in start..<end { chunk.add(entryList[ei], number: ei, deriver: deriver) }
            slots.set(c, chunk)
        }
        let prepared = (0..<chunkCount).map { slots[$0] ?? PreparedChunk(surnames: surnames, expectedEntries: 0) }
        let estimate = list.reduce(0) { $0 + $1.names.count } * 2
        // Filing: the forms and entries, the exact table, the normalized table and the reading
        // groups are independent of each other; each is filed in entry order by one task.
        let filed = Filed()
        DispatchQueue.concurrentPerform(iterations: 4) { task in
            switch task {
            case 0: filed.tables = LookupIndex.mergeTables(prepared)
            case 1: filed.exact = LookupIndex.fileExact(prepared, capacity: estimate / 2)
            case 2: filed.normalized = LookupIndex.fileNormalized(prepared, capacity: estimate)
            default: filed.groups = LookupIndex.fileGroups(prepared, groups: estimate / 2, skeletons: estimate / 8)
            }
        }
        guard let tables = filed.tables, let exact = filed.exact, let normalized = filed.normalized, let groups = filed.groups else {
            preconditionFailure("every filing task sets its result")
        }
        self.init(entries: tables.entries, forms: tables.forms, entryForms: tables.entryForms, exact: exact, normalized: normalized,
                  groups: groups, surnames: surnames)
    }

    /// Completes an index whose forms are filed: the spelling sets of the Hangul reading
    /// groups, and the vowel runs those groups may have.
    private init(entries: EntryTable, forms: FormTable, entryForms: [Int32], exact: PostingTable, normalized: PostingTable,
                 groups filed: FiledGroups, surnames: KoreanSurnameSpellings) {
        // Spelling sets for the syllables and surnames of Hangul reading groups.
        var syllableUsed = [Bool](repeating: false, count: 11_172)
        var families = Set<[UInt16]>()
        let groups = filed.groups
        for g in 0..<groups.count {
            let f = groups.first(g)
            guard forms.script(f) == .hangul else { continue }
            let hangul = forms.hangulSlice(f), family = forms.familyUnits(f)
            for s in hangul where Int(s) < syllableUsed.count { syllableUsed[Int(s)] = true }
            if family > 0 { families.insert(Array(hangul.prefix(family))) }
        }
        var familiesInUse: [UInt16] = []
        for fam in families.sorted(by: { $0.lexicographicallyPrecedes($1) }) { familiesInUse.append(UInt16(fam.count)); familiesInUse.append(contentsOf: fam) }
        self.init(entries: entries, forms: forms, entryForms: entryForms, exact: exact, normalized: normalized,
                  skeletonHangul: filed.skeletonHangul, skeletonLatin: filed.skeletonLatin, groups: groups, groupVowels: filed.vowels,
                  groupVowelsRotated: [], syllablesInUse: syllableUsed.indices.filter { syllableUsed[$0] }.map { UInt16($0) },
                  familiesInUse: familiesInUse, surnames: surnames)
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

    /// The filing tasks' results.
    private final class Filed: @unchecked Sendable {
        // @unchecked: each task writes one property of its own; read after the tasks have returned.
        var tables: (entries: EntryTable, forms: FormTable, entryForms: [Int32])?
        var exact: PostingTable?
        var normalized: PostingTable?
        var groups: FiledGroups?
    }

    /// The reading groups filed, with their skeleton tables and Latin vowel runs.
    private struct FiledGroups {
        var groups: ReadingGroups
        var vowels: [UInt64]
        var skeletonHangul: PostingTable
        var skeletonLatin: PostingTable
    }

    /// The chunks' entries and forms, one after the other, and the first form of each entry.
    private static func mergeTables(_ chunks: [PreparedChunk]) -> (entries: EntryTable, forms: FormTable, entryForms: [Int32]) {
        var entries = EntryTable(), forms = FormTable(), entryForms: [Int32] = []
        entryForms.reserveCapacity(chunks.reduce(1) { $0 + $1.entryForms.count })
        for chunk in chunks {
            let base = Int32(forms.count)
            for first in chunk.entryForms { entryForms.append(base + first) }
            entries.append(contentsOf: chunk.entries)
            forms.append(contentsOf: chunk.forms)
        }
        entryForms.append(Int32(forms.count))
        return (entries, forms, entryForms)
    }

    /// The exact table: every form under the hash of its text.
    private static func fileExact(_ chunks: [PreparedChunk], capacity: Int) -> PostingTable {
        var table = PostingTable(capacity: capacity)
        var number: UInt32 = 0
        for chunk in chunks {
            for k in chunk.keys {
                table.insert(k.exact, number << PostingFlag.shift)
                number += 1
            }
        }
        table.compact()
        return table
    }

    /// The normalized table: every form under its normalized key, its key in the other name
    /// order, and its organization key.
    private static func fileNormalized(_ chunks: [PreparedChunk], capacity: Int) -> PostingTable {
        var table = PostingTable(capacity: capacity)
        var number: UInt32 = 0
        for chunk in chunks {
            for k in chunk.keys {
                let value = number << PostingFlag.shift
                table.insert(k.normalized, value)
                if k.flags & FormKeys.hasSwapped != 0 { table.insert(k.swapped, value | PostingFlag.swapped) }
                if k.flags & FormKeys.hasOrganization != 0 { table.insert(k.organization, value | PostingFlag.organization) }
                number += 1
            }
        }
        table.compact()
        return table
    }

    /// The reading groups (forms with the same reading key, numbered in order of their first
    /// form) and the skeleton postings of each group's first form.
    private static func fileGroups(_ chunks: [PreparedChunk], groups expectedGroups: Int, skeletons: Int) -> FiledGroups {
        var skeletonHangul = PostingTable(capacity: skeletons), skeletonLatin = PostingTable(capacity: skeletons)
        var finder = ReadingKeyTable(capacity: expectedGroups)
        var vowels: [UInt64] = []
        // The group of each reading form, then the groups laid out by counting.
        var members: [(form: Int32, group: Int32)] = []
        members.reserveCapacity(chunks.reduce(0) { $0 + $1.keys.count })
        var number: Int32 = 0
        for chunk in chunks {
            chunk.readingUnits.withUnsafeBufferPointer { units in
                for k in chunk.keys {
                    defer { number += 1 }
                    guard k.flags & FormKeys.hasReading != 0 else { continue }
                    let key = UnsafeBufferPointer(rebasing: units[Int(k.unitsStart)..<Int(k.unitsEnd)])
                    let (group, isNew) = finder.group(digest: k.digest, family: k.family, units: key)
                    members.append((number, group))
                    guard isNew else { continue }
                    vowels.append(k.vowels)
                    let gv = UInt32(group) << PostingFlag.shift
                    for s in Int(k.skeletonsStart)..<Int(k.skeletonsEnd) {
                        let posting = chunk.skeletons[s]
                        let value = posting.swapped ? gv | PostingFlag.swapped : gv
                        if k.flags & FormKeys.isLatin != 0 { skeletonLatin.insert(posting.key, value) } else { skeletonHangul.insert(posting.key, value) }
                    }
                }
            }
        }
        skeletonHangul.compact(); skeletonLatin.compact()
        var starts = [UInt32](repeating: 0, count: finder.count + 1)
        for m in members { starts[Int(m.group) + 1] += 1 }
        for g in 0..<finder.count { starts[g + 1] += starts[g] }
        var next = starts
        var flat = [Int32](repeating: 0, count: members.count)
        for m in members { flat[Int(next[Int(m.group)])] = m.form; next[Int(m.group)] += 1 }
        guard let groups = ReadingGroups(starts: starts, members: flat, formCount: Int(number)) else {
            preconditionFailure("reading groups laid out by counting are consistent")
        }
        return FiledGroups(groups: groups, vowels: vowels, skeletonHangul: skeletonHangul, skeletonLatin: skeletonLatin)
    }

    /// The normalized-key hash of `folded` with its first `family` units (tokens for Latin,
    /// characters otherwise) moved to the end: the key of the other name order.
    static func swappedHash(_ folded: NameText, family: Int) -> UInt64 {
        var unitCount = 0
        for t in folded.tokens { unitCount += LookupIndex.isWholeUnit(t.script) ? 1 : t.scalars.count }
        guard family > 0, family < unitCount else { return hash(folded) }
        var h = StableHash()
        // The units from `family` on, then the first `family`.
        for pass in 0..<2 {
            var unit = 0
            for t in folded.tokens {
                if LookupIndex.isWholeUnit(t.script) {
                    if (unit >= family) == (pass == 0) { for s in t.scalars { h.combine(s.value) } }
                    unit += 1
                } else {
                    for s in t.scalars {
                        if (unit >= family) == (pass == 0) { h.combine(s.value) }
                        unit += 1
                    }
                }
            }
        }
        return h.value
    }

    /// Whether a token of this script is one unit of name order (a Latin word), rather than
    /// one unit a character (Hangul, Han).
    @inline(__always) static func isWholeUnit(_ script: NameText.Script) -> Bool {
        script == .latin || script == .digits || script == .other
    }

    /// A skeleton key of a reading form, and whether it reads the name given name first.
    struct SkeletonPosting: Sendable, Equatable {
        var key: UInt64
        var swapped: Bool
    }

    /// Scratch arrays for skeletons, reused from form to form.
    struct SkeletonScratch {
        var symbols: [UInt8] = []
        var family: [UInt8] = []
        var given: [UInt8] = []
    }

    /// The skeleton keys of a Hangul name: with each known spelling of its surname, in both
    /// name orders.
    static func hangulSkeletons(_ hangul: [UInt16], family: Int, surnames: KoreanSurnameSpellings) -> [SkeletonPosting] {
        var out: [SkeletonPosting] = [], scratch = SkeletonScratch()
        appendHangulSkeletons(hangul[...], family: family, surnames: surnames, into: &out, scratch: &scratch)
        return out
    }

    /// Appends ``hangulSkeletons(_:family:surnames:)`` to `out`.
    static func appendHangulSkeletons(_ hangul: ArraySlice<UInt16>, family: Int, surnames: KoreanSurnameSpellings,
                                      into out: inout [SkeletonPosting], scratch: inout SkeletonScratch) {
        let first = out.count
        scratch.symbols.removeAll(keepingCapacity: true)
        PhoneticSkeleton.appendHangul(hangul, into: &scratch.symbols)
        out.append(SkeletonPosting(key: PhoneticSkeleton.key(scratch.symbols), swapped: false))
        guard family > 0, family < hangul.count else { return }
        scratch.family.removeAll(keepingCapacity: true); scratch.given.removeAll(keepingCapacity: true)
        PhoneticSkeleton.appendHangul(hangul.prefix(family), into: &scratch.family)
        PhoneticSkeleton.appendHangul(hangul.dropFirst(family), into: &scratch.given)
        // The surname as its syllables read, then each distinct table spelling of it.
        func add(_ f: [UInt8], _ scratch: inout SkeletonScratch) {
            scratch.symbols.removeAll(keepingCapacity: true)
            scratch.symbols.append(contentsOf: f)
            for g in scratch.given { PhoneticSkeleton.push(g, into: &scratch.symbols) }
            let natural = PhoneticSkeleton.key(scratch.symbols)
            // A handful of keys: a linear search beats a set.
            if !out[first...].contains(where: { !$0.swapped && $0.key == natural }) { out.append(SkeletonPosting(key: natural, swapped: false)) }
            scratch.symbols.removeAll(keepingCapacity: true)
            scratch.symbols.append(contentsOf: scratch.given)
            for g in f { PhoneticSkeleton.push(g, into: &scratch.symbols) }
            out.append(SkeletonPosting(key: PhoneticSkeleton.key(scratch.symbols), swapped: true))
        }
        let jamoFamily = scratch.family
        add(jamoFamily, &scratch)
        for s in surnames.skeletons(of: hangul.prefix(family)) where s != jamoFamily { add(s, &scratch) }
    }
}

/// The keys of one prepared form, flat (no allocation a form): what filing needs.
struct FormKeys: Sendable {
    static let hasSwapped: UInt8 = 1, hasOrganization: UInt8 = 2, hasReading: UInt8 = 4, isLatin: UInt8 = 8

    var exact: UInt64 = 0
    var normalized: UInt64 = 0
    /// The normalized key in the other name order (``hasSwapped``).
    var swapped: UInt64 = 0
    /// The organization key (``hasOrganization``).
    var organization: UInt64 = 0
    var flags: UInt8 = 0
    /// For a reading form (``hasReading``): its reading key — family units, digest, and the
    /// units at `unitsStart..<unitsEnd` in the chunk's ``PreparedChunk/readingUnits`` — its
    /// skeleton postings at `skeletonsStart..<skeletonsEnd` in ``PreparedChunk/skeletons``,
    /// and the vowel runs of a Latin form (``VowelRuns``).
    var family: Int32 = 0
    var digest: UInt64 = 0
    var unitsStart: Int32 = 0, unitsEnd: Int32 = 0
    var skeletonsStart: Int32 = 0, skeletonsEnd: Int32 = 0
    var vowels: UInt64 = VowelRuns.Latin.unknown.raw
}

/// The forms of one chunk of entries, folded and keyed by one worker, stored flat: a
/// chunk-local ``FormTable`` and ``EntryTable``, and a ``FormKeys`` record per form.
struct PreparedChunk: Sendable {
    var entries = EntryTable()
    var forms = FormTable()
    /// The first form (chunk-local) of each of the chunk's entries.
    var entryForms: [Int32] = []
    /// One per form, in form order.
    var keys: [FormKeys] = []
    /// The reading keys' units, one after the other: Hangul syllables, or Latin letters with
    /// 0xFFFF before each token.
    var readingUnits: [UInt16] = []
    var skeletons: [LookupIndex.SkeletonPosting] = []
    let surnames: KoreanSurnameSpellings
    private var hangul: [UInt16] = []
    private var latin: [UInt8] = []
    private var tokenStarts: [Int] = []
    private var scratch = LookupIndex.SkeletonScratch()

    init(surnames: KoreanSurnameSpellings, expectedEntries: Int) {
        self.surnames = surnames
        entryForms.reserveCapacity(expectedEntries)
        keys.reserveCapacity(expectedEntries * 4)
    }

    /// Adds an entry: its stored names and the forms derived from them.
    mutating func add(_ entry: GlossaryEntry, number: Int, deriver: any NameFormDeriver) {
        entries.append(entry)
        entryForms.append(Int32(keys.count))
        for (ni, name) in entry.names.enumerated() {
            let deprecated = name.status == .deprecated
            add(text: name.text, family: name.family, derivation: nil, entry: number, name: ni, kind: entry.kind, deprecated: deprecated)
            for d in deriver.derivedForms(of: name, kind: entry.kind) where d.text != name.text {
                add(text: d.text, family: d.family, derivation: d.label, entry: number, name: ni, kind: entry.kind, deprecated: deprecated)
            }
        }
    }

    /// Folds and keys one form; a form that folds to nothing is left out.
    mutating func add(text: String, family: String?, derivation: String?, entry: Int, name: Int, kind: EntryKind, deprecated: Bool) {
        let folded = NameText(text)
        if folded.isEmpty { return }
        let script = folded.script
        let personal = kind == .person
        var familyUnits = 0
        hangul.removeAll(keepingCapacity: true)
        latin.removeAll(keepingCapacity: true)
        tokenStarts.removeAll(keepingCapacity: true)
        switch script {
        case .hangul:
            // Digit tokens ("2세") do not count for the script and are not syllables.
            for t in folded.tokens where t.script == .hangul { for s in t.scalars { hangul.append(UInt16(s.value - 0xAC00)) } }
            if personal {
                if let family, !family.isEmpty {
                    familyUnits = family.unicodeScalars.reduce(0) { $0 + ($1.value >= 0xAC00 && $1.value <= 0xD7A3 ? 1 : 0) }
                } else {
                    familyUnits = surnames.familyLength(of: hangul)
                }
                if familyUnits >= hangul.count { familyUnits = 0 }
            }
        case .latin:
            // Packed letters (``LatinLetters/packed``): bit 7 marks each token's first letter.
            for t in folded.tokens where !t.scalars.isEmpty {
                tokenStarts.append(latin.count)
                for (i, s) in t.scalars.enumerated() { latin.append(UInt8(truncatingIfNeeded: s.value) | (i == 0 ? 0x80 : 0)) }
            }
            if personal && folded.tokens.count > 1 {
                if let family, !family.isEmpty {
                    familyUnits = NameText(family).tokens.count
                } else if let comma = folded.tokens.firstIndex(where: \.commaAfter), comma + 1 < folded.tokens.count {
                    familyUnits = comma + 1
                } else {
                    familyUnits = 1
                }
                if familyUnits >= folded.tokens.count { familyUnits = 0 }
            }
        case .han:
            if personal {
                let chars = folded.tokens.reduce(0) { $0 + $1.scalars.count }
                let familyChars = family.map { $0.unicodeScalars.reduce(0) { $0 + (NameText.isHan($1.value) ? 1 : 0) } } ?? 1
                familyUnits = familyChars < chars ? familyChars : 0
            }
        default:
            break
        }
        hangul.withUnsafeBufferPointer { h in
            latin.withUnsafeBufferPointer { l in
                forms.append(entry: Int32(entry), name: Int32(name), derivation: derivation, text: text, script: script, familyUnits: familyUnits,
                             deprecated: deprecated, hangul: h, latin: l)
            }
        }
        var k = FormKeys()
        k.exact = StableHash.of(text.unicodeScalars)
        k.normalized = LookupIndex.hash(folded)
        if familyUnits > 0 {
            k.swapped = LookupIndex.swappedHash(folded, family: familyUnits)
            k.flags |= FormKeys.hasSwapped
        }
        if kind == .organization {
            k.organization = OrganizationFolding.keyHash(folded)
            k.flags |= FormKeys.hasOrganization
        }
        // A Hangul form with digits has no reading (as a Hangul query with digits has none).
        let reading = script == .latin || (script == .hangul && folded.tokens.allSatisfy { $0.script == .hangul })
        guard (kind == .person || kind == .place) && reading else { keys.append(k); return }
        k.flags |= FormKeys.hasReading
        k.family = Int32(familyUnits)
        k.unitsStart = Int32(readingUnits.count)
        if script == .hangul {
            readingUnits.append(contentsOf: hangul)
        } else {
            for b in latin {
                if b & 0x80 != 0 { readingUnits.append(0xFFFF) }
                readingUnits.append(UInt16(b & 0x7F))
            }
        }
        k.unitsEnd = Int32(readingUnits.count)
        var digest = StableHash()
        digest.combine(UInt32(truncatingIfNeeded: familyUnits))
        for u in readingUnits[Int(k.unitsStart)...] { digest.combine(UInt32(u)) }
        k.digest = digest.value
        k.skeletonsStart = Int32(skeletons.count)
        if script == .latin {
            k.flags |= FormKeys.isLatin
            let packed = latin
            packed.withUnsafeBufferPointer { packed in
                k.vowels = VowelRuns.latin(packed).raw
                // The skeleton in reading order and, with a known family part, given name
                // first (the tokens from `familyUnits` on, then the others).
                let n = tokenStarts.count
                func skeleton(movingFirst moved: Int) -> UInt64 {
                    scratch.symbols.removeAll(keepingCapacity: true)
                    for j in 0..<n {
                        let t = (j + moved) % n
                        let end = t + 1 < n ? tokenStarts[t + 1] : packed.count
                        PhoneticSkeleton.appendLatin(UnsafeBufferPointer(rebasing: packed[tokenStarts[t]..<end]), into: &scratch.symbols)
                    }
                    return PhoneticSkeleton.key(scratch.symbols)
                }
                skeletons.append(LookupIndex.SkeletonPosting(key: skeleton(movingFirst: 0), swapped: false))
                if familyUnits > 0 {
                    skeletons.append(LookupIndex.SkeletonPosting(key: skeleton(movingFirst: familyUnits < n ? familyUnits : 0), swapped: true))
                }
            }
        } else {
            LookupIndex.appendHangulSkeletons(hangul[...], family: familyUnits, surnames: surnames, into: &skeletons, scratch: &scratch)
        }
        k.skeletonsEnd = Int32(skeletons.count)
        keys.append(k)
    }
}

/// The reading group of each distinct reading key (family units and units), by open
/// addressing on the key's digest; each group's key is kept in one pool to check equality.
struct ReadingKeyTable {
    /// Group + 1 per slot, 0 for an empty slot; a power of two in size.
    private var slots: [Int32]
    private var digests: [UInt64] = []
    private var families: [Int32] = []
    /// Group g's units are `units[unitStarts[g]..<unitStarts[g + 1]]`.
    private var unitStarts: [Int32] = [0]
    private var units: [UInt16] = []

    /// An empty table sized for `capacity` groups (it grows when there are more).
    init(capacity: Int = 0) {
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        digests.reserveCapacity(capacity)
        families.reserveCapacity(capacity)
        unitStarts.reserveCapacity(capacity + 1)
    }

    /// Number of groups.
    var count: Int { digests.count }

    /// The group of a reading key, and whether it is new (numbered next).
    mutating func group(digest: UInt64, family: Int32, units key: UnsafeBufferPointer<UInt16>) -> (Int32, isNew: Bool) {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: digest ^ digest >> 32) & mask
        while slots[i] != 0 {
            let g = Int(slots[i] - 1)
            if digests[g] == digest && families[g] == family && equal(g, key) { return (Int32(g), false) }
            i = (i + 1) & mask
        }
        let g = Int32(count)
        slots[i] = g + 1
        digests.append(digest); families.append(family)
        units.append(contentsOf: key); unitStarts.append(Int32(units.count))
        return (g, true)
    }

    private func equal(_ g: Int, _ key: UnsafeBufferPointer<UInt16>) -> Bool {
        let start = Int(unitStarts[g]), end = Int(unitStarts[g + 1])
        guard end - start == key.count else { return false }
        for j in 0..<key.count where units[start + j] != key[j] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for g in 0..<count {
            var i = Int(truncatingIfNeeded: digests[g] ^ digests[g] >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(g + 1)
        }
    }
}
