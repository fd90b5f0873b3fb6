import Foundation
import Testing
@testable import OnomaKit

@Suite struct XMLDocumentTests {
    /// Serialising an unedited document gives back the same bytes for the layouts people write.
    @Test(arguments: [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glossary xmlns=\"urn:onoma:glossary:1\" name=\"x\">\n  <entry id=\"a\" kind=\"term\">\n    <name xml:lang=\"en\">A &amp; B</name>\n  </entry>\n</glossary>\n",
        "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<!-- header -->\n\n<?pi data?>\n<glossary xmlns=\"urn:onoma:glossary:1\" name=\"x\"><!-- inline --><entry id=\"a\" kind=\"term\"><name xml:lang=\"ko\">고영아</name></entry></glossary>",
        "<glossary xmlns=\"urn:onoma:glossary:1\" name=\"x\">\r\n\t<entry id=\"a\" kind=\"term\">\r\n\t\t<name xml:lang=\"en\"><![CDATA[a<b]]></name>\r\n\t</entry>\r\n</glossary>\r\n",
        "<?xml version=\"1.0\"?>\n<glossary xmlns=\"urn:onoma:glossary:1\" xmlns:x=\"urn:example:other\" name=\"x\">\n  <x:extra x:note=\"kept\">unknown but valid</x:extra>\n</glossary>\n<!-- trailing -->\n",
    ])
    func roundTripIsByteIdentical(_ text: String) throws {
        let document = try XML.Document(string: text, path: "t.xml")
        #expect(String(decoding: document.serialized(), as: UTF8.self) == text)
    }

    @Test func doctypeIsRefusedBeforeItsEntitiesAreRead() throws {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE glossary [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <glossary xmlns="urn:onoma:glossary:1" name="x">&c;</glossary>
        """
        let error = #expect(throws: XML.ParseError.self) { try XML.Document(string: laughs, path: "laughs.xml") }
        #expect(error?.diagnostics.first?.code == "doctype")
        #expect(error?.diagnostics.first?.line == 2)
    }

    @Test func externalEntityIsNeverLoaded() throws {
        let xxe = "<!DOCTYPE g SYSTEM \"file:///etc/passwd\"><g>&x;</g>"
        // Refused as a glossary...
        #expect(throws: XML.ParseError.self) { try XML.Document(string: xxe, path: "x.xml") }
        // ...and, where an external DOCTYPE is tolerated (TBX), the DTD is not read: the
        // undeclared entity is reported, not resolved.
        let error = #expect(throws: XML.ParseError.self) { try XML.Document(string: xxe, path: "x.xml", doctype: .externalIdentifierOnly) }
        #expect(error?.diagnostics.contains { $0.code == "not-well-formed" && $0.message.contains("Entity 'x' not defined") } == true)
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() throws {
        let bytes = Array("<g>\n<n>ok</n>\n<n>".utf8) + [0xC3, 0x28] + Array("</n></g>".utf8)
        let error = #expect(throws: XML.ParseError.self) { try XML.Document(bytes: bytes, path: "bad.xml") }
        #expect(error?.diagnostics.first?.line == 3)
    }

    @Test func emptyAndTruncatedInputsAreErrors() throws {
        #expect(throws: XML.ParseError.self) { try XML.Document(bytes: [], path: "empty.xml") }
        #expect(throws: XML.ParseError.self) { try XML.Document(string: "<glossary xmlns=\"urn:onoma:glossary:1\"><entry", path: "cut.xml") }
    }
}
