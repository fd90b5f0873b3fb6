import OnomaTestSupport
import Testing
@testable import OnomaKit

@Suite struct RomanizeSuggestionTests {
    static let romanizer: Romanizer? = try? Romanizer(dictionaries: TestPaths.dictionaries)

    /// Spellings attested in the project's samples (names.tsv): 김구 "Kim Ku; Gim Gu",
    /// 박찬욱 "Bak Chan-uk; Pak Ch'an-uk", 江泽民 "Chiang Tse-min".
    @Test(arguments: [
        (GlossaryEntry(id: "kim-koo", kind: .person, names: [NameForm(language: "ko", text: "김구"), NameForm(language: "ko-Hani", text: "金九")]),
         ["ko-Latn rr Gim Gu Gim|Gu", "ko-Latn mr Kim Ku Kim|Ku"]),
        (GlossaryEntry(id: "park-chan-wook", kind: .person, names: [NameForm(language: "ko", text: "박찬욱")]),
         ["ko-Latn rr Bak Chan-uk Bak|Chan-uk", "ko-Latn mr Pak Ch'an-uk Pak|Ch'an-uk"]),
        (GlossaryEntry(id: "jiang-zemin", kind: .person, names: [NameForm(language: "zh-Hans", text: "江泽民"), NameForm(language: "en", text: "Jiang Zemin", status: .preferred)]),
         ["zh-Latn pinyin Jiang Zemin Jiang|Zemin", "zh-Latn wade-giles Chiang Tse-min Chiang|Tse-min"]),
    ])
    func addsRRAndMROrPinyinAndWadeGiles(_ entry: GlossaryEntry, _ expected: [String]) throws {
        let romanizer = try #require(Self.romanizer)
        let names = entry.suggestedRomanizations(using: romanizer)
        #expect(names.map { "\($0.language) \($0.scheme ?? "") \($0.text) \($0.family ?? "")|\($0.given ?? "")" } == expected)
        #expect(names.allSatisfy { $0.status == .admitted && $0.type == .full })
    }

    @Test func aFormTheEntryHasIsNotAddedTwice() throws {
        let romanizer = try #require(Self.romanizer)
        let entry = GlossaryEntry(id: "kim-koo", kind: .person, names: [NameForm(language: "ko", text: "김구"), NameForm(language: "ko-Latn", text: "Kim Ku")])
        #expect(entry.suggestedRomanizations(using: romanizer).map(\.text) == ["Gim Gu"])
    }
}
