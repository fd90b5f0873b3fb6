import Foundation
import OnomaKit

/// Where a command's items come from: its arguments, or standard input one per line.
enum InputLines {
    /// Calls `body(text, lineNumber)` for each argument, or for each line of standard input when
    /// there are no arguments. Lines that are not valid UTF-8 are decoded with U+FFFD in place
    /// of the bad bytes and reported on standard error with their number, never dropped.
    static func forEach(arguments: [String], _ body: (String, Int) throws -> Void) throws {
        if !arguments.isEmpty {
            for (i, a) in arguments.enumerated() { try body(a, i + 1) }
            return
        }
        let reader = LineReader(fileDescriptor: STDIN_FILENO)
        do {
            try reader.forEachLine { bytes, number in
                if let text = String(validating: bytes, as: UTF8.self) {
                    try body(text, number)
                } else {
                    Output.error.write(line: "onoma: <stdin>:\(number): warning: not valid UTF-8; the invalid bytes were replaced with U+FFFD")
                    try body(String(decoding: bytes, as: UTF8.self), number)
                }
                return true
            }
        } catch let failure as LineReader.Failure {
            throw UsageError("onoma: <stdin>: \(failure)")
        }
    }
}
