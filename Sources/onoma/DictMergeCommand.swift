import ArgumentParser
import OnomaKit

struct DictMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge glossaries into one, reporting every conflict.",
        discussion: """
        The first file is the base: its layout, comments and entries come first; the others' new \
        entries follow in order. Identical entries are merged silently. Conflicts (the same id with \
        different content; the same name under two ids from different files) stop the merge with \
        exit 1 unless --prefer first|last resolves ids or --allow-homographs accepts shared names; \
        resolved conflicts are still listed on standard error.
        """
    )

    @Argument(help: "The glossaries to merge (the first is the base).")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "Write the result here (atomically, under a lock); default: standard output.")
    var output: String?

    @Option(help: "Resolve an id with different content: none (report), first or last.")
    var prefer: GlossaryMerger.Preference = .none

    @Flag(help: "Accept the same name form under two ids (homographs).")
    var allowHomographs = false

    @OptionGroup var write: WriteFlags

    func run() throws {
        guard files.count >= 2 else { throw UsageError("merge needs at least two files") }
        var inputs: [(path: String, bytes: [UInt8])] = []
        for file in files {
            do { inputs.append((file, try GlossaryFile.read(file))) } catch { Output.error.write(line: "onoma: \(error)"); throw CommandExit(code: 2) }
        }
        let result: GlossaryMerger.Result
        do { result = try GlossaryMerger.merge(inputs, prefer: prefer, allowSharedForms: allowHomographs) } catch { try DictEditRunner.fail(.edit(error), path: files[0]) }
        for c in result.resolved { Output.error.write(line: "onoma: note: resolved conflict: \(c)") }
        for c in result.conflicts { Output.error.write(line: "onoma: conflict: \(c)") }
        guard let merged = result.output else {
            Output.error.write(line: "onoma: \(result.conflicts.count) conflict(s); nothing was written (see --prefer and --allow-homographs)")
            throw CommandExit(code: 1)
        }
        guard let output else {
            let diagnostics = GlossaryFile.validate(merged, path: "-")
            if diagnostics.contains(where: { $0.severity == .error }) {
                try DictEditRunner.fail(.refused(introduced: diagnostics.filter { $0.severity == .error }, preexisting: []), path: "the merged glossary")
            }
            Output.standard.write(bytes: merged)
            return
        }
        do {
            let lock = write.dryRun ? nil : try FileLock(for: output, timeout: write.lockTimeout)
            defer { lock?.unlock() }
            let original = (try? GlossaryFile.read(output)) ?? []
            let outcome = try GlossaryFile.commit(original: original, edited: merged, to: output, options: write.options)
            DictEditRunner.report(outcome, path: output, dryRun: write.dryRun)
        } catch let e as AtomicFileError {
            try DictEditRunner.fail(.io(e), path: output)
        } catch let f as GlossaryFile.Failure {
            try DictEditRunner.fail(f, path: output)
        }
    }
}

extension GlossaryMerger.Preference: ExpressibleByArgument {}
