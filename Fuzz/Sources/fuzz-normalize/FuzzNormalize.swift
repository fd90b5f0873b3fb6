import Foundation
import FuzzSupport
import OnomaKit

// Fuzzes `onoma normalize`'s engine: bytes → lines → `BylineNormalizer` (a `LookupResolver` over
// a `LookupEngine` on the shipped Dictionaries/onoma-default.xml, and the romanizer's
// suggestions), then the whole `NormalizePipeline` on the same bytes.
//
// Invariants:
// - for each valid UTF-8 line: no line break in the output; every name has
//   0 ≤ start < end ≤ the line's scalar count, names in order and not overlapping, each name's
//   text is the span it covers; the output is valid UTF-8;
// - the pipeline (text format, invalid UTF-8 passed through) writes exactly one line per input
//   line (lines end at "\n"; a last line without one is still a line): the same output as the
//   normalizer for valid lines, the same bytes for invalid ones.

let normalizer: BylineNormalizer = {
    do {
        let glossaries = try GlossarySet.load(files: [Fuzz.dictionaries.appendingPathComponent("onoma-default.xml")])
        let engine = try LookupEngine(glossaries: glossaries.glossaries, dataDirectory: Fuzz.dictionaries)
        let romanizer = try Romanizer(dictionaries: Fuzz.dictionaries)
        return BylineNormalizer(resolver: LookupResolver(engine: engine, exactForms: ExactFormTable(entries: glossaries.entries, language: "en"), language: "en"),
                                suggester: RomanizerSuggester(romanizer: romanizer, language: "en"),
                                options: .init(minimumCreditScore: 0.8, minimumOtherScore: 0.95))
    } catch {
        Fuzz.fail("cannot build the normalizer from the shipped dictionary: \(error)")
    }
}()

let pipeline = NormalizePipeline(normalizer: normalizer, configuration: .init(format: .text, invalidUTF8: .pass, jobs: 1))

/// The input's lines as `onoma normalize` reads them.
func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
    return lines
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = splitLines(bytes)
    var expected: [[UInt8]] = []
    for raw in lines {
        guard let line = String(validating: raw, as: UTF8.self) else {
            expected.append(Array(raw))
            continue
        }
        let result = normalizer.normalize(line)
        let scalars = Array(line.unicodeScalars)
        Fuzz.check(!result.output.utf8.contains(0x0A), "line break in the output of \(line.debugDescription): \(result.output.debugDescription)")
        Fuzz.check(String(validating: Array(result.output.utf8), as: UTF8.self) != nil, "output not valid UTF-8 for \(line.debugDescription)")
        var previousEnd = 0
        for name in result.names {
            Fuzz.check(name.start >= 0 && name.start < name.end && name.end <= scalars.count,
                       "name \(name.start)..<\(name.end) out of bounds (\(scalars.count) scalars) in \(line.debugDescription)")
            Fuzz.check(name.start >= previousEnd, "names overlap or out of order in \(line.debugDescription): \(result.names)")
            Fuzz.check(String(String.UnicodeScalarView(scalars[name.start..<name.end])) == name.text,
                       "name text \(name.text.debugDescription) is not its span in \(line.debugDescription)")
            previousEnd = name.end
        }
        expected.append(Array(result.output.utf8))
    }

    var out: [UInt8] = []
    do {
        _ = try pipeline.run([MemoryLineInput(bytes)]) { chunk in out.append(contentsOf: chunk.bytes) }
    } catch {
        Fuzz.fail("the pipeline failed on memory input: \(error)")
    }
    let outLines = splitLines(out)
    Fuzz.check(out.isEmpty || out.last == 0x0A, "pipeline output does not end with a line break")
    Fuzz.check(outLines.count == lines.count, "pipeline wrote \(outLines.count) lines for \(lines.count)")
    for (k, line) in outLines.enumerated() where Array(line) != expected[k] {
        Fuzz.fail("pipeline line \(k + 1) is \(String(decoding: line, as: UTF8.self).debugDescription), the normalizer gave \(String(decoding: expected[k], as: UTF8.self).debugDescription)")
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_normalize_main")
public func fuzzNormalizeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzNormalize($0, $1) }
}
