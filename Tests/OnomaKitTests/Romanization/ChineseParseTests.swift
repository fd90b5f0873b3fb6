import OnomaKit
import Testing

/// `ChineseConverter.parse(romanized:)`: romanized names back to pinyin syllables.
@Suite struct ChineseParseTests {
    let converter = ChineseFixture.converter

    struct Case: CustomStringConvertible, Sendable {
        var input: String
        var family: [String]
        var given: [String]
        var western = false
        var description: String { input }
    }

    /// Examples from issue 2 and printed spellings of well-known names.
    static let cases: [Case] = [
        Case(input: "Yang Chan-feng", family: ["yang"], given: ["zhan", "feng"]),
        Case(input: "Liu Tz'u-hsin", family: ["liu"], given: ["ci", "xin"]),
        Case(input: "Yang2 Zhan4feng1", family: ["yang"], given: ["zhan", "feng"]),
        Case(input: "Ouyang Nana", family: ["ou", "yang"], given: ["na", "na"]),
        Case(input: "Cixin Liu", family: ["liu"], given: ["ci", "xin"], western: true),
        Case(input: "Liu Cixin", family: ["liu"], given: ["ci", "xin"]),
        Case(input: "LIU CIXIN", family: ["liu"], given: ["ci", "xin"]),
        Case(input: "Liú Cíxīn", family: ["liu"], given: ["ci", "xin"]),
        Case(input: "Liu, Cixin", family: ["liu"], given: ["ci", "xin"]),
        Case(input: "Shangguan Wan'er", family: ["shang", "guan"], given: ["wan", "er"]),
        Case(input: "Mao Tse-tung", family: ["mao"], given: ["ze", "dong"]),
        Case(input: "Mao Tsê-tung", family: ["mao"], given: ["ze", "dong"]),
        Case(input: "Chiang Tse-min", family: ["jiang"], given: ["ze", "min"]),
        Case(input: "Chang I-mou", family: ["zhang"], given: ["yi", "mou"]),
        Case(input: "Lu Hsün", family: ["lu"], given: ["xun"]),
        Case(input: "Lu Hsun", family: ["lu"], given: ["xun"]),
        Case(input: "Chu Jung-chi", family: ["zhu"], given: ["rong", "ji"]),
        Case(input: "Teng Hsiao-p'ing", family: ["deng"], given: ["xiao", "ping"]),
        Case(input: "Lü Bu", family: ["lü"], given: ["bu"]),
        Case(input: "Lv3 Bu4", family: ["lü"], given: ["bu"]),
        Case(input: "Zhuge Liang", family: ["zhu", "ge"], given: ["liang"]),
        Case(input: "Hsiung Ch'uang", family: ["xiong"], given: ["chuang"]),
        Case(input: "Jinping Xi", family: ["xi"], given: ["jin", "ping"], western: true),
        // Taiwan/Hong Kong surname spellings from chinese-surnames.tsv.
        Case(input: "Lee Teng-hui", family: ["li"], given: ["deng", "hui"]),
        Case(input: "Au-Yeung Na-na", family: ["ou", "yang"], given: ["na", "na"]),
    ]

    @Test(arguments: cases)
    func bestReading(_ c: Case) throws {
        let readings = converter.parse(romanized: c.input)
        let best = try #require(readings.first)
        #expect(best.family == c.family)
        #expect(best.given == c.given)
        #expect(best.westernOrder == c.western)
        #expect(readings.map(\.score) == readings.map(\.score).sorted(by: >))
    }

    @Test func oneWordKeepsAllSyllables() throws {
        let best = try #require(converter.parse(romanized: "Xi'an").first)
        #expect(best.syllables == ["xi", "an"])
        let xian = try #require(converter.parse(romanized: "Xian").first)
        #expect(xian.syllables == ["xian"])
    }

    @Test func ambiguousSpellingOffersBothReadings() {
        // Without apostrophes "Chang" is Wade-Giles zhang or chang; both must be offered.
        let readings = converter.parse(romanized: "Chang Chih-hua")
        #expect(readings.contains { $0.family == ["zhang"] })
        #expect(readings.contains { $0.family == ["chang"] })
    }

    @Test func roundTripFromHan() {
        for name in ["刘慈欣", "欧阳娜娜", "上官婉儿", "杨占峰", "江泽民", "张艺谋"] {
            let expected = converter.pinyinSyllables(name, asName: true)
            for scheme in [ChineseScheme.pinyin, .pinyinTones, .pinyinNumbers, .wadeGiles] {
                let romanized = converter.romanizeName(name, scheme: scheme).output
                let best = converter.parse(romanized: romanized).first
                #expect(best?.syllables == expected, "\(name) \(scheme) \(romanized)")
            }
        }
    }

    @Test func surnameSpellingAliasesOnlyStandForTheSurname() {
        // "San" is a Hong Kong spelling of the surname 辛 (xin), but not in given-name position.
        let readings = converter.parse(romanized: "Zhang San")
        #expect(readings.first?.family == ["zhang"])
        #expect(readings.first?.given == ["san"])
        #expect(!readings.contains { $0.given == ["xin"] })
    }

    @Test func notChinese() {
        #expect(converter.parse(romanized: "").isEmpty)
        #expect(converter.parse(romanized: "Smith").isEmpty)
        #expect(converter.parse(romanized: "김구").isEmpty)
        #expect(converter.parse(romanized: "Brzęczyszczykiewicz").isEmpty)
    }
}
