import Foundation
@testable import OnomaKit
import OnomaTestSupport
import Testing

@Suite struct VowelRunsTests {
    static let surnames = try! KoreanSurnameSpellings(contentsOf: TestPaths.dictionaries
        .appendingPathComponent("reference").appendingPathComponent(KoreanSurnameSpellings.fileName))

    static func syllables(_ s: String) -> [UInt16] { s.unicodeScalars.map { UInt16($0.value - 0xAC00) } }

    /// The units of a Hangul name whose first `family` syllables are the surname.
    static func units(_ hangul: [UInt16], family: Int) -> [MatchUnit] {
        let table = SpellingTable(syllables: Set(hangul), families: family > 0 ? [Array(hangul[0..<family])] : [], surnames: surnames)
        return table.units(hangul, family: family)
    }

    static func packed(_ latin: String) -> [UInt8] {
        LatinLetters(tokens: NameText(latin).tokens.map { $0.scalars.map { UInt8($0.value) } }).packed
    }

    static func runs(_ latin: String) -> VowelRuns.Latin {
        packed(latin).withUnsafeBufferPointer { VowelRuns.latin($0) }
    }

    /// Every accepted spelling of a unit.
    static func spellings(_ set: SpellingSet) -> [[UInt8]] {
        (0..<set.count).map { i in
            let at = SpellingSet.firstSpelling + 2 * i
            let start = Int(set.view.layout[at]), end = Int(set.view.layout[at + 2])
            return Array(UnsafeBufferPointer(start: set.view.bytes + start, count: end - start))
        }
    }

    @Test func latinRunsFollowTheSkeleton() {
        // "Ko Young-a": o and you are one run (the skeleton reads k-V-ng-V), then a.
        let r = Self.runs("Ko Young-a")
        #expect(r.count == 2)
        #expect(r.mask(0) == 8 | 16)  // o, u
        #expect(r.mask(1) == 1)       // a
        // w and y are vowels to the skeleton but add no letter; "wh" reads as h + vowel.
        #expect(Self.runs("Kyung-wha").count == 2)
        #expect(Self.runs("Kyung-wha").mask(1) == 1)
        #expect(Self.runs("Yi").mask(0) == 4)
        #expect(Self.runs(String(repeating: "ka", count: 12)) == .unknown)
    }

    /// Attested spellings of a name pass; names that differ only in a vowel do not.
    @Test(arguments: [
        ("정자남", 1, "Jeong Ja-nam", true), ("정자남", 1, "Chung Cha-nahm", true), ("정자남", 1, "Jung Jin-nam", false),
        ("정자남", 1, "Chong Cho-nom", false), ("고영아", 1, "Ko Young-a", true), ("고영아", 1, "Go Yeong-a", true),
        ("고영아", 1, "Koh Young-aah", true), ("고영아", 1, "Ko Young-i", false), ("김민주", 1, "Kim Min-joo", true),
        ("김민주", 1, "Kim Min-ja", false), ("이수중", 1, "Lee Su-chung", true), ("최경화", 1, "Choi Kyung-wha", true),
    ])
    func filtersByVowels(_ hangul: String, _ family: Int, _ latin: String, _ admitted: Bool) {
        let units = Self.units(Self.syllables(hangul), family: family)
        let runs = Self.runs(latin)
        #expect(VowelRuns.admits(units, rotated: false, latin: runs) == admitted)
        #expect(VowelRuns.Korean(units, rotated: false).admits(runs) == admitted)
        if admitted { #expect(VowelRuns.mayFit(runs, within: VowelRuns.unions(units))) }
        // Never stricter than the matcher.
        let matched = Self.packed(latin).withUnsafeBufferPointer { SyllableMatcher.match(units, packed: $0, rotated: false) } != nil
        if matched { #expect(admitted) }
    }

    /// The filter's promise: whatever the matcher accepts, it admits. Random names (common and
    /// two-syllable surnames, any syllables), spelled with random accepted spellings of each
    /// unit, joined or split into tokens at random, in both name orders.
    @Test func neverRejectsWhatTheMatcherAccepts() {
        var rng = SplitMix64(seed: 20_261_127)
        let families = ["이", "김", "박", "정", "최", "오", "유", "임", "안", "고", "우", "윤", "황보", "남궁", "제갈"].map(Self.syllables)
        var checked = 0
        for _ in 0..<3_000 {
            let family = families[Int(rng.next() % UInt64(families.count))]
            let given = (0..<(1 + Int(rng.next() % 2))).map { _ in UInt16(rng.next() % 11_172) }
            let hangul = family + given
            let units = Self.units(hangul, family: family.count)
            for rotated in [false, true] {
                let order = rotated ? Array(units[1...] + units[..<1]) : units
                for _ in 0..<4 {
                    var tokens: [[UInt8]] = []
                    for (i, u) in order.enumerated() {
                        let options = Self.spellings(u.spellings)
                        let letters = options[Int(rng.next() % UInt64(options.count))]
                        if i == 0 || rng.next() % 2 == 0 { tokens.append(letters) } else { tokens[tokens.count - 1] += letters }
                    }
                    let packed = LatinLetters(tokens: tokens).packed
                    packed.withUnsafeBufferPointer { p in
                        guard SyllableMatcher.match(units, packed: p, rotated: rotated) != nil else { return }
                        let runs = VowelRuns.latin(p)
                        let text = String(decoding: packed.map { $0 & 0x7F }, as: UTF8.self)
                        #expect(VowelRuns.admits(units, rotated: rotated, latin: runs), "\(hangul) \(text)")
                        #expect(VowelRuns.Korean(units, rotated: rotated).admits(runs), "\(hangul) \(text)")
                        #expect(VowelRuns.mayFit(runs, within: VowelRuns.unions(units, rotated: rotated)), "\(hangul) \(text)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 20_000)
    }
}
