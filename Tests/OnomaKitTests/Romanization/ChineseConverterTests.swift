import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// One row of Fixtures/romanization/chinese.tsv.
struct ChineseFact: CustomStringConvertible, Sendable {
    var scheme: String
    var input: String
    var expected: String
    var source: String
    var description: String { "\(scheme) \(input) → \(expected)" }

    static let all: [ChineseFact] = {
        let url = Bundle.module.url(forResource: "Fixtures/romanization/chinese", withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            let f = $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return ChineseFact(scheme: f[0], input: f[1], expected: f[2], source: f.count > 3 ? f[3] : "")
        }
    }()
}

enum ChineseFixture {
    static let converter: ChineseConverter = try! ChineseConverter(dictionaries: TestPaths.dictionaries)
}

@Suite struct ChineseConverterTests {
    let converter = ChineseFixture.converter

    @Test(arguments: ChineseFact.all)
    func fact(_ fact: ChineseFact) {
        let output: String
        switch fact.scheme {
        case "traditional": output = converter.toTraditional(fact.input)
        case "simplified": output = converter.toSimplified(fact.input)
        case "wade-giles-strict": output = converter.romanizeName(fact.input, scheme: .wadeGiles, strict: true).output
        case "sino-korean-text": output = converter.sinoKorean(fact.input, asName: false)
        default:
            guard let scheme = ChineseScheme(rawValue: fact.scheme) else {
                Issue.record("unknown scheme \(fact.scheme)")
                return
            }
            let result = converter.romanizeName(fact.input, scheme: scheme)
            #expect(result.warnings.isEmpty)
            output = result.output
        }
        #expect(output == fact.expected, "\(fact.source)")
    }

    @Test func nameParts() {
        let r = converter.romanizeName("欧阳娜娜", scheme: .pinyin)
        #expect(r.family == "Ouyang")
        #expect(r.given == "Nana")
        #expect(r.scheme == .pinyin)
        let h = converter.romanizeName("江泽民", scheme: .hangul)
        #expect(h.family == "장")
        #expect(h.given == "쩌민")
    }

    @Test func givenNameStyles() {
        #expect(converter.romanizeName("刘慈欣", scheme: .pinyin, given: .hyphen).output == "Liu Ci-xin")
        #expect(converter.romanizeName("刘慈欣", scheme: .pinyin, given: .spaced).output == "Liu Ci Xin")
        #expect(converter.romanizeName("刘慈欣", scheme: .wadeGiles, given: .joined).output == "Liu Tz'uhsin")
        #expect(converter.romanizeName("上官婉儿", scheme: .pinyin, given: .hyphen).output == "Shangguan Wan-er")
    }

    @Test func sinoKoreanAsName() {
        #expect(converter.sinoKorean("金九", asName: true) == "김구")
        #expect(converter.sinoKorean("柳寬順", asName: true) == "유관순")
        #expect(converter.sinoKorean("魯迅", asName: true) == "노신")
    }

    @Test func splitNames() {
        #expect(converter.split("欧阳娜娜")! == ("欧阳", "娜娜"))
        #expect(converter.split("歐陽娜娜")! == ("歐陽", "娜娜"))
        #expect(converter.split("刘慈欣")! == ("刘", "慈欣"))
        #expect(converter.split("欧阳 娜娜")! == ("欧阳", "娜娜"))
        #expect(converter.split("Liu Cixin") == nil)
        #expect(converter.split("") == nil)
    }

    @Test func pinyinSyllablesForIndexing() {
        #expect(converter.pinyinSyllables("单田芳", asName: true) == ["shan", "tian", "fang"])
        #expect(converter.pinyinSyllables("单", asName: false) == ["dan"])
        #expect(converter.pinyinSyllables("吕布", asName: true) == ["lü", "bu"])
        #expect(converter.pinyinSyllables("上官婉儿", asName: true) == ["shang", "guan", "wan", "er"])
    }

    @Test func runningText() {
        #expect(converter.romanizeText("我在北京。你好！", scheme: .pinyin) == "wo zai bei jing. ni hao!")
        #expect(converter.romanizeText("单田芳", scheme: .pinyin) == "dan tian fang")  // no surname logic
        #expect(converter.romanizeText("北京", scheme: .hangul) == "베이징")
        #expect(converter.romanizeText("在北京abc", scheme: .pinyinTones) == "zài běi jīng abc")
        #expect(converter.romanizeText("他说「你好」。ABC", scheme: .pinyin) == "ta shuo \"ni hao\". ABC")
        #expect(converter.romanizeText("李白和杜甫", scheme: .sinoKorean) == "이백화두보")
    }

    @Test func nonHanIsPassedThroughWithWarning() {
        let r = converter.romanizeName("刘慈欣abc", scheme: .pinyin)
        #expect(r.output == "Liu Cixin abc")
        #expect(r.family == "Liu")
        #expect(r.warnings.count == 1)
        let titled = converter.romanizeName("Dr. 刘慈欣", scheme: .wadeGiles)
        #expect(titled.output == "Dr. Liu Tz'u-hsin")
        // U+20002 is a Han character with no reading in Unihan: kept, not dropped.
        let rare = converter.romanizeName("王\u{20002}", scheme: .pinyin)
        #expect(rare.output == "Wang \u{20002}")
        #expect(rare.warnings == ["'\u{20002}' (U+20002) has no pinyin reading: passed through unchanged"])
        // A character without a Sino-Korean reading is kept, not dropped.
        let noReading = converter.romanizeName("冼星海", scheme: .sinoKorean)
        #expect(noReading.output == "冼성해")
        #expect(noReading.warnings.count == 1)
        let latin = converter.romanizeName("Cixin Liu", scheme: .pinyin)
        #expect(latin.output == "Cixin Liu")
        #expect(!latin.warnings.isEmpty)
    }

    @Test func emptyAndBlank() {
        #expect(converter.romanizeName("", scheme: .pinyin).output == "")
        #expect(converter.romanizeName("   ", scheme: .pinyin).output == "")
        #expect(converter.romanizeText("", scheme: .pinyin) == "")
    }

    @Test func compatibilityIdeographs() {
        // U+F9E1 is the KS X 1001 compatibility form of 李 (kHangul 이).
        #expect(converter.romanizeName("\u{F9E1}白", scheme: .pinyin).output == "Li Bai")
        #expect(converter.sinoKorean("\u{F9E1}白", asName: true) == "이백")
    }

    @Test func compoundSurnameAlone() {
        #expect(converter.romanizeName("欧阳", scheme: .pinyin).output == "Ouyang")
        #expect(converter.romanizeName("司马", scheme: .wadeGiles).output == "Ssu-ma")
    }

    @Test func middleDotNames() {
        // Transliterated and minority names: each part one word (GB/T 28039 writes them as words).
        #expect(converter.romanizeName("阿沛·阿旺晋美", scheme: .pinyin).output == "Apei Awangjinmei")
    }

    @Test func spacedInputMarksTheSplit() {
        let r = converter.romanizeName("欧阳 娜娜", scheme: .pinyin)
        #expect(r.output == "Ouyang Nana")
        #expect(r.family == "Ouyang")
    }

    @Test func longLineDoesNotCrash() {
        let line = String(repeating: "刘慈欣", count: 120_000)  // ~1 MB of UTF-8
        let r = converter.romanizeName(line, scheme: .pinyin)
        #expect(r.output.hasPrefix("Liu Cixinliu"))
        #expect(converter.toTraditional(line).hasPrefix("劉慈欣劉"))
    }

    @Test func missingDataNamesTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reference"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            _ = try ChineseConverter(dictionaries: dir)
        } throws: { error in
            "\(error)".contains("pinyin-wade-giles.tsv")
        }
    }

    @Test func badDataNamesFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-bad-\(UUID().uuidString)")
        let ref = dir.appendingPathComponent("reference")
        try FileManager.default.createDirectory(at: ref, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["pinyin-wade-giles.tsv", "han-pinyin-names.tsv", "pinyin-hangul.tsv", "han-sino-korean.tsv", "han-variants.tsv", "chinese-surnames.tsv", "chinese-surname-readings.tsv"] {
            try FileManager.default.copyItem(at: TestPaths.dictionaries.appendingPathComponent("reference/\(name)"), to: ref.appendingPathComponent(name))
        }
        try "# comment\nreading\tcharacters\nzhang1\t张\nzhang\t章\n".write(to: ref.appendingPathComponent("han-pinyin.tsv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try ChineseConverter(dictionaries: dir)
        } throws: { error in
            "\(error)".contains("han-pinyin.tsv:4:")
        }
        try "reading\tchars\nzhang1\t张\n".write(to: ref.appendingPathComponent("han-pinyin.tsv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try ChineseConverter(dictionaries: dir)
        } throws: { error in
            "\(error)".contains("han-pinyin.tsv:1: error: expected the header line")
        }
        try Data([0x72, 0x65, 0x61, 0x64, 0x69, 0x6E, 0x67, 0x09, 0x63, 0x68, 0x61, 0x72, 0x61, 0x63, 0x74, 0x65, 0x72, 0x73, 0x0A,
                  0x61, 0x31, 0x09, 0xE5, 0xBC, 0x0A]).write(to: ref.appendingPathComponent("han-pinyin.tsv"))  // truncated UTF-8
        #expect {
            _ = try ChineseConverter(dictionaries: dir)
        } throws: { error in
            "\(error)".contains("han-pinyin.tsv:2: error: invalid UTF-8")
        }
    }
}
