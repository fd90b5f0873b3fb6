/// Writes glossaries as TBX (see `TBXVersion` for the mapping). Every language and every name
/// is kept; the round trip Onoma → TBX → Onoma gives back the same entries, with each entry's
/// names grouped by language (their order within a language is kept).
public enum TBXExporter {
    /// The TBX file for `glossary`. - Complexity: linear in the glossary size.
    public static func export(_ glossary: Glossary, version: TBXVersion = .v2) -> [UInt8] {
        let v3 = version == .v3
        let entryTag = v3 ? "conceptEntry" : "termEntry", langTag = v3 ? "langSec" : "langSet", termTag = v3 ? "termSec" : "tig"
        let fileLanguage = glossary.entries.lazy.flatMap(\.names).contains { $0.language == "en" } ? "en"
            : (glossary.entries.first?.names.first?.language ?? "en")
        var out = XMLText()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        if v3 {
            out.raw("<tbx type=\"TBX-Basic\" style=\"dca\"")
            out.attribute("xml:lang", fileLanguage)
            out.raw(" xmlns=\"\(TBXVersion.v3Namespace)\">\n  <tbxHeader>\n")
        } else {
            out.raw("<martif type=\"TBX\"")
            out.attribute("xml:lang", fileLanguage)
            out.raw(">\n  <martifHeader>\n")
        }
        out.raw("    <fileDesc>\n")
        if let title = glossary.title { out.raw("      <titleStmt>\n"); out.element("        ", "title", text: title); out.raw("      </titleStmt>\n") }
        out.raw("      <sourceDesc>\n")
        out.element("        ", "p", text: "onoma-glossary: " + glossary.name)
        out.raw("      </sourceDesc>\n    </fileDesc>\n")
        if !v3 { out.raw("    <encodingDesc>\n      <p type=\"XCSURI\">TBXXCSV02.xcs</p>\n    </encodingDesc>\n") }
        out.raw(v3 ? "  </tbxHeader>\n" : "  </martifHeader>\n")
        out.raw("  <text>\n    <body>\n")
        for entry in glossary.entries {
            out.raw("      <\(entryTag)"); out.attribute("id", entry.id); out.raw(">\n")
            out.element("        ", "admin", [("type", "x-onoma-kind")], text: entry.kind.rawValue)
            for note in entry.notes { out.element("        ", "note", text: note) }
            var languages: [String] = []
            for name in entry.names where !languages.contains(name.language) { languages.append(name.language) }
            for language in languages {
                out.raw("        <\(langTag)"); out.attribute("xml:lang", language); out.raw(">\n")
                for name in entry.names where name.language == language {
                    out.raw("          <\(termTag)>\n")
                    out.element("            ", "term", text: name.text)
                    out.element("            ", "termNote", [("type", "administrativeStatus")], text: name.status.tbxAdministrativeStatus)
                    out.element("            ", "termNote", [("type", "termType")], text: name.type.tbxTermType)
                    if name.type == .former { out.element("            ", "termNote", [("type", "x-onoma-type")], text: name.type.rawValue) }
                    if let f = name.family { out.element("            ", "termNote", [("type", "x-onoma-family")], text: f) }
                    if let g = name.given { out.element("            ", "termNote", [("type", "x-onoma-given")], text: g) }
                    if let s = name.scheme { out.element("            ", "termNote", [("type", "x-onoma-scheme")], text: s) }
                    out.raw("          </\(termTag)>\n")
                }
                out.raw("        </\(langTag)>\n")
            }
            out.raw("      </\(entryTag)>\n")
        }
        out.raw("    </body>\n  </text>\n")
        out.raw(v3 ? "</tbx>\n" : "</martif>\n")
        return out.bytes
    }
}
