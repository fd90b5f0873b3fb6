import Foundation
import OnomaTestSupport
import Testing
@testable import OnomaKit

@Suite struct GlossaryEditorTests {
    @Test func addAppendsAfterTheLastEntryWithTheFilesIndentation() throws {
        let entry = GlossaryEntry(id: "kim-shin-jong", kind: .person, names: [
            NameForm(language: "ko", text: "김신종"),
            NameForm(language: "en", text: "Kim Shin-jong", status: .preferred, family: "Kim", given: "Shin-jong"),
        ], notes: ["Chief executive, Korea Resources Corp. (2011)"])
        let result = try edit(sampleGlossary) { try $0.add(entry) }
        let added = """
            <x:source>press kit 2011</x:source>
          </entry>
          <entry id="kim-shin-jong" kind="person">
            <name xml:lang="ko">김신종</name>
            <name xml:lang="en" status="preferred" family="Kim" given="Shin-jong">Kim Shin-jong</name>
            <note>Chief executive, Korea Resources Corp. (2011)</note>
          </entry>
        </glossary>

        """
        #expect(result == sampleGlossary.replacingOccurrences(of: "    <x:source>press kit 2011</x:source>\n  </entry>\n</glossary>\n", with: added))
    }

    @Test(arguments: [("\t", "\t\t"), ("    ", "        ")])
    func addCopiesTabsAndWideIndentation(_ outer: String, _ inner: String) throws {
        let text = "<glossary xmlns=\"urn:onoma:glossary:1\" name=\"g\">\n\(outer)<entry id=\"a\" kind=\"term\">\n\(inner)<name xml:lang=\"en\">A</name>\n\(outer)</entry>\n</glossary>\n"
        let result = try edit(text) { try $0.add(GlossaryEntry(id: "b", kind: .term, names: [NameForm(language: "en", text: "B")])) }
        #expect(result == text.replacingOccurrences(of: "</entry>\n", with: "</entry>\n\(outer)<entry id=\"b\" kind=\"term\">\n\(inner)<name xml:lang=\"en\">B</name>\n\(outer)</entry>\n"))
    }

    @Test func addToAnEmptyGlossary() throws {
        let result = try edit("<glossary xmlns=\"urn:onoma:glossary:1\" name=\"g\"/>") {
            try $0.add(GlossaryEntry(id: "b", kind: .place, names: [NameForm(language: "en", text: "Seoul & Busan")]))
        }
        #expect(result == "<glossary xmlns=\"urn:onoma:glossary:1\" name=\"g\">\n  <entry id=\"b\" kind=\"place\">\n    <name xml:lang=\"en\">Seoul &amp; Busan</name>\n  </entry>\n</glossary>")
    }

    @Test func addRefusesAnExistingID() throws {
        let error = #expect(throws: GlossaryEditError.self) {
            _ = try edit(sampleGlossary) { try $0.add(GlossaryEntry(id: "kores", kind: .term, names: [NameForm(language: "en", text: "x")])) }
        }
        #expect(error?.reason == .conflict)
        #expect(error?.diagnostics.first?.line == 12)
    }

    @Test func removeKeepsCommentsAndNeighbours() throws {
        let result = try edit(sampleGlossary) { try $0.remove(ids: ["koh-young-aah"]) }
        #expect(result == """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Korea Herald staff and sources -->
        <glossary xmlns="urn:onoma:glossary:1" xmlns:x="urn:example:x" name="korea-herald">
          <title>Korea Herald staff and sources</title>

          <!-- organizations -->
          <entry id="kores" kind="organization">
            <name xml:lang="ko">한국광물자원공사</name>
            <name xml:lang="en" status="preferred">Korea Resources Corp.</name>
            <name xml:lang="en" type="abbreviation">KORES</name>
            <x:source>press kit 2011</x:source>
          </entry>
        </glossary>

        """)
    }

    @Test func removeOfAMissingIDChangesNothing() throws {
        let editor = try GlossaryEditor(bytes: Array(sampleGlossary.utf8), path: "g.xml")
        let error = #expect(throws: GlossaryEditError.self) { try editor.remove(ids: ["kores", "nobody"]) }
        #expect(error?.reason == .notFound)
        #expect(error?.diagnostics.map(\.message) == ["no entry has id 'nobody'"])
        #expect(String(decoding: editor.serialized(), as: UTF8.self) == sampleGlossary)
    }

    @Test func setUpdatesInPlaceAndInsertsBesideTheSameLanguage() throws {
        let change = EntryChange(kind: .organization, names: [
            NameUpdate(language: "en", text: "Korea Resources Corp.", status: .admitted),
            NameUpdate(language: "EN", text: "KORES", status: .preferred),
            NameUpdate(language: "ko", text: "광물공사", type: .abbreviation),
        ], removedNames: [], addedNotes: ["Merged into KOMIR in 2021"])
        let result = try edit(sampleGlossary) { try $0.update(id: "kores", change) }
        #expect(result == sampleGlossary.replacingOccurrences(of: """
            <name xml:lang="ko">한국광물자원공사</name>
            <name xml:lang="en" status="preferred">Korea Resources Corp.</name>
            <name xml:lang="en" type="abbreviation">KORES</name>
            <x:source>press kit 2011</x:source>
        """, with: """
            <name xml:lang="ko">한국광물자원공사</name>
            <name xml:lang="ko" type="abbreviation">광물공사</name>
            <name xml:lang="en" status="admitted">Korea Resources Corp.</name>
            <name xml:lang="en" status="preferred" type="abbreviation">KORES</name>
            <note>Merged into KOMIR in 2021</note>
            <x:source>press kit 2011</x:source>
        """))
    }

    @Test func setRemovesNamesAndNotes() throws {
        let change = EntryChange(names: [NameUpdate(language: "ko", text: "고영아", family: "", given: "")],
                                 removedNames: [NameKey(language: "en", text: "Koh Young-aah")], clearNotes: true)
        let result = try edit(sampleGlossary) { try $0.update(id: "koh-young-aah", change) }
        #expect(result.contains("""
          <entry id="koh-young-aah" kind="person">
            <name xml:lang="ko">고영아</name>
          </entry>
        """))
    }

    @Test func setOfAMissingNameChangesNothing() throws {
        let editor = try GlossaryEditor(bytes: Array(sampleGlossary.utf8), path: "g.xml")
        let change = EntryChange(kind: .term, removedNames: [NameKey(language: "en", text: "Ko Young-a")])
        let error = #expect(throws: GlossaryEditError.self) { try editor.update(id: "koh-young-aah", change) }
        #expect(error?.reason == .notFound)
        #expect(String(decoding: editor.serialized(), as: UTF8.self) == sampleGlossary)
    }

    @Test func formatIsCanonicalAndIdempotent() throws {
        let messy = "<?xml version='1.0'?>\n<glossary name=\"g\" xmlns=\"urn:onoma:glossary:1\"><!-- c --><entry kind=\"term\" id=\"a\">\n\n<name type=\"alias\" xml:lang=\"en\" status=\"preferred\">A  b</name>     <note>n</note></entry>\n\n\n</glossary>"
        let once = try edit(messy) { $0.format() }
        #expect(once == """
        <?xml version="1.0" encoding="UTF-8"?>
        <glossary xmlns="urn:onoma:glossary:1" name="g">
          <!-- c -->
          <entry id="a" kind="term">
            <name xml:lang="en" status="preferred" type="alias">A  b</name>
            <note>n</note>
          </entry>
        </glossary>

        """)
        #expect(try edit(once) { $0.format() } == once)
    }

    @Test func formatLeavesGlossaryWriterOutputAlone() throws {
        let glossary = Glossary(name: "g", title: "T <&>", entries: [
            GlossaryEntry(id: "a", kind: .person, names: [NameForm(language: "en", text: "Tab\tand \"quotes\"", status: .preferred, family: "Tab", given: "x\"y")], notes: ["line\nbreak"]),
        ])
        let written = String(decoding: GlossaryWriter.write(glossary), as: UTF8.self)
        #expect(try edit(written) { $0.format() } == written)
        var read = try GlossaryDocument(bytes: Array(written.utf8), path: "w.xml").glossary().entries
        for i in read.indices {
            read[i].location = nil
            for j in read[i].names.indices { read[i].names[j].location = nil }
        }
        #expect(read == glossary.entries)
    }

    @Test func theShippedGlossaryRoundTripsAndIsFormatted() throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.dictionaries.appendingPathComponent("onoma-default.xml")))
        let editor = try GlossaryEditor(bytes: bytes, path: "onoma-default.xml")
        #expect(editor.serialized() == bytes)
        editor.format()
        #expect(editor.serialized() == bytes)
    }

    @Test func notAGlossaryIsInvalidInput() throws {
        let error = #expect(throws: GlossaryEditError.self) { try GlossaryEditor(bytes: Array("<martif/>".utf8), path: "m.xml") }
        #expect(error?.reason == .invalidInput)
        #expect(error?.diagnostics.first?.code == "not-a-glossary")
    }
}
