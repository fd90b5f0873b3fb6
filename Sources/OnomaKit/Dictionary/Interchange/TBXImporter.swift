import CLibXML2

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
        // Streaming: each termEntry is built as a small tree, converted, and dropped, so memory
        // stays bounded by the largest entry, not the file.
        let parser = XML.Parser(source: XML.DataSource(bytes), file: path, limits: XML.Limits(maxDepth: 64))
        parser.allowsExternalDoctype = true
        let builder = TBXTreeBuilder(path: path, name: name, kind: kind)
        parser.parse(delegate: builder)
        // An external DOCTYPE is never loaded, so an entity it may declare stays undeclared:
        // refuse rather than silently drop the reference.
        let undeclared = parser.collector.issues.filter { $0.code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue) }
        let fatal = parser.collector.issues.filter { $0.level >= .error }
        if !fatal.isEmpty || !undeclared.isEmpty {
            throw InterchangeError(diagnostics: (undeclared.map { issue in
                var d = GlossaryLoader.diagnostic(for: issue)
                d.severity = .error
                d.message += "; Onoma never loads DTDs: write the character itself or a character reference"
                return d
            } + fatal.map(GlossaryLoader.diagnostic(for:))))
        }
        if let error = builder.error { throw error }
        guard builder.sawBody else {
            throw InterchangeError(file: path, code: "not-tbx", message: "no <text><body> in this TBX file")
        }
        return ImportResult(glossary: builder.glossary, warnings: builder.reader.tally.diagnostics())
    }

    /// Element names, as sets built once.
    enum Names {
        static let topLevel: Set<String> = ["termEntry", "conceptEntry", "martifHeader", "tbxHeader"]
        static let dataCategories: Set<String> = ["termNote", "descrip", "admin", "transac", "transacNote", "ref", "xref"]
        static let descriptive: Set<String> = ["definition", "subjectField", "context", "explanation", "source"]
        static let terms: Set<String> = ["tig", "ntig", "termSec"]
        static let auxGroups: Set<String> = ["descripGrp", "adminGrp", "noteGrp"]
        static let termGroups: Set<String> = ["termGrp", "descripGrp", "adminGrp", "noteGrp"]
        /// Containers whose own text is only indentation.
        static let containers: Set<String> = ["termEntry", "conceptEntry", "langSet", "langSec", "tig", "ntig", "termSec", "termGrp",
                                              "descripGrp", "adminGrp", "transacGrp", "noteGrp", "martifHeader", "tbxHeader",
                                              "fileDesc", "titleStmt", "sourceDesc", "encodingDesc", "termCompList"]
    }

    /// One element of a TBX entry or header, as much as the import needs.
    struct Element {
        var localName: String
        /// Whether the element is in a namespace other than TBX v3's (a DCT data category).
        var foreign: Bool
        var type: String?
        var id: String?
        var lang: String?
        var line: Int
        /// All descendant text, in order.
        var text = ""
        var children: [Element] = []
        /// Whether its text matters (containers hold only indentation).
        var keepsText = true

        var textContent: String { text }
        var elementChildren: [Element] { children }
        func attribute(_ name: String) -> String? { name == "type" ? type : name == "id" ? id : nil }
    }

    /// Builds one `Element` tree per entry (and one for the header) from SAX events.
    final class TBXTreeBuilder: XML.SAXDelegate {
        var glossary: Glossary
        var reader: Reader
        var error: InterchangeError?
        var sawBody = false
        private var depth = 0
        private var stack: [Element] = []
        /// The depth at which each element on `stack` started.
        private var stackDepths: [Int] = []
        private let path: String

        init(path: String, name: String, kind: EntryKind) {
            self.path = path
            glossary = Glossary(name: name, source: path)
            reader = Reader(path: path, defaultKind: kind, fileLanguage: nil)
        }

        func startElement(_ tag: XML.StartTag, parser: XML.Parser) {
            depth += 1
            let local = tag.name
            if depth == 1 {
                guard local == "martif" || local == "tbx" else {
                    error = InterchangeError(file: path, line: parser.tagLine, column: parser.tagColumn, code: "not-tbx",
                                             message: "the root element is <\(local)>; a TBX file starts with <martif> (TBX v2) or <tbx> (TBX v3)")
                    parser.stop()
                    return
                }
                reader.fileLanguage = tag.attributes.first { $0.isNamed("lang", namespace: "http://www.w3.org/XML/1998/namespace") }?.value
                return
            }
            if stack.isEmpty {
                if local == "body" { sawBody = true }
                guard Names.topLevel.contains(local) else { return }
            }
            var element = Element(localName: local, foreign: tag.namespace != nil && tag.namespaceURI != TBXVersion.v3Namespace, line: parser.tagLine)
            element.keepsText = !Names.containers.contains(local)
            for a in tag.attributes {
                if a.isNamed("type") { element.type = a.value }
                else if a.isNamed("id") { element.id = a.value }
                else if a.isNamed("lang", namespace: "http://www.w3.org/XML/1998/namespace") { element.lang = a.value }
            }
            stack.append(element)
            stackDepths.append(depth)
        }

        func endElement(localName: UnsafePointer<UInt8>, depth: Int, parser: XML.Parser) {
            defer { self.depth -= 1 }
            // Only the elements of entries and the header are on the stack.
            guard stackDepths.last == self.depth else { return }
            stackDepths.removeLast()
            let element = stack.removeLast()
            if var parent = stack.popLast() {
                if parent.keepsText { parent.text += element.text }
                parent.children.append(element)
                stack.append(parent)
                return
            }
            switch element.localName {
            case "martifHeader", "tbxHeader": readHeader(element)
            default: if let entry = reader.entry(element) { glossary.entries.append(entry) }
            }
        }

        func characters(_ text: UnsafeBufferPointer<UInt8>, parser: XML.Parser) {
            guard let last = stack.last, last.keepsText else { return }
            stack[stack.count - 1].text += String(decoding: text, as: UTF8.self)
        }

        private func readHeader(_ header: Element) {
            for fileDesc in header.children where fileDesc.localName == "fileDesc" {
                for part in fileDesc.children {
                    if part.localName == "titleStmt", let title = part.children.first(where: { $0.localName == "title" }) { glossary.title = title.text }
                    if part.localName == "sourceDesc" {
                        for p in part.children where p.localName == "p" && p.text.hasPrefix("onoma-glossary: ") {
                            glossary.name = String(p.text.dropFirst("onoma-glossary: ".count))
                        }
                    }
                }
            }
        }
    }

    /// Walks entries, keeping the state shared between them.
    struct Reader {
        let path: String
        let defaultKind: EntryKind
        var fileLanguage: String?
        var usedIDs: Set<String> = []
        var tally = ImportSupport.WarningTally()
        var count = 0

        static let structural: Set<String> = ["termEntry", "conceptEntry", "langSet", "langSec", "tig", "ntig", "termSec", "termGrp", "term",
                                              "descripGrp", "adminGrp", "transacGrp", "noteGrp", "termCompList"]

        func location(_ node: Element) -> SourceLocation { SourceLocation(file: path, line: node.line, column: 1) }

        /// (type, value) of a data-category element: `<termNote type="X">` (DCA) or
        /// `<ns:X>` (DCT); nil for structural elements.
        func category(_ node: Element) -> (type: String, element: String)? {
            let local = node.localName
            if Reader.structural.contains(local) { return nil }
            if Names.dataCategories.contains(local) {
                return (node.attribute("type") ?? local, local)
            }
            if node.foreign {
                // DCT style: the element is named after its data category.
                return (local, Names.descriptive.contains(local) ? "descrip" : "termNote")
            }
            return (local, local) // note, date
        }

        mutating func entry(_ element: Element) -> GlossaryEntry? {
            count += 1
            var kind: EntryKind?
            var names: [NameForm] = []
            var notes: [String] = []
            var preferredLanguages: Set<String> = []
            for child in element.elementChildren {
                let local = child.localName
                if local == "langSet" || local == "langSec" {
                    guard let language = child.lang ?? fileLanguage else {
                        tally.add("dropped a <\(local)> without xml:lang", at: location(child))
                        continue
                    }
                    for part in child.elementChildren {
                        if Names.terms.contains(part.localName) {
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
        mutating func aux(_ node: Element, prefix: String, into notes: inout [String]) {
            if Names.auxGroups.contains(node.localName) {
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

        mutating func term(_ node: Element, language: String, preferredLanguages: inout Set<String>, notes: inout [String]) -> NameForm? {
            // ntig keeps term and termNotes in a termGrp; flatten it.
            var parts: [Element] = []
            func flatten(_ n: Element) {
                if Names.termGroups.contains(n.localName) { n.elementChildren.forEach(flatten) } else { parts.append(n) }
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

        mutating func status(_ value: String, at node: Element) -> NameStatus {
            // The usual values first, without string processing (this runs once per term).
            switch value {
            case "preferredTerm-admn-sts": return .preferred
            case "admittedTerm-admn-sts": return .admitted
            case "deprecatedTerm-admn-sts": return .deprecated
            default: break
            }
            var v = value.lowercased()
            if v.hasSuffix("-admn-sts") { v.removeLast("-admn-sts".count) }
            if v.hasSuffix("term") { v.removeLast("term".count) }
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
    /// Without leading and trailing XML whitespace (space, tab, CR, LF).
    var trimmingWhitespace: String {
        let u = utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = u.first, let last = u.last, isSpace(first) || isSpace(last) else { return self }
        var start = u.startIndex, end = u.endIndex
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(self[start..<end])
    }
}
