import Foundation
@testable import OnomaKit
import OnomaTestSupport
import Testing

/// The index build prepares forms in chunks on every core and files them in entry order: the
/// index must not depend on how the entries were chunked.
@Suite struct LookupIndexBuildTests {
    static let surnames = try! KoreanSurnameSpellings(contentsOf: TestPaths.dictionaries
        .appendingPathComponent("reference").appendingPathComponent(KoreanSurnameSpellings.fileName))

    static func build(_ glossaries: [Glossary], chunks: Int) throws -> LookupIndex {
        try LookupIndex(glossaries: glossaries, surnames: surnames, deriver: try RomanizationDeriver(dictionaries: TestPaths.dictionaries), chunks: chunks)
    }

    static let glossaries: [Glossary] = {
        let synthetic = try! SyntheticGlossary(count: 3_000, dataDirectory: TestPaths.dictionaries)
        return [synthetic.glossary, SampleGlossary.glossary]
    }()

    /// One chunk, a few, more chunks than cores, and more chunks than entries (most empty):
    /// the stored index is the same, byte for byte.
    @Test func sameIndexWhateverTheChunks() throws {
        let reference = LookupIndexCache.write(try Self.build(Self.glossaries, chunks: 1), contentHash: 0)
        for chunks in [2, 7, 16, 5_000] {
            let bytes = LookupIndexCache.write(try Self.build(Self.glossaries, chunks: chunks), contentHash: 0)
            // Compared whole, reported by the first difference (the arrays are megabytes).
            let firstDifference = bytes.indices.first { $0 >= reference.count || bytes[$0] != reference[$0] }
                ?? (bytes.count == reference.count ? nil : bytes.count)
            #expect(firstDifference == nil, "\(chunks) chunks: the stored index differs from offset \(firstDifference ?? 0)")
        }
    }

    /// Names at the edges — folding to nothing, digits only, mixed scripts, thousands of
    /// syllables or tokens, a family part longer than the name or on an organization, an
    /// empty name list — build, and build the same index in any chunks.
    @Test func oddNamesBuildAlike() throws {
        let long = String(repeating: "가나다", count: 3_000), tokens = Array(repeating: "Kim", count: 1_000).joined(separator: " ")
        var entries: [GlossaryEntry] = []
        let odd: [(EntryKind, [NameForm])] = [
            (.person, [NameForm(language: "en", text: "---"), NameForm(language: "en", text: "2")]),
            (.person, [NameForm(language: "ko", text: long), NameForm(language: "en", text: tokens)]),
            (.person, [NameForm(language: "ko", text: "고영아", family: "고영아고"), NameForm(language: "en", text: "Koh Young-aah", family: "Koh Young aah Koh")]),
            (.organization, [NameForm(language: "en", text: "The Co. & Ltd.", family: "The"), NameForm(language: "ko", text: "김 Kim 金")]),
            (.place, [NameForm(language: "zh-Hans", text: "北京", family: "北京市"), NameForm(language: "ko", text: "서울 2가")]),
            (.person, []),
        ]
        for i in 0..<600 {
            let (kind, names) = odd[i % odd.count]
            entries.append(GlossaryEntry(id: "odd-\(i)", kind: kind, names: names))
        }
        let glossaries = [Glossary(name: "odd", entries: entries)]
        let one = try Self.build(glossaries, chunks: 1)
        #expect(one.entries.count == 600)
        #expect(one.forms(ofEntry: 5).isEmpty && one.forms(ofEntry: 0).count == 1)  // "---" folds to nothing
        let reference = LookupIndexCache.write(one, contentHash: 0)
        for chunks in [3, 64] {
            let bytes = LookupIndexCache.write(try Self.build(glossaries, chunks: chunks), contentHash: 0)
            let same = bytes == reference  // compared here: a failure would print megabytes
            #expect(same, "\(chunks) chunks")
        }
    }

    /// Every entry's forms name it and follow the previous entry's; groups are numbered in the
    /// order of their first form, and the forms of a group read the same.
    @Test func formsAndGroupsAreFiledInEntryOrder() throws {
        let index = try Self.build(Self.glossaries, chunks: 5)
        #expect(index.entries.count == Self.glossaries.reduce(0) { $0 + $1.entries.count })
        #expect(index.entryForms.first == 0 && Int(index.entryForms.last!) == index.forms.count)
        for e in 0..<index.entries.count {
            for f in index.forms(ofEntry: e) { #expect(index.forms.entry(f) == Int32(e)) }
        }
        var lastFirst = -1
        for g in 0..<index.groups.count {
            let first = index.groups.first(g)
            #expect(first > lastFirst)
            lastFirst = first
            for f in index.groups[g] {
                let f = Int(f)
                #expect(index.forms.script(f) == index.forms.script(first))
                #expect(index.forms.familyUnits(f) == index.forms.familyUnits(first))
                #expect(index.forms.hangul(f) == index.forms.hangul(first))
                #expect(index.forms.latin(f) == index.forms.latin(first))
            }
        }
        #expect(index.groupVowels.count == index.groups.count && index.groupVowelsRotated.count == index.groups.count)
    }

    /// Keys with the same digest but other units or family stay apart; the table keeps its
    /// groups as it grows past its first size.
    @Test func readingKeyTableSeparatesCollisions() {
        var table = ReadingKeyTable()
        func group(_ digest: UInt64, _ family: Int32, _ units: [UInt16]) -> (Int32, Bool) {
            units.withUnsafeBufferPointer { let r = table.group(digest: digest, family: family, units: $0); return (r.0, r.isNew) }
        }
        #expect(group(7, 1, [1, 2]) == (0, true))
        #expect(group(7, 1, [1, 2]) == (0, false))
        #expect(group(7, 0, [1, 2]) == (1, true))    // same digest, other family
        #expect(group(7, 1, [1, 3]) == (2, true))    // same digest, other units
        #expect(group(7, 1, [1, 2, 3]) == (3, true))  // same digest, longer
        #expect(group(7, 1, []) == (4, true))
        var wrong = 0
        for i in 0..<100_000 where group(UInt64(i) &* 0x9E37_79B9_7F4A_7C15, 0, [UInt16(truncatingIfNeeded: i), UInt16(i >> 16)]) != (Int32(5 + i), true) { wrong += 1 }
        #expect(wrong == 0)
        #expect(table.count == 100_005)
        #expect(group(7, 1, [1, 3]) == (2, false))
        for i in stride(from: 0, to: 100_000, by: 997) {
            #expect(group(UInt64(i) &* 0x9E37_79B9_7F4A_7C15, 0, [UInt16(truncatingIfNeeded: i), UInt16(i >> 16)]) == (Int32(5 + i), false))
        }
    }
}
