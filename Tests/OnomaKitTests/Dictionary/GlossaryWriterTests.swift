import Foundation
import OnomaKit
import Testing

/// `GlossaryWriter` against the loader and `onoma dict format` (found by fuzz-glossary-roundtrip).
@Suite struct GlossaryWriterTests {
    static func withoutLocations(_ g: Glossary) -> Glossary {
        var g = g
        g.entries = g.entries.map { e in
            var e = e
            e.location = nil
            e.names = e.names.map { n in var n = n; n.location = nil; return n }
            return e
        }
        return g
    }

    /// An empty name, note or title is written as an empty-element tag, as libxml2 (and so
    /// `dict format`) writes it: the writer's output was not canonical (`<name ...></name>`).
    @Test func emptyElementsAreWrittenAsFormatWritesThem() throws {
        let glossary = Glossary(name: "x", title: "", entries: [
            GlossaryEntry(id: "a", kind: .term, names: [NameForm(language: "en", text: "", status: .preferred)], notes: [""]),
        ], source: "x.xml")
        let written = GlossaryWriter.write(glossary)
        #expect(String(decoding: written, as: UTF8.self) == """
        <?xml version="1.0" encoding="UTF-8"?>
        <glossary xmlns="urn:onoma:glossary:1" name="x">
          <title/>
          <entry id="a" kind="term">
            <name xml:lang="en" status="preferred"/>
            <note/>
          </entry>
        </glossary>

        """)
        let editor = try GlossaryEditor(bytes: written, path: "x.xml")
        editor.format()
        #expect(editor.serialized() == written)
        #expect(Self.withoutLocations(try GlossaryLoader.load(data: written, fileName: "x.xml")) == glossary)
    }
}
