import CLibXML2

/// A glossary held as a DOM (`XML.Document`) for editing: finds entries by id and reads the
/// model back from the elements.
public final class GlossaryDocument {
    /// The glossary namespace of contract section 2.
    public static let namespace = GlossaryLoader.namespace

    /// The DOM.
    public let xml: XML.Document
    /// The `<glossary>` element.
    public let root: XML.Node
    /// Entry elements by id (the first one when an id is duplicated).
    private(set) var index: [String: XML.Node] = [:]

    /// Parses a glossary for editing.
    /// - Throws: `GlossaryEditError` (`.invalidInput`) when the bytes are not well-formed XML,
    ///   the root is not `<glossary xmlns="urn:onoma:glossary:1">`, or the encoding is not UTF-8.
    public init(bytes: [UInt8], path: String) throws(GlossaryEditError) {
        do {
            xml = try XML.Document(bytes: bytes, path: path, doctype: .refuse)
        } catch {
            throw GlossaryEditError(.invalidInput, diagnostics: error.diagnostics)
        }
        guard let root = xml.root, root.isElement("glossary", namespace: GlossaryDocument.namespace) else {
            throw GlossaryEditError(.invalidInput, file: path, line: xml.root?.line ?? 1, code: "not-a-glossary",
                                    message: "the root element must be <glossary xmlns=\"\(GlossaryDocument.namespace)\">")
        }
        if let encoding = xml.declaredEncoding, encoding.uppercased() != "UTF-8", encoding.uppercased() != "UTF8" {
            throw GlossaryEditError(.invalidInput, file: path, code: "encoding",
                                    message: "only UTF-8 glossaries can be edited (this one declares \(encoding)); convert it with iconv first")
        }
        self.root = root
        for child in root.children where child.isElement("entry", namespace: GlossaryDocument.namespace) {
            if let id = child.attribute("id"), index[id] == nil { index[id] = child }
        }
    }

    /// The file name used in diagnostics.
    public var path: String { xml.path }

    /// Entry elements in document order.
    public var entryElements: [XML.Node] {
        root.children.filter { $0.isElement("entry", namespace: GlossaryDocument.namespace) }
    }

    /// The element of the entry with `id`. - Complexity: O(1).
    public func entryElement(id: String) -> XML.Node? { index[id] }

    func register(_ node: XML.Node, id: String) { index[id] = node }
    func unregister(id: String) { index[id] = nil }

    /// The whole glossary as a model.
    /// - Throws: `GlossaryEditError` (`.invalidInput`) for an unknown kind, status or type.
    public func glossary() throws(GlossaryEditError) -> Glossary {
        var entries: [GlossaryEntry] = []
        for element in entryElements { entries.append(try entry(from: element)) }
        let title = root.elementChildren.first { $0.isElement("title", namespace: GlossaryDocument.namespace) }?.textContent
        return Glossary(name: root.attribute("name") ?? "", title: title, entries: entries, source: path)
    }

    /// Reads one `<entry>` element as a model.
    /// - Throws: `GlossaryEditError` (`.invalidInput`) for an unknown kind, status or type.
    public func entry(from element: XML.Node) throws(GlossaryEditError) -> GlossaryEntry {
        let ns = GlossaryDocument.namespace
        func bad(_ node: XML.Node, _ message: String) -> GlossaryEditError {
            GlossaryEditError(.invalidInput, file: path, line: node.line, code: "invalid-value", message: message)
        }
        let id = element.attribute("id") ?? ""
        guard let kind = EntryKind(rawValue: element.attribute("kind") ?? "") else {
            throw bad(element, "entry '\(id)' has kind '\(element.attribute("kind") ?? "")'; use one of \(EntryKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var entry = GlossaryEntry(id: id, kind: kind, location: SourceLocation(file: path, line: element.line, column: 1))
        for child in element.elementChildren {
            if child.isElement("name", namespace: ns) {
                let statusText = child.attribute("status") ?? NameStatus.admitted.rawValue
                let typeText = child.attribute("type") ?? NameType.full.rawValue
                guard let status = NameStatus(rawValue: statusText) else { throw bad(child, "name status '\(statusText)' is unknown; use preferred, admitted or deprecated") }
                guard let type = NameType(rawValue: typeText) else { throw bad(child, "name type '\(typeText)' is unknown; use full, abbreviation, alias or former") }
                entry.names.append(NameForm(language: child.attribute("lang", namespace: XML.xmlNamespace) ?? "", text: child.textContent,
                                            status: status, type: type, family: child.attribute("family"), given: child.attribute("given"),
                                            scheme: child.attribute("scheme"), location: SourceLocation(file: path, line: child.line, column: 1)))
            } else if child.isElement("note", namespace: ns) {
                entry.notes.append(child.textContent)
            }
        }
        return entry
    }
}
