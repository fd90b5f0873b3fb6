import ArgumentParser
import Foundation
import OnomaKit

/// Flags shared by the commands that write a glossary.
struct WriteFlags: ParsableArguments {
    @Flag(help: "Show the change as a unified diff and write nothing.")
    var dryRun = false

    @Flag(help: "Keep the previous content as FILE~ (a hard link to the old file).")
    var backup = false

    @Option(help: ArgumentHelp("Seconds to wait for another editor's lock on FILE.lock.", valueName: "seconds"))
    var lockTimeout: Double = 30

    var options: GlossaryFile.WriteOptions {
        GlossaryFile.WriteOptions(dryRun: dryRun, backup: backup, lockTimeout: lockTimeout)
    }
}

/// Running an edit and turning its outcome into output and an exit code.
enum DictEditRunner {
    /// Edits `path` with `body`, prints the diff (dry run) and the diagnostics, and exits as the
    /// README says: 0 written (or nothing to change), 1 refused or not found, 2 unreadable input.
    static func run(_ path: String, _ flags: WriteFlags, _ body: (GlossaryEditor) throws(GlossaryEditError) -> Void) throws {
        do {
            let outcome = try GlossaryFile.edit(path, options: flags.options, body)
            report(outcome, path: path, dryRun: flags.dryRun)
        } catch {
            try fail(error, path: path)
        }
    }

    static func report(_ outcome: GlossaryFile.Outcome, path: String, dryRun: Bool) {
        if dryRun {
            Output.standard.write(UnifiedDiff.make(old: outcome.original, new: outcome.edited, oldName: path, newName: path + " (edited)"))
        }
        printDiagnostics(outcome.diagnostics, path: path)
    }

    /// Every error, and the first ten warnings; no infos (a large glossary may carry many; `onoma dict
    /// validate` lists them all).
    static func printDiagnostics(_ diagnostics: [Diagnostic], path: String) {
        var warnings = 0
        // Infos (e.g. an unusual but customary spelling) are left to `onoma dict validate`.
        for d in diagnostics where d.severity != .info {
            if d.severity == .error { Output.error.write(line: d.description); continue }
            warnings += 1
            if warnings <= 10 { Output.error.write(line: d.description) }
        }
        if warnings > 10 { Output.error.write(line: "onoma: \(warnings - 10) more warning(s); run `onoma dict validate \(path)` for all") }
    }

    /// Prints a failure and throws the matching exit.
    static func fail(_ failure: GlossaryFile.Failure, path: String) throws -> Never {
        switch failure {
        case .io(let e):
            Output.error.write(line: "onoma: \(e)")
            throw CommandExit(code: 2)
        case .edit(let e):
            for d in e.diagnostics { Output.error.write(line: d.description) }
            switch e.reason {
            case .invalidInput, .badRequest: throw CommandExit(code: 2)
            case .notFound, .conflict: throw CommandExit(code: 1)
            }
        case .refused(let introduced, let preexisting):
            // At most 50 of each: a bad merge of two large files can produce thousands.
            for d in introduced.prefix(50) { Output.error.write(line: d.description) }
            if introduced.count > 50 { Output.error.write(line: "onoma: \(introduced.count - 50) more error(s)") }
            if !preexisting.isEmpty {
                Output.error.write(line: "onoma: \(path) already had \(preexisting.count) error(s) before this edit:")
                for d in preexisting.prefix(50) { Output.error.write(line: d.description) }
                if preexisting.count > 50 { Output.error.write(line: "onoma: \(preexisting.count - 50) more error(s); run `onoma dict validate \(path)`") }
            }
            Output.error.write(line: "onoma: refused to write \(path): the edited file would not validate (line numbers above are in the edited file); nothing was changed")
            throw CommandExit(code: 1)
        }
    }
}

/// Parsing `LANG:TEXT[:status][:type][:family=F][:given=G][:scheme=S]`.
enum NameSpec {
    static func parse(_ spec: String) throws -> NameUpdate {
        var parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty else {
            throw UsageError("--name '\(spec)': write LANG:TEXT[:status][:type][:family=F][:given=G][:scheme=S], e.g. en:Koh Young-aah:preferred")
        }
        let language = parts.removeFirst()
        var update = NameUpdate(language: language, text: "")
        // Peel recognised fields off the end; what remains (colons included) is the text.
        while parts.count > 1, let last = parts.last {
            if update.status == nil, let s = NameStatus(rawValue: last) { update.status = s }
            else if update.type == nil, let t = NameType(rawValue: last) { update.type = t }
            else if last.hasPrefix("family="), update.family == nil { update.family = String(last.dropFirst(7)) }
            else if last.hasPrefix("given="), update.given == nil { update.given = String(last.dropFirst(6)) }
            else if last.hasPrefix("scheme="), update.scheme == nil { update.scheme = String(last.dropFirst(7)) }
            else { break }
            parts.removeLast()
        }
        update.text = parts.joined(separator: ":")
        guard !update.text.isEmpty else { throw UsageError("--name '\(spec)': the name text is empty") }
        return update
    }

    /// Applies `--family LANG:TEXT` / `--given LANG:TEXT` to the one name in that language.
    static func attach(_ specs: [String], as field: WritableKeyPath<NameUpdate, String?>, flag: String, to names: inout [NameUpdate]) throws {
        for spec in specs {
            guard let colon = spec.firstIndex(of: ":") else { throw UsageError("\(flag) '\(spec)': write LANG:TEXT, e.g. \(flag) ko:고") }
            let language = String(spec[..<colon]), value = String(spec[spec.index(after: colon)...])
            let matches = names.indices.filter { names[$0].language.lowercased() == language.lowercased() }
            guard matches.count == 1 else {
                throw UsageError("\(flag) \(spec): there are \(matches.count) --name options in \(language); write the split inside --name instead (en:TEXT:family=F:given=G)")
            }
            names[matches[0]][keyPath: field] = value
        }
    }
}

extension EntryKind: ExpressibleByArgument {}
