/// Writes a `Glossary` as a canonical glossary file (contract section 2): UTF-8, two-space
/// indentation, attributes in canonical order, default status and type omitted. The output is
/// already in `onoma dict format` form.
public enum GlossaryWriter {
    /// The file's bytes. - Complexity: linear in the glossary size.
    public static func write(_ glossary: Glossary) -> [UInt8] {
        var out = XMLText()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glossary xmlns=\"\(GlossaryDocument.namespace)\"")
        out.attribute("name", glossary.name)
        out.raw(">\n")
        if let title = glossary.title {
            out.raw("  <title"); out.content("title", title)
        }
        for entry in glossary.entries {
            out.raw("  <entry")
            out.attribute("id", entry.id)
            out.attribute("kind", entry.kind.rawValue)
            out.raw(">\n")
            for name in entry.names {
                out.raw("    <name")
                out.attribute("xml:lang", name.language)
                if name.status != .admitted { out.attribute("status", name.status.rawValue) }
                if name.type != .full { out.attribute("type", name.type.rawValue) }
                if let f = name.family { out.attribute("family", f) }
                if let g = name.given { out.attribute("given", g) }
                if let s = name.scheme { out.attribute("scheme", s) }
                out.content("name", name.text)
            }
            for note in entry.notes {
                out.raw("    <note"); out.content("note", note)
            }
            out.raw("  </entry>\n")
        }
        out.raw("</glossary>\n")
        return out.bytes
    }
}

/// A byte buffer with XML escaping as libxml2's serialiser does it, so that files written here
/// and files rewritten by the DOM agree byte for byte.
struct XMLText {
    var bytes: [UInt8] = []

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Character data: `&`, `<`, `>` and CR escaped.
    mutating func text(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            default: bytes.append(b)
            }
        }
    }

    /// Closes an open start tag `<name ...` with its text and end tag and a line break, or as
    /// an empty-element tag when the text is empty (`<name .../>`: what libxml2's serialiser,
    /// and so `onoma dict format`, writes for an element without content).
    mutating func content(_ name: String, _ text: String) {
        if text.isEmpty {
            raw("/>\n")
        } else {
            raw(">"); self.text(text); raw("</\(name)>\n")
        }
    }

    /// ` name="value"` with `&`, `<`, `>`, `"`, TAB, LF and CR escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(0x20)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "=\"".utf8)
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case 0x09: bytes.append(contentsOf: "&#9;".utf8)
            case 0x0A: bytes.append(contentsOf: "&#10;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `<name>text</name>` on its own line at `indent`.
    mutating func element(_ indent: String, _ name: String, _ attributes: [(String, String)] = [], text: String) {
        raw(indent); raw("<\(name)")
        for (k, v) in attributes { attribute(k, v) }
        raw(">"); self.text(text); raw("</\(name.split(separator: " ").first!)>\n")
    }
}
