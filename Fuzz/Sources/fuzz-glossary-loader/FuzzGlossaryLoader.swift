import FuzzSupport
import OnomaKit

// Fuzzes the dictionary loader: bytes → glossary or diagnostics.
//
// Invariants checked on every input (a break aborts, and libFuzzer keeps the input):
// - streaming: the same bytes fed in small, odd-sized chunks give the same verdict, and the same
//   glossary or structural diagnostics, as bytes fed whole (chunk boundaries inside UTF-8
//   sequences, tags, entities);
// - loading is deterministic (whole and chunked are two loads of the same bytes);
// - a refused file says why: at least one diagnostic, each with a message;
// - a loaded glossary is well formed: non-empty ids, names with a language, locations ≥ 1;
// - the validator (lint level) agrees with the loader on whether the file is usable, and
//   builds the same glossary;
// - decoding never invents U+FFFD: a replacement character in the model was in the input.

/// Gives the bytes back in chunks of 1, 2, 3, 5, 7, 11 … bytes, never more than asked.
final class ChunkedSource: XML.ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private var step = 0
    private static let sizes = [1, 2, 3, 5, 7, 11, 13, 64, 4093]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let want = Self.sizes[step % Self.sizes.count]
        step += 1
        let n = min(want, buffer.count, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
        }
        return n
    }
}

enum Outcome: Equatable {
    case loaded(Glossary)
    case refused(DictionaryError.Kind, [Diagnostic])
}

func load(_ source: XML.ByteSource) -> Outcome {
    do {
        return .loaded(try GlossaryLoader.load(source: source, file: "fuzz.xml", defaultName: "fuzz.xml"))
    } catch {
        return .refused(error.kind, error.diagnostics)
    }
}

nonisolated(unsafe) let linter: GlossaryValidator = {  // libFuzzer calls from one thread
    do { return try GlossaryValidator(level: .lint) } catch { Fuzz.fail("cannot make a lint validator: \(error)") }
}()

func strings(of glossary: Glossary) -> [String] {
    var all = [glossary.name] + (glossary.title.map { [$0] } ?? [])
    for entry in glossary.entries {
        all.append(entry.id)
        all += entry.notes
        for name in entry.names {
            all += [name.language, name.text] + [name.family, name.given, name.scheme].compactMap { $0 }
        }
    }
    return all
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossaryLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = load(XML.DataSource(bytes))
    let chunked = load(ChunkedSource(bytes))
    // The same verdict and the same glossary or structural diagnostics. For a malformed file
    // only the first fatal problem is reported, and which one libxml2 meets first can depend
    // on its buffering (an unterminated comment holding invalid UTF-8: "comment not
    // terminated" read whole, "invalid UTF-8" read in chunks); both refuse the file.
    switch (whole, chunked) {
    case (.refused(.malformed, _), .refused(.malformed, _)), (.refused(.unreadable, _), .refused(.unreadable, _)):
        break
    default:
        Fuzz.check(whole == chunked, "chunked reading differs from whole reading:\n whole:   \(whole)\n chunked: \(chunked)")
    }

    let report = linter.validate(bytes: bytes, file: "fuzz.xml")
    switch whole {
    case .refused(let kind, let diagnostics):
        Fuzz.check(!diagnostics.isEmpty, "refused (\(kind)) without a diagnostic")
        Fuzz.check(diagnostics.allSatisfy { !$0.message.isEmpty && $0.line >= 0 && $0.column >= 0 }, "diagnostic without message or with a negative place: \(diagnostics)")
        Fuzz.check(report.hasErrors, "the loader refused the file (\(kind): \(diagnostics)) but lint found no error")
        if kind == .malformed || kind == .unreadable {
            Fuzz.check(report.unusableFiles == ["fuzz.xml"], "the loader found the file malformed but lint used it: \(report.diagnostics)")
        }
    case .loaded(let glossary):
        Fuzz.check(report.unusableFiles.isEmpty, "the loader used the file but lint refused it: \(report.diagnostics)")
        Fuzz.check(report.glossaries == [glossary], "lint built a different glossary")
        for entry in glossary.entries {
            Fuzz.check(!entry.id.isEmpty, "entry with an empty id")
            Fuzz.check((entry.location?.line ?? 0) >= 1, "entry \(entry.id) without a location")
            for name in entry.names {
                Fuzz.check(!name.language.isEmpty, "name \(name.text) of \(entry.id) without a language")
                Fuzz.check((name.location?.line ?? 0) >= 1, "name \(name.text) of \(entry.id) without a location")
            }
        }
        let hadReplacement = bytes.indices.contains { i in i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD }
        if !hadReplacement {
            Fuzz.check(!strings(of: glossary).contains { $0.unicodeScalars.contains("\u{FFFD}") }, "U+FFFD in the model that was not in the input")
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_glossary_loader_main")
public func fuzzGlossaryLoaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzGlossaryLoader($0, $1) }
}
