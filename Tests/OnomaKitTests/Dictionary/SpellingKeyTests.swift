@testable import OnomaKit
import Testing

/// The keys `unexplained-spelling` compares: letters and digits, lowercased, in the written
/// order and with the last word first. ASCII text takes a byte-by-byte path; other text the
/// general one: both are checked here.
@Suite struct SpellingKeyTests {
    @Test(arguments: [
        ("Seong-Jin Cho", ["seongjincho", "choseongjin"]),
        ("Kim Min-jun", ["kimminjun", "minjunkim"]),
        ("  Kim   Koo  ", ["kimkoo", "kookim"]),
        ("Xi'an", ["xian"]),
        ("Lee", ["lee"]),
        ("Park Ji-sung 2", ["parkjisung2", "2parkjisung"]),
        ("- Kim", ["kim", "kim"]),
        ("Kim -", ["kim", "kim"]),
        (" ", []),
        ("", []),
        ("Pak Chŏng-hŭi", ["pakchŏnghŭi", "chŏnghŭipak"]),
        ("Kim\u{00A0}Koo", ["kimkoo"]),
    ])
    func keys(_ text: String, _ expected: [String]) {
        #expect(GlossaryRules.spellingKeys(text) == expected)
    }

    @Test(arguments: ["Seong-Jin Cho", "KIM Koo", "N Seoul Tower", "Xi'an", "Chŏng", "Ŏ", "", " "])
    func keyOfAWholeText(_ text: String) {
        let expected = String(text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init)).lowercased()
        #expect(GlossaryRules.spellingKey(text) == expected)
    }
}

/// The ambiguity rule groups names by a hash of their match key, computed in one pass for
/// ASCII, Hangul and ideographs: it must be the hash of the key the slow path builds.
@Suite struct MatchKeyHashTests {
    @Test(arguments: ["Kim Koo", "  Kim   KOO ", " 김구 ", "金九", "김\t구", "Ｋim Koo", "Straße", "e\u{301}", "😀 Kim", "한국 Tower", "ㄱ", "", "  "])
    func hashOfTheKey(_ text: String) {
        let key = GlossaryRules.matchKey(text)
        #expect(GlossaryRules.matchKeyHash(text) == (key.isEmpty ? nil : GlossaryRules.hash(key.utf8)))
    }
}
