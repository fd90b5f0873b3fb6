import Foundation

/// A problem with the Korean reference data in `Dictionaries/reference/`: which file, which
/// line, what is wrong and what to do about it.
public struct KoreanDataError: Error, Sendable, Hashable, CustomStringConvertible {
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

    /// `file:line: error: message`.
    public var description: String { "\(file):\(line): error: \(message)" }
}
