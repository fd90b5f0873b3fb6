import Testing
@testable import OnomaKit

@Suite struct GlossaryMergerTests {
    let other = """
    <?xml version="1.0" encoding="UTF-8"?>
    <glossary xmlns="urn:onoma:glossary:1" name="other">
      <entry id="kores" kind="organization">
        <name xml:lang="en" type="abbreviation">KORES</name>
        <name xml:lang="ko">한국광물자원공사</name>
        <name xml:lang="en" status="preferred">Korea Resources Corp.</name>
        <x:source xmlns:x="urn:example:x">press kit 2011</x:source>
      </entry>
      <entry id="posco" kind="organization">
        <name xml:lang="ko">포스코</name>
        <name xml:lang="en" status="preferred">POSCO</name>
      </entry>
    </glossary>
    """

    @Test func identicalEntriesMergeAndNewOnesAreAppended() throws {
        let result = try GlossaryMerger.merge([("a.xml", Array(sampleGlossary.utf8)), ("b.xml", Array(other.utf8))])
        #expect(result.conflicts.isEmpty)
        let text = String(decoding: try #require(result.output), as: UTF8.self)
        #expect(text == sampleGlossary.replacingOccurrences(of: "  </entry>\n</glossary>", with: """
          </entry>
          <entry id="posco" kind="organization">
            <name xml:lang="ko">포스코</name>
            <name xml:lang="en" status="preferred">POSCO</name>
          </entry>
        </glossary>
        """))
    }

    @Test func sameIDWithDifferentContentIsAConflict() throws {
        let changed = other.replacingOccurrences(of: "POSCO</name>", with: "POSCO</name>").replacingOccurrences(of: "press kit 2011</x:source>\n  </entry>", with: "press kit 2011</x:source>\n    <note>state-run</note>\n  </entry>")
        let result = try GlossaryMerger.merge([("a.xml", Array(sampleGlossary.utf8)), ("b.xml", Array(changed.utf8))])
        #expect(result.output == nil)
        #expect(result.conflicts.map(\.kind) == [.sameID("kores")])
        #expect(result.conflicts.first?.locations.map(\.description) == ["a.xml:12:1", "b.xml:3:1"])

        let last = try GlossaryMerger.merge([("a.xml", Array(sampleGlossary.utf8)), ("b.xml", Array(changed.utf8))], prefer: .last)
        #expect(last.resolved.map(\.kind) == [.sameID("kores")])
        let text = String(decoding: try #require(last.output), as: UTF8.self)
        #expect(text.contains("<note>state-run</note>"))
        #expect(!text.contains("xmlns=\"urn:onoma:glossary:1\" name=\"other\""))
        // The replaced entry stays where it was, before posco; no stray namespace declaration.
        #expect(text.range(of: "id=\"kores\"")!.lowerBound < text.range(of: "id=\"posco\"")!.lowerBound)
        #expect(!text.contains("<entry xmlns"))

        let first = try GlossaryMerger.merge([("a.xml", Array(sampleGlossary.utf8)), ("b.xml", Array(changed.utf8))], prefer: .first)
        #expect(!String(decoding: try #require(first.output), as: UTF8.self).contains("state-run"))
    }

    @Test func theSameFormUnderTwoIDsIsAConflict() throws {
        let homograph = other.replacingOccurrences(of: "id=\"posco\"", with: "id=\"koh-young-aah-2\"").replacingOccurrences(of: "포스코", with: "고영아")
        let result = try GlossaryMerger.merge([("a.xml", Array(sampleGlossary.utf8)), ("b.xml", Array(homograph.utf8))])
        #expect(result.output == nil)
        #expect(result.conflicts.map(\.kind) == [.sharedForm(language: "ko", text: "고영아", ids: ["koh-young-aah", "koh-young-aah-2"])])
        let allowed = try GlossaryMerger.merge([("a.xml", Array(sampleGlossary.utf8)), ("b.xml", Array(homograph.utf8))], allowSharedForms: true)
        #expect(allowed.output != nil)
        #expect(allowed.resolved.count == 1)
    }
}
