import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

@Suite struct GlossaryLoaderTests {
    static let defaultGlossary = TestPaths.dictionaries.appendingPathComponent("onoma-default.xml")

    /// The rows of Samples/names.tsv (id, kind, native forms, preferred English, variants, note).
    static let sampleRows: [[String]] = {
        let text = (try? String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Samples/names.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }()

    @Test func defaultGlossaryHoldsEverySampleRow() throws {
        let glossary = try GlossaryLoader.load(contentsOf: Self.defaultGlossary)
        #expect(glossary.name == "onoma-default")
        #expect(Self.sampleRows.count == 41)
        #expect(glossary.entries.map(\.id) == Self.sampleRows.map { $0[0] })
        for (entry, row) in zip(glossary.entries, Self.sampleRows) {
            #expect(entry.kind.rawValue == row[1], "kind of \(row[0])")
            for native in row[2].split(separator: ";") {
                let parts = native.split(separator: ":", maxSplits: 1).map(String.init)
                #expect(entry.names.contains { $0.language == parts[0] && $0.text == parts[1] && $0.status == .preferred }, "\(native) in \(row[0])")
            }
            #expect(entry.canonicalName(language: "en")?.text == row[3], "preferred English of \(row[0])")
            for variant in row[4].split(separator: ";") {
                #expect(entry.names.contains { $0.text == String(variant) && $0.status == .admitted }, "variant \(variant) of \(row[0])")
            }
            #expect(entry.notes == (row[5].isEmpty ? [] : [row[5]]), "note of \(row[0])")
        }
    }

    @Test func defaultGlossaryTagsVariantsByScriptAndScheme() throws {
        let glossary = try GlossaryLoader.load(contentsOf: Self.defaultGlossary)
        func name(_ id: String, _ text: String) -> NameForm? {
            glossary.entries.first { $0.id == id }?.names.first { $0.text == text }
        }
        // Korean orthography of a Chinese name is Korean.
        #expect(name("yang-zhanfeng", "양잔펑")?.language == "ko")
        #expect(name("yang-zhanfeng", "Yáng Zhànfēng")?.language == "zh-Latn")
        #expect(name("yang-zhanfeng", "Yáng Zhànfēng")?.scheme == "pinyin-tones")
        // Strict Revised Romanization and McCune-Reischauer of a Korean name.
        #expect(name("koh-young-aah", "Go Yeong-a")?.scheme == "rr")
        #expect(name("park-chan-wook", "Pak Ch'an-uk")?.scheme == "mr")
        #expect(name("kim-koo", "Kim Ku")?.scheme == "mr")
        #expect(name("liu-cixin", "Liu Tz'u-hsin")?.scheme == "wade-giles")
        #expect(name("koh-young-aah", "Ko Young-a")?.language == "en")
        // Splits: compound surnames, Western order.
        #expect(name("hwangbo-kwan", "황보관")?.family == "황보")
        #expect(name("ouyang-nana", "欧阳娜娜")?.given == "娜娜")
        #expect(name("zeng-zhiwei", "Eric Tsang")?.family == "Tsang")
        #expect(name("kores", "KORES")?.type == .abbreviation)
        // &amp; in text is decoded.
        #expect(name("rist", "Research Institute of Industrial Science & Technology")?.status == .preferred)
    }

    @Test func defaultGlossaryValidatesClean() throws {
        let report = try GlossaryValidator().validate(files: [Self.defaultGlossary], displayNames: ["onoma-default.xml"])
        // No error, no warning; for information, the four preferred English spellings that no
        // romanization gives, each a real, attested spelling (the person's own, or a Western name).
        #expect(report.errorCount == 0)
        #expect(report.warningCount == 0)
        #expect(report.diagnostics.map { "\($0.line) \($0.code)" } == [
            "8 unexplained-spelling",    // Koh Young-aah (고영아)
            "89 unexplained-spelling",   // Chung Kyung-wha (정경화)
            "142 unexplained-spelling",  // Kim Yeon-koung (김연경): "her own spelling is irregular"
            "240 unexplained-spelling",  // Eric Tsang (曾志伟): a Western given name, Cantonese surname
        ])
    }

    @Test func locationsAreExactLineAndColumnInScalars() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <glossary xmlns="urn:onoma:glossary:1">
            <!-- 고영아 < comment with a less-than sign -->
              <entry id="a" kind="person"><name xml:lang="ko">고영아</name>   <name
                xml:lang="en" status="preferred">Koh</name></entry>
            </glossary>
            """
        let glossary = try GlossaryLoader.load(data: Array(xml.utf8), fileName: "t.xml")
        let entry = try #require(glossary.entries.first)
        #expect(entry.location == SourceLocation(file: "t.xml", line: 4, column: 3))
        #expect(entry.names.map(\.location) == [SourceLocation(file: "t.xml", line: 4, column: 31),
                                                  SourceLocation(file: "t.xml", line: 4, column: 64)])
        #expect(glossary.name == "t.xml")
    }

    @Test func attributeAmpersandsAreDecoded() throws {
        let xml = #"<glossary xmlns="urn:onoma:glossary:1" name="A&amp;B &#38; C"><entry id="a" kind="term"><name xml:lang="en" given="x&amp;#38;y">t</name></entry></glossary>"#
        let glossary = try GlossaryLoader.load(data: Array(xml.utf8), fileName: "t.xml")
        #expect(glossary.name == "A&B & C")
        #expect(glossary.entries.first?.names.first?.given == "x&#38;y")
    }

    @Test func foreignElementsAreSkipped() throws {
        let xml = #"<glossary xmlns="urn:onoma:glossary:1" xmlns:x="urn:x"><entry id="a" kind="term"><name xml:lang="en">t</name><x:extra><name xml:lang="en">not mine</name></x:extra></entry></glossary>"#
        let glossary = try GlossaryLoader.load(data: Array(xml.utf8), fileName: "t.xml")
        #expect(glossary.entries.first?.names.map(\.text) == ["t"])
    }

    @Test func structuralErrorsAreThrownWithEveryProblem() {
        let xml = #"<glossary xmlns="urn:onoma:glossary:1"><entry kind="persn"><name>t</name></entry></glossary>"#
        do {
            _ = try GlossaryLoader.load(data: Array(xml.utf8), fileName: "t.xml")
            Issue.record("loaded an invalid glossary")
        } catch {
            #expect(error.kind == .invalid)
            #expect(error.diagnostics.map(\.code) == ["missing-id", "unknown-kind", "missing-language"])
        }
    }

    @Test func unreadableFile() {
        do {
            _ = try GlossaryLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/onoma.xml"))
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.description == "/nonexistent/onoma.xml:0:0: error: cannot read the dictionary: No such file or directory [unreadable]")
        }
    }

    @Test func setLoadsSeveralFilesAndIndexesIDs() throws {
        let extra = Array(#"<glossary xmlns="urn:onoma:glossary:1"><entry id="new" kind="term"><name xml:lang="en" status="preferred">New</name></entry></glossary>"#.utf8)
        let set = try GlossarySet([try GlossaryLoader.load(contentsOf: Self.defaultGlossary), try GlossaryLoader.load(data: extra, fileName: "extra.xml")])
        #expect(set.entries.count == 42)
        #expect(set.entry(id: "new")?.kind == .term)
        #expect(set.entry(id: "kim-koo")?.canonicalName(language: "en")?.text == "Kim Koo")
        #expect(set.entry(id: "missing") == nil)
        let loaded = try GlossarySet.load(files: [Self.defaultGlossary])
        #expect(loaded.glossaries.count == 1)
    }

    @Test func statsCountKindsLanguagesStatuses() throws {
        let stats = GlossaryStats([try GlossaryLoader.load(contentsOf: Self.defaultGlossary)])
        #expect(stats.entries == 41)
        #expect(stats.byKind[.person] == 31)
        #expect(stats.byKind[.organization] == 7)
        #expect(stats.byKind[.place] == 3)
        #expect(stats.notes == 41)
        // One preferred English name per entry.
        #expect(stats.byLanguage["en"].map { $0 >= 41 } == true)
        #expect(stats.byStatus[.deprecated] == 0)
    }
}
