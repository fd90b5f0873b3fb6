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
        Reads queries from the arguments, or from standard input one per line. Each query is
        matched exactly, after normalization (case, width, spacing, punctuation, tone marks,
        name order, organization words), through romanizations and script conversions of the
        stored forms (any Korean romanization and popular spelling; pinyin, Wade-Giles,
        simplified/traditional, Korean orthography and Sino-Korean readings of Chinese names),
        and finally with one or two slips (fuzzy). Exit status: 0 when every query found an
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
        var jsonItems: [String] = []
        let format = self.format
        let render = { @Sendable (query: String, matches: [LookupMatch]) -> String in
            format == .text ? LookupCommand.text(query, matches) : LookupCommand.json(query, matches)
        }
        func emit(_ rendered: String, found: Bool) {
            if !found { notFound += 1 }
            if format == .json { jsonItems.append(rendered) } else { Output.standard.write(line: rendered) }
        }
        if !queries.isEmpty {
            for q in queries {
                let m = engine.lookup(q, options: options)
                emit(render(q, m), found: !m.isEmpty)
            }
        } else {
            // Standard input in batches, looked up on every core, written in input order.
            var batch: [String] = []
            batch.reserveCapacity(LookupCommand.batchSize)
            func flush() {
                let results = LookupCommand.lookupBatch(batch, engine: engine, options: options, render: render)
                for r in results { emit(r.0, found: r.1) }
                batch.removeAll(keepingCapacity: true)
            }
            try InputLines.forEach(arguments: []) { line, _ in
                batch.append(line)
                if batch.count == LookupCommand.batchSize { flush() }
            }
            if !batch.isEmpty { flush() }
        }
        if format == .json { Output.standard.write(line: JSONObject.array(jsonItems)) }
        if notFound > 0 { throw CommandExit(code: CLI.nothingFound) }
    }

    static let batchSize = 8192

    /// Looks up a batch of queries on all cores; results in input order.
    static func lookupBatch(_ batch: [String], engine: LookupEngine, options: LookupOptions,
                            render: @escaping @Sendable (String, [LookupMatch]) -> String) -> [(String, Bool)] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batch.count / 256))
        let results = ResultSlots(count: batch.count)
        let chunk = (batch.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let start = w * chunk, end = min(batch.count, start + chunk)
            guard start < end else { return }
            for i in start..<end {
                let m = engine.lookup(batch[i], options: options)
                results.set(i, (render(batch[i], m), !m.isEmpty))
            }
        }
        return results.values
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

    /// `{"query":...,"matches":[{"id","kind","canonical","score","method","matched","explanation"}]}`.
    static func json(_ query: String, _ matches: [LookupMatch]) -> String {
        var o = JSONObject()
        o.add("query", query)
        o.add("matches", objects: matches.map { m in
            var j = JSONObject()
            j.add("id", m.id)
            j.add("kind", m.kind.rawValue)
            j.add("canonical", m.canonical)
            j.add("score", m.score)
            j.add("method", m.method.rawValue)
            j.add("matched", m.matched)
            j.add("explanation", m.explanation)
            if m.deprecated { j.add("deprecated", true) }
            return j
        })
        return o.rendered
    }

    static func score(_ s: Double) -> String {
        let hundredths = Int((s * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

/// Result slots filled by concurrent workers, each index written by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: workers write disjoint indices; the array is read only after
    // concurrentPerform has returned (which orders the writes before the read).
    private var slots: [(String, Bool)]
    init(count: Int) { slots = Array(repeating: ("", false), count: count) }
    func set(_ i: Int, _ value: (String, Bool)) { slots.withUnsafeMutableBufferPointer { $0[i] = value } }
    var values: [(String, Bool)] { slots }
}
