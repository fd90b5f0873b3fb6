extension GlossaryEditor {
    /// The canonical attribute order of each glossary element; unknown attributes follow in
    /// their original order.
    static let attributeOrder: [String: [String]] = [
        "glossary": ["name"],
        "entry": ["id", "kind"],
        "name": ["lang", "status", "type", "family", "given", "scheme"],
    ]

    /// The glossary elements whose content is text (read by the loader as the element's value).
    static let textElements: Set<String> = ["name", "note", "title"]

    /// Rewrites the file in canonical form: the XML declaration `<?xml version="1.0"
    /// encoding="UTF-8"?>`, two-space indentation, one element or comment per line, attributes
    /// in canonical order, LF line ends, a final newline. Text content, comments, entry order
    /// and unknown elements are kept; elements with mixed content, and the content of names,
    /// notes and the title, are left as they are.
    /// Idempotent: formatting a formatted file changes nothing.
    public func format() {
        reindent(document.root, depth: 0)
        document.xml.useCanonicalProlog()
    }

    private func reindent(_ element: XML.Node, depth: Int) {
        if element.namespaceURI == GlossaryDocument.namespace, let order = GlossaryEditor.attributeOrder[element.localName] {
            element.sortAttributes { name, namespace in
                let key = namespace == XML.xmlNamespace ? name : (namespace == nil ? name : "{\(namespace!)}\(name)")
                return order.firstIndex(of: key) ?? order.count
            }
        }
        // The text of a name, note or title is its value, whitespace included: indenting a child
        // element or comment inside one would change what the loader reads.
        if element.namespaceURI == GlossaryDocument.namespace, GlossaryEditor.textElements.contains(element.localName) { return }
        let children = element.children
        let structural = children.contains { $0.kind == .element || $0.kind == .comment }
        let mixed = children.contains { $0.kind == .text && !$0.isWhitespace }
        guard structural, !mixed else { return }
        for child in children where child.isWhitespace { child.remove() }
        let inner = "\n" + String(repeating: "  ", count: depth + 1)
        for child in element.children {
            child.insertBefore(child.makeText(inner))
            if child.kind == .element { reindent(child, depth: depth + 1) }
        }
        element.append(element.makeText("\n" + String(repeating: "  ", count: depth)))
    }
}
