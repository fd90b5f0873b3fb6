extension XML {
    /// A document that could not be parsed, or that the hostile-input policy refused.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Every problem libxml2 reported, in order, as diagnostics with file:line:column.
        public var diagnostics: [Diagnostic]

        /// Creates an error from diagnostics (at least one).
        public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

        /// The first problem, which is the one that stopped the parser.
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }
}
