/// Reads TBX v2 (`martif`/`termEntry`/`langSet`/`tig` or `ntig`) and TBX v3 (`tbx`/
/// `conceptEntry`/`langSec`/`termSec`, DCA or DCT style) into a glossary, as written by Onoma,
/// translate-toolkit, Weblate, MultiTerm or memoQ. Every language section and every term is
/// kept. See `TBXVersion` for the mapping; in addition:
/// - `normativeAuthorization` is read like `administrativeStatus`; standardized → preferred,
///   superseded → deprecated; a second preferred term in one language becomes admitted;
/// - termType acronym, initialism, shortForm, clippedTerm → abbreviation; variant, synonym,
///   transliteratedForm, transcribedForm → alias; anything else → full;
/// - `descrip` of another type becomes a note "TYPE: text"; language- and term-level notes
///   become entry notes prefixed with the language or the term;
/// - what has no place in the format (partOfSpeech, transactions, cross-references...) is
///   dropped and reported once per kind in the warnings.
///
/// Input policy: as for glossaries, except that a `<!DOCTYPE martif ...>` without an internal
/// subset is accepted (the DTD is never loaded).
public enum TBXImporter {
    /// Imports a TBX file.
    /// - Parameters:
    ///   - bytes: the file; `path`: its name for diagnostics.
    ///   - name: the glossary name when the file does not carry one (Onoma's own exports do).
    ///   - kind: the kind of entries without `x-onoma-kind`.
    /// - Throws: `InterchangeError` when the file is not well-formed or not TBX.
    public static func importGlossary(_ bytes: [UInt8], path: String, name: String, kind: EntryKind = .term) throws(InterchangeError) -> ImportResult {
        let document: XML.Document
        do { document = try XML.Document(bytes: bytes, path: path, doctype: .externalIdentifierOnly) } catch { throw InterchangeError(diagnostics: error.diagnostics) }
        guard let root = document.root, root.localName == "martif" || root.localName == "tbx" else {
            throw InterchangeError(file: path, line: document.root?.line ?? 1, code: "not-tbx",
                                   message: "the root element is <\(document.root?.localName ?? "")>; a TBX file starts with <martif> (TBX v2) or <tbx> (TBX v3)")
        }
        var reader = Reader(path: path, defaultKind: kind, fileLanguage: root.attribute("lang", namespace: XML.xmlNamespace))
        var glossary = Glossary(name: name, source: path)
        if let header = root.elementChildren.first(where: { $0.localName == "martifHeader" || $0.localName == "tbxHeader" }) {
            for fileDesc in header.elementChildren where fileDesc.localName == "fileDesc" {
                for part in fileDesc.elementChildren {
                    if part.localName == "titleStmt", let title = part.elementChildren.first(where: { $0.localName == "title" }) { glossary.title = title.textContent }
                    if part.localName == "sourceDesc" {
                        for p in part.elementChildren where p.localName == "p" && p.textContent.hasPrefix("onoma-glossary: ") {
                            glossary.name = String(p.textContent.dropFirst("onoma-glossary: ".count))
                        }
                    }
                }
            }
        }
        guard let text = root.elementChildren.first(where: { $0.localName == "text" }),
              let body = text.elementChildren.first(where: { $0.localName == "body" }) else {
            throw InterchangeError(file: path, line: root.line, code: "not-tbx", message: "no <text><body> in this TBX file")
        }
        for element in body.elementChildren where element.localName == "termEntry" || element.localName == "conceptEntry" {
            if let entry = reader.entry(element) { glossary.entries.append(entry) }
        }
        return ImportResult(glossary: glossary, warnings: reader.tally.diagnostics())
    }

    /// Walks entries, keeping the state shared between them.
    struct Reader {
        let path: String
        let defaultKind: EntryKind
        let fileLanguage: String?
        var usedIDs: Set<String> = []
        var tally = ImportSupport.WarningTally()
        var count = 0

        static let structural: Set<String> = ["termEntry", "conceptEntry", "langSet", "langSec", "tig", "ntig", "termSec", "termGrp", "term",
                                              "descripGrp", "adminGrp", "transacGrp", "noteGrp", "termCompList"]

        func location(_ node: XML.Node) -> SourceLocation { SourceLocation(file: path, line: node.line, column: 1) }

        /// (type, value) of a data-category element: `<termNote type="X">` (DCA) or
        /// `<ns:X>` (DCT); nil for structural elements.
        func category(_ node: XML.Node) -> (type: String, element: String)? {
            let local = node.localName
            if Reader.structural.contains(local) { return nil }
            if ["termNote", "descrip", "admin", "transac", "transacNote", "ref", "xref"].contains(local) {
                return (node.attribute("type") ?? local, local)
            }
            if let ns = node.namespaceURI, ns != TBXVersion.v3Namespace {
                // DCT style: the element is named after its data category.
                let descriptive: Set<String> = ["definition", "subjectField", "context", "explanation", "source"]
                return (local, descriptive.contains(local) ? "descrip" : "termNote")
            }
            return (local, local) // note, date
        }

        mutating func entry(_ element: XML.Node) -> GlossaryEntry? {
            count += 1
            var kind: EntryKind?
            var names: [NameForm] = []
            var notes: [String] = []
            var preferredLanguages: Set<String> = []
            for child in element.elementChildren {
                let local = child.localName
                if local == "langSet" || local == "langSec" {
                    guard let language = child.attribute("lang", namespace: XML.xmlNamespace) ?? fileLanguage else {
                        tally.add("dropped a <\(local)> without xml:lang", at: location(child))
                        continue
                    }
                    for part in child.elementChildren {
                        if ["tig", "ntig", "termSec"].contains(part.localName) {
                            if let name = term(part, language: language, preferredLanguages: &preferredLanguages, notes: &notes) { names.append(name) }
                        } else {
                            aux(part, prefix: "\(language): ", into: &notes)
                        }
                    }
                } else if let (type, _) = category(child), type == "x-onoma-kind" {
                    kind = EntryKind(rawValue: child.textContent.trimmingWhitespace)
                    if kind == nil { tally.add("unknown x-onoma-kind '\(child.textContent)' read as \(defaultKind.rawValue)", at: location(child)) }
                } else {
                    aux(child, prefix: "", into: &notes)
                }
            }
            guard !names.isEmpty else {
                tally.add("skipped an entry without any term", at: location(element))
                return nil
            }
            let proposed = element.attribute("id")
            let id = ImportSupport.makeID(proposed, names: names, fallback: "entry-\(count)", used: &usedIDs)
            if let proposed, proposed != id { tally.add("renamed entry id '\(proposed)' to '\(id)' (ids must be unique XML names)", at: location(element)) }
            return GlossaryEntry(id: id, kind: kind ?? defaultKind, names: names, notes: notes)
        }

        /// Entry- or language-level auxiliary information: notes kept, the rest tallied.
        mutating func aux(_ node: XML.Node, prefix: String, into notes: inout [String]) {
            if ["descripGrp", "adminGrp", "noteGrp"].contains(node.localName) {
                for c in node.elementChildren { aux(c, prefix: prefix, into: &notes) }
                return
            }
            if node.localName == "transacGrp" { tally.add("dropped <transacGrp> (creation and change records)", at: location(node)); return }
            guard let (type, tag) = category(node) else { return }
            let text = node.textContent.trimmingWhitespace
            if tag == "note" { notes.append(prefix + text) }
            else if (tag == "descrip" || tag == "admin") && !type.hasPrefix("x-onoma-") { notes.append(prefix + "\(type): " + text) }
            else { tally.add("dropped <\(tag)\(tag == type ? "" : " type=\"\(type)\"")>", at: location(node)) }
        }

        mutating func term(_ node: XML.Node, language: String, preferredLanguages: inout Set<String>, notes: inout [String]) -> NameForm? {
            // ntig keeps term and termNotes in a termGrp; flatten it.
            var parts: [XML.Node] = []
            func flatten(_ n: XML.Node) {
                if ["termGrp", "descripGrp", "adminGrp", "noteGrp"].contains(n.localName) { n.elementChildren.forEach(flatten) } else { parts.append(n) }
            }
            node.elementChildren.forEach(flatten)
            guard let termNode = parts.first(where: { $0.localName == "term" }) else {
                tally.add("dropped a <\(node.localName)> without <term>", at: location(node))
                return nil
            }
            var name = NameForm(language: language, text: termNode.textContent.trimmingWhitespace)
            guard !name.text.isEmpty else { tally.add("dropped an empty <term>", at: location(termNode)); return nil }
            var onomaType: NameType?
            for part in parts where part.localName != "term" {
                if part.localName == "termCompList" { tally.add("dropped <termCompList>", at: location(part)); continue }
                guard let (type, tag) = category(part) else { continue }
                let value = part.textContent.trimmingWhitespace
                switch type {
                case "administrativeStatus", "normativeAuthorization":
                    name.status = status(value, at: part)
                case "termType": name.type = termType(value)
                case "x-onoma-type": onomaType = NameType(rawValue: value)
                case "x-onoma-family": name.family = value
                case "x-onoma-given": name.given = value
                case "x-onoma-scheme": name.scheme = value
                default:
                    if tag == "note" { notes.append("\(name.text) (\(language)): \(value)") }
                    else if tag == "descrip" { notes.append("\(name.text) (\(language)) \(type): \(value)") }
                    else { tally.add("dropped <\(tag)\(tag == type ? "" : " type=\"\(type)\"")>", at: location(part)) }
                }
            }
            if let onomaType { name.type = onomaType }
            if name.status == .preferred, !preferredLanguages.insert(language.lowercased()).inserted {
                name.status = .admitted
                tally.add("a second preferred term in one language was imported as admitted", at: location(node))
            }
            return name
        }

        mutating func status(_ value: String, at node: XML.Node) -> NameStatus {
            let v = value.replacingOccurrences(of: "-admn-sts", with: "").replacingOccurrences(of: "Term", with: "").lowercased()
            switch v {
            case "preferred": return .preferred
            case "standardized": tally.add("standardizedTerm read as preferred", at: location(node)); return .preferred
            case "admitted": return .admitted
            case "deprecated": return .deprecated
            case "superseded": tally.add("supersededTerm read as deprecated", at: location(node)); return .deprecated
            default: tally.add("unknown administrative status '\(value)' read as admitted", at: location(node)); return .admitted
            }
        }

        func termType(_ value: String) -> NameType {
            switch value {
            case "abbreviation", "acronym", "initialism", "shortForm", "clippedTerm", "shortcut": .abbreviation
            case "variant", "synonym", "transliteratedForm", "transcribedForm", "commonName": .alias
            default: .full
            }
        }
    }
}

extension String {
    /// Without leading and trailing XML whitespace.
    var trimmingWhitespace: String {
        let ws: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
        var s = Substring(self)
        while let f = s.first, ws.contains(f) { s.removeFirst() }
        while let l = s.last, ws.contains(l) { s.removeLast() }
        return String(s)
    }
}
