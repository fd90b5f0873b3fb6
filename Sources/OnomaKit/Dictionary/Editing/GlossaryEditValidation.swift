/// The check an edited file must pass before it is written: the same as `onoma dict validate`
/// (well-formedness, the shipped schema, structure and semantic rules), on the bytes about to
/// be written.
enum GlossaryEditValidation {
    /// Every diagnostic for the glossary in `bytes`. When the shipped schema cannot be found,
    /// the rules are still checked and a warning says the schema was not.
    static func validate(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        do {
            // Cheap: the shipped schema is compiled once per process.
            return try GlossaryValidator(level: .full).validate(bytes: bytes, file: path).diagnostics
        } catch {
            let warning = Diagnostic(file: path, line: 0, column: 0, severity: .warning, code: "schema-unavailable",
                                     message: "the shipped schema could not be used, so only the rules were checked: \(error.description)")
            let lint = try? GlossaryValidator(level: .lint)
            return [warning] + (lint?.validate(bytes: bytes, file: path).diagnostics ?? [])
        }
    }
}
