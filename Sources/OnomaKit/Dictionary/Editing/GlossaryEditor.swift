/// Edits a glossary file's DOM in place and keeps everything it does not touch: comments, entry
/// order, unknown content, the XML declaration and the surrounding indentation. New elements
/// copy the indentation of their neighbours. Only `format()` reindents or reorders.
///
/// Typical use: `let e = try GlossaryEditor(bytes:path:)`, one or more operations, then
/// `e.serialized()`; `GlossaryFile.edit` wraps this with locking, validation and an atomic write.
///
/// Complexity: parsing and serialising are linear in the file size; each operation is O(1) in
/// the number of entries (an id index) plus the size of the entry it changes.
public final class GlossaryEditor {
    /// The document being edited.
    public let document: GlossaryDocument
    private var ns: String { GlossaryDocument.namespace }

    /// Parses the glossary to edit.
    /// - Throws: `GlossaryEditError` (`.invalidInput`) when it is not a readable glossary.
    public init(bytes: [UInt8], path: String) throws(GlossaryEditError) {
        document = try GlossaryDocument(bytes: bytes, path: path)
    }

    /// The edited file's bytes.
    public func serialized() -> [UInt8] { document.xml.serialized() }

    // MARK: add

    /// Appends a new entry after the last entry.
    /// - Throws: `GlossaryEditError` (`.conflict`) when the id exists; (`.badRequest`) when the
    ///   entry has no id or no name.
    public func add(_ entry: GlossaryEntry) throws(GlossaryEditError) {
        if let existing = document.entryElement(id: entry.id) {
            throw GlossaryEditError(.conflict, file: document.path, line: existing.line, code: "duplicate-id",
                                    message: "an entry with id '\(entry.id)' already exists; change it with `onoma dict set` or choose another id")
        }
        guard !entry.id.isEmpty else { throw request("an entry needs an id (--id)") }
        guard !entry.names.isEmpty else { throw request("entry '\(entry.id)' needs at least one name (--name LANG:TEXT)") }
        let root = document.root
        let layout = Layout(root: root, entries: document.entryElements)
        let element = root.makeSiblingElement("entry")
        element.setAttribute("id", entry.id)
        element.setAttribute("kind", entry.kind.rawValue)
        for name in entry.names {
            element.append(element.makeText(layout.childSpace))
            element.append(makeName(NameUpdate(language: name.language, text: name.text, status: name.status, type: name.type,
                                               family: name.family, given: name.given, scheme: name.scheme), in: element))
        }
        for note in entry.notes {
            element.append(element.makeText(layout.childSpace))
            element.appendElement("note", text: note)
        }
        element.append(element.makeText(layout.closingSpace))
        if let anchor = layout.anchor {
            anchor.insertAfter(element)
            anchor.insertAfter(anchor.makeText(layout.entrySpace))
        } else if let last = root.lastChild, last.isWhitespace {
            last.insertBefore(last.makeText(layout.entrySpace))
            last.insertBefore(element)
        } else {
            root.append(root.makeText(layout.entrySpace))
            root.append(element)
            root.append(root.makeText("\n"))
        }
        document.register(element, id: entry.id)
    }

    // MARK: remove

    /// Removes entries, with the whitespace that indented them (comments are kept).
    /// - Throws: `GlossaryEditError` (`.notFound`) naming every id that does not exist; nothing is
    ///   removed then.
    public func remove(ids: [String]) throws(GlossaryEditError) {
        let missing = ids.filter { document.entryElement(id: $0) == nil }
        guard missing.isEmpty else {
            throw GlossaryEditError(.notFound, diagnostics: missing.map {
                Diagnostic(file: document.path, line: 1, column: 1, severity: .error, code: "no-such-entry", message: "no entry has id '\($0)'")
            })
        }
        for id in ids {
            guard let element = document.entryElement(id: id) else { continue }
            removeWithIndentation(element)
            document.unregister(id: id)
            // A duplicated id: index the next element with it, so a second removal finds it.
            if let other = document.entryElements.first(where: { $0.attribute("id") == id }) { document.register(other, id: id) }
        }
    }

    // MARK: set

    /// Changes one entry: kind, names (added or updated), removed names, notes.
    /// - Throws: `GlossaryEditError` (`.notFound`) when the entry, a name or a note to remove
    ///   does not exist; nothing is changed then.
    public func update(id: String, _ change: EntryChange) throws(GlossaryEditError) {
        guard let element = document.entryElement(id: id) else {
            throw GlossaryEditError(.notFound, file: document.path, code: "no-such-entry", message: "no entry has id '\(id)'; add it with `onoma dict add`")
        }
        guard !change.isEmpty else { throw request("nothing to change: give --kind, --name, --remove-name, --note, --remove-note or --clear-notes") }
        let names = { element.elementChildren.filter { $0.isElement("name", namespace: self.ns) } }
        let notes = { element.elementChildren.filter { $0.isElement("note", namespace: self.ns) } }
        func find(_ key: NameKey) -> XML.Node? {
            names().first { sameLanguage($0.attribute("lang", namespace: XML.xmlNamespace), key.language) && $0.textContent == key.text }
        }
        // Check everything first so that a failed request changes nothing.
        var missing: [String] = []
        for key in change.removedNames where find(key) == nil { missing.append("entry '\(id)' has no name \(key.language):\(key.text)") }
        if !change.clearNotes {
            for note in change.removedNotes where !notes().contains(where: { $0.textContent == note }) { missing.append("entry '\(id)' has no note \"\(note)\"") }
        }
        guard missing.isEmpty else {
            throw GlossaryEditError(.notFound, diagnostics: missing.map {
                Diagnostic(file: document.path, line: element.line, column: 1, severity: .error, code: "no-such-item", message: $0)
            })
        }
        if let kind = change.kind { element.setAttribute("kind", kind.rawValue) }
        for key in change.removedNames { if let n = find(key) { removeWithIndentation(n) } }
        for update in change.names {
            if let existing = find(NameKey(language: update.language, text: update.text)) {
                apply(update, to: existing)
            } else {
                let sameLanguageNames = names().filter { sameLanguage($0.attribute("lang", namespace: XML.xmlNamespace), update.language) }
                insertChild(makeName(update, in: element), into: element, after: sameLanguageNames.last ?? names().last)
            }
        }
        if change.clearNotes { for n in notes() { removeWithIndentation(n) } }
        for text in change.removedNotes where !change.clearNotes {
            if let n = notes().first(where: { $0.textContent == text }) { removeWithIndentation(n) }
        }
        for text in change.addedNotes {
            let note = element.makeSiblingElement("note")
            note.appendText(text)
            insertChild(note, into: element, after: notes().last ?? names().last)
        }
    }

    // MARK: helpers

    private func request(_ message: String) -> GlossaryEditError {
        GlossaryEditError(.badRequest, file: document.path, code: "bad-request", message: message)
    }

    private func sameLanguage(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        return a.lowercased() == b.lowercased()
    }

    /// A new `<name>` with attributes in canonical order; defaults are not written.
    private func makeName(_ update: NameUpdate, in parent: XML.Node) -> XML.Node {
        let name = parent.makeSiblingElement("name")
        name.setAttribute("lang", update.language, namespace: XML.xmlNamespace)
        if let s = update.status, s != .admitted { name.setAttribute("status", s.rawValue) }
        if let t = update.type, t != .full { name.setAttribute("type", t.rawValue) }
        for (attr, value) in [("family", update.family), ("given", update.given), ("scheme", update.scheme)] {
            if let value, !value.isEmpty { name.setAttribute(attr, value) }
        }
        name.appendText(update.text)
        return name
    }

    private func apply(_ update: NameUpdate, to name: XML.Node) {
        // A new attribute goes to its canonical place when the name's attributes were in
        // canonical order; a hand-made order is left alone (new ones then come last).
        let order = GlossaryEditor.attributeOrder["name"]!
        let rank: (String, String?) -> Int = { n, _ in order.firstIndex(of: n) ?? order.count }
        let before = name.attributeNames.map { rank($0, nil) }
        let wasCanonical = before == before.sorted()
        defer { if wasCanonical { name.sortAttributes(by: rank) } }
        if let s = update.status {
            if s == .admitted && name.attribute("status") == nil {} else { name.setAttribute("status", s.rawValue) }
        }
        if let t = update.type {
            if t == .full && name.attribute("type") == nil {} else { name.setAttribute("type", t.rawValue) }
        }
        for (attr, value) in [("family", update.family), ("given", update.given), ("scheme", update.scheme)] {
            guard let value else { continue }
            if value.isEmpty { name.removeAttribute(attr) } else { name.setAttribute(attr, value) }
        }
    }

    /// Inserts `child` after `anchor` (or first) with the same leading whitespace as `anchor`.
    private func insertChild(_ child: XML.Node, into parent: XML.Node, after anchor: XML.Node?) {
        let layout = Layout(root: document.root, entries: [parent])
        if let anchor {
            let space = anchor.previous.flatMap { $0.isWhitespace ? $0.textContent : nil } ?? layout.childSpace
            anchor.insertAfter(child)
            anchor.insertAfter(anchor.makeText(space))
        } else if let first = parent.firstChild {
            if first.isWhitespace {
                first.insertAfter(child)
                first.insertAfter(first.makeText(first.textContent))
            } else {
                first.insertBefore(first.makeText(layout.childSpace))
                first.insertBefore(child)
            }
        } else {
            parent.append(parent.makeText(layout.childSpace))
            parent.append(child)
            parent.append(parent.makeText(layout.closingSpace))
        }
    }

    /// Unlinks a node together with the whitespace text node before it.
    private func removeWithIndentation(_ node: XML.Node) {
        if let before = node.previous, before.isWhitespace { before.remove() }
        node.remove()
    }

    /// The whitespace conventions of a file, read from its last entry.
    struct Layout {
        /// Whitespace before an `<entry>` (e.g. "\n  ").
        var entrySpace = "\n  "
        /// Whitespace before a child of an entry (e.g. "\n    ").
        var childSpace = "\n    "
        /// Whitespace before `</entry>` (e.g. "\n  ").
        var closingSpace = "\n  "
        /// The node to insert a new entry after.
        var anchor: XML.Node?

        init(root: XML.Node, entries: [XML.Node]) {
            anchor = entries.last ?? root.elementChildren.last
            if let anchor, let space = anchor.previous, space.isWhitespace {
                entrySpace = space.textContent
            }
            let indent = String(entrySpace.split(separator: "\n", omittingEmptySubsequences: false).last ?? "  ")
            closingSpace = "\n" + indent
            childSpace = "\n" + indent + (indent.isEmpty ? "  " : String(indent.prefix(indent.first == "\t" ? 1 : 2)))
            if let entry = entries.last {
                if let first = entry.firstChild, first.isWhitespace { childSpace = first.textContent }
                if let last = entry.lastChild, last.isWhitespace { closingSpace = last.textContent }
            }
        }
    }
}
