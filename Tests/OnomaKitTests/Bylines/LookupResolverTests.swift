import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

@Suite struct LookupResolverTests {
    static let glossaries = try! GlossarySet.load(files: [TestPaths.dictionaries.appendingPathComponent("onoma-default.xml")])
    static let engine = try! LookupEngine(glossaries: glossaries.glossaries, dataDirectory: TestPaths.dictionaries)

    /// The exact-form table must answer every stored form as the engine does.
    @Test func exactTableAgreesWithTheEngine() {
        let resolver = LookupResolver(engine: Self.engine)
        let options = LookupOptions(language: "en", minScore: 0.7, limit: 8, fuzzy: true)
        for entry in Self.glossaries.entries {
            for name in entry.names where name.status != .deprecated {
                let table = resolver.resolve(name.text)
                let matches = Self.engine.lookup(name.text, options: options).filter { $0.score == 1.0 }
                #expect(table?.id == matches.first?.id, "\(name.text)")
                #expect(table?.canonical == matches.first?.canonical, "\(name.text)")
                #expect(table?.homographs == Array(matches.dropFirst().map(\.id)), "\(name.text)")
            }
        }
    }

    /// A span's answer depends on its bytes, not on what the memo saw first: "Yáng Zhànfēng"
    /// with its accents decomposed (as macOS file names are) is not the stored form byte for
    /// byte, so it resolves through the engine's folding (normalized), while the composed span
    /// that follows it in the same memo is still an exact match.
    @Test func memoKeysAreTheSpansBytes() throws {
        let normalizer = BylineNormalizer(resolver: LookupResolver(engine: Self.engine))
        let composed = "Yáng Zhànfēng"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        var memo = ResolutionMemo()
        let first = normalizer.normalize("By \(decomposed)", memo: &memo)
        let second = normalizer.normalize("By \(composed)", memo: &memo)
        let a = try #require(first.names.first)
        let b = try #require(second.names.first)
        #expect(a.id == "yang-zhanfeng" && b.id == "yang-zhanfeng")
        #expect(a.method == "normalized" && a.score ?? 1 < 1.0)
        #expect(b.method == "exact" && b.score == 1.0)
        #expect(first.output == "By Yang Zhanfeng" && second.output == "By Yang Zhanfeng")
    }

    /// Hangul written as jamo (NFD, as macOS file names and some input methods write it) is
    /// found and replaced where it was written; the rest of the line, decomposed "기자"
    /// included, keeps its bytes; offsets count the line's scalars as written.
    @Test func decomposedHangulIsFoundWhereWritten() throws {
        let normalizer = BylineNormalizer(resolver: LookupResolver(engine: Self.engine))
        let name = "고영아".decomposedStringWithCanonicalMapping, role = "기자".decomposedStringWithCanonicalMapping
        #expect(name.unicodeScalars.count == 7)  // ㄱㅗ ㅇㅕㅇ ㅇㅏ
        let byline = normalizer.normalize("By \(name)")
        #expect(byline.output == "By Koh Young-aah")
        let found = try #require(byline.names.first)
        #expect(found.id == "koh-young-aah" && found.start == 3 && found.end == 10)
        // Not the stored form byte for byte: resolved through folding, as decomposed accents are.
        #expect(found.method == "normalized" && (found.score ?? 1) < 1.0)
        #expect(Array(found.text.utf8) == Array(name.utf8))
        let credit = normalizer.normalize("\(name) \(role) (서울=연합뉴스)")
        #expect(Array(credit.output.utf8) == Array("Koh Young-aah \(role) (서울=연합뉴스)".utf8))
        #expect(credit.names.first.map { [$0.start, $0.end] } == [0, 7])
        // A line without jamo is read as it is (no composed copy).
        #expect(normalizer.normalize("By 고영아").names.first.map { [$0.start, $0.end] } == [3, 6])
    }

    /// A lookup of Hangul written as jamo finds the entry, as the composed name does.
    @Test func decomposedHangulQuery() throws {
        let composed = Self.engine.lookup("고영아")
        let decomposed = Self.engine.lookup("고영아".decomposedStringWithCanonicalMapping)
        #expect(composed.first?.id == "koh-young-aah")
        #expect(decomposed.first?.id == "koh-young-aah")
        #expect(decomposed.first?.score ?? 0 >= 0.9)
    }

    /// The contract's examples, through the real engine and the shipped dictionary.
    @Test(arguments: [
        ("By 고영아", "By Koh Young-aah"),
        ("记者 杨占峰", "记者 Yang Zhanfeng"),
        ("By Yang Zhan Feng and Koh Young-aah", "By Yang Zhanfeng and Koh Young-aah"),
        ("(Yonhap)", "(Yonhap)"),
        ("By Go Yeong-a", "By Koh Young-aah"),
        ("BY KIM SIN-JONG", "BY Kim Shin-jong"),
        ("记者 楊占峰", "记者 Yang Zhanfeng"),
    ])
    func contractExamples(_ input: String, _ expected: String) {
        let normalizer = BylineNormalizer(resolver: LookupResolver(engine: Self.engine))
        #expect(normalizer.normalize(input).output == expected)
    }

    @Test func canonicalFormFollowsTheLanguage() {
        let normalizer = BylineNormalizer(resolver: LookupResolver(engine: Self.engine, language: "ko"))
        #expect(normalizer.normalize("By Ko Young-a").output == "By 고영아")
    }
}
