import ArgumentParser
import Dispatch
import Foundation
import OnomaKit

/// `onoma lookup`: finds the entries a name form denotes.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find the dictionary entries a name denotes, in any script or romanization.",
        discussion: """
        Reads queries from the arguments, or from standard input one per line. Each query is \
        matched exactly, after normalization (case, width, spacing, punctuation, tone marks, \
        name order, organization words), through romanizations and script conversions of the \
        stored forms (any Korean romanization and popular spelling; pinyin, Wade-Giles, \
        simplified/traditional, Korean orthography and Sino-Korean readings of Chinese names), \
        and finally with one or two slips (fuzzy). Exit status: 0 when every query found an \
        entry, 1 when some did not, 2 on a usage or dictionary error.
        """
    )

    @Option(name: .customLong("dict"), help: ArgumentHelp("A dictionary file (repeatable). Default: the shipped dictionaries.", valueName: "file"))
    var dictionaries: [String] = []

    @Option(name: .customLong("lang"), help: "Language of the canonical name shown (BCP 47).")
    var language = "en"

    @Option(help: "Drop matches scoring below this (0...1).")
    var minScore = LookupOptions.defaultMinScore

    @Option(help: "At most this many matches per query.")
    var limit = 10

    @Flag(help: "Do not try fuzzy matching (one or two slips).")
    var noFuzzy = false

    @Flag(help: "Do not read or write the compiled index cache (.onoma-index/ beside the dictionary).")
    var noCache = false

    @Option(help: "Output format: text, json (one array) or jsonl (one object per query).")
    var format: OutputFormat = .text

    @Argument(help: "Names to look up; without any, standard input is read one name per line.")
    var queries: [String] = []

    func validate() throws {
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1, not \(minScore)") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1, not \(limit)") }
        guard !language.isEmpty else { throw ValidationError("--lang needs a language tag such as en or ko") }
    }

    func run() throws {
        let engine = try loadEngine()
        let options = LookupOptions(language: language, minScore: minScore, limit: limit, fuzzy: !noFuzzy)
        var notFound = 0
        if !queries.isEmpty {
            var out: [UInt8] = []
            if format == .json { out.append(UInt8(ascii: "[")) }
            for (i, q) in queries.enumerated() {
                let m = engine.lookup(q, options: options)
                if m.isEmpty { notFound += 1 }
                if format == .json && i > 0 { out.append(UInt8(ascii: ",")) }
                LookupCommand.append(q, m, format: format, to: &out)
            }
            if format == .json { out.append(contentsOf: "]\n".utf8) }
            Output.standard.write(bytes: out)
        } else {
            notFound = try lookUpStandardInput(engine: engine, options: options)
        }
        if notFound > 0 { throw CommandExit(code: CLI.nothingFound) }
    }

    /// One batch of standard input, looked up and rendered.
    struct RenderedBatch: Sendable {
        var bytes: [UInt8] = []
        var notFound = 0
        var invalidLines: [Int] = []
        var count = 0
    }

    /// Looks up standard input, one query per line, on every core (`OrderedLineBatches`:
    /// each worker reads, looks up and renders its own batches; output stays in input order).
    /// Lines that are not valid UTF-8 are decoded with U+FFFD in place of the bad bytes and
    /// reported on standard error with their number, never dropped.
    /// - Returns: the number of queries that found nothing.
    private func lookUpStandardInput(engine: LookupEngine, options: LookupOptions) throws -> Int {
        let format = self.format
        let configuration = OrderedLineBatches.Configuration(jobs: ProcessInfo.processInfo.activeProcessorCount, batchLines: 2048)
        var notFound = 0
        var firstItem = true
        if format == .json { Output.standard.write(bytes: [UInt8(ascii: "[")]) }
        do {
            try OrderedLineBatches.run([FileLineInput(fileDescriptor: STDIN_FILENO, name: "<stdin>")], configuration,
                                       state: { () }, process: { _, batch in
                var rendered = RenderedBatch()
                // Written through a pointer (an array's append checks its buffer out of line at
                // every call, and a JSON line is some forty of them), copied out once.
                var out = ByteBuffer(capacity: batch.count * 512)
                batch.forEachLine { line, k in
                    // A CRLF file's "\r" is not part of the query.
                    let bytes = line.last == 0x0D ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
                    let query: String
                    if let valid = String(validating: bytes, as: UTF8.self) {
                        query = valid
                    } else {
                        rendered.invalidLines.append(batch.firstLine + k)
                        query = String(decoding: bytes, as: UTF8.self)
                    }
                    let matches = engine.lookup(query, options: options)
                    if matches.isEmpty { rendered.notFound += 1 }
                    if format == .json && k > 0 { out.append(UInt8(ascii: ",")) }
                    LookupCommand.append(query, matches, format: format, to: &out)
                }
                rendered.bytes = out.withBytes { Array($0) }
                rendered.count = batch.count
                return rendered
            }, write: { rendered in
                for line in rendered.invalidLines {
                    Output.error.write(line: "onoma: <stdin>:\(line): warning: not valid UTF-8; the invalid bytes were replaced with U+FFFD")
                }
                notFound += rendered.notFound
                if format == .json && rendered.count > 0 {
                    if !firstItem { Output.standard.write(bytes: [UInt8(ascii: ",")]) }
                    firstItem = false
                }
                Output.standard.write(bytes: rendered.bytes)
            })
        } catch {
            Output.standard.flush()
            throw UsageError("onoma: \(error)")
        }
        if format == .json { Output.standard.write(bytes: Array("]\n".utf8)) }
        return notFound
    }

    /// Loads the dictionaries and builds the engine (through the index cache unless
    /// `--no-cache`); every failure is a usage or input error (exit 2).
    private func loadEngine() throws -> LookupEngine {
        do {
            let files = dictionaries.isEmpty ? try GlossarySet.defaultFiles() : dictionaries.map { URL(fileURLWithPath: $0) }
            if noCache {
                return try LookupEngine(glossaries: GlossarySet.load(files: files).glossaries)
            }
            return try LookupIndexCache.engine(files: files).0
        } catch let error as DictionaryError {
            throw UsageError(error.description)
        } catch let error as LookupError {
            throw UsageError(error.description)
        }
    }

    /// Appends one query's result: a line of `text` or `jsonl`, or a `json` array item
    /// (without the separating comma).
    static func append<Out: ByteAppending>(_ query: String, _ matches: [LookupMatch], format: OutputFormat, to out: inout Out) {
        switch format {
        case .text:
            var line = text(query, matches)
            line.withUTF8 { out.append(contentsOf: $0) }
            out.append(0x0A)
        case .jsonl:
            appendJSON(query, matches, to: &out)
            out.append(0x0A)
        case .json:
            appendJSON(query, matches, to: &out)
        }
    }

    /// The readable form: the query, then one line per match and its explanation.
    static func text(_ query: String, _ matches: [LookupMatch]) -> String {
        var out = query
        if matches.isEmpty { return out + "\n  (no match)" }
        for m in matches {
            out += "\n  \(score(m.score))  \(m.id)  \"\(m.canonical)\"  \(m.method.rawValue), matched \(m.matched)"
            out += "\n        \(m.explanation)"
        }
        return out
    }

    /// `{"query":...,"matches":[{"id","kind","canonical","score","method","matched","explanation"}]}`,
    /// written straight into `out` (a million queries are a million of these).
    static func appendJSON<Out: ByteAppending>(_ query: String, _ matches: [LookupMatch], to out: inout Out) {
        JSONObject.appendMember(#"{"query":"#, query, to: &out)
        JSONObject.appendLiteral(#","matches":["#, to: &out)
        // Read in place: copying each match out (five strings) cost a retain and a release each.
        matches.withUnsafeBufferPointer { matches in
            for i in matches.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                let m = matches.baseAddress! + i
                JSONObject.appendMember(#"{"id":"#, m.pointee.id, to: &out)
                JSONObject.appendMember(#","kind":"#, m.pointee.kind.rawValue, to: &out)
                JSONObject.appendMember(#","canonical":"#, m.pointee.canonical, to: &out)
                JSONObject.appendLiteral(#","score":"#, to: &out)
                JSONObject.appendNumber(m.pointee.score, to: &out)
                JSONObject.appendMember(#","method":"#, m.pointee.method.rawValue, to: &out)
                JSONObject.appendMember(#","matched":"#, m.pointee.matched, to: &out)
                JSONObject.appendMember(#","explanation":"#, m.pointee.explanation, to: &out)
                if m.pointee.deprecated { JSONObject.appendLiteral(#","deprecated":true"#, to: &out) }
                out.append(UInt8(ascii: "}"))
            }
        }
        JSONObject.appendLiteral("]}", to: &out)
    }

    static func score(_ s: Double) -> String {
        let hundredths = Int((s * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
