import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// One fixture per rule: `Fixtures/Dictionary/rules/<case>.xml` and, beside it,
/// `<case>.expected` with the exact diagnostics `GlossaryValidator` must report (one per line,
/// `file:line:column: severity: message [code]`; an empty file for a clean case).
struct RuleFixture: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures/Dictionary/rules")

    static var all: [RuleFixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { RuleFixture(name: String($0.dropLast(4))) }
    }
}

@Suite struct GlossaryRulesTests {
    @Test func everyRuleHasAFixture() {
        #expect(RuleFixture.all.count >= 30)
    }

    @Test(arguments: RuleFixture.all)
    func fixture(_ fixture: RuleFixture) throws {
        let xml = RuleFixture.folder.appendingPathComponent(fixture.name + ".xml")
        let expectedText = try String(contentsOf: RuleFixture.folder.appendingPathComponent(fixture.name + ".expected"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init)
        let report = try GlossaryValidator().validate(files: [xml], displayNames: [fixture.name + ".xml"])
        #expect(report.diagnostics.map(\.description) == expected)
        #expect(report.unusableFiles.isEmpty)
    }

    @Test func duplicateIDsAcrossFiles() throws {
        let a = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <glossary xmlns="urn:onoma:glossary:1" name="a">
              <entry id="kim-koo" kind="person"><name xml:lang="en" status="preferred">Kim Koo</name></entry>
            </glossary>
            """.utf8)
        let first = try GlossaryLoader.load(data: a, fileName: "a.xml")
        let b = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <glossary xmlns="urn:onoma:glossary:1" name="b">

              <entry id="kim-koo" kind="person"><name xml:lang="en" status="preferred">Kim Gu</name></entry>
            </glossary>
            """.utf8)
        let report = try GlossaryValidator().validate(bytes: b, file: "b.xml", alongside: [first])
        #expect(report.diagnostics.map(\.description) == [
            "b.xml:4:3: error: duplicate id 'kim-koo': already used at a.xml:3:3; ids must be unique across every dictionary loaded together, so rename one [duplicate-id]",
        ])
        let second = try GlossaryLoader.load(data: b, fileName: "b.xml")
        #expect(throws: DictionaryError.self) { try GlossarySet([first, second]) }
        do {
            _ = try GlossarySet([first, second])
        } catch {
            #expect(error.kind == .invalid)
            #expect(error.diagnostics.map(\.code) == ["duplicate-id"])
        }
    }

    @Test func lintSkipsTheSchemaOnly() throws {
        let xml = RuleFixture.folder.appendingPathComponent("schema-unknown-element.xml")
        let lint = try GlossaryValidator(level: .lint).validate(files: [xml])
        #expect(lint.diagnostics.isEmpty)
        let rules = RuleFixture.folder.appendingPathComponent("duplicate-preferred.xml")
        #expect(try GlossaryValidator(level: .lint).validate(files: [rules]).diagnostics.map(\.code) == ["duplicate-preferred"])
    }

    @Test(arguments: [
        ("ko", true), ("ko-Hani", true), ("zh-Hans", true), ("zh-Hant", true), ("zh", true), ("en", true),
        ("ko-Latn", true), ("zh-Latn-pinyin", true), ("en-GB", true), ("zh-cmn-Hans-CN", true), ("es-419", true),
        ("de-CH-1996", true), ("en-a-bbb-x-ccc", true), ("x-private", true), ("sl-rozaj-biske", true),
        ("", false), ("ko_KR", false), ("e", false), ("ko-", false), ("-ko", false), ("ko--Hani", false),
        ("toolonglanguage", false), ("en-a", false), ("en-x", false), ("한국어", false), ("ko Hani", false),
    ])
    func languageTags(_ tag: String, _ wellFormed: Bool) {
        #expect((LanguageTag(tag) != nil) == wellFormed)
    }

    @Test func expectedScripts() {
        #expect(LanguageTag("ko")?.expectedScript == .hangul)
        #expect(LanguageTag("ko-Hani")?.expectedScript == .han)
        #expect(LanguageTag("ko-Latn")?.expectedScript == .latin)
        #expect(LanguageTag("zh-Hant-TW")?.expectedScript == .han)
        #expect(LanguageTag("en")?.expectedScript == .latin)
        #expect(LanguageTag("ja")?.expectedScript == nil)
        #expect(LanguageTag("zh-hans")?.script == "Hans")
    }
}
