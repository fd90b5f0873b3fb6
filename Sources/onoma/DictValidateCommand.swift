import ArgumentParser
import Foundation
import OnomaKit

/// `onoma dict validate FILE...`: well-formedness, schema and every rule; all problems reported.
struct DictValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dictionaries: well-formedness, the schema, and the format's rules, across all files given.",
        discussion: "Exit status: 0 clean or warnings only, 1 errors, 2 a file unreadable or not an XML dictionary at all."
    )

    @OptionGroup var options: DictFiles

    func run() throws {
        try DictCheck.run(level: .full, options: options)
    }
}

/// `onoma dict lint FILE...`: the rules without the schema.
struct DictLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the format's rules only (no schema): fast, for editors' save hooks.",
        discussion: "Exit status: 0 clean or warnings only, 1 errors, 2 a file unreadable or not an XML dictionary at all."
    )

    @OptionGroup var options: DictFiles

    func run() throws {
        try DictCheck.run(level: .lint, options: options)
    }
}

/// What `validate` and `lint` share.
enum DictCheck {
    static func run(level: GlossaryValidator.Level, options: DictFiles) throws {
        let (urls, names) = try options.resolve()
        let validator: GlossaryValidator
        do {
            validator = try GlossaryValidator(level: level)
        } catch {
            throw UsageError(error.description)
        }
        let report = validator.validate(files: urls, displayNames: names)
        options.write(report.diagnostics)
        Output.standard.flush()
        _ = Unmanaged.passRetained(KeepUntilExit(report))
        if !report.unusableFiles.isEmpty { throw CommandExit(code: CLI.usageError) }
        if report.errorCount > 0 { throw CommandExit(code: 1) }
    }
}
