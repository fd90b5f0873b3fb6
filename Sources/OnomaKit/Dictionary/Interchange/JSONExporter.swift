/// Writes glossaries as JSON for scripts: one object per entry,
/// `{"id","kind","names":[{"lang","text","status","type","family"?,"given"?,"scheme"?}],"notes":[...]}`.
public enum JSONExporter {
    /// The layout of the output.
    public enum Layout: Sendable {
        /// A JSON array with one entry object per line.
        case array
        /// JSON Lines: one entry object per line, nothing else.
        case lines
    }

    /// The JSON text, ending with a newline. - Complexity: linear in the glossary size.
    public static func export(_ glossaries: [Glossary], layout: Layout = .array) -> [UInt8] {
        var out: [UInt8] = []
        if layout == .array { out.append(contentsOf: "[\n".utf8) }
        var first = true
        for glossary in glossaries {
            for entry in glossary.entries {
                if layout == .array && !first { out.append(contentsOf: ",\n".utf8) }
                first = false
                out.append(contentsOf: "{\"id\":".utf8); string(entry.id, &out)
                out.append(contentsOf: ",\"kind\":".utf8); string(entry.kind.rawValue, &out)
                out.append(contentsOf: ",\"names\":[".utf8)
                for (i, n) in entry.names.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: "{\"lang\":".utf8); string(n.language, &out)
                    out.append(contentsOf: ",\"text\":".utf8); string(n.text, &out)
                    out.append(contentsOf: ",\"status\":".utf8); string(n.status.rawValue, &out)
                    out.append(contentsOf: ",\"type\":".utf8); string(n.type.rawValue, &out)
                    if let f = n.family { out.append(contentsOf: ",\"family\":".utf8); string(f, &out) }
                    if let g = n.given { out.append(contentsOf: ",\"given\":".utf8); string(g, &out) }
                    if let s = n.scheme { out.append(contentsOf: ",\"scheme\":".utf8); string(s, &out) }
                    out.append(UInt8(ascii: "}"))
                }
                out.append(contentsOf: "],\"notes\":[".utf8)
                for (i, note) in entry.notes.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    string(note, &out)
                }
                out.append(contentsOf: "]}".utf8)
                if layout == .lines { out.append(0x0A) }
            }
        }
        if layout == .array { out.append(contentsOf: (first ? "]\n" : "\n]\n").utf8) }
        return out
    }

    /// A JSON string literal (RFC 8259 escaping; non-ASCII written as UTF-8).
    static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
