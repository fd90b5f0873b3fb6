import Foundation

/// One data row of a TSV reference file, with where it came from.
struct TSVRow: Sendable {
    var fields: [String]
    var file: String
    var line: Int
    var count: Int { fields.count }
    subscript(_ i: Int) -> String { fields[i] }

    func error(_ message: String) -> ReferenceDataError {
        ReferenceDataError(file: file, line: line, message: message)
    }
}

/// Reads the project's reference TSV files: `#` comment lines (the sources), then a header
/// line naming the columns, then one tab-separated row per line.
enum TSVTable {
    /// Reads `relative` under `dictionaries`, checking the header starts with `columns`.
    /// - Throws: ``ReferenceDataError`` (missing or unreadable file, invalid UTF-8, wrong header,
    ///   a row with too few columns).
    static func read(_ dictionaries: URL, _ relative: String, columns: [String]) throws(ReferenceDataError) -> [TSVRow] {
        let url = dictionaries.appendingPathComponent(relative)
        let path = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReferenceDataError(file: path, line: 0, message: "cannot read the Korean reference table (\(error.localizedDescription)); restore it from the repository's Dictionaries/\(relative) or set ONOMA_DICTIONARIES to the Dictionaries folder")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReferenceDataError(file: path, line: 0, message: "the file is not valid UTF-8; save it as UTF-8")
        }
        var rows = [TSVRow]()
        var header: [String]?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard header != nil else {
                guard fields.count >= columns.count, Array(fields.prefix(columns.count)) == columns else {
                    throw ReferenceDataError(file: path, line: lineNumber, message: "expected the header line '\(columns.joined(separator: "\\t"))' (tab-separated) before the data rows")
                }
                header = fields
                continue
            }
            guard fields.count >= columns.count else {
                throw ReferenceDataError(file: path, line: lineNumber, message: "row has \(fields.count) tab-separated columns, needs at least \(columns.count) (\(columns.joined(separator: ", "))); check for spaces typed instead of tabs")
            }
            rows.append(TSVRow(fields: fields, file: path, line: lineNumber))
        }
        guard header != nil else {
            throw ReferenceDataError(file: path, line: lineNumber, message: "no header line found; the table is empty")
        }
        return rows
    }
}
