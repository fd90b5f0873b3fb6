extension XML {
    /// A document that could not be parsed into a DOM, or that the hostile-input policy refused.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Every problem libxml2 or the policy reported, in order (the first fatal one last).
        public var issues: [Issue]

        /// Creates an error from issues (at least one).
        public init(issues: [Issue]) { self.issues = issues }

        public var description: String { issues.map(\.description).joined(separator: "\n") }

        /// The issues as diagnostics with Onoma's stable codes (`doctype`, `not-well-formed`,
        /// `invalid-utf8`...), as `onoma dict validate` reports them.
        public var diagnostics: [Diagnostic] { issues.map(GlossaryLoader.diagnostic(for:)) }
    }
}
