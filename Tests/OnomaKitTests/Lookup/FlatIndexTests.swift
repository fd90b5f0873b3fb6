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

    @Test(arguments: [0, 1, 2, 3])
    func latinLettersRotateLikeLatinLetters(by count: Int) {
        let t = Self.table()
        let letters = Self.forms[1].latin!
        #expect(t.latinLetters(1, rotatedBy: count) == letters.rotated(movingFirst: count).letters)
        #expect(t.latinLetters(0).isEmpty)  // a Hangul form has no letters
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

    /// A query's normalized key is computed from its tokens directly; it must be the key the
    /// index files forms under (computed from their units).
    @Test(arguments: ["고영아", "Koh Young-aah", "杨占峰", "Yang Zhan Feng", "김구 2", "The Korea Herald Co."])
    func queryKeyIsTheIndexKey(_ text: String) {
        let folded = NameText(text)
        #expect(LookupIndex.hash(folded) == LookupIndex.hash(LookupIndex.units(of: folded)))
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
