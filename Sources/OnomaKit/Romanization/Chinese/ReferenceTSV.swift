import Foundation

/// A fast reader for the reference TSV files: `#` comment lines, one header line, then rows.
/// Works on the raw bytes (the files are large and loaded by every CLI process), decoding
/// only the fields a caller asks for.
struct ReferenceTSV {
    /// The file path, for error messages.
    let path: String
    private let bytes: [UInt8]

    /// Reads a file.
    /// - Throws: `ReferenceDataError` when the file cannot be read.
    init(url: URL) throws {
        path = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError(file: url.path, line: 0, message: "cannot read this reference file; check that Dictionaries/reference/ is complete (regenerate with python3 Scripts/generate-han-tables.py) or set ONOMA_DICTIONARIES")
        }
        bytes = [UInt8](data)
    }

    /// One data row: its 1-based line number and its fields as byte ranges.
    struct Row {
        let line: Int
        let fields: [Range<Int>]
    }

    /// Calls `body` for every data row after checking the header names `expectedHeader` first.
    /// - Throws: `ReferenceDataError` for a missing or different header, rows with too few fields,
    ///   invalid UTF-8, or whatever `body` throws.
    func forEachRow(expectedHeader: [String], _ body: (Row, ReferenceTSV) throws -> Void) throws {
        var lineNumber = 0
        var start = 0
        var sawHeader = false
        let count = bytes.count
        while start < count {
            lineNumber += 1
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            if lineEnd == start || bytes[start] == UInt8(ascii: "#") { continue }
            var fields: [Range<Int>] = []
            var fieldStart = start
            for i in start..<lineEnd where bytes[i] == 0x09 {
                fields.append(fieldStart..<i)
                fieldStart = i + 1
            }
            fields.append(fieldStart..<lineEnd)
            if !sawHeader {
                sawHeader = true
                let names = fields.map { string($0) }
                if Array(names.prefix(expectedHeader.count)) != expectedHeader {
                    throw ReferenceDataError(file: path, line: lineNumber, message: "expected the header line \(expectedHeader.joined(separator: "<TAB>")), found \(names.joined(separator: "<TAB>")); the file is not the one this version of Onoma reads (regenerate with python3 Scripts/generate-han-tables.py)")
                }
                continue
            }
            if fields.count < expectedHeader.count {
                throw ReferenceDataError(file: path, line: lineNumber, message: "expected \(expectedHeader.count) tab-separated fields (\(expectedHeader.joined(separator: ", "))), found \(fields.count); fix or regenerate the file")
            }
            try body(Row(line: lineNumber, fields: fields), self)
        }
        if !sawHeader {
            throw ReferenceDataError(file: path, line: 0, message: "the file has no header line; regenerate it with python3 Scripts/generate-han-tables.py")
        }
    }

    /// The field's text.
    func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Calls `body` with every Unicode scalar value of a field.
    /// - Throws: `ReferenceDataError` for invalid UTF-8.
    func forEachScalar(_ range: Range<Int>, line: Int, _ body: (UInt32) -> Void) throws {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b0 = UInt32(bytes[i])
            var value: UInt32
            var length: Int
            if b0 < 0x80 { value = b0; length = 1 }
            else if b0 & 0xE0 == 0xC0 { value = b0 & 0x1F; length = 2 }
            else if b0 & 0xF0 == 0xE0 { value = b0 & 0x0F; length = 3 }
            else if b0 & 0xF8 == 0xF0 { value = b0 & 0x07; length = 4 }
            else { throw invalidUTF8(line) }
            guard i + length <= end else { throw invalidUTF8(line) }
            var k = 1
            while k < length {
                let b = UInt32(bytes[i + k])
                guard b & 0xC0 == 0x80 else { throw invalidUTF8(line) }
                value = value << 6 | (b & 0x3F)
                k += 1
            }
            body(value)
            i += length
        }
    }

    private func invalidUTF8(_ line: Int) -> ReferenceDataError {
        ReferenceDataError(file: path, line: line, message: "invalid UTF-8; the file must be UTF-8 (regenerate it with python3 Scripts/generate-han-tables.py)")
    }
}
