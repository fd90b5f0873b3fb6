import Foundation
@testable import OnomaKit
import Testing

/// The flat stores the lookup index is made of (and that the index cache restores): what goes in
/// comes out, and inconsistent arrays are refused rather than trusted.
@Suite struct FlatIndexTests {
    static func latin(_ tokens: [String]) -> LatinLetters { LatinLetters(tokens: tokens.map { Array($0.utf8) }) }

    static let forms: [IndexedForm] = [
        IndexedForm(entry: 0, name: 0, derivation: nil, text: "고영아", script: .hangul, familyUnits: 1,
                    hangul: "고영아".unicodeScalars.map { UInt16($0.value - 0xAC00) }, latin: nil),
        IndexedForm(entry: 0, name: 1, derivation: nil, text: "Koh Young-aah", script: .latin, familyUnits: 1,
                    hangul: [], latin: latin(["koh", "young", "aah"])),
        IndexedForm(entry: 1, name: 0, derivation: "Wade–Giles", text: "Yang Chan-feng", script: .latin, familyUnits: 1,
                    hangul: [], latin: latin(["yang", "chan", "feng"])),
        IndexedForm(entry: 1, name: 0, derivation: "pinyin", text: "杨占峰", script: .han, familyUnits: 1, hangul: [], latin: nil),
    ]

    static func table() -> FormTable {
        var t = FormTable()
        for (i, f) in forms.enumerated() { t.append(f, deprecated: i == 1) }
        return t
    }

    @Test func formsComeBackAsStored() {
        let t = Self.table()
        #expect(t.count == 4)
        for (i, f) in Self.forms.enumerated() {
            let back = t[i]
            #expect(back.entry == f.entry)
            #expect(back.name == f.name)
            #expect(back.text == f.text)
            #expect(back.script == f.script)
            #expect(back.derivation == f.derivation)
            #expect(back.familyUnits == f.familyUnits)
            #expect(back.hangul == f.hangul)
            #expect(back.latin == f.latin)
            #expect(t.isDerived(i) == (f.derivation != nil))
            #expect(t.isDeprecated(i) == (i == 1))
            #expect(Array(f.text.utf8).withUnsafeBufferPointer { t.textEquals(i, $0) })
            #expect(!Array((f.text + "x").utf8).withUnsafeBufferPointer { t.textEquals(i, $0) })
        }
        // Two labels, each stored once.
        #expect(t.labels == ["Wade–Giles", "pinyin"])
    }

    /// "Koh Young-aah" with its first tokens moved to the end (all three: no rotation).
    @Test(arguments: [(0, "kohyoungaah"), (1, "youngaahkoh"), (2, "aahkohyoung"), (3, "kohyoungaah")])
    func latinLettersRotate(by count: Int, expected: String) {
        let t = Self.table()
        #expect(t.latinLetters(1, rotatedBy: count) == Array(expected.utf8))
        #expect(t.latinLetters(0).isEmpty)  // a Hangul form has no letters
    }

    /// Tables built in pieces and appended one after the other are the table built in one go:
    /// text and script data rebased, derivation labels renumbered ("pinyin" is label 1 in the
    /// second piece and label 2 of the whole).
    @Test func appendingTablesIsAppendingTheirForms() {
        let whole = Self.table()
        var merged = FormTable(), second = FormTable(), empty = FormTable()
        merged.append(Self.forms[0], deprecated: false)
        merged.append(Self.forms[1], deprecated: true)
        second.append(Self.forms[3], deprecated: false)
        var rest = FormTable()
        rest.append(Self.forms[2], deprecated: false)
        rest.append(contentsOf: empty)
        var tail = rest
        tail.append(contentsOf: second)
        #expect(second.labels == ["pinyin"])
        merged.append(contentsOf: tail)
        merged.append(contentsOf: empty)
        #expect(merged.words == whole.words)
        #expect(merged.text == whole.text)
        #expect(merged.hangul == whole.hangul)
        #expect(merged.latin == whole.latin)
        #expect(merged.labels == whole.labels)
        empty.append(contentsOf: whole)
        #expect(empty.words == whole.words && empty.labels == whole.labels)
    }

    @Test func packedLatinMarksTokenStarts() {
        let l = Self.latin(["koh", "young", "aah"])
        // "koh young aah" with bit 7 on k, y and the first a.
        let expected: [UInt8] = [0xEB, 0x6F, 0x68, 0xF9, 0x6F, 0x75, 0x6E, 0x67, 0xE1, 0x61, 0x68]
        #expect(l.packed == expected)
        #expect(LatinLetters(packed: l.packed) == l)
    }

    @Test func inconsistentFormArraysAreRefused() {
        let t = Self.table()
        #expect(FormTable(words: t.words, text: t.text, hangul: t.hangul, latin: t.latin, labels: t.labels, entryCount: 2) != nil)
        // A form naming an entry that does not exist.
        #expect(FormTable(words: t.words, text: t.text, hangul: t.hangul, latin: t.latin, labels: t.labels, entryCount: 1) == nil)
        // Text shorter than the records say.
        #expect(FormTable(words: t.words, text: Array(t.text.dropLast()), hangul: t.hangul, latin: t.latin, labels: t.labels, entryCount: 2) == nil)
        // A derivation label missing.
        #expect(FormTable(words: t.words, text: t.text, hangul: t.hangul, latin: t.latin, labels: [], entryCount: 2) == nil)
        // A partial record.
        #expect(FormTable(words: Array(t.words.dropLast()), text: t.text, hangul: t.hangul, latin: t.latin, labels: t.labels, entryCount: 2) == nil)
    }

    static let entries = [
        GlossaryEntry(id: "koh-young-aah", kind: .person, names: [
            NameForm(language: "ko", text: "고영아", family: "고", given: "영아"),
            NameForm(language: "en", text: "Koh Young-aah", status: .preferred)], notes: ["reporter"]),
        GlossaryEntry(id: "yang-zhanfeng", kind: .person, names: [NameForm(language: "zh-Hans", text: "杨占峰")]),
        GlossaryEntry(id: "korea-herald", kind: .organization, names: [NameForm(language: "en", text: "The Korea Herald", status: .preferred)]),
    ]

    @Test func entriesComeBackWholeAndTablesConcatenate() {
        var whole = EntryTable()
        for e in Self.entries { whole.append(e) }
        #expect(whole.count == 3)
        #expect(whole.all == Self.entries)
        // Built in two pieces (as the build's workers do) and joined: the same table.
        var first = EntryTable(), second = EntryTable()
        first.append(Self.entries[0])
        second.append(Self.entries[1]); second.append(Self.entries[2])
        first.append(contentsOf: second)
        #expect(first.offsets == whole.offsets)
        #expect(first.bytes == whole.bytes)
        #expect(EntryTable(offsets: whole.offsets, bytes: whole.bytes) != nil)
        #expect(EntryTable(offsets: whole.offsets, bytes: Array(whole.bytes.dropLast())) == nil)
        #expect(EntryTable(offsets: [0, 5, 3, UInt32(whole.bytes.count)], bytes: whole.bytes) == nil)
    }

    @Test func readingGroupsRefuseBadArrays() {
        let g = ReadingGroups([[0, 1], [2], [3]])
        #expect(g.count == 3)
        #expect(Array(g[0]) == [0, 1])
        #expect(g.first(2) == 3)
        #expect(ReadingGroups(starts: g.starts, members: g.members, formCount: 4) != nil)
        #expect(ReadingGroups(starts: g.starts, members: g.members, formCount: 3) == nil)  // form 3 does not exist
        #expect(ReadingGroups(starts: [0, 2, 2, 4], members: g.members, formCount: 4) == nil)  // an empty group
    }

    @Test func compactingKeepsEveryPosting() {
        var t = PostingTable(capacity: 100_000)
        for k in 0..<500 { t.insert(UInt64(k % 97) &* 0x9E37_79B9, UInt32(k)) }
        var before: [UInt64: [UInt32]] = [:]
        for k in 0..<97 { t.forEach(UInt64(k) &* 0x9E37_79B9) { before[UInt64(k), default: []].append($0) } }
        let slots = t.keys.count
        t.compact()
        #expect(t.keys.count < slots)
        for k in 0..<97 {
            var after: [UInt32] = []
            t.forEach(UInt64(k) &* 0x9E37_79B9) { after.append($0) }
            #expect(after == before[UInt64(k)])
        }
        #expect(t.keyCount == 97)
        #expect(t.count == 500)
    }

    @Test func mappedFileReadsTheBytesAndRefusesWhatIsNoFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-mapped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: url)
        let file = try #require(MappedFile(url))
        #expect(Array(file.bytes) == bytes)
        #expect(Array(file.data) == bytes)
        #expect(MappedFile(url.deletingLastPathComponent()) == nil)  // a folder
        #expect(MappedFile(url.appendingPathExtension("missing")) == nil)
        let copy = MappedFile(copying: Data(bytes.prefix(10)))
        #expect(Array(copy.bytes) == Array(bytes.prefix(10)))
    }

    /// The name's units for name order, the plain way: Latin (and digit) tokens whole, Hangul
    /// and Han characters one by one.
    static func units(of folded: NameText) -> [[Unicode.Scalar]] {
        folded.tokens.flatMap { t -> [[Unicode.Scalar]] in
            t.script == .hangul || t.script == .han ? t.scalars.map { [$0] } : [t.scalars]
        }
    }

    static func hash(_ units: [[Unicode.Scalar]]) -> UInt64 { StableHash.of(units.joined()) }

    /// The normalized key (of a query and of a stored form) is the hash of the name's units in
    /// order; the swapped key is that of the units with the family part moved to the end
    /// (none moved when the family part is all of the name).
    @Test(arguments: ["고영아", "Koh Young-aah", "杨占峰", "Yang Zhan Feng", "김구 2", "The Korea Herald Co.", "남궁 민수", "Kim 2 Min", "欧阳 修"])
    func normalizedKeysAreTheUnitsHashed(_ text: String) {
        let folded = NameText(text)
        let units = Self.units(of: folded)
        #expect(LookupIndex.hash(folded) == Self.hash(units))
        for family in 0...units.count + 1 {
            let rotated = family > 0 && family < units.count ? Array(units[family...] + units[..<family]) : units
            #expect(LookupIndex.swappedHash(folded, family: family) == Self.hash(rotated), "family \(family)")
        }
        if units.count > 1 { #expect(LookupIndex.swappedHash(folded, family: 1) != LookupIndex.hash(folded)) }
    }
}

@Suite struct CandidateGroupsTests {
    /// Each group once, in the order first reached, with the orders of all its postings, past
    /// the stack table's capacity too.
    @Test(arguments: [3, 200, 700])
    func deduplicatesInFirstReachedOrder(_ distinct: Int) {
        var rng = SplitMix64(seed: UInt64(distinct))
        var expected: [(UInt32, UInt8)] = []
        var seen: [UInt32: Int] = [:]
        var postings: [(UInt32, UInt8)] = []
        for _ in 0..<(distinct * 3) {
            let g = UInt32(rng.next() % UInt64(distinct)) * 7919
            let o: UInt8 = rng.next() % 2 == 0 ? 1 : 2
            postings.append((g, o))
            if let i = seen[g] { expected[i].1 |= o } else { seen[g] = expected.count; expected.append((g, o)) }
        }
        let got = LookupEngine.CandidateGroups.with { set -> [(UInt32, UInt8)] in
            for (g, o) in postings { set.note(g, LookupEngine.Orders(rawValue: o)) }
            var out: [(UInt32, UInt8)] = []
            set.forEach { g, o in out.append((g, o.rawValue)) }
            return out
        }
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
    }
}
