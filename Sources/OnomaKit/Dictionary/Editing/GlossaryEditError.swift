/// Why an edit could not be made. Every case says what to do.
public struct GlossaryEditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, which the CLI maps to an exit code.
    public enum Reason: Sendable, Hashable {
        /// The input is not a readable glossary (not XML, wrong root, unsupported encoding).
        case invalidInput
        /// The entry, name or note the edit names does not exist.
        case notFound
        /// The edit contradicts the file (an id that already exists).
        case conflict
        /// The request itself is malformed.
        case badRequest
    }

    /// The kind of failure.
    public var reason: Reason
    /// The diagnostics (at least one), with file:line:column where known.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics.
    public init(_ reason: Reason, diagnostics: [Diagnostic]) {
        self.reason = reason
        self.diagnostics = diagnostics
    }

    /// Creates an error with one message.
    public init(_ reason: Reason, file: String, line: Int = 1, column: Int = 1, code: String, message: String) {
        self.init(reason, diagnostics: [Diagnostic(file: file, line: line, column: column, severity: .error, code: code, message: message)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
