import CSV

/// Reads CSV or TSV glossaries with a header row (see `CSVExporter` for the columns). Column
/// headers: `id` and `kind` (both optional), `note` (repeatable), and name columns
/// `LANG[:status][:type]` (status default admitted, type default full), each optionally followed
/// by `LANG…/family`, `/given`, `/scheme` columns that belong to the name column before them.
/// Empty cells are no name; names are trimmed of surrounding whitespace. An entry without an
/// id gets one from its English (or first ASCII) name, else `entry-ROW`. A UTF-8 BOM (as Excel
/// writes) is skipped.
public enum CSVImporter {
    /// Imports CSV (or TSV with `delimiter` "\t").
    /// - Throws: `InterchangeError` for input that is not UTF-8, an unknown column header or an
    ///   unknown kind, with the record number.
    public static func importGlossary(_ bytes: [UInt8], path: String, name: String, kind: EntryKind = .term,
                                      delimiter: Character = ",") throws(InterchangeError) -> ImportResult {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw InterchangeError(file: path, code: "csv-encoding", message: "the file is not valid UTF-8; save it as \"CSV UTF-8\" or convert it with iconv")
        }
        // A glossary is XML 1.0, which cannot hold most C0 controls (nor U+FFFE, U+FFFF): refuse
        // them here, where the user can still see where they are, rather than write a glossary
        // or a TBX file that no XML parser reads back.
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                throw InterchangeError(file: path, line: line, column: column, code: "csv-character",
                                       message: "character U+\(String(v, radix: 16, uppercase: true).leftPadded(to: 4)) cannot be stored in a glossary (XML 1.0 forbids it); remove it from the file")
            }
            if v == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter.unicodeScalars.first!)
        } catch {
            throw InterchangeError(file: path, code: "csv-header", message: "the file has no header row; the first row must name the columns (id, kind, LANG[:status][:type], note)")
        }
        let header = reader.headerRow ?? []
        enum Column { case id, kind, note, name(language: String, status: NameStatus, type: NameType), part(of: Int, String), ignored }
        var columns: [Column] = []
        for (i, raw) in header.enumerated() {
            let h = raw.trimmingWhitespace
            switch h.lowercased() {
            case "id": columns.append(.id); continue
            case "kind": columns.append(.kind); continue
            case "note", "notes": columns.append(.note); continue
            case "": columns.append(.ignored); continue
            default: break
            }
            if let slash = h.lastIndex(of: "/") {
                let key = String(h[..<slash]), part = String(h[h.index(after: slash)...])
                guard ["family", "given", "scheme"].contains(part),
                      let owner = columns.indices.last(where: { if case .name = columns[$0] { return header[$0].trimmingWhitespace == key } else { return false } }) else {
                    throw InterchangeError(file: path, line: 1, column: i + 1, code: "csv-header",
                                           message: "column '\(h)': a LANG…/family, /given or /scheme column must follow the name column LANG…")
                }
                columns.append(.part(of: owner, part))
                continue
            }
            let fields = h.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            var status = NameStatus.admitted, type = NameType.full
            var ok = !fields[0].isEmpty && fields[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            for f in fields.dropFirst() {
                if let s = NameStatus(rawValue: f) { status = s } else if let t = NameType(rawValue: f) { type = t } else { ok = false }
            }
            guard ok else {
                throw InterchangeError(file: path, line: 1, column: i + 1, code: "csv-header",
                                       message: "column '\(h)' is not id, kind, note or LANG[:status][:type] (e.g. en:preferred, ko, en:admitted:abbreviation)")
            }
            columns.append(.name(language: fields[0], status: status, type: type))
        }
        guard columns.contains(where: { if case .name = $0 { true } else { false } }) else {
            throw InterchangeError(file: path, code: "csv-header", message: "no name column; name at least one column LANG[:status][:type], e.g. ko or en:preferred")
        }
        var glossary = Glossary(name: name, source: path)
        var used: Set<String> = []
        var tally = ImportSupport.WarningTally()
        var record = 1
        while let row = reader.next() {
            record += 1
            if row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            var proposedID: String?
            var entryKind = kind
            var names: [NameForm] = [], notes: [String] = []
            var nameAt: [Int: Int] = [:]
            var preferred: Set<String> = []
            for (i, column) in columns.enumerated() {
                let cell = i < row.count ? row[i].trimmingWhitespace : ""
                switch column {
                case .id: proposedID = cell.isEmpty ? nil : cell
                case .kind:
                    guard !cell.isEmpty else { continue }
                    guard let k = EntryKind(rawValue: cell.lowercased()) else {
                        throw InterchangeError(file: path, line: record, column: i + 1, code: "csv-kind",
                                               message: "record \(record): kind '\(cell)' is not person, organization, place or term")
                    }
                    entryKind = k
                case .note: if !cell.isEmpty { notes.append(cell) }
                case .name(let language, var status, let type):
                    guard !cell.isEmpty else { continue }
                    if status == .preferred, !preferred.insert(language.lowercased()).inserted {
                        status = .admitted
                        tally.add("a second preferred name in one language was imported as admitted", at: SourceLocation(file: path, line: record, column: i + 1))
                    }
                    nameAt[i] = names.count
                    names.append(NameForm(language: language, text: cell, status: status, type: type))
                case .part(let owner, let part):
                    guard !cell.isEmpty, let n = nameAt[owner] else { continue }
                    if part == "family" { names[n].family = cell } else if part == "given" { names[n].given = cell } else { names[n].scheme = cell }
                case .ignored:
                    if !cell.isEmpty { tally.add("dropped cells in a column without a header", at: SourceLocation(file: path, line: record, column: i + 1)) }
                }
            }
            guard !names.isEmpty else {
                tally.add("skipped a record without any name", at: SourceLocation(file: path, line: record, column: 1))
                continue
            }
            let id = ImportSupport.makeID(proposedID, names: names, fallback: "entry-\(record)", used: &used)
            if let proposedID, proposedID != id { tally.add("renamed entry id '\(proposedID)' to '\(id)' (ids must be unique XML names)", at: SourceLocation(file: path, line: record, column: 1)) }
            glossary.entries.append(GlossaryEntry(id: id, kind: entryKind, names: names, notes: notes))
        }
        if let error = reader.error {
            throw InterchangeError(file: path, line: record, code: "csv-syntax", message: "record \(record): \(error)")
        }
        return ImportResult(glossary: glossary, warnings: tally.diagnostics())
    }
}

private extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
