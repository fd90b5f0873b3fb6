/// A place in an input file, 1-based, for diagnostics.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as the user gave it (or `-` for standard input).
    public var file: String
    public var line: Int
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column)" }
}
