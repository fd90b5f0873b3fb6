/// A problem with the Chinese reference data in `Dictionaries/reference/`: which file, which
/// line, what is wrong, and what to do about it.
public struct ChineseDataError: Error, Sendable, CustomStringConvertible {
    /// The file path.
    public var file: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
