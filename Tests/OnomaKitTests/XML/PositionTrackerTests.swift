import Foundation
@testable import OnomaKit
import Testing

/// The tracker scans eight bytes at a time where it can: it must find the same line and column
/// (in Unicode scalars) of the last `<` as a plain scan, wherever the newlines, `<` and
/// multi-byte characters fall relative to the eight-byte words and the chunks.
@Suite struct PositionTrackerTests {
    /// Line and column of the last `<` before `end`, one byte at a time.
    static func reference(_ bytes: [UInt8], before end: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1, tag = (1, 1)
        for b in bytes[..<end] {
            if b == 0x0A { line += 1; column = 1; continue }
            if b == 0x3C { tag = (line, column) }
            if b & 0xC0 != 0x80 { column += 1 }
        }
        return tag
    }

    @Test(arguments: [1, 3, 7, 8, 9, 64, 4000])
    func sameAsAPlainScan(chunkSize: Int) {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = ["<", "\n", "a", "bc", "김", "金", "é", " ", "Seong-Jin", "<name xml:lang=\"ko\">", "</name>\n    ", "😀"]
        var text = ""
        for _ in 0..<3000 { text += pieces.randomElement(using: &generator)! }
        let bytes = Array(text.utf8)
        var tracker = XML.PositionTracker()
        var fed = 0
        var end = 0
        while end < bytes.count {
            end = min(bytes.count, end + Int.random(in: 1...40, using: &generator))
            // Hand the parser the bytes up to at least `end`, in chunks of `chunkSize`.
            while fed < end {
                let next = min(bytes.count, fed + chunkSize)
                bytes[fed..<next].withUnsafeBytes { tracker.append($0) }
                fed = next
            }
            let found = tracker.tagStart(before: end)
            let expected = Self.reference(bytes, before: end)
            #expect(found.line == expected.line && found.column == expected.column, "at byte \(end) of \(bytes.count)")
            if found.line != expected.line || found.column != expected.column { break }
        }
    }
}
