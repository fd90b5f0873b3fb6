import Foundation
import Testing
@testable import OnomaKit
import OnomaTestSupport

/// One shared romanizer (loading builds the syllable tables once).
let sharedKoreanRomanizer: KoreanRomanizer = {
    do { return try KoreanRomanizer(dictionaries: TestPaths.dictionaries) } catch { fatalError("cannot load Korean tables: \(error)") }
}()

/// A row of the shared samples file.
struct KoreanSample: CustomStringConvertible, Sendable {
    var scheme: String, input: String, expected: String, source: String
    var description: String { "\(scheme) \(input) → \(expected)" }
}

func koreanSamples() -> [KoreanSample] {
    let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures/romanization/korean-samples.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return KoreanSample(scheme: f[0], input: f[1], expected: f[2], source: f.count > 3 ? f[3] : "")
    }
}

@Suite struct KoreanSampleTests {
    @Test func fixtureHasEveryKoreanRow() {
        // 17 rr-text + 7 rr + 8 mr-text + 4 mr rows in the shared samples.
        #expect(koreanSamples().count == 36)
    }

    /// Every Korean row of the shared samples file (text rows compare case-insensitively,
    /// name rows exactly).
    @Test(arguments: koreanSamples())
    func sample(_ row: KoreanSample) {
        let r = sharedKoreanRomanizer
        switch row.scheme {
        case "rr": #expect(r.romanizeName(row.input, scheme: .rr).output == row.expected)
        case "mr": #expect(r.romanizeName(row.input, scheme: .mr).output == row.expected)
        case "rr-text": #expect(r.romanizeText(row.input, scheme: .rr).lowercased() == row.expected.lowercased())
        case "mr-text": #expect(r.romanizeText(row.input, scheme: .mr).lowercased() == row.expected.lowercased())
        default: Issue.record("unexpected scheme \(row.scheme)")
        }
    }
}

@Suite struct KoreanNameModeTests {
    let r = sharedKoreanRomanizer

    /// RR ch. 3 art. 4: "Min Yongha (Min Yong-ha)", "Song Nari (Song Na-ri)", "Han Boknam (Han Bok-nam)",
    /// "Hong Bitna (Hong Bit-na)": given-name syllables are not assimilated.
    @Test(arguments: [
        ("민용하", GivenNameStyle.hyphen, "Min Yong-ha"), ("민용하", .joined, "Min Yongha"), ("민용하", .spaced, "Min Yong Ha"),
        ("송나리", .joined, "Song Nari"), ("한복남", .hyphen, "Han Bok-nam"), ("한복남", .joined, "Han Boknam"),
        ("홍빛나", .hyphen, "Hong Bit-na"), ("홍빛나", .joined, "Hong Bitna"),
        ("김구", .hyphen, "Gim Gu"), ("황보관", .hyphen, "Hwangbo Gwan"), ("황희찬", .joined, "Hwang Huichan"),
        ("남궁민수", .hyphen, "Namgung Min-su"), ("제갈공명", .hyphen, "Jegal Gong-myeong"), ("선우용녀", .hyphen, "Seonu Yong-nyeo"),
        ("독고영재", .hyphen, "Dokgo Yeong-jae"), ("동방영", .hyphen, "Dongbang Yeong"),
        ("이석우", .hyphen, "I Seok-u"),            // each syllable read alone: no liaison
        ("고 영아", .hyphen, "Go Yeong-a"),          // an explicit space decides the split
        ("선우", .hyphen, "Seon U"),                 // two syllables: surname + given, not the compound alone
    ])
    func rrNames(_ name: String, _ style: GivenNameStyle, _ expected: String) {
        #expect(r.romanizeName(name, scheme: .rr, given: style).output == expected)
    }

    @Test func rrNameParts() {
        let n = r.romanizeName("황보관", scheme: .rr)
        #expect(n.family == "Hwangbo")
        #expect(n.given == "Gwan")
        #expect(n.scheme == .rr)
        #expect(n.warnings.isEmpty)
    }

    /// ALA-LC Korean Romanization and Word Division (Library of Congress, 2009), personal-name
    /// examples (rules 17–18 and the hyphen rule 4(a)): sound changes written on either side of
    /// the hyphen; 李 (이, 리) is Yi; surnames written with ㄹ follow the initial-sound rule
    /// (류 Yu, 라 Na); a given name starting with ㄹ keeps r.
    @Test(arguments: [
        ("이순신", "Yi Sun-sin"), ("리승만", "Yi Sŭng-man"), ("김철원", "Kim Ch'ŏr-wŏn"), ("이석민", "Yi Sŏng-min"),
        ("류성민", "Yu Sŏng-min"), ("라민주", "Na Min-ju"), ("안중근", "An Chung-gŭn"), ("오영혜", "O Yŏng-hye"),
        ("이어령", "Yi Ŏ-ryŏng"), ("김창룡", "Kim Ch'ang-nyong"), ("김철운", "Kim Ch'ŏr-un"), ("이율곡", "Yi Yul-gok"),
        ("김지하", "Kim Chi-ha"), ("김소월", "Kim So-wŏl"), ("김리나", "Kim Ri-na"), ("안응렬", "An Ŭng-nyŏl"),
        ("박목월", "Pak Mog-wŏl"), ("이퇴계", "Yi T'oe-gye"), ("김대중", "Kim Tae-jung"), ("엄정화", "Ŏm Chŏng-hwa"),
    ])
    func mrNames(_ name: String, _ expected: String) {
        #expect(r.romanizeName(name, scheme: .mr).output == expected)
    }

    @Test(arguments: [
        ("안중근", "An Chung-gun"), ("박찬욱", "Pak Chan-uk"), ("장영실", "Chang Yong-sil"), ("이순신", "Yi Sun-sin"),
        ("엄정화", "Om Chong-hwa"),
    ])
    func mrASCIINames(_ name: String, _ expected: String) {
        #expect(r.romanizeName(name, scheme: .mrASCII).output == expected)
    }

    @Test func mrJoinedAndSpaced() {
        #expect(r.romanizeName("안중근", scheme: .mr, given: .joined).output == "An Chunggŭn")
        #expect(r.romanizeName("박찬욱", scheme: .mr, given: .spaced).output == "Pak Ch'an Uk")
    }

    /// Popular: surnames from korean-surnames.tsv (first ranked spelling), given syllables from
    /// korean-given-syllables.tsv. 고 ranks Ko; Go; Koh; 노 ranks Noh 40.3% > No > Roh (NIKL);
    /// 정 ranks Jung 46.13% (MOFA 2024).
    @Test(arguments: [
        ("고영아", "Ko Young-a"), ("김수현", "Kim Soo-hyun"), ("황희찬", "Hwang Hee-chan"), ("박찬욱", "Park Chan-wook"),
        ("이강인", "Lee Kang-in"), ("송강호", "Song Kang-ho"), ("정호연", "Jung Ho-yeon"), ("최경주", "Choi Kyung-joo"),
        ("노무현", "Noh Moo-hyun"), ("반기문", "Ban Ki-moon"), ("문재인", "Moon Jae-in"), ("봉준호", "Bong Joon-ho"),
        ("남궁민", "Namgung Min"), ("윤석열", "Yoon Suk-yeol"),
    ])
    func popularNames(_ name: String, _ expected: String) {
        #expect(r.romanizeName(name, scheme: .popular).output == expected)
    }

    @Test func popularFallsBackToRRForUnlistedSyllables() {
        // 뷁 is in no table: RR of the syllable alone.
        #expect(r.romanizeName("김뷁", scheme: .popular).output == "Kim Bwek")
    }

    /// Yale (S. E. Martin): ㄱ k, ㅈ c, ㅊ ch, ㅓ e, ㅜ wu, ㅡ u, ㅐ ay, ㅔ ey, ㅢ uy.
    @Test(arguments: [
        ("김구", "Kim Kwu"), ("이순신", "I Swun-sin"), ("황희찬", "Hwang Huy-chan"), ("박찬욱", "Pak Chan-wuk"),
        ("정경화", "Ceng Kyeng-hwa"), ("최재형", "Choy Cay-hyeng"),
    ])
    func yaleNames(_ name: String, _ expected: String) {
        #expect(r.romanizeName(name, scheme: .yale).output == expected)
    }

    @Test func nonHangulIsPassedThroughWithAWarning() {
        let n = r.romanizeName("김A철", scheme: .rr)
        #expect(n.output.contains("A"))
        #expect(n.output.hasPrefix("Gim"))
        #expect(n.warnings.count == 1)
        #expect(n.warnings[0].contains("'A' (U+0041)"))
        let hanja = r.romanizeName("金九", scheme: .rr)
        #expect(hanja.output == "金九")
        #expect(!hanja.warnings.isEmpty)
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect(r.romanizeName("", scheme: .rr).output == "")
        #expect(r.romanizeName("   ", scheme: .mr).output == "")
        #expect(r.romanizeText("", scheme: .rr) == "")
    }

    @Test func decomposedHangulIsComposed() {
        // NFD 김구 (conjoining jamo).
        let nfd = "\u{1100}\u{1175}\u{11B7}\u{1100}\u{116E}"
        let n = r.romanizeName(nfd, scheme: .rr)
        #expect(n.output == "Gim Gu")
        #expect(n.warnings.isEmpty)
    }

    @Test func singleSyllableIsASurname() {
        let n = r.romanizeName("김", scheme: .popular)
        #expect(n.output == "Kim")
        #expect(n.given == nil)
    }

    @Test func longNamesFallBackWithoutLoss() {
        let long = String(repeating: "가", count: 20)
        let n = r.romanizeName(long, scheme: .rr)
        #expect(n.output.lowercased() == String(repeating: "ga", count: 20))
    }
}

@Suite struct KoreanTextModeTests {
    let r = sharedKoreanRomanizer

    /// RR ch. 3 art. 1 and 2 examples beyond the shared samples.
    @Test(arguments: [
        ("백마", "baengma"), ("종로", "jongno"), ("신문로", "sinmunno"), ("왕십리", "wangsimni"), ("별내", "byeollae"),
        ("신라", "silla"), ("학여울", "hangnyeoul"), ("알약", "allyak"), ("해돋이", "haedoji"), ("같이", "gachi"),
        ("굳히다", "guchida"), ("좋고", "joko"), ("놓다", "nota"), ("잡혀", "japhyeo"), ("낳지", "nachi"),
        ("묵호", "mukho"), ("집현전", "jiphyeonjeon"), ("압구정", "apgujeong"), ("낙성대", "nakseongdae"),
        ("합정", "hapjeong"), ("팔당", "paldang"), ("샛별", "saetbyeol"), ("울산", "ulsan"),
        ("구미", "gumi"), ("영동", "yeongdong"), ("백암", "baegam"), ("옥천", "okcheon"), ("합덕", "hapdeok"),
        ("호법", "hobeop"), ("월곶", "wolgot"), ("벚꽃", "beotkkot"), ("한밭", "hanbat"),
        ("세운", "se-un"), ("금요일", "geumyoil"),
        // 표준 발음법 (1988) examples, written in RR: 제11항 붙임 맑게 [말께], 묽고 [물꼬]; 제12항 않는 [안는],
        // 싫네 [실레], 좋아 [조아]; 제20항 붙임 의견란 [의ː견난]; 제29항 물엿 [물렫], 담요 [담ː뇨].
        ("맑게", "malge"), ("묽고", "mulgo"), ("않는", "anneun"), ("싫네", "sille"), ("좋아", "joa"),
        ("의견란", "uigyeonnan"), ("물엿", "mullyeot"), ("담요", "damnyo"),
    ])
    func rrText(_ text: String, _ expected: String) {
        #expect(r.romanizeText(text, scheme: .rr) == expected)
    }

    @Test func rrTextKeepsSpacesAndPunctuation() {
        #expect(r.romanizeText("서울, 부산 (2024)", scheme: .rr) == "seoul, busan (2024)")
        // No sound change across a space: 한 국 stays han guk.
        #expect(r.romanizeText("한 국", scheme: .rr) == "han guk")
    }

    @Test(arguments: [
        ("한국", "han'guk"), ("북한", "pukhan"), ("발해", "parhae"), ("서울", "sŏul"), ("신라", "silla"), ("대구", "taegu"),
        ("제주도", "chejudo"), ("금강산", "kŭmgangsan"), ("독립문", "tongnimmun"), ("쉬다", "shwida"),
    ])
    func mrText(_ text: String, _ expected: String) {
        #expect(r.romanizeText(text, scheme: .mr) == expected)
    }

    @Test func mrASCIIText() {
        #expect(r.romanizeText("평양", scheme: .mrASCII) == "pyongyang")
        #expect(r.romanizeText("한국", scheme: .mrASCII) == "hanguk")
    }

    /// Yale is morphophonemic: no sound change is written (신라 sinla, not silla); a period marks
    /// an ambiguous syllable boundary (Glossika's Yale notes).
    @Test(arguments: [
        ("한글", "hankul"), ("서울", "sewul"), ("한국어", "hankwuk.e"), ("김치", "kimchi"), ("신라", "sinla"),
        ("독립문", "toklipmwun"), ("읽다", "ilkta"), ("값", "kaps"), ("의사", "uysa"), ("박하", "pak.ha"),
    ])
    func yaleText(_ text: String, _ expected: String) {
        #expect(r.romanizeText(text, scheme: .yale) == expected)
    }

    @Test func textWarnsAboutOtherLetters() {
        let t = r.romanizeTextResult("李 순신", scheme: .rr)
        #expect(t.output == "李 sunsin")
        #expect(t.warnings.count == 1)
        #expect(r.romanizeTextResult("Seoul 서울", scheme: .rr).warnings.isEmpty)   // ASCII letters are expected in text
    }

    @Test func megabyteLineIsHandled() {
        let big = String(repeating: "한국 ", count: 200_000)
        let out = r.romanizeText(big, scheme: .rr)
        #expect(out.hasPrefix("han-guk han-guk"))
        #expect(out.count == 200_000 * 8)
    }
}

@Suite struct KoreanSplitTests {
    let r = sharedKoreanRomanizer

    @Test(arguments: [
        ("고영아", "고", "영아"), ("황보관", "황보", "관"), ("남궁민수", "남궁", "민수"), ("제갈량", "제갈", "량"),
        ("선우용녀", "선우", "용녀"), ("독고영재", "독고", "영재"), ("사공일", "사공", "일"), ("서문탁", "서문", "탁"),
        ("동방신기", "동방", "신기"), ("남민수", "남", "민수"), ("김구", "김", "구"), ("남궁", "남", "궁"),
        ("남궁 민수", "남궁", "민수"),
    ])
    func splits(_ name: String, _ family: String, _ given: String) {
        let s = r.split(name)
        #expect(s?.family == family)
        #expect(s?.given == given)
    }

    @Test(arguments: ["", "김", "Kim", "김A", "가나다라마바사", "김 철 수"])
    func notANameGivesNil(_ name: String) {
        #expect(r.split(name) == nil)
    }
}

@Suite struct KoreanMRTableTests {
    /// The precomputed boundary table gives exactly what the general sound-change pass gives,
    /// for every final × initial × vowel boundary (after 가 + final) and a final ㄱ/ㄹ/ㅇ tail.
    @Test func tableAgreesWithTheRules() {
        let table = sharedKoreanRomanizer.mrTable
        var mismatches = [String]()
        for final in 0..<28 {
            for initial in 0..<19 {
                for vowel in 0..<21 {
                    for lastFinal in [0, Jamo.fG, Jamo.fL, Jamo.fNG] {
                        let word = [HangulSyllable(initial: Jamo.g, vowel: Jamo.vA, final: final), HangulSyllable(initial: initial, vowel: vowel, final: lastFinal)]
                        let expected = KoreanRomanizer.renderMR(KoreanSoundChanges.apply(word), hyphenated: true).capitalizedFirst
                        let got = [word[0].index, word[1].index].withUnsafeBufferPointer { table.given($0[...], hyphen: true, ascii: false) }
                        if got != expected { mismatches.append("\(expected) ≠ \(got)") }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

@Suite struct KoreanOptionsTests {
    @Test func sharedOptions() {
        let r = sharedKoreanRomanizer
        #expect(r.romanize("민용하", options: RomanizationOptions(scheme: .rr))?.output == "Min Yong-ha")
        #expect(r.romanize("민용하", options: RomanizationOptions(scheme: .rr, given: .joined))?.output == "Min Yongha")
        #expect(r.romanize("신라", options: RomanizationOptions(scheme: .rr, text: true))?.output == "silla")
        #expect(r.romanize("한국", options: RomanizationOptions(scheme: .mrASCII, text: true))?.output == "hanguk")
        #expect(r.romanize("杨占峰", options: RomanizationOptions(scheme: .pinyin)) == nil)
        #expect(r.romanize("고영아", options: RomanizationOptions(scheme: .auto)) == nil)
        for scheme in KoreanScheme.allCases { #expect(KoreanScheme(scheme.romanizationScheme) == scheme) }
    }
}
