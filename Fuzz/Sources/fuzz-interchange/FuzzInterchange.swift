import Foundation
import FuzzSupport
import OnomaKit

// Fuzzes the glossary importers (`TBXImporter`, `CSVImporter`).
//
// Input: one byte of options, then the file. Bit 0: TBX (0) or CSV (1); bit 1: CSV delimiter
// comma (0) or tab (1); bit 2: the TBX version of the round trip (v2 or v3).
//
// Invariants (beyond "no crash"): an accepted import has entries with non-empty ids, and
// names with a language; exporting it to TBX and importing that gives the same entries (ids,
// and names' language, text and status, in order within a language); the import is
// deterministic.

struct EntryKey: Equatable, CustomStringConvertible {
    var id: String
    var names: [String]
    /// TBX holds one language section per language, so an export groups an entry's names by
    /// language (in the order the languages first appear, names in order within one): compare
    /// in that order.
    init(_ e: GlossaryEntry) {
        id = e.id
        var languages: [String] = []
        for n in e.names where !languages.contains(n.language) { languages.append(n.language) }
        names = languages.flatMap { language in
            e.names.filter { $0.language == language }.map { "\($0.language)|\($0.text)|\($0.status)" }
        }
    }
    var description: String { "\(id.debugDescription): \(names)" }
}

func keys(_ g: Glossary) -> [EntryKey] { g.entries.map(EntryKey.init) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterchange(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0, let data else { return 0 }
    let options = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let csv = options & 1 != 0
    let version: TBXVersion = options & 4 != 0 ? .v3 : .v2
    func load(_ bytes: [UInt8]) -> ImportResult? {
        if csv {
            return try? CSVImporter.importGlossary(bytes, path: "fuzz.csv", name: "fuzz", delimiter: options & 2 != 0 ? "\t" : ",")
        }
        return try? TBXImporter.importGlossary(bytes, path: "fuzz.tbx", name: "fuzz")
    }
    guard let imported = load(bytes) else { return 0 }
    let glossary = imported.glossary
    for entry in glossary.entries {
        Fuzz.check(!entry.id.isEmpty, "an imported entry has an empty id: \(EntryKey(entry))")
        Fuzz.check(entry.names.allSatisfy { !$0.language.isEmpty }, "an imported name has no language: \(EntryKey(entry))")
    }
    Fuzz.check(load(bytes).map { keys($0.glossary) } == keys(glossary), "import not deterministic")

    let tbx = TBXExporter.export(glossary, version: version)
    let back: ImportResult
    do {
        back = try TBXImporter.importGlossary(tbx, path: "export.tbx", name: "fuzz")
    } catch {
        Fuzz.fail("the TBX \(version.rawValue) export of an accepted import is refused: \(error)\n\(String(decoding: tbx, as: UTF8.self))")
    }
    let before = keys(glossary), after = keys(back.glossary)
    if before != after {
        Fuzz.fail("TBX \(version.rawValue) export → import changed the entries:\n  before \(before)\n  after  \(after)")
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_interchange_main")
public func fuzzInterchangeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzInterchange($0, $1) }
}
