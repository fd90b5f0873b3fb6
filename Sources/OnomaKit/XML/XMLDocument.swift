import CLibXML2

extension XML {
    /// An XML document held as a libxml2 DOM, for editing. The handle owns its `xmlDocPtr`
    /// (freed in `deinit`); `Node`s keep their document alive.
    ///
    /// Parsing follows the hostile-input policy: only `XML_PARSE_NONET`, no DTD loading, no
    /// entity expansion, every external entity refused, and a DOCTYPE refused (or, for files
    /// from other tools, accepted only without an internal subset).
    ///
    /// Serialising keeps what libxml2's DOM does not store: the bytes before the root element
    /// (XML declaration, comments, blank lines) are written back verbatim, CRLF line ends are
    /// kept, and so is the presence or absence of a final newline.
    ///
    /// Not `Sendable`: a DOM is mutable shared state; use it from one task.
    public final class Document {
        let pointer: xmlDocPtr
        /// The file the document came from, for diagnostics.
        public let path: String
        /// The original bytes before the root element, written back verbatim (nil when the
        /// prolog holds a DOCTYPE, which is then serialised by libxml2).
        private var prolog: [UInt8]?
        private var usesCRLF: Bool
        private var endsWithNewline: Bool

        /// Parses a document.
        /// - Parameters:
        ///   - bytes: the document (UTF-8, or another encoding its declaration names).
        ///   - path: the file name used in diagnostics.
        ///   - doctype: what to do with a DOCTYPE declaration.
        /// - Throws: `XML.ParseError` with every diagnostic libxml2 reported (file:line:column)
        ///   when the document is not well-formed or the policy refuses it.
        public init(bytes: [UInt8], path: String, doctype: DoctypePolicy = .refuse) throws(ParseError) {
            XML.installSecurityPolicy()
            self.path = path
            let collector = ErrorCollector(file: path)
            guard bytes.count < Int(Int32.max) else {
                throw ParseError(issues: [Issue(file: path, line: 1, column: 1, level: .fatal, origin: .policy,
                                                message: "the document is larger than 2 GB (more than libxml2 can address); split it")])
            }
            guard let ctxt = xmlNewParserCtxt() else {
                throw ParseError(issues: [Issue(file: path, line: 0, column: 0, level: .fatal, origin: .policy, message: "cannot read: libxml2 could not allocate a parser")])
            }
            defer { xmlFreeParserCtxt(ctxt) }
            let state = DocumentParseState(collector: collector, doctype: doctype)
            let box = Unmanaged.passRetained(state)
            defer { box.release() }
            ctxt.pointee._private = box.toOpaque()
            ctxt.pointee.sax.pointee.internalSubset = Document.doctypeHandler
            // Errors go to libxml2's thread-local structured channel, which the collector holds
            // for the duration of the parse.
            let doc: xmlDocPtr? = collector.capturing {
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return nil }
                    return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlCtxtReadMemory(ctxt, $0, Int32(buffer.count), path, nil, Int32(XML_PARSE_NONET.rawValue))
                    }
                }
            }
            // An external DOCTYPE is never loaded, so an entity reference it might declare is
            // undeclared: refuse rather than silently drop the reference.
            let undeclaredEntity = collector.issues.contains { $0.code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue) }
            if collector.issues.contains(where: { $0.level >= .error }) || undeclaredEntity || doc == nil || ctxt.pointee.wellFormed == 0 {
                if let doc { xmlFreeDoc(doc) }
                var issues = collector.issues.compactMap { issue -> Issue? in
                    if issue.code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue) {
                        var refused = issue
                        refused.level = .fatal
                        refused.message += "; Onoma never loads DTDs: write the character itself or a character reference"
                        return refused
                    }
                    return issue.level >= .error ? issue : nil
                }
                if issues.isEmpty {
                    issues = [Issue(file: path, line: 1, column: 1, level: .fatal, origin: .policy, message: "the document is empty")]
                }
                throw ParseError(issues: issues)
            }
            pointer = doc!
            declaredEncoding = pointer.pointee.encoding.map { String(cString: $0) }
            // Without a declared encoding libxml2 writes every non-ASCII character of an
            // attribute as a character reference (`family="&#xAE40;"`), but not of text; the
            // document is UTF-8 (nothing else is read), so serialise it as such: attributes then
            // come out as written, and formatting is idempotent.
            if declaredEncoding == nil { pointer.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8")) }
            prolog = Document.prologBytes(bytes)
            if let lf = bytes.firstIndex(of: 0x0A) { usesCRLF = lf > 0 && bytes[lf - 1] == 0x0D } else { usesCRLF = false }
            endsWithNewline = bytes.last == 0x0A
        }

        /// Parses a document from a string (UTF-8).
        /// - Throws: `XML.ParseError`.
        public convenience init(string: String, path: String = "-", doctype: DoctypePolicy = .refuse) throws(ParseError) {
            try self.init(bytes: Array(string.utf8), path: path, doctype: doctype)
        }

        deinit { xmlFreeDoc(pointer) }

        /// Makes `serialized()` write a canonical prolog: `<?xml version="1.0" encoding="UTF-8"?>`,
        /// then each comment or processing instruction before the root on its own line; LF line
        /// ends and a final newline.
        public func useCanonicalProlog() {
            var text: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
            var node = pointer.pointee.children
            while let n = node, n.pointee.type != XML_ELEMENT_NODE {
                if n.pointee.type == XML_COMMENT_NODE || n.pointee.type == XML_PI_NODE {
                    text.append(contentsOf: Document.save { xmlSaveTree($0, n) })
                    text.append(0x0A)
                }
                node = n.pointee.next
            }
            prolog = text
            usesCRLF = false
            endsWithNewline = true
        }

        /// The root element.
        public var root: Node? {
            xmlDocGetRootElement(pointer).map { Node($0, in: self) }
        }

        /// The encoding named in the XML declaration, if any.
        public let declaredEncoding: String?

        /// The document as bytes: the original prolog verbatim, then the root element and
        /// whatever follows it as libxml2 writes them (UTF-8, no reformatting).
        public func serialized() -> [UInt8] {
            var out: [UInt8] = []
            guard let prolog, let root = xmlDocGetRootElement(pointer) else {
                return Document.save { xmlSaveDoc($0, pointer) }
            }
            out.reserveCapacity(prolog.count)
            out.append(contentsOf: prolog)
            var body = Document.save { xmlSaveTree($0, root) }
            var node = root.pointee.next
            while let n = node {
                body.append(0x0A)
                body.append(contentsOf: Document.save { xmlSaveTree($0, n) })
                node = n.pointee.next
            }
            if endsWithNewline { body.append(0x0A) }
            if usesCRLF {
                out.reserveCapacity(out.count + body.count + body.count / 16)
                for b in body {
                    if b == 0x0A { out.append(0x0D) }
                    out.append(b)
                }
            } else {
                out.append(contentsOf: body)
            }
            return out
        }

        /// Runs libxml2's serialiser (UTF-8 output, characters written as themselves, no
        /// declaration, no formatting) and returns its bytes.
        static func save(_ body: (xmlSaveCtxtPtr) -> Int) -> [UInt8] {
            // Written through an I/O callback into a growing Swift array: libxml2's own
            // xmlBuffer grows by exact reallocation, which is quadratic on a 50 MB document.
            final class Sink { var bytes: [UInt8] = [] }
            let sink = Sink()
            let box = Unmanaged.passRetained(sink)
            defer { box.release() }
            let write: xmlOutputWriteCallback = { context, buffer, length in
                guard let context, let buffer, length > 0 else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                }
                return length
            }
            guard let ctxt = xmlSaveToIO(write, nil, box.toOpaque(), "UTF-8", Int32(XML_SAVE_NO_DECL.rawValue | XML_SAVE_AS_XML.rawValue)) else { return [] }
            _ = body(ctxt)
            xmlSaveClose(ctxt)
            return sink.bytes
        }

        /// The bytes before the root element's `<`: BOM, XML declaration, comments, processing
        /// instructions and whitespace. Nil if anything else (a DOCTYPE) is there.
        static func prologBytes(_ bytes: [UInt8]) -> [UInt8]? {
            var i = 0
            let n = bytes.count
            if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
            func starts(_ s: String, at j: Int) -> Bool {
                let u = Array(s.utf8)
                return j + u.count <= n && Array(bytes[j..<j + u.count]) == u
            }
            func find(_ s: String, from j: Int) -> Int? {
                let u = Array(s.utf8)
                var k = j
                while k + u.count <= n {
                    if bytes[k] == u[0] && Array(bytes[k..<k + u.count]) == u { return k + u.count }
                    k += 1
                }
                return nil
            }
            while i < n {
                switch bytes[i] {
                case 0x20, 0x09, 0x0D, 0x0A: i += 1
                case UInt8(ascii: "<"):
                    if starts("<?", at: i) { guard let e = find("?>", from: i + 2) else { return nil }; i = e }
                    else if starts("<!--", at: i) { guard let e = find("-->", from: i + 4) else { return nil }; i = e }
                    else if starts("<!", at: i) { return nil }
                    else { return Array(bytes[0..<i]) }
                default: return nil
                }
            }
            return nil
        }

        /// The C callback for `sax->internalSubset`, called when `<!DOCTYPE name ids` has been
        /// read and before any internal subset: applies the DOCTYPE policy.
        static let doctypeHandler: internalSubsetSAXFunc = { ctx, _, _, _ in
            guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self), let box = ctxt.pointee._private else { return }
            let state = Unmanaged<DocumentParseState>.fromOpaque(box).takeUnretainedValue()
            let line = Int(xmlSAX2GetLineNumber(ctx)), column = Int(xmlSAX2GetColumnNumber(ctx))
            let hasInternalSubset = ctxt.pointee.input?.pointee.cur?.pointee == UInt8(ascii: "[")
            let message: String
            switch state.doctype {
            case .refuse:
                message = "DOCTYPE declarations are not allowed in Onoma dictionaries (they can declare entities that read files or expand without bound); remove the <!DOCTYPE ...> line"
            case .externalIdentifierOnly:
                // libxml2 only records the external identifiers; the DTD is never loaded.
                if !hasInternalSubset { return }
                message = "a DOCTYPE with an internal subset ([...]) is refused because it can declare entities; remove the [...] part"
            }
            state.collector.append(Issue(file: state.collector.file, line: max(1, line), column: max(1, column), level: .fatal, origin: .policy, message: message))
            xmlStopParser(ctxt)
        }
    }

    /// What to do with a `<!DOCTYPE>` declaration when parsing a DOM.
    public enum DoctypePolicy: Sendable {
        /// Refuse any DOCTYPE (glossaries).
        case refuse
        /// Accept `<!DOCTYPE root PUBLIC|SYSTEM "...">` without an internal subset, never loading
        /// the DTD (TBX files written by other tools carry one); refuse an internal subset,
        /// where entities could be declared.
        case externalIdentifierOnly
    }

    /// What the DOCTYPE callback needs, reached through the parser context's `_private`.
    final class DocumentParseState {
        let collector: ErrorCollector
        let doctype: DoctypePolicy
        init(collector: ErrorCollector, doctype: DoctypePolicy) {
            self.collector = collector
            self.doctype = doctype
        }
    }
}

@available(*, unavailable, message: "a DOM is mutable shared state; use it from one task")
extension XML.Document: Sendable {}
