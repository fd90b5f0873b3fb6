import ArgumentParser
import Foundation
import OnomaKit

struct DictExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write glossaries as TBX, CSV, TSV or JSON.",
        discussion: """
        tbx: TBX v2 (martif) by default, the dialect translate-toolkit, Weblate and MultiTerm read; \
        --tbx-version 3 writes TBX v3 TBX-Basic. Every language and name is kept; family, given, \
        scheme and kind use a private x-onoma-* extension so that export then import is lossless.
        csv/tsv: one row per entry, a header naming languages and statuses.
        json: an array of entry objects, one per line; jsonl: one object per line.
        Several files are exported as one (the first file's name and title).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv, tsv, json, jsonl }

    @Argument(help: "The glossaries to export.")
    var files: [String] = []

    @Option(help: "tbx, csv, tsv, json or jsonl.")
    var to: Format

    @Option(help: "TBX version: 2 (martif) or 3 (TBX-Basic).")
    var tbxVersion: String = "2"

    @Option(name: .shortAndLong, help: "Write here (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        guard !files.isEmpty else { throw UsageError("export needs at least one glossary FILE") }
        guard let version = TBXVersion(rawValue: tbxVersion) else { throw UsageError("--tbx-version must be 2 or 3") }
        var glossaries: [Glossary] = []
        for file in files {
            // The streaming loader: no DOM, so a 100,000-entry glossary exports in bounded memory.
            do {
                if file == "-" {
                    glossaries.append(try GlossaryLoader.load(data: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), fileName: "-"))
                } else {
                    glossaries.append(try GlossaryLoader.load(contentsOf: URL(fileURLWithPath: file), displayName: file))
                }
            } catch {
                for d in error.diagnostics { Output.error.write(line: d.description) }
                throw CommandExit(code: 2)
            }
        }
        var combined = glossaries[0]
        for g in glossaries.dropFirst() { combined.entries += g.entries }
        let bytes: [UInt8]
        switch to {
        case .tbx: bytes = TBXExporter.export(combined, version: version)
        case .csv: bytes = try CSVExporter.export(combined)
        case .tsv: bytes = try CSVExporter.export(combined, delimiter: "\t")
        case .json: bytes = JSONExporter.export(glossaries, layout: .array)
        case .jsonl: bytes = JSONExporter.export(glossaries, layout: .lines)
        }
        if let output {
            do { try AtomicFile.write(bytes, to: output) } catch { Output.error.write(line: "onoma: \(error)"); throw CommandExit(code: 2) }
        } else {
            Output.standard.write(bytes: bytes)
        }
    }
}
