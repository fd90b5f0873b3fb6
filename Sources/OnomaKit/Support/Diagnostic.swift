/// One problem found in an input, with where it is, how bad it is, a stable code and a message
/// that tells the user what to do.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case info, warning, error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// Stable identifier such as `duplicate-id`, documented in the README.
    public var code: String
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, severity: Severity, code: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// Creates a diagnostic at a location.
    public init(at location: SourceLocation, severity: Severity, code: String, message: String) {
        self.init(file: location.file, line: location.line, column: location.column, severity: severity, code: code, message: message)
    }

    /// `file:line:column: severity: message [code]`, as compilers print.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(code)]" }
}
