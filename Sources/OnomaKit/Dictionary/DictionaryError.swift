/// Why dictionaries could not be loaded. Carries every diagnostic found (at least one), each
/// with file:line:column and a message that says what to fix.
public struct DictionaryError: Error, Sendable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: String, Sendable, Hashable {
        /// A file could not be opened or read.
        case unreadable
        /// A file is not a well-formed UTF-8 XML document, or was refused by the hostile-input
        /// policy (DOCTYPE, nesting, size), or its root is not an Onoma `<glossary>`.
        case malformed
        /// A well-formed glossary breaks the format's rules (missing id, unknown kind,
        /// duplicate id across files...).
        case invalid
        /// No dictionary was found where the default ones should be.
        case noDictionaries
        /// The shipped schema could not be read or compiled.
        case schema
    }

    /// The class of failure.
    public var kind: Kind
    /// The problems, in file order (error-level ones; warnings are not reasons to fail).
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(kind: Kind, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line, as compilers print them.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
