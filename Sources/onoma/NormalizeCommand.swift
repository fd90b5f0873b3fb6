import ArgumentParser
import Foundation
import OnomaKit

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Rewrite the names in bylines and short lines to their canonical form (one output line per input line).",
        discussion: """
        Finds the names of each line by the credit-line grammar of English, Korean and Chinese \
        ("By ...", "... 기자", "记者 ...", "Staff Reporter ...", several authors joined by and, &, \
        commas, ·, 、, 및, 和) and by the dictionary itself (a known entry anywhere in the line), \
        resolves them with the lookup engine and writes the canonical form. Names no dictionary \
        knows stay as written; credited ones are counted as unresolved, with a suggested \
        romanization.

        Exactly one output line per input line, in order: empty lines, lines without names and \
        lines that are not UTF-8 (reported on standard error; see --invalid-utf8) included.

        Figures: --report FILE writes them (a TSV of unresolved names, most frequent first, \
        under a commented header). Without --report, a summary goes to standard error when it \
        is a terminal (or with --summary). A progress bar is drawn on standard error when it is \
        a terminal, unless --quiet.
        """
    )

    @Option(name: .customLong("dict"), help: ArgumentHelp("A dictionary file (repeatable); default: the shipped Dictionaries/*.xml.", valueName: "file"))
    var dictionaries: [String] = []

    @Option(help: "Language of the canonical forms (en, ko, zh-Hans...).")
    var lang = "en"

    @Option(help: "Output format: text (the rewritten lines), jsonl (one object per line), json (the same objects in one array), tsv (line, input, output, ids).")
    var format: BylineOutputFormat = .text

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("report"), help: ArgumentHelp("Write the run's figures and the unresolved names to this file.", valueName: "file"))
    var reportFile: String?

    @Option(name: .customLong("invalid-utf8"), help: "Lines that are not UTF-8: pass (bytes unchanged) or replace (U+FFFD, then normalized).")
    var invalidUTF8: InvalidUTF8Policy = .pass

    @Option(name: .customLong("min-score"), help: "Lowest match score that rewrites a credited name (0...1).")
    var minScore: Double = 0.8

    @Flag(help: "Do not read or write the compiled index cache (.onoma-index/ beside the dictionary).")
    var noCache = false

    @Flag(help: "Print the summary on standard error even when it is not a terminal.")
    var summary = false

    @Flag(help: "No progress bar and no summary (invalid-line warnings are still printed).")
    var quiet = false

    @Argument(help: ArgumentHelp("Files to read (\"-\" is standard input); default: standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256, not \(jobs)") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1, not \(minScore)") }
    }

    func run() throws {
        // Open every input first. A file that cannot be opened (missing, a folder, unreadable)
        // is reported and skipped; the others are still processed and the exit status is 2.
        var inputs: [any LineInput] = []
        var unusable = 0
        for name in files.isEmpty ? ["-"] : files {
            do {
                inputs.append(name == "-" ? FileLineInput(fileDescriptor: STDIN_FILENO, name: "<stdin>") : try FileLineInput(path: name))
            } catch {
                unusable += 1
                Output.error.write(line: "onoma: \(error); skipped")
            }
        }
        if inputs.isEmpty { throw CommandExit(code: CLI.usageError) }
        let normalizer = try makeNormalizer()
        let pipeline = NormalizePipeline(normalizer: normalizer,
                                         configuration: .init(format: format, invalidUTF8: invalidUTF8, jobs: jobs))

        let totalBytes = inputs.allSatisfy({ $0.size != nil }) ? inputs.reduce(0) { $0 + ($1.size ?? 0) } : nil
        let progress = !quiet && ProgressBar.isAvailable ? ProgressBar(totalBytes: totalBytes) : nil
        var warned = 0
        let warningLimit = 20
        var lines = 0
        var bytesBefore = 0 // bytes of the inputs already finished
        var lastSource = ""
        var lastConsumed = 0
        let report: NormalizeReport
        do {
            report = try pipeline.run(inputs) { chunk in
                Output.standard.write(bytes: chunk.bytes)
                for bad in chunk.invalidLines {
                    warned += 1
                    if warned <= warningLimit {
                        progress?.finish()
                        Output.error.write(line: "onoma: \(bad.source):\(bad.line): warning: not valid UTF-8; "
                            + (invalidUTF8 == .pass ? "passed through unchanged (--invalid-utf8 replace repairs it)" : "ill-formed bytes replaced with U+FFFD"))
                    }
                }
                if chunk.source != lastSource { bytesBefore += lastConsumed; lastSource = chunk.source }
                lastConsumed = chunk.consumed
                lines += chunk.lines
                progress?.update(lines: lines, bytes: bytesBefore + chunk.consumed)
            }
        } catch {
            progress?.finish()
            Output.standard.flush()
            throw UsageError("\(error)")
        }
        Output.standard.flush()
        progress?.finish()
        if warned > warningLimit {
            Output.error.write(line: "onoma: warning: \(warned - warningLimit) more lines not valid UTF-8")
        }
        if let reportFile {
            do {
                // Atomically for a file; AtomicFile writes a device or pipe (/dev/stderr) in place.
                try AtomicFile.write(Array(NormalizeReportRendering.tsv(report).utf8), to: reportFile)
            } catch {
                throw UsageError("cannot write the report to \(reportFile): \(error)")
            }
        }
        if summary || (!quiet && reportFile == nil && ProgressBar.isAvailable) {
            Output.error.write(NormalizeReportRendering.summary(report, limit: 10))
        }
        if unusable > 0 { throw CommandExit(code: CLI.usageError) }
    }

    private func makeNormalizer() throws -> BylineNormalizer {
        // The romanizer (for suggestions) loads while the engine is read from its cache or built.
        let romanizerBox = Box<Result<Romanizer, any Error>>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            romanizerBox.value = Result { try Romanizer.loadDefault() }
        }
        let engine: LookupEngine
        do {
            let files = dictionaries.isEmpty ? try GlossarySet.defaultFiles() : dictionaries.map { URL(fileURLWithPath: $0) }
            engine = noCache ? try LookupEngine(glossaries: GlossarySet.load(files: files).glossaries)
                : try LookupIndexCache.engine(files: files).0
        } catch {
            group.wait()
            throw UsageError("\(error)")
        }
        group.wait()
        let romanizer: Romanizer
        do {
            romanizer = try romanizerBox.value!.get()
        } catch {
            throw UsageError("\(error)")
        }
        return BylineNormalizer(resolver: LookupResolver(engine: engine, language: lang),
                                suggester: RomanizerSuggester(romanizer: romanizer, language: lang),
                                options: .init(minimumCreditScore: minScore, minimumOtherScore: max(minScore, 0.95)))
    }
}

extension BylineOutputFormat: ExpressibleByArgument {}
extension InvalidUTF8Policy: ExpressibleByArgument {}

/// How the figures of a normalize run are written.
enum NormalizeReportRendering {
    /// The report file: a commented header with the figures, then `count`, `name`,
    /// `suggestion` columns, most frequent first — ready for an editor to extend the glossary.
    static func tsv(_ r: NormalizeReport) -> String {
        var s = "# onoma normalize report\n"
        s += "# lines read: \(r.linesRead)\n"
        s += "# lines changed: \(r.linesChanged)\n"
        s += "# names resolved: \(r.namesResolved)\n"
        s += "# names unresolved: \(r.namesUnresolved) (\(r.unresolved.count + r.unresolvedOverflow) distinct)\n"
        s += "# names ambiguous (namesakes spelled differently, left as written): \(r.namesAmbiguous)\n"
        s += "# lines not valid UTF-8: \(r.invalidLines)\n"
        if r.unresolvedOverflow > 0 {
            s += "# \(r.unresolvedOverflow) distinct unresolved names not listed (list full)\n"
        }
        s += "count\tname\tsuggestion\n"
        for u in r.unresolved {
            s += "\(u.count)\t\(tsvField(u.text))\t\(tsvField(u.suggestion ?? ""))\n"
        }
        return s
    }

    /// A few lines for standard error.
    static func summary(_ r: NormalizeReport, limit: Int) -> String {
        var s = "onoma: \(r.linesRead) lines read, \(r.linesChanged) changed, \(r.namesResolved) names resolved, \(r.namesUnresolved) unresolved"
        if r.namesAmbiguous > 0 { s += ", \(r.namesAmbiguous) ambiguous" }
        if r.invalidLines > 0 { s += ", \(r.invalidLines) not valid UTF-8" }
        s += "\n"
        let top = r.unresolved.prefix(limit)
        if !top.isEmpty {
            s += "onoma: most frequent unresolved names (add them to a dictionary):\n"
            for u in top {
                s += "  \(u.count)\t\(u.text)" + (u.suggestion.map { "\t(\($0))" } ?? "") + "\n"
            }
        }
        return s
    }

    private static func tsvField(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
    }
}

/// A value handed back from another thread (written before `DispatchGroup.wait` returns).
final class Box<T>: @unchecked Sendable {
    var value: T?
}
