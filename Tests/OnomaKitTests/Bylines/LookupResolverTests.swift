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
