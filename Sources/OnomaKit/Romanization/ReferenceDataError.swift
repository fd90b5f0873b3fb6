/// A problem with the reference data in `Dictionaries/reference/` (the Korean and Chinese
/// tables): which file, which line, what is wrong and what to do about it.
public struct ReferenceDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as a path.
    public var file: String
    /// 1-based line number (0 when the problem is the whole file).
    public var line: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message` (`file: error: message` for a whole-file problem).
    public var description: String { line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)" }
}
