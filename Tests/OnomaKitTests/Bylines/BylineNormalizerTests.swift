import OnomaKit
import OnomaTestSupport
import Testing

@Suite struct BylineNormalizerTests {
    let normalizer = BylineNormalizer(resolver: TableResolver(), suggester: TableSuggester())

    /// The byline shapes of Samples/bylines.txt (from the Korea Herald and Chinese press), with
    /// the contract's expected rewrites.
    @Test(arguments: [
        ("By 고영아", "By Koh Young-aah"),
        ("By Koh Young-aah (", "By Koh Young-aah ("),
        ("By Ko Young-a (reporter@example.com)", "By Koh Young-aah (reporter@example.com)"),
        ("고영아 기자", "Koh Young-aah 기자"),
        ("From Staff Reporter Kim Shin-jong in Seoul", "From Staff Reporter Kim Shin-jong in Seoul"),
        ("记者 杨占峰", "记者 Yang Zhanfeng"),
        ("By Yang Zhan Feng and Koh Young-aah", "By Yang Zhanfeng and Koh Young-aah"),
        ("(Yonhap)", "(Yonhap)"),
    ])
    func sampleShapes(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input).output == expected)
    }

    @Test func contractOffsetsAreScalars() {
        let r = normalizer.normalize("By 고영아")
        #expect(r.names == [BylineName(range: 3..<6, text: "고영아",
                                       resolution: NameResolution(id: "koh-young-aah", canonical: "Koh Young-aah", score: 1.0, method: "exact"))])
    }

    @Test func staffReporterNameIsResolvedAndPlaceIsNotReported() {
        let r = normalizer.normalize("From Staff Reporter Kim Shin-jong in Seoul")
        // "Seoul" is in the table as a place and is written canonically: reported, unchanged.
        #expect(r.names.map(\.text) == ["Kim Shin-jong", "Seoul"])
        #expect(r.names.map(\.id) == ["kim-shin-jong", "seoul"])
        let unknownPlace = normalizer.normalize("By Kim Shin-jong in Busan")
        #expect(unknownPlace.names.map(\.text) == ["Kim Shin-jong"])
    }

    @Test func agencyInParenthesesIsNoName() {
        #expect(normalizer.normalize("(Yonhap)").names.isEmpty)
        // 연합뉴스 (the agency, unknown here) is not reported; 서울 is a known place entry, so it
        // is rewritten like any entry; 고영아 is the credit.
        let korean = normalizer.normalize("(서울=연합뉴스) 고영아 기자 = 회의가 열렸다.")
        #expect(korean.names.map(\.text) == ["서울", "고영아"])
        #expect(korean.output == "(Seoul=연합뉴스) Koh Young-aah 기자 = 회의가 열렸다.")
    }

    @Test func emailIsNotAName() {
        let r = normalizer.normalize("By Ko Young-a (reporter@example.com)")
        #expect(r.names.count == 1)
        #expect(r.names[0].start == 3 && r.names[0].end == 13)
        #expect(r.names[0].score == 0.9)
    }

    @Test(arguments: [
        ("By Koh Young-aah, Kim Sin-jong and Yang Zhan Feng", "By Koh Young-aah, Kim Shin-jong and Yang Zhanfeng",
         ["koh-young-aah", "kim-shin-jong", "yang-zhanfeng"]),
        ("By Ko Young-a & Gim Sin-jong", "By Koh Young-aah & Kim Shin-jong", ["koh-young-aah", "kim-shin-jong"]),
        ("BY KO YOUNG-A AND KIM SIN-JONG", "BY Koh Young-aah AND Kim Shin-jong", ["koh-young-aah", "kim-shin-jong"]),
        ("고영아·김신종 기자", "Koh Young-aah·Kim Shin-jong 기자", ["koh-young-aah", "kim-shin-jong"]),
        ("고영아 및 김신종 기자", "Koh Young-aah 및 Kim Shin-jong 기자", ["koh-young-aah", "kim-shin-jong"]),
        ("记者 杨占峰、姚明", "记者 Yang Zhanfeng、Yao Ming", ["yang-zhanfeng", "yao-ming"]),
        ("记者 杨占峰 姚明", "记者 Yang Zhanfeng Yao Ming", ["yang-zhanfeng", "yao-ming"]),
        ("杨占峰和姚明报道", "Yang Zhanfeng和Yao Ming报道", ["yang-zhanfeng", "yao-ming"]),
        ("Reported by Park Chanwook with Lee Kangin", "Reported by Park Chan-wook with Lee Kang-in", ["park-chan-wook", "lee-kang-in"]),
        ("Ko Young-a, Kim Sinjong", "Koh Young-aah, Kim Shin-jong", ["koh-young-aah", "kim-shin-jong"]),
    ])
    func multipleAuthors(_ input: String, _ expected: String, _ ids: [String]) {
        let r = normalizer.normalize(input)
        #expect(r.output == expected)
        #expect(r.names.map(\.id) == ids)
    }

    @Test(arguments: [
        ("고영아기자", "Koh Young-aah기자"),
        ("记者杨占峰", "记者Yang Zhanfeng"),
        ("新华社记者杨占峰报道", "新华社记者Yang Zhanfeng报道"),
        ("本报记者 楊占峰", "本报记者 Yang Zhanfeng"),
        ("Kim Shin-jong, Staff Reporter", "Kim Shin-jong, Staff Reporter"),
        ("Correspondent Gim Sin-jong", "Correspondent Kim Shin-jong"),
        ("Written by: Koh Youngaah", "Written by: Koh Young-aah"),
        ("By KOH YOUNG-AAH", "By Koh Young-aah"),
    ])
    func attachedAndTitledShapes(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input).output == expected)
    }

    @Test func unknownCreditedNamesStayAndAreReported() {
        let korean = normalizer.normalize("홍길동 기자")
        #expect(korean.output == "홍길동 기자")
        #expect(korean.names.count == 1)
        #expect(korean.names[0].id == nil && korean.names[0].canonical == nil)
        #expect(korean.names[0].suggestion == "Hong Gil-dong")
        #expect(korean.names[0].start == 0 && korean.names[0].end == 3)

        let mixed = normalizer.normalize("By Hong Gil-dong and Ko Young-a")
        #expect(mixed.output == "By Hong Gil-dong and Koh Young-aah")
        #expect(mixed.names.map(\.id) == [nil, "koh-young-aah"])
        #expect(mixed.names[0].suggestion == nil)

        let chinese = normalizer.normalize("记者 王小明")
        #expect(chinese.names.map(\.suggestion) == ["Wang Xiaoming"])
    }

    @Test func knownEntryAnywhereInTheLine() {
        // No credit word: only dictionary entries count, and an unknown span is not reported.
        let r = normalizer.normalize("Photo courtesy of Bak Chan-uk and the studio")
        // A variant spelling outside a credit needs a near-exact score (0.95): 0.9 is not enough.
        #expect(r.output == "Photo courtesy of Bak Chan-uk and the studio")
        let exact = normalizer.normalize("Interview with director 박찬욱 at Busan")
        #expect(exact.output == "Interview with director Park Chan-wook at Busan")
        #expect(exact.names.map(\.id) == ["park-chan-wook"])
        let inRun = normalizer.normalize("国务院总理姚明今天")
        #expect(inRun.names.map(\.id) == ["yao-ming"])
        let latinRun = normalizer.normalize("Guests Koh Young-aah Kim Shin-jong Said")
        #expect(latinRun.names.map(\.id) == ["koh-young-aah", "kim-shin-jong"])
    }

    @Test func organizationsKeepTheirArticleAndFinalPeriod() {
        let herald = normalizer.normalize("Photo by Ko Young-a, The Korea Herald")
        #expect(herald.output == "Photo by Koh Young-aah, The Korea Herald")
        #expect(herald.names.map(\.text) == ["Ko Young-a", "The Korea Herald"])
        let bare = normalizer.normalize("(Korea Herald)")
        #expect(bare.output == "(The Korea Herald)")
        let kores = normalizer.normalize("Statement from Korea Resources Corp. in Seoul")
        #expect(kores.output == "Statement from Korea Resources Corp. in Seoul")
        #expect(kores.names.first?.text == "Korea Resources Corp.")
        #expect(normalizer.normalize("(KORES)").output == "(Korea Resources Corp.)")
    }

    /// A line written all in lower case has no capitals to tell names from words: a dictionary
    /// entry is still found and rewritten, an unknown name is left alone and not reported.
    @Test func lowerCaseLines() {
        #expect(normalizer.normalize("by koh young-aah").output == "by Koh Young-aah")
        let two = normalizer.normalize("by kim shin-jong and koh young-aah, seoul")
        #expect(two.output == "by Kim Shin-jong and Koh Young-aah, Seoul")
        #expect(two.names.map(\.id) == ["kim-shin-jong", "koh-young-aah", "seoul"])
        for line in ["written by staff", "by hong gil-dong", "the report was filed by the desk in busan"] {
            let r = normalizer.normalize(line)
            #expect(r.output == line && r.names.isEmpty, "\(line)")
        }
        // With a capital anywhere the line is read as usual: the unknown credited name is reported.
        let capital = normalizer.normalize("By Hong Gil-dong")
        #expect(capital.names.count == 1 && capital.names[0].id == nil)
    }

    @Test func koreanParticlesAreNotPartOfTheName() {
        let r = normalizer.normalize("(서울=연합뉴스) 고영아 기자 = 한국광물자원공사가 박찬욱씨와 협약을 맺었다.")
        #expect(r.output == "(Seoul=연합뉴스) Koh Young-aah 기자 = Korea Resources Corp.가 Park Chan-wook씨와 협약을 맺었다.")
        // "박찬욱씨와": an honorific and a particle (씨 + 와), both left as written.
        #expect(r.names.map(\.id) == ["seoul", "koh-young-aah", "kores", "park-chan-wook"])
        #expect(r.names.last.map { [$0.start, $0.end] } == [29, 32])
        #expect(normalizer.normalize("고영아씨").output == "Koh Young-aah씨")
        #expect(normalizer.normalize("고영아님께서 말했다").output == "Koh Young-aah님께서 말했다")
        #expect(normalizer.normalize("고영아씨는").output == "Koh Young-aah씨는")
        // A name is not cut below two syllables, and only an honorific goes with a particle.
        let short = normalizer.normalize("고씨와")
        #expect(short.output == "고씨와" && short.names.allSatisfy { $0.id == nil })
        #expect(normalizer.normalize("고영아들과").output == "고영아들과")
    }

    /// Namesakes: two entries store 김민준 (spelled Kim Min-jun and Gim Min-jun in English),
    /// two store 张建力 (both Zhang Jianli).
    struct NamesakeResolver: NameResolver {
        func resolve(_ c: String) -> NameResolution? {
            switch c {
            case "김민준": return NameResolution(id: "p1", canonical: "Kim Min-jun", score: 1, homographs: ["p2"], ambiguous: true)
            case "张建力": return NameResolution(id: "p3", canonical: "Zhang Jianli", score: 1, homographs: ["p4"])
            default: return nil
            }
        }
    }

    @Test func namesakes() {
        let n = BylineNormalizer(resolver: NamesakeResolver(), suggester: TableSuggester())
        let korean = n.normalize("김민준 기자")
        #expect(korean.output == "김민준 기자")
        #expect(korean.names.count == 1)
        #expect(korean.names[0].id == nil && korean.names[0].isAmbiguous)
        #expect(korean.names[0].homographs == ["p1", "p2"])
        let chinese = n.normalize("记者 张建力")
        #expect(chinese.output == "记者 Zhang Jianli")
        #expect(chinese.names[0].id == "p3" && chinese.names[0].homographs == ["p4"])
    }

    @Test func linesWithoutNamesAreUnchanged() {
        for line in ["", "   ", "(Yonhap)", "the meeting ended at 5 p.m.", "2011-03-05", "부산=연합뉴스"] {
            let r = normalizer.normalize(line)
            #expect(r.output == line)
            #expect(!r.changed)
        }
    }

    @Test func surnameInIsNotAPlaceMarker() {
        // "In" is a Korean surname (인); only lower-case "in" introduces a place.
        let extractor = BylineSpanExtractor()
        let spans = extractor.candidates(in: "By In Kyo-jin in Seoul")
        #expect(spans.map(\.role) == [.credit, .other])
        #expect(spans.first?.range == 3..<13)
    }
}

@Suite struct RomanizerSuggesterTests {
    /// RR name-mode spellings (notice 2024-27 examples: 홍길동 Hong Gildong, given name also
    /// Hong Gil-dong; 杨占峰 Yang Zhanfeng per GB/T 28039).
    @Test(arguments: [("홍길동", "Hong Gil-dong"), ("王小明", "Wang Xiaoming"), ("Kim Sin-jong", nil)] as [(String, String?)])
    func suggestions(_ name: String, _ expected: String?) throws {
        let suggester = RomanizerSuggester(romanizer: try Romanizer(dictionaries: TestPaths.dictionaries))
        #expect(suggester.suggest(name) == expected)
    }

    @Test func unknownKoreanBylineGetsARomanizedSuggestion() throws {
        let normalizer = BylineNormalizer(resolver: TableResolver(),
                                          suggester: RomanizerSuggester(romanizer: try Romanizer(dictionaries: TestPaths.dictionaries)))
        let r = normalizer.normalize("By 홍길동 and 고영아")
        #expect(r.output == "By 홍길동 and Koh Young-aah")
        #expect(r.names.map(\.suggestion) == ["Hong Gil-dong", nil])
    }
}
