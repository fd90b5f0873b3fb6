import Foundation
import FuzzSupport
import OnomaKit

// Fuzzes `onoma normalize`'s engine: bytes → lines → `BylineNormalizer` (a `LookupResolver` over
// a `LookupEngine` on the shipped Dictionaries/onoma-default.xml, and the romanizer's
// suggestions), then the whole `NormalizePipeline` on the same bytes, in every output format,
// with one job and with two.
//
// Invariants:
// - for each valid UTF-8 line: no line break in the output; every name has
//   0 ≤ start < end ≤ the line's scalar count, names in order and not overlapping, each name's
//   text is the span it covers; the output is valid UTF-8;
// - the pipeline (text format, invalid UTF-8 passed through) writes exactly one line per input
//   line (lines end at "\n"; a last line without one is still a line): the same output as the
//   normalizer for valid lines, the same bytes for invalid ones;
// - the parallel path (`--jobs 2`: the same `NormalizePipeline` with two workers, and batches
//   of 1–3 lines so that both get some) writes exactly the one-job bytes, in every format;
// - jsonl: one JSON object per input line: `line` its number, `input` the line (without a final
//   CR; ill-formed bytes as U+FFFD, with `"invalidUTF8":true` and no names), `output` the text
//   output (without its CR), as many `names` as the normalizer found;
// - json: the jsonl objects framed as one array (`[`, `,` between objects, `]`; `[]` if none);
// - tsv: one row per input line, four fields: the line number, the line, the text output (tabs,
//   CRs and backslashes escaped) and the normalizer's resolved ids, comma-separated.

let normalizer: BylineNormalizer = {
    do {
        let glossaries = try GlossarySet.load(files: [Fuzz.dictionaries.appendingPathComponent("onoma-default.xml")])
        let engine = try LookupEngine(glossaries: glossaries.glossaries, dataDirectory: Fuzz.dictionaries)
        let romanizer = try Romanizer(dictionaries: Fuzz.dictionaries)
        return BylineNormalizer(resolver: LookupResolver(engine: engine, language: "en"),
                                suggester: RomanizerSuggester(romanizer: romanizer, language: "en"),
                                options: .init(minimumCreditScore: 0.8, minimumOtherScore: 0.95))
    } catch {
        Fuzz.fail("cannot build the normalizer from the shipped dictionary: \(error)")
    }
}()

/// Runs the pipeline (invalid UTF-8 passed through) over `bytes`; returns all it wrote.
func run(_ bytes: [UInt8], format: BylineOutputFormat, jobs: Int, batchLines: Int = 4096) -> [UInt8] {
    let pipeline = NormalizePipeline(normalizer: normalizer,
                                     configuration: .init(format: format, invalidUTF8: .pass, jobs: jobs, batchLines: batchLines))
    var out: [UInt8] = []
    do {
        _ = try pipeline.run([MemoryLineInput(bytes)]) { chunk in out.append(contentsOf: chunk.bytes) }
    } catch {
        Fuzz.fail("the pipeline (\(format), \(jobs) jobs) failed on memory input: \(error)")
    }
    return out
}

/// The input's lines as `onoma normalize` reads them.
func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
    return lines
}

/// One jsonl record (the contract's fields).
struct Record: Decodable {
    struct Name: Decodable {
        var start: Int
        var end: Int
        var text: String
        var id: String?
    }
    var line: Int
    var input: String
    var output: String
    var names: [Name]
    var invalidUTF8: Bool?
}

let decoder = JSONDecoder()

/// The field with the tsv escapes (`\t`, `\r`, `\\`) undone; nil when it holds a raw tab or CR
/// or an unknown escape.
func unescapeTSV(_ field: ArraySlice<UInt8>) -> [UInt8]? {
    var out: [UInt8] = []
    var i = field.startIndex
    while i < field.endIndex {
        let b = field[i]
        if b == 0x09 || b == 0x0D { return nil }
        if b == 0x5C {
            i += 1
            guard i < field.endIndex else { return nil }
            switch field[i] {
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x5C: out.append(0x5C)
            default: return nil
            }
        } else {
            out.append(b)
        }
        i += 1
    }
    return out
}

func show(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self).debugDescription }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = splitLines(bytes)
    var expected: [[UInt8]] = []
    var results: [NormalizedLine?] = []
    for raw in lines {
        guard let line = String(validating: raw, as: UTF8.self) else {
            expected.append(Array(raw))
            results.append(nil)
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
        results.append(result)
    }

    // Text, one job: one line per line, the normalizer's output.
    let out = run(bytes, format: .text, jobs: 1)
    let outLines = splitLines(out)
    Fuzz.check(out.isEmpty || out.last == 0x0A, "pipeline output does not end with a line break")
    Fuzz.check(outLines.count == lines.count, "pipeline wrote \(outLines.count) lines for \(lines.count)")
    for (k, line) in outLines.enumerated() where Array(line) != expected[k] {
        Fuzz.fail("pipeline line \(k + 1) is \(show(line)), the normalizer gave \(show(expected[k]))")
    }

    // The parallel path: two workers, batches small enough that both get some.
    let batchLines = 1 + size % 3
    let parallel = run(bytes, format: .text, jobs: 2, batchLines: batchLines)
    if parallel != out {
        Fuzz.fail("--jobs 2 (batches of \(batchLines) lines) wrote other text than --jobs 1:\n jobs 1: \(show(out))\n jobs 2: \(show(parallel))")
    }

    // jsonl: one record per line, saying what the text output says.
    let jsonl = run(bytes, format: .jsonl, jobs: 1)
    Fuzz.check(run(bytes, format: .jsonl, jobs: 2, batchLines: batchLines) == jsonl, "--jobs 2 wrote other jsonl than --jobs 1")
    let records = splitLines(jsonl)
    Fuzz.check(jsonl.isEmpty || jsonl.last == 0x0A, "jsonl output does not end with a line break")
    Fuzz.check(records.count == lines.count, "jsonl wrote \(records.count) records for \(lines.count) lines")
    for (k, raw) in lines.enumerated() {
        let record: Record
        do { record = try decoder.decode(Record.self, from: Data(records[k])) } catch {
            Fuzz.fail("jsonl record \(k + 1) is not the contract's JSON object (\(error)): \(show(records[k]))")
        }
        let carriageReturn = raw.last == 0x0D
        let line = carriageReturn ? raw.dropLast() : raw
        Fuzz.check(record.line == k + 1, "jsonl record \(k + 1) says line \(record.line)")
        Fuzz.check(Array(record.input.utf8) == Array(String(decoding: line, as: UTF8.self).utf8),
                   "jsonl record \(k + 1): input \(record.input.debugDescription) is not the line \(show(line))")
        if let result = results[k] {
            Fuzz.check(record.invalidUTF8 == nil, "jsonl record \(k + 1) of a valid line says invalidUTF8")
            Fuzz.check(Array(record.output.utf8) + (carriageReturn ? [0x0D] : []) == expected[k],
                       "jsonl record \(k + 1): output \(record.output.debugDescription) is not the text output \(show(expected[k]))")
            Fuzz.check(record.names.count == result.names.count && zip(record.names, result.names).allSatisfy { $0.id == $1.id && $0.start == $1.start },
                       "jsonl record \(k + 1) names \(record.names) are not the normalizer's \(result.names)")
        } else {
            Fuzz.check(record.invalidUTF8 == true && record.names.isEmpty,
                       "jsonl record \(k + 1) of an invalid line: invalidUTF8 \(String(describing: record.invalidUTF8)), \(record.names.count) names")
        }
    }

    // json: the same objects, framed as one array.
    let json = run(bytes, format: .json, jobs: 2, batchLines: batchLines)
    var framed: [UInt8] = Array((records.isEmpty ? "[]\n" : "[\n").utf8)
    if !records.isEmpty {
        for (k, r) in records.enumerated() {
            if k > 0 { framed += Array(",\n".utf8) }
            framed += r
        }
        framed += Array("\n]\n".utf8)
    }
    Fuzz.check(json == framed, "json is not the jsonl records framed as one array: \(show(json))")

    // tsv: four fields per row.
    let tsv = run(bytes, format: .tsv, jobs: 1)
    Fuzz.check(run(bytes, format: .tsv, jobs: 2, batchLines: batchLines) == tsv, "--jobs 2 wrote other tsv than --jobs 1")
    let rows = splitLines(tsv)
    Fuzz.check(tsv.isEmpty || tsv.last == 0x0A, "tsv output does not end with a line break")
    Fuzz.check(rows.count == lines.count, "tsv wrote \(rows.count) rows for \(lines.count) lines")
    for (k, raw) in lines.enumerated() {
        let fields = rows[k].split(separator: 0x09, omittingEmptySubsequences: false)
        Fuzz.check(fields.count == 4, "tsv row \(k + 1) has \(fields.count) fields: \(show(rows[k]))")
        let carriageReturn = raw.last == 0x0D
        let line = Array(carriageReturn ? raw.dropLast() : raw)
        let textOutput = carriageReturn ? Array(expected[k].dropLast()) : expected[k]
        Fuzz.check(Array(fields[0]) == Array(String(k + 1).utf8), "tsv row \(k + 1) is numbered \(show(fields[0]))")
        Fuzz.check(unescapeTSV(fields[1]) == line, "tsv row \(k + 1): the input field \(show(fields[1])) is not the line \(show(line))")
        Fuzz.check(unescapeTSV(fields[2]) == textOutput, "tsv row \(k + 1): the output field \(show(fields[2])) is not the text output \(show(textOutput))")
        let ids = results[k]?.names.compactMap(\.id).joined(separator: ",") ?? ""
        Fuzz.check(Array(fields[3]) == Array(ids.utf8), "tsv row \(k + 1): ids \(show(fields[3])) are not the normalizer's \(ids)")
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_normalize_main")
public func fuzzNormalizeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzNormalize($0, $1) }
}
