import FuzzSupport
import OnomaKit

// Fuzzes the glossary writers against the loader: bytes → `GlossaryLoader`; a glossary that
// loads is written by both writers the project has, and each result is loaded again.
//
// - `GlossaryWriter.write` (the model writer: `onoma dict import`, new files);
// - `GlossaryEditor.format()` (the DOM rewrite: `onoma dict format`).
//
// Invariants (a glossary that loads must also write; a writer failure is a break):
// - the model writer's output loads, to a glossary equal to the first (`Glossary`'s
//   `Equatable`: name, title, source, entries with their ids, kinds, names — language, text,
//   status, type, family, given, scheme — and notes; source locations aside, since the lines
//   move); writing that glossary again gives the same bytes;
// - the model writer's output is already canonical: `format()` leaves it byte for byte;
// - the editor opens every file the loader accepts; its formatted file loads to the same
//   glossary; formatting the formatted file changes nothing (idempotent).

/// The glossary without source locations (they describe where the text was, not what it says).
func withoutLocations(_ g: Glossary) -> Glossary {
    var g = g
    g.entries = g.entries.map { e in
        var e = e
        e.location = nil
        e.names = e.names.map { n in var n = n; n.location = nil; return n }
        return e
    }
    return g
}

let file = "fuzz.xml"

func load(_ bytes: [UInt8]) -> Result<Glossary, DictionaryError> {
    do { return .success(withoutLocations(try GlossaryLoader.load(data: bytes, fileName: file))) } catch { return .failure(error) }
}

func format(_ bytes: [UInt8], _ what: String) -> [UInt8] {
    do {
        let editor = try GlossaryEditor(bytes: bytes, path: file)
        editor.format()
        return editor.serialized()
    } catch {
        Fuzz.fail("the editor refuses \(what) that the loader accepts: \(error)\n\(String(decoding: bytes, as: UTF8.self))")
    }
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossaryRoundtrip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let glossary) = load(bytes) else { return 0 }

    // The model writer.
    let written = GlossaryWriter.write(glossary)
    switch load(written) {
    case .failure(let error):
        Fuzz.fail("the written glossary does not load: \(error)\n\(text(written))")
    case .success(let back):
        if back != glossary {
            Fuzz.fail("write → load changed the glossary:\n before \(glossary)\n after  \(back)\n written:\n\(text(written))")
        }
        let again = GlossaryWriter.write(back)
        Fuzz.check(again == written, "writing the reloaded glossary gives other bytes:\n first:\n\(text(written))\n second:\n\(text(again))")
    }
    let formattedWritten = format(written, "the model writer's output")
    Fuzz.check(formattedWritten == written, "the model writer's output is not canonical: format changed it:\n written:\n\(text(written))\n formatted:\n\(text(formattedWritten))")

    // The DOM rewrite (`onoma dict format`).
    let formatted = format(bytes, "a file")
    switch load(formatted) {
    case .failure(let error):
        Fuzz.fail("the formatted glossary does not load: \(error)\n\(text(formatted))")
    case .success(let back):
        if back != glossary {
            Fuzz.fail("format changed the glossary:\n before \(glossary)\n after  \(back)\n formatted:\n\(text(formatted))")
        }
    }
    let twice = format(formatted, "a formatted file")
    Fuzz.check(twice == formatted, "format is not idempotent:\n once:\n\(text(formatted))\n twice:\n\(text(twice))")
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_glossary_roundtrip_main")
public func fuzzGlossaryRoundtripMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzGlossaryRoundtrip($0, $1) }
}
