import ArgumentParser
import Foundation
import OnomaKit

struct DictImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a TBX (v2 or v3), CSV or TSV termbase into a glossary.",
        discussion: """
        The result is validated; it is written to standard output or, with -o, atomically to a file \
        (refused, exit 1, if it would not validate). What TBX data has no place in a glossary is \
        listed once per kind on standard error. Use `onoma dict merge` to add the result to an \
        existing glossary.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv, tsv }

    @Argument(help: "The file to import (default: standard input).")
    var input: String?

    @Option(help: "tbx, csv or tsv (default: from the file extension).")
    var from: Format?

    @Option(help: "The glossary name when the input does not carry one (default: the input file's base name).")
    var name: String?

    @Option(help: "The kind of entries that do not state one.")
    var kind: EntryKind = .term

    @Option(name: .shortAndLong, help: "Write the glossary here instead of standard output (a new file; see --force).")
    var output: String?

    @Flag(help: "Let -o replace an existing file (its old content is lost unless --backup).")
    var force = false

    @OptionGroup var write: WriteFlags

    func run() throws {
        let format: Format
        if let from { format = from } else {
            let ext = (input.map { ($0 as NSString).pathExtension.lowercased() }) ?? ""
            guard let f = Format(rawValue: ext) else { throw UsageError("say which format to import with --from tbx|csv|tsv") }
            format = f
        }
        let path = input ?? "-"
        let bytes: [UInt8]
        if let input, input != "-" {
            do { bytes = try GlossaryFile.read(input) } catch { Output.error.write(line: "onoma: \(error)"); throw CommandExit(code: 2) }
        } else {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        let glossaryName = name ?? (input.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "imported")
        let result: ImportResult
        do {
            switch format {
            case .tbx: result = try TBXImporter.importGlossary(bytes, path: path, name: glossaryName, kind: kind)
            case .csv: result = try CSVImporter.importGlossary(bytes, path: path, name: glossaryName, kind: kind)
            case .tsv: result = try CSVImporter.importGlossary(bytes, path: path, name: glossaryName, kind: kind, delimiter: "\t")
            }
        } catch {
            for d in error.diagnostics { Output.error.write(line: d.description) }
            throw CommandExit(code: 2)
        }
        for w in result.warnings { Output.error.write(line: w.description) }
        let xml = GlossaryWriter.write(result.glossary)
        if let output, !force, !write.dryRun, let size = try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int, size > 0 {
            Output.error.write(line: "onoma: \(output) exists; import writes a new glossary: choose another -o and `onoma dict merge` the two, or pass --force to replace it")
            throw CommandExit(code: 1)
        }
        guard let output else {
            let errors = GlossaryFile.validate(xml, path: "(imported)").filter { $0.severity == .error }
            if !errors.isEmpty { try DictEditRunner.fail(.refused(introduced: errors, preexisting: []), path: "the imported glossary") }
            Output.standard.write(bytes: xml)
            return
        }
        do {
            let lock = write.dryRun ? nil : try FileLock(for: output, timeout: write.lockTimeout)
            defer { lock?.unlock() }
            let original = (try? GlossaryFile.read(output)) ?? []
            let outcome = try GlossaryFile.commit(original: original, edited: xml, to: output, options: write.options)
            DictEditRunner.report(outcome, path: output, dryRun: write.dryRun)
        } catch let e as AtomicFileError {
            try DictEditRunner.fail(.io(e), path: output)
        } catch let f as GlossaryFile.Failure {
            try DictEditRunner.fail(f, path: output)
        }
    }
}
