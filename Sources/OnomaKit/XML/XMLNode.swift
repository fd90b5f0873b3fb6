import CLibXML2

extension XML {
    /// A node of an `XML.Document`. Holds its document alive; valid until removed.
    public struct Node {
        let pointer: xmlNodePtr
        /// The document this node belongs to.
        public let document: Document

        init(_ pointer: xmlNodePtr, in document: Document) {
            self.pointer = pointer
            self.document = document
        }

        /// What a node is, as far as editing cares.
        public enum Kind: Sendable { case element, text, comment, other }

        /// The node's kind (CDATA counts as text).
        public var kind: Kind {
            switch pointer.pointee.type {
            case XML_ELEMENT_NODE: .element
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
            case XML_COMMENT_NODE: .comment
            default: .other
            }
        }

        /// The local name of an element (`entry`), empty for other nodes.
        public var localName: String {
            kind == .element ? String(cString: pointer.pointee.name) : ""
        }

        /// The namespace URI of an element, if any.
        public var namespaceURI: String? {
            pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
        }

        /// Whether this is an element named `name` in `namespace`.
        public func isElement(_ name: String, namespace: String?) -> Bool {
            guard pointer.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(pointer.pointee.name, name) != 0 else { return false }
            guard let namespace else { return pointer.pointee.ns == nil }
            guard let href = pointer.pointee.ns?.pointee.href else { return false }
            return xmlStrEqual(href, namespace) != 0
        }

        /// The 1-based line of the node in the parsed file (capped at 65535 by libxml2's DOM).
        public var line: Int { Int(xmlGetLineNo(pointer)) }

        /// The text content (all descendant text, entities never expanded).
        public var textContent: String {
            guard let c = xmlNodeGetContent(pointer) else { return "" }
            defer { freeXMLString(c) }
            return String(cString: c)
        }

        /// For a text node: whether it is only XML whitespace.
        public var isWhitespace: Bool {
            guard kind == .text, pointer.pointee.type == XML_TEXT_NODE else { return false }
            return xmlIsBlankNode(pointer) != 0
        }

        /// The parent node, if it is an element.
        public var parent: Node? {
            guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
            return Node(p, in: document)
        }
        /// The next sibling.
        public var next: Node? { pointer.pointee.next.map { Node($0, in: document) } }
        /// The previous sibling.
        public var previous: Node? { pointer.pointee.prev.map { Node($0, in: document) } }
        /// The first child.
        public var firstChild: Node? { pointer.pointee.children.map { Node($0, in: document) } }
        /// The last child.
        public var lastChild: Node? { pointer.pointee.last.map { Node($0, in: document) } }

        /// All children in order.
        public var children: [Node] {
            var result: [Node] = []
            var c = pointer.pointee.children
            while let n = c { result.append(Node(n, in: document)); c = n.pointee.next }
            return result
        }

        /// Element children in order.
        public var elementChildren: [Node] { children.filter { $0.kind == .element } }

        /// An attribute value: `namespace` nil for an unqualified attribute.
        public func attribute(_ name: String, namespace: String? = nil) -> String? {
            let value = namespace.map { xmlGetNsProp(pointer, name, $0) } ?? xmlGetNoNsProp(pointer, name)
            guard let value else { return nil }
            defer { freeXMLString(value) }
            return String(cString: value)
        }

        /// Sets an attribute, keeping its position if it exists, appending it otherwise.
        /// `namespace` must be declared in scope (the XML namespace always is).
        public func setAttribute(_ name: String, _ value: String, namespace: String? = nil) {
            if let namespace, let ns = xmlSearchNsByHref(document.pointer, pointer, namespace) {
                xmlSetNsProp(pointer, ns, name, value)
            } else {
                xmlSetProp(pointer, name, value)
            }
        }

        /// Removes an attribute if present.
        public func removeAttribute(_ name: String, namespace: String? = nil) {
            let attr = namespace.map { xmlHasNsProp(pointer, name, $0) } ?? xmlHasNsProp(pointer, name, nil)
            if let attr { xmlRemoveProp(attr) }
        }

        /// The local names of the attributes, in order.
        public var attributeNames: [String] {
            var names: [String] = []
            var a = pointer.pointee.properties
            while let x = a { names.append(String(cString: x.pointee.name)); a = x.pointee.next }
            return names
        }

        /// Reorders the attributes with a stable sort by `rank(localName, namespaceURI)`.
        public func sortAttributes(by rank: (String, String?) -> Int) {
            var attrs: [xmlAttrPtr] = []
            var a = pointer.pointee.properties
            while let x = a { attrs.append(x); a = x.pointee.next }
            guard attrs.count > 1 else { return }
            let ranked = attrs.enumerated().map { (i, x) -> (Int, Int, xmlAttrPtr) in
                (rank(String(cString: x.pointee.name), x.pointee.ns?.pointee.href.map { String(cString: $0) }), i, x)
            }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            for (i, x) in ranked.enumerated() {
                x.pointee.prev = i > 0 ? ranked[i - 1] : nil
                x.pointee.next = i + 1 < ranked.count ? ranked[i + 1] : nil
            }
            pointer.pointee.properties = ranked[0]
        }

        /// Creates an element in the same namespace as `self` (unattached until inserted).
        public func makeSiblingElement(_ name: String) -> Node {
            let n = xmlNewDocNode(document.pointer, pointer.pointee.ns, name, nil)!
            return Node(n, in: document)
        }

        /// Creates an element in this element's namespace and appends it as the last child.
        @discardableResult
        public func appendElement(_ name: String, text: String? = nil) -> Node {
            let n = xmlNewDocNode(document.pointer, pointer.pointee.ns, name, nil)!
            xmlAddChild(pointer, n)
            let node = Node(n, in: document)
            if let text { node.appendText(text) }
            return node
        }

        /// Appends a text node (escaped when serialised).
        public func appendText(_ text: String) {
            xmlAddChild(pointer, xmlNewDocText(document.pointer, text))
        }

        /// Inserts `node` (unattached, or moved) right after `self`.
        public func insertAfter(_ node: Node) { xmlAddNextSibling(pointer, node.pointer) }
        /// Inserts `node` (unattached, or moved) right before `self`.
        public func insertBefore(_ node: Node) { xmlAddPrevSibling(pointer, node.pointer) }
        /// Appends `node` as the last child of `self`.
        public func append(_ node: Node) { xmlAddChild(pointer, node.pointer) }

        /// Creates an unattached text node in this document.
        public func makeText(_ text: String) -> Node {
            Node(xmlNewDocText(document.pointer, text), in: document)
        }

        /// Deep-copies `node` (possibly from another document) for insertion under `self`:
        /// namespaces are reconciled with those in scope here, so no redundant `xmlns` appears.
        /// The copy is unattached until inserted.
        public func importCopy(of node: Node) -> Node {
            // xmlDocCopyNode, then namespaces pointed at the declarations in scope here.
            // (xmlDOMWrapCloneNode does this itself but interns every string in the
            // document's dictionary, which made merging 100,000 entries take half a minute.)
            let copy = xmlDocCopyNode(node.pointer, document.pointer, 1)!
            func repoint(_ n: xmlNodePtr) {
                if n.pointee.type == XML_ELEMENT_NODE {
                    if let ns = n.pointee.ns, let href = ns.pointee.href, let inScope = xmlSearchNsByHref(document.pointer, pointer, href),
                       xmlStrEqual(inScope.pointee.prefix, ns.pointee.prefix) != 0 || (inScope.pointee.prefix == nil && ns.pointee.prefix == nil) {
                        n.pointee.ns = inScope
                    }
                    var child = n.pointee.children
                    while let c = child { repoint(c); child = c.pointee.next }
                }
            }
            repoint(copy)
            // Drop declarations on the copy that the scope here already makes (now unused).
            var previous: xmlNsPtr?
            var def = copy.pointee.nsDef
            while let d = def {
                let next = d.pointee.next
                if let href = d.pointee.href, let inScope = xmlSearchNsByHref(document.pointer, pointer, href), inScope != d,
                   xmlStrEqual(inScope.pointee.prefix, d.pointee.prefix) != 0 || (inScope.pointee.prefix == nil && d.pointee.prefix == nil),
                   !Node.uses(copy, d) {
                    if let previous { previous.pointee.next = next } else { copy.pointee.nsDef = next }
                    d.pointee.next = nil
                    xmlFreeNs(d)
                } else {
                    previous = d
                }
                def = next
            }
            return Node(copy, in: document)
        }

        /// Whether any element or attribute in the subtree of `n` refers to `ns`.
        static func uses(_ n: xmlNodePtr, _ ns: xmlNsPtr) -> Bool {
            if n.pointee.ns == ns { return true }
            var a = n.pointee.properties
            while let x = a { if x.pointee.ns == ns { return true }; a = x.pointee.next }
            var child = n.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, uses(c, ns) { return true }
                child = c.pointee.next
            }
            return false
        }

        /// Unlinks and frees the node; it must not be used afterwards.
        public func remove() {
            xmlUnlinkNode(pointer)
            xmlFreeNode(pointer)
        }

        /// Replaces the node's children with one text node.
        public func setText(_ text: String) {
            while let c = pointer.pointee.children {
                xmlUnlinkNode(c)
                xmlFreeNode(c)
            }
            appendText(text)
        }
    }
}

/// Frees a string libxml2 allocated for the caller with its own `xmlFree` (a C global, which
/// Swift 6 cannot read directly).
private func freeXMLString(_ p: UnsafeMutablePointer<xmlChar>) {
    var function: xmlFreeFunc?
    xmlMemGet(&function, nil, nil, nil)
    function?(p)
}
