import CSV
import Foundation

/// Writes glossaries as CSV or TSV, one row per entry, with a header row naming the columns:
/// `id`, `kind`, then one column per language and status (and type unless full), e.g.
/// `ko:admitted`, `en:preferred`, `en:admitted:abbreviation` (repeated when an entry has several
/// such names), each optionally followed by `…/family`, `…/given`, `…/scheme` columns, then
/// `note` columns. Fields with quotes, delimiters or newlines are quoted by the CSV library.
public enum CSVExporter {
    /// The CSV (or, with `delimiter` "\t", TSV) text, ending with a newline.
    /// - Complexity: linear in the glossary size.
    public static func export(_ glossary: Glossary, delimiter: Character = ",") throws -> [UInt8] {
        struct Column: Hashable { var key: String; var slot: Int }
        // Columns in order of first appearance, with how many slots each key needs.
        var keys: [String] = [], slots: [String: Int] = [:], parts: [String: Set<String>] = [:]
        var maxNotes = 0
        for entry in glossary.entries {
            var seen: [String: Int] = [:]
            for name in entry.names {
                let key = columnKey(name)
                if slots[key] == nil { keys.append(key); slots[key] = 0 }
                seen[key, default: 0] += 1
                slots[key] = max(slots[key]!, seen[key]!)
                if name.family != nil { parts[key, default: []].insert("family") }
                if name.given != nil { parts[key, default: []].insert("given") }
                if name.scheme != nil { parts[key, default: []].insert("scheme") }
            }
            maxNotes = max(maxNotes, entry.notes.count)
        }
        var header = ["id", "kind"]
        for key in keys {
            for _ in 0..<slots[key]! {
                header.append(key)
                for part in ["family", "given", "scheme"] where parts[key]?.contains(part) == true { header.append("\(key)/\(part)") }
            }
        }
        header += Array(repeating: "note", count: maxNotes)

        let stream = ByteSink(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: String(delimiter))
        try writer.write(row: header)
        for entry in glossary.entries {
            var row = [entry.id, entry.kind.rawValue]
            var byKey: [String: [NameForm]] = [:]
            for name in entry.names { byKey[columnKey(name), default: []].append(name) }
            for key in keys {
                let names = byKey[key] ?? []
                for slot in 0..<slots[key]! {
                    let name = slot < names.count ? names[slot] : nil
                    row.append(name?.text ?? "")
                    for part in ["family", "given", "scheme"] where parts[key]?.contains(part) == true {
                        row.append((part == "family" ? name?.family : part == "given" ? name?.given : name?.scheme) ?? "")
                    }
                }
            }
            row += entry.notes + Array(repeating: "", count: maxNotes - entry.notes.count)
            try writer.write(row: row)
        }
        stream.close()
        stream.bytes.append(0x0A)
        return stream.bytes
    }

    /// `LANG:status` or `LANG:status:type` (type omitted when full).
    static func columnKey(_ name: NameForm) -> String {
        name.type == .full ? "\(name.language):\(name.status.rawValue)" : "\(name.language):\(name.status.rawValue):\(name.type.rawValue)"
    }
}

/// An output stream that appends to a byte array. The CSV library writes one byte per call;
/// Foundation's memory stream makes that slow, a plain array append does not.
final class ByteSink: OutputStream {
    var bytes: [UInt8] = []

    // corelibs-foundation marks this initializer `required`; Darwin's Foundation does not.
    #if os(Linux)
    required init(toMemory: ()) { super.init(toMemory: ()) }
    #else
    override init(toMemory: ()) { super.init(toMemory: ()) }
    #endif

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength len: Int) -> Int {
        if len == 1 { bytes.append(buffer.pointee) } else { bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: len)) }
        return len
    }
    override var hasSpaceAvailable: Bool { true }
    override func open() {}
    override func close() {}
    override var streamStatus: Stream.Status { .open }
}
