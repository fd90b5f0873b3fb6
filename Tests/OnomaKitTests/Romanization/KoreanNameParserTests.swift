import Foundation
import Testing
@testable import OnomaKit
import OnomaTestSupport

@Suite struct KoreanNameParserTests {
    let r = sharedKoreanRomanizer

    /// Attested spellings (names.tsv and the brief) of real names → their Hangul. The right
    /// name must be among the candidates of the best reading.
    @Test(arguments: [
        ("Ko Young-a", "고영아"), ("Go Yeong-a", "고영아"), ("KOH Young-aah", "고영아"), ("Young-aah Koh", "고영아"),
        ("Koh, Young-aah", "고영아"), ("Koh Youngaah", "고영아"), ("Lee Kang-in", "이강인"), ("Lee Kangin", "이강인"),
        ("I Gang-in", "이강인"), ("Yi Kang-in", "이강인"), ("Yi Sun-shin", "이순신"), ("Yi Sun-sin", "이순신"),
        ("I Sun-sin", "이순신"), ("Pak Ch'an-uk", "박찬욱"), ("Park Chan-wook", "박찬욱"), ("Bak Chan-uk", "박찬욱"),
        ("Park Chanwook", "박찬욱"), ("Hwangbo Kwan", "황보관"), ("Hwangbo Gwan", "황보관"), ("Seong-Jin Cho", "조성진"),
        ("Cho Seong-jin", "조성진"), ("Jo Seong-jin", "조성진"), ("Cho Sŏng-jin", "조성진"),
        ("Kim Shin-jong", "김신종"), ("Gim Sin-jong", "김신종"), ("Kim Sinjong", "김신종"),
        ("Kim Koo", "김구"), ("Kim Ku", "김구"), ("Gim Gu", "김구"), ("Ahn Jung-geun", "안중근"), ("An Chung-gŭn", "안중근"),
        ("Hwang Hee-chan", "황희찬"), ("Hwang Hui-chan", "황희찬"), ("Hwang Hŭi-ch'an", "황희찬"), ("Hwang Heechan", "황희찬"),
        ("Chung Kyung-wha", "정경화"), ("Jeong Gyeong-hwa", "정경화"), ("Chŏng Kyŏng-hwa", "정경화"), ("Kyung-Wha Chung", "정경화"),
        ("Yu Gwan-sun", "유관순"), ("Yu Kwan-sun", "유관순"), ("Song Kang-ho", "송강호"), ("Song Kangho", "송강호"),
        ("Kim Soo-hyun", "김수현"), ("Gim Su-hyeon", "김수현"), ("Kim Su-hyŏn", "김수현"), ("Kim Soohyun", "김수현"),
        ("Jung Ho-yeon", "정호연"), ("Chŏng Ho-yŏn", "정호연"), ("HoYeon Jung", "정호연"), ("Jang Yeong-sil", "장영실"),
        ("Chang Yŏng-sil", "장영실"), ("Jang Young-sil", "장영실"), ("Kim Yeon-koung", "김연경"), ("Kim Yeon-kyung", "김연경"),
        ("Kim Yŏn-gyŏng", "김연경"), ("Roh Moo-hyun", "노무현"), ("Choi Kyung-ju", "최경주"), ("Ban Ki-moon", "반기문"),
        ("kim  yu-na", "김유나"), ("Namkoong Min", "남궁민"), ("Rhee Kang-in", "이강인"), ("No Mu-hyeon", "노무현"),
        ("Ahn Cheol-soo", "안철수"), ("Shinn Soo-ji", "신수지"), ("Whang Hee-chan", "황희찬"), ("Chey Tae-won", "최태원"),
        ("Ceng Kyeng-hwa", "정경화"), ("I Swun-sin", "이순신"), ("Kim Jong Un", "김정은"), ("Son Heung-min", "손흥민"),
    ])
    func parsesAttestedSpellings(_ input: String, _ hangul: String) {
        let readings = r.parse(romanized: input)
        #expect(readings.first?.candidates.contains(hangul) == true, "readings: \(readings.prefix(2).map { "\($0.family) \($0.given) \($0.candidates.prefix(5))" })")
    }

    /// Spellings that follow pronunciation across the syllable boundary: 김연아 is "Kim Yuna"
    /// (her own spelling), 연아 being pronounced [여나].
    @Test func resyllabifiedSpellings() {
        let all = r.parse(romanized: "Kim Yuna").flatMap(\.candidates)
        #expect(all.contains("김연아"))
        #expect(all.contains("김유나"))
    }

    /// ALA-LC given names are written as pronounced (Library of Congress examples).
    @Test(arguments: [("Yi Sŏng-min", "이석민"), ("Kim Ch'ang-nyong", "김창룡"), ("An Ŭng-nyŏl", "안응렬"), ("Pak Mog-wŏl", "박목월"),
                      ("Kim Ch'ŏr-wŏn", "김철원"), ("Yi Ŏ-ryŏng", "이어령")])
    func alaLCNamesAsPronounced(_ input: String, _ hangul: String) {
        #expect(r.parse(romanized: input).flatMap(\.candidates).contains(hangul))
    }

    @Test func readingParts() throws {
        let reading = try #require(r.parse(romanized: "Koh Youngaah").first)
        #expect(reading.family == "koh")
        #expect(reading.given == ["young", "aah"])
        #expect(reading.familyHangul.first == "고")
        #expect(reading.givenHangul.first?.first == "영")
        #expect(reading.givenHangul.last?.first == "아")
        #expect(!reading.westernOrder)
        #expect(reading.candidates.first == "고영아")
    }

    @Test func westernOrderIsDetected() throws {
        let reading = try #require(r.parse(romanized: "Seong-Jin Cho").first)
        #expect(reading.westernOrder)
        #expect(reading.family == "cho")
        #expect(reading.familyHangul.first == "조")
    }

    @Test func koreanOrderWinsWhenBothWordsAreSurnames() throws {
        let reading = try #require(r.parse(romanized: "Kim Min").first)
        #expect(!reading.westernOrder)
        #expect(reading.familyHangul.first == "김")
    }

    @Test func allCapsMarksTheFamilyName() throws {
        let reading = try #require(r.parse(romanized: "Min KIM").first)
        #expect(reading.westernOrder)
        #expect(reading.familyHangul.first == "김")
    }

    @Test(arguments: ["", "   ", "12345", "Kim 123", "김구", ",", "Kim, ", "-"])
    func nonNamesGiveNoReading(_ input: String) {
        #expect(r.parse(romanized: input).isEmpty)
    }

    @Test func hugeInputIsRejectedQuickly() {
        let huge = String(repeating: "youngaah", count: 131_072)   // 1 MB
        let start = Date()
        #expect(r.parse(romanized: huge).isEmpty)
        #expect(r.parse(romanized: String(repeating: "a", count: KoreanRomanizer.maximumParseLength)).count >= 0)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func roundTripsItsOwnOutput() {
        for name in ["고영아", "박찬욱", "황보관", "안중근", "이순신", "정경화", "남궁민수"] {
            for scheme in KoreanScheme.allCases {
                let romanized = r.romanizeName(name, scheme: scheme).output
                let candidates = r.parse(romanized: romanized).prefix(3).flatMap(\.candidates)
                #expect(candidates.contains(name), "\(scheme.rawValue): \(romanized)")
            }
        }
    }
}

@Suite struct KoreanConcurrencyTests {
    /// One romanizer shared by many tasks: the reverse index is built once, behind a lock.
    @Test func parallelUse() async throws {
        let r = try KoreanRomanizer(dictionaries: OnomaTestSupport.TestPaths.dictionaries)
        let results = await withTaskGroup(of: (String, String).self) { group in
            for _ in 0..<16 {
                group.addTask {
                    (r.parse(romanized: "Koh Young-aah").first?.candidates.first ?? "", r.romanizeName("고영아", scheme: .mr).output)
                }
            }
            var all = [(String, String)]()
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == ("고영아", "Ko Yŏng-a") })
    }
}
