import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// The hostile corpus of `Fixtures/Dictionary/hostile/`: every file is refused with one clear
/// diagnostic (a code that makes the CLI exit with 2), without reading what it points to.
@Suite struct HostileInputTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures/Dictionary/hostile")

    @Test(arguments: [
        ("xxe-file.xml", "doctype", 2, 1),
        ("xxe-http.xml", "doctype", 2, 1),
        ("external-dtd-no-subset.xml", "doctype", 2, 1),
        ("billion-laughs.xml", "doctype", 2, 1),
        ("quadratic-blowup.xml", "doctype", 2, 1),
        ("deep-nesting.xml", "too-deep", 3, 218),
        ("invalid-utf8.xml", "invalid-utf8", 4, 27),
        ("overlong-utf8.xml", "invalid-utf8", 4, 27),
        ("surrogate-utf8.xml", "invalid-utf8", 4, 27),
        ("truncated.xml", "not-well-formed", 5, 4),
        ("entity-undeclared.xml", "not-well-formed", 4, 31),
        ("bom-double.xml", "encoding", 1, 1),
        ("utf16le.xml", "encoding", 1, 1),
        ("utf16be-nobom.xml", "encoding", 1, 1),
        ("utf32be.xml", "encoding", 1, 1),
        ("latin1-declared.xml", "encoding", 1, 1),
        ("empty.xml", "not-well-formed", 1, 1),
        ("not-glossary.xml", "not-a-glossary", 2, 1),
    ])
    func refused(_ file: String, _ code: String, _ line: Int, _ column: Int) throws {
        let url = Self.folder.appendingPathComponent(file)
        do {
            _ = try GlossaryLoader.load(contentsOf: url, displayName: file)
            Issue.record("\(file) was loaded")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.diagnostics.count == 1)
            let d = try #require(error.diagnostics.first)
            #expect(d.code == code)
            #expect((d.line, d.column) == (line, column))
            #expect(d.isFatal)
        }
        // The validator refuses it the same way and runs no rule on it.
        let report = try GlossaryValidator().validate(files: [url], displayNames: [file])
        #expect(report.unusableFiles == [file])
        #expect(report.diagnostics.map(\.code) == [code])
    }

    @Test func messagesSayWhatToDo() throws {
        func message(_ file: String) throws -> String {
            let report = try GlossaryValidator().validate(files: [Self.folder.appendingPathComponent(file)], displayNames: [file])
            return report.diagnostics.first?.description ?? ""
        }
        #expect(try message("xxe-file.xml") == "xxe-file.xml:2:1: error: DOCTYPE declarations are not allowed in Onoma dictionaries (they can declare entities that read files or expand without bound); remove the <!DOCTYPE ...> line [doctype]")
        #expect(try message("utf16le.xml") == "utf16le.xml:1:1: error: the file is UTF-16 (little-endian); Onoma dictionaries must be UTF-8: convert the file (e.g. `iconv -f UTF-16LE -t UTF-8 FILE > NEW`) and declare encoding=\"UTF-8\" [encoding]")
        #expect(try message("overlong-utf8.xml") == "overlong-utf8.xml:4:27: error: invalid UTF-8 (the bytes from here: 0xC0 0xAF 0x68 0x3C); the file must be UTF-8: fix the bytes or re-save the file as UTF-8 [invalid-utf8]")
        #expect(try message("not-glossary.xml") == "not-glossary.xml:2:1: error: the root element is <html> in no namespace; an Onoma dictionary's root is <glossary xmlns=\"urn:onoma:glossary:1\"> [not-a-glossary]")
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        let glossary = try GlossaryLoader.load(contentsOf: Self.folder.appendingPathComponent("bom-utf8-accepted.xml"))
        #expect(glossary.entries.first?.names.first?.text == "Koh")
        // The mark is not a character of line 1: the entry is at 3:3 as an editor shows it.
        #expect(glossary.entries.first?.location?.line == 3)
        #expect(glossary.entries.first?.location?.column == 3)
    }

    @Test func xincludeIsNotProcessed() throws {
        let report = try GlossaryValidator().validate(files: [Self.folder.appendingPathComponent("xinclude.xml")], displayNames: ["xinclude.xml"])
        #expect(report.glossaries.first?.entries.first?.names.first?.text == "")
        #expect(report.diagnostics.map(\.code) == ["empty-name", "schema"])
    }

    /// A stream of 1 GiB of `<entry>` opening tags, generated as it is read.
    final class EndlessNesting: XML.ByteSource {
        private(set) var produced = 0
        private let header = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glossary xmlns=\"urn:onoma:glossary:1\">".utf8)
        private let unit = Array("<entry>".utf8)
        let limit = 1 << 30

        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            var n = 0
            while n < buffer.count && produced < limit {
                let byte: UInt8 = produced < header.count ? header[produced] : unit[(produced - header.count) % unit.count]
                buffer[n] = byte
                n += 1
                produced += 1
            }
            return n
        }
    }

    @Test func gigabyteDeepNestingStopsAfterAFewKilobytes() throws {
        let source = EndlessNesting()
        do {
            _ = try GlossaryLoader.load(source: source, file: "endless.xml", defaultName: "endless")
            Issue.record("an endless nesting was loaded")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.diagnostics.map(\.code) == ["too-deep"])
        }
        // Refused after the 33rd level: only the first chunks of the gigabyte were generated.
        #expect(source.produced < 64 * 1024)
    }

    @Test func hugeTextIsRefused() throws {
        var xml = Array("<glossary xmlns=\"urn:onoma:glossary:1\"><entry id=\"a\" kind=\"term\"><name xml:lang=\"en\">".utf8)
        xml += [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        xml += Array("</name></entry></glossary>".utf8)
        do {
            _ = try GlossaryLoader.load(data: xml, fileName: "huge.xml")
            Issue.record("a 2 MiB name was loaded")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["too-large"])
        }
    }

    @Test func errorsAreCollectedAsValues() throws {
        // libxml2's message arrives in the collector (the CLI golden tests check that standard
        // error holds Onoma's diagnostics only).
        let parser = XML.Parser(source: XML.DataSource(Array("<a><b></a>".utf8)), file: "x.xml")
        final class Nothing: XML.SAXDelegate {
            func startElement(_ tag: XML.StartTag, parser: XML.Parser) {}
            func endElement(localName: UnsafePointer<UInt8>, depth: Int, parser: XML.Parser) {}
            func characters(_ text: UnsafeBufferPointer<UInt8>, parser: XML.Parser) {}
        }
        #expect(parser.parse(delegate: Nothing()) == false)
        #expect(parser.collector.issues.count == 1)
        #expect(parser.collector.issues.first?.message.contains("mismatch") == true)
        #expect(parser.collector.issues.first?.line == 1)
    }

    @Test func brokenSchemaIsAnErrorValue() {
        #expect(throws: XML.SchemaError.self) {
            try XML.Schema(data: Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>".utf8), name: "broken.xsd")
        }
    }
}
