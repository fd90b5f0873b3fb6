import Foundation
import OnomaKit
import Testing

/// `onoma dict format` never changes what the loader reads (found by fuzz-glossary-roundtrip).
@Suite struct GlossaryEditorFormatTests {
    static func load(_ text: String) throws -> [GlossaryEntry] {
        try GlossaryLoader.load(data: Array(text.utf8), fileName: "g.xml").entries.map { e in
            var e = e
            e.location = nil
            e.names = e.names.map { n in var n = n; n.location = nil; return n }
            return e
        }
    }

    /// A name or note holding only a comment or a foreign element was reindented like an entry:
    /// the indentation became its text ("" → "\n      \n    ").
    @Test(arguments: [
        #"<name xml:lang="en"><!--c--></name>"#,
        #"<name xml:lang="en"><x:y xmlns:x="urn:other"/></name>"#,
        "<name xml:lang=\"en\">A</name><note>\n  <!--n-->\n</note>",
    ])
    func formatKeepsTheTextOfNamesAndNotes(_ content: String) throws {
        let text = #"<glossary xmlns="urn:onoma:glossary:1" name="g"><entry id="a" kind="term">"# + content + "</entry></glossary>\n"
        let formatted = try edit(text) { $0.format() }
        #expect(try Self.load(formatted) == Self.load(text))
        #expect(try edit(formatted) { $0.format() } == formatted)
    }

    /// Without a declared encoding libxml2 wrote non-ASCII attribute values as character
    /// references (`family="&#xAE40;"`), so a second format changed the file again.
    @Test(arguments: [
        #"<glossary xmlns="urn:onoma:glossary:1" name="g"><entry id="a" kind="person"><name xml:lang="ko" family="김" given="구">김구</name></entry></glossary>"#,
        #"<?pi x?><glossary xmlns="urn:onoma:glossary:1" name="가"><entry id="a" kind="person"><name xml:lang="ko" family="김">김구</name></entry></glossary>"#,
    ])
    func formatWritesAttributesAsUTF8WithoutADeclaration(_ text: String) throws {
        let formatted = try edit(text) { $0.format() }
        #expect(!formatted.contains("&#x"), "\(formatted)")
        #expect(formatted.contains(#"family="김""#))
        #expect(try edit(formatted) { $0.format() } == formatted)
        #expect(try Self.load(formatted) == Self.load(text))
    }
}
