import Testing
@testable import OnomaKit

@Suite struct ICUTests {
    @Test func versionIsReported() {
        #expect(ICU.version.split(separator: ".").count >= 2)
    }

    @Test(arguments: [
        ("e\u{301}", ICU.NormalizationForm.nfc, "é"),
        ("ｋｏｈ", .nfkc, "koh"),
        ("KOH Young-Aah", .nfkcCasefold, "koh young-aah"),
        ("\u{1100}\u{1169}", .nfc, "고"),
    ])
    func normalizes(input: String, form: ICU.NormalizationForm, expected: String) {
        #expect(ICU.normalize(input, form) == expected)
    }

    @Test func transliteratesWithASystemTransform() throws {
        let t = try ICU.Transliterator(id: "Hangul-Latin")
        #expect(try t.transform("고영아") == "goyeong-a")
    }

    @Test func unknownTransliteratorThrows() {
        #expect(throws: ICUError.self) { try ICU.Transliterator(id: "No-Such-Transform") }
    }

    @Test func scriptsAreNamed() {
        #expect(ICU.scriptCode(of: "고") == "Hang")
        #expect(ICU.scriptCode(of: "杨") == "Hani")
        #expect(ICU.scriptCode(of: "K") == "Latn")
    }

    @Test func spoofCheckerFlagsCyrillicInLatin() throws {
        let checker = try ICU.SpoofChecker()
        #expect(checker.isSuspicious("K\u{43E}h"))
        #expect(!checker.isSuspicious("Koh"))
    }
}
