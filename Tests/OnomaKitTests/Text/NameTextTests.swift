@testable import OnomaKit
import Testing

@Suite struct NameTextTests {
    /// Pairs that must share the normalized key (contract: case, width, spacing, hyphens,
    /// commas, tone marks and numbers, punctuation in initials).
    @Test(arguments: [
        ("J.Y. Park", "JY Park"),
        ("Koh Young-aah", "KOH YOUNGAAH"),
        ("Koh, Young-aah", "Koh Young-aah"),
        ("Yáng Zhànfēng", "Yang Zhanfeng"),
        ("Yang2 Zhan4feng1", "Yang Zhanfeng"),
        ("Yang Zhan Feng", "Yang Zhanfeng"),
        ("ＫＩＭ Ｙｕｎａ", "Kim Yuna"),
        ("Chŏng Kyŏng-hwa", "Chong Kyong-hwa"),
        ("Pak Ch'an-uk", "Pak Chan-uk"),
        ("Pak Ch’an-uk", "Pak Ch'an-uk"),
        ("Shangguan Wan'er", "Shangguan Waner"),
        ("고 영아", "고영아"),
    ])
    func sameKey(_ a: String, _ b: String) {
        #expect(NameText(a).normalizedKey == NameText(b).normalizedKey)
    }

    @Test(arguments: [
        ("Lee Seung-ho", "Lee Seung-hoon"),
        ("Kim Min-ju", "Kim Min-jun"),
        ("Xi'an", "Xian Xian"),
        ("3M", "M"),
    ])
    func differentKey(_ a: String, _ b: String) {
        #expect(NameText(a).normalizedKey != NameText(b).normalizedKey)
    }

    @Test func tokensAndSeparators() {
        let t = NameText("Koh, Young-aah")
        #expect(t.tokens.map(\.text) == ["koh", "young", "aah"])
        #expect(t.tokens[0].commaAfter)
        #expect(t.tokens[1].hyphenAfter)
        #expect(NameText("Pak Ch'an-uk").tokens.map(\.text) == ["pak", "chan", "uk"])
        #expect(NameText("Yang2 Zhan4feng1").tokens.map(\.text) == ["yang", "zhan", "feng"])
        #expect(NameText("R&D").tokens.map(\.text) == ["r", "and", "d"])
    }

    @Test func scripts() {
        #expect(NameText("고영아").script == .hangul)
        #expect(NameText("杨占峰").script == .han)
        #expect(NameText("Koh Young-aah").script == .latin)
        #expect(NameText("By 고영아").script == .other)
        #expect(NameText("  ,.-  ").isEmpty)
        #expect(NameText("").isEmpty)
    }

    /// Compatibility characters go through ICU NFKC_Casefold (ligatures, circled letters).
    /// Hangul written as jamo folds to the syllables it spells.
    @Test func decomposedHangul() {
        let folded = NameText("고영아 기자".decomposedStringWithCanonicalMapping)
        #expect(folded == NameText("고영아 기자"))
        #expect(folded.script == .hangul)
    }

    @Test func compatibilityCharacters() {
        #expect(NameText("ﬁsher").normalizedKey == "fisher")
        #expect(NameText("Ⓚim").normalizedKey == "kim")
    }

    @Test(arguments: [
        ("The Korea Herald", "Korea Herald"),
        ("Korea Resources Corp.", "KOREA RESOURCES CORPORATION"),
        ("Research Institute of Industrial Science & Technology", "Research Institute of Industrial Science and Technology"),
        ("Samsung Electronics Co., Ltd.", "Samsung Electronics Company Limited"),
        ("Baotou Research Inst. of Rare Earths", "Baotou Research Institute of Rare Earths"),
        ("Seoul National Univ.", "Seoul National University"),
    ])
    func organizationKey(_ a: String, _ b: String) {
        #expect(OrganizationFolding.key(NameText(a)) == OrganizationFolding.key(NameText(b)))
        // The index and the query both file by the key's hash, computed without the string.
        for name in [a, b] {
            #expect(OrganizationFolding.keyHash(NameText(name)) == StableHash.of(OrganizationFolding.key(NameText(name)).unicodeScalars))
        }
    }

    @Test func organizationKeyKeepsDifferences() {
        #expect(OrganizationFolding.key(NameText("Korea Resources Co.")) != OrganizationFolding.key(NameText("Korea Resources Corp.")))
        #expect(OrganizationFolding.key(NameText("The")) == "the")
        for name in ["The", "The Centre", "Ctr Co", "Korea Resources Co.", "Inst. Intl", "Ünivérsité Natl"] {
            #expect(OrganizationFolding.keyHash(NameText(name)) == StableHash.of(OrganizationFolding.key(NameText(name)).unicodeScalars), "\(name)")
        }
    }
}
