import CLibXML2

extension XML {
    /// Limits that bound the work a hostile document can cause.
    public struct Limits: Sendable, Hashable {
        /// Deepest element nesting accepted (libxml2's own limit, 256, is a backstop).
        public var maxDepth: Int
        /// Most bytes of text one element may hold.
        public var maxTextBytes: Int
        /// Most bytes a document may have.
        public var maxDocumentBytes: Int

        /// Creates limits.
        public init(maxDepth: Int = 32, maxTextBytes: Int = 1 << 20, maxDocumentBytes: Int = Int(Int32.max)) {
            self.maxDepth = maxDepth
            self.maxTextBytes = maxTextBytes
            self.maxDocumentBytes = maxDocumentBytes
        }
    }

    /// An attribute of a start tag, valid only during the ``XML/SAXDelegate`` call.
    public struct Attribute {
        /// The local name (NUL-terminated UTF-8).
        public let localName: UnsafePointer<UInt8>
        /// The namespace URI, nil when the attribute has no prefix.
        public let namespace: UnsafePointer<UInt8>?
        /// The value's bytes (not NUL-terminated).
        public let valueBytes: UnsafeBufferPointer<UInt8>

        /// Whether the attribute is `name` in no namespace.
        public func isNamed(_ name: StaticString) -> Bool {
            namespace == nil && cStringEquals(localName, name)
        }

        /// Whether the attribute is `name` in `namespace`.
        public func isNamed(_ name: StaticString, namespace uri: StaticString) -> Bool {
            guard let namespace else { return false }
            return cStringEquals(localName, name) && cStringEquals(namespace, uri)
        }

        /// The local name as a String.
        public var name: String { String(cString: localName) }

        /// The value as a String. libxml2 hands an `&` that was written `&amp;` or `&#38;` back
        /// as `&#38;` when entities are not substituted (it expects a tree builder to decode it
        /// again), so that sequence is decoded here.
        public var value: String {
            let text = String(decoding: valueBytes, as: UTF8.self)
            guard valueBytes.contains(0x26) else { return text }
            return text.replacingOccurrences(of: "&#38;", with: "&")
        }
    }

    /// A start tag, valid only during the ``XML/SAXDelegate`` call.
    public struct StartTag {
        /// The local name (NUL-terminated UTF-8).
        public let localName: UnsafePointer<UInt8>
        /// The namespace URI, nil when the element is in no namespace.
        public let namespace: UnsafePointer<UInt8>?
        fileprivate let attributeArray: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
        fileprivate let attributeCount: Int

        /// Whether the element is `name` in `namespace`.
        public func isNamed(_ name: StaticString, namespace uri: StaticString) -> Bool {
            guard let namespace else { return false }
            return cStringEquals(localName, name) && cStringEquals(namespace, uri)
        }

        /// The local name as a String.
        public var name: String { String(cString: localName) }

        /// The namespace URI as a String ("" for none).
        public var namespaceURI: String { namespace.map { String(cString: $0) } ?? "" }

        /// Calls `body` with each attribute, in document order, without allocating.
        public func forEachAttribute(_ body: (Attribute) -> Void) {
            guard let attributeArray else { return }
            for i in 0..<attributeCount {
                let base = attributeArray + 5 * i
                guard let local = base[0], let start = base[3], let end = base[4] else { continue }
                body(Attribute(localName: local, namespace: base[2], valueBytes: UnsafeBufferPointer(start: start, count: end - start)))
            }
        }

        /// The attributes, in document order.
        public var attributes: [Attribute] {
            guard let attributeArray else { return [] }
            var result: [Attribute] = []
            result.reserveCapacity(attributeCount)
            // libxml2 passes 5 pointers per attribute: localname, prefix, URI, value, value end.
            for i in 0..<attributeCount {
                let base = attributeArray + 5 * i
                guard let local = base[0], let start = base[3], let end = base[4] else { continue }
                result.append(Attribute(localName: local, namespace: base[2],
                                        valueBytes: UnsafeBufferPointer(start: start, count: end - start)))
            }
            return result
        }
    }

    /// Receives the events of an ``XML/Parser``. Pointers in the arguments are valid only during
    /// the call.
    public protocol SAXDelegate: AnyObject {
        /// An element starts.
        func startElement(_ tag: StartTag, parser: Parser)
        /// An element ends (`depth` is its nesting level, 1 for the root).
        func endElement(localName: UnsafePointer<UInt8>, depth: Int, parser: Parser)
        /// Text (character data, CDATA, or whitespace) inside the current element.
        func characters(_ text: UnsafeBufferPointer<UInt8>, parser: Parser)
    }

    /// A hardened, streaming SAX2 parse of one document (owns the `xmlParserCtxtPtr`).
    ///
    /// Applies the hostile-input policy of ``XML``: UTF-8 only, no DOCTYPE, no entity expansion,
    /// no network or external loads, bounded nesting and text. Errors (libxml2's and the
    /// policy's) go to ``collector``; the parse stops at the first fatal one. Optionally
    /// validates against a schema in the same pass (``XML/SchemaValidator``), reporting the real
    /// line and column of the offending tag.
    ///
    /// One parser parses one document, once.
    public final class Parser {
        /// Where every problem goes.
        public let collector: ErrorCollector
        /// The limits applied.
        public let limits: Limits
        /// Current element depth (1 inside the root element).
        @exclusivity(unchecked)
        public private(set) var depth = 0
        /// Called for each schema validity issue (already placed at its tag); return false to
        /// drop it (e.g. when the caller reports the same problem in its own words).
        public var schemaIssueFilter: ((Issue) -> Bool)?
        /// Accept a `<!DOCTYPE root PUBLIC|SYSTEM "...">` without internal subset, as TBX files
        /// written by other tools carry (the DTD is never loaded). An internal subset `[...]`,
        /// and so any entity declaration, is still refused. Off for dictionaries.
        public var allowsExternalDoctype = false

        private let source: ByteSource
        @exclusivity(unchecked)
        private var tracker = PositionTracker()
        private var context: xmlParserCtxtPtr?
        // Set for the duration of parse(delegate:) only, which the caller's argument outlives;
        // unowned(unsafe) because a retain/release per event is measurable on large files.
        private unowned(unsafe) var delegate: SAXDelegate?
        @exclusivity(unchecked)
        private var textBytes = 0
        private var pending: [UInt8] = []
        private var sourceEnded = false
        private var stopped = false
        /// Set when the document is refused by the policy, a fatal error occurred or the
        /// collector is full: the next read reports end of input so libxml2 winds down at once.
        private var halt: Bool { stopped || collector.hasFatal || collector.isFull }

        /// Prepares a parse of `source`; nothing is read until ``parse(delegate:validator:)``.
        /// - Parameters:
        ///   - file: the name put on issues.
        public init(source: ByteSource, file: String, limits: Limits = Limits()) {
            XML.installSecurityPolicy()
            self.source = source
            self.collector = ErrorCollector(file: file)
            self.limits = limits
        }

        deinit {
            if let context {
                // libxml2 builds a document of its own for an internal subset it reads before a
                // refusal stops the parse (an entity declaration needs somewhere to live); the
                // parser context does not own it, so free it here or it leaks.
                if let doc = context.pointee.myDoc {
                    context.pointee.myDoc = nil
                    xmlFreeDoc(doc)
                }
                xmlFreeParserCtxt(context)
            }
        }

        /// The line and column (in Unicode scalars) of the `<` of the tag that caused the
        /// current event. Computed on demand and cached for the event: callers ask only for the
        /// tags they keep a location for.
        public func tagLocation() -> (line: Int, column: Int) {
            if locatedEvent != event {
                let start = tracker.tagStart(before: parserOffset)
                located = (start.line, start.column)
                locatedEvent = event
            }
            return located
        }

        /// Line of ``tagLocation()``.
        public var tagLine: Int { tagLocation().line }
        /// Column of ``tagLocation()``.
        public var tagColumn: Int { tagLocation().column }

        @exclusivity(unchecked)
        private var event = 0
        @exclusivity(unchecked)
        private var locatedEvent = -1
        @exclusivity(unchecked)
        private var located = (1, 1)

        /// Stops the parse with a fatal policy issue at the current tag.
        public func refuse(_ message: String) {
            let at = tagLocation()
            collector.append(Issue(file: collector.file, line: at.line, column: at.column, level: .fatal, origin: .policy, message: message))
            stop()
        }

        /// Stops the parse (no more events are delivered).
        public func stop() {
            stopped = true
            if let context { xmlStopParser(context) }
        }

        /// Parses the whole document, sending events to `delegate` and, when `validator` is
        /// given, validating against its schema in the same pass.
        /// - Returns: whether the document was read to its end without a fatal issue (the
        ///   issues themselves are in ``collector``).
        @discardableResult
        public func parse(delegate: SAXDelegate, validator: SchemaValidator? = nil) -> Bool {
            precondition(context == nil, "an XML.Parser parses one document")
            self.delegate = delegate
            guard sniffStart() else { return false }

            var sax = xmlSAXHandler()
            sax.initialized = XML_SAX2_MAGIC
            sax.startElementNs = parserStartElement
            sax.endElementNs = parserEndElement
            sax.characters = parserCharacters
            sax.ignorableWhitespace = parserCharacters
            sax.cdataBlock = parserCharacters
            sax.internalSubset = parserInternalSubset
            sax.entityDecl = parserEntityDecl
            let me = Unmanaged.passUnretained(self).toOpaque()
            guard let ctxt = xmlCreateIOParserCtxt(&sax, nil, parserRead, nil, me, XML_CHAR_ENCODING_NONE) else {
                collector.append(Issue(file: collector.file, line: 0, column: 0, level: .fatal, origin: .parser, message: "libxml2 could not create a parser (out of memory?)"))
                return false
            }
            context = ctxt
            ctxt.pointee._private = me
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))

            var plug: xmlSchemaSAXPlugPtr?
            if let validator {
                let raw = UnsafeMutableRawPointer(ctxt)
                let saxField = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.sax)!).assumingMemoryBound(to: xmlSAXHandlerPtr?.self)
                let userField = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.userData)!).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
                validator.attach(collector: collector)
                plug = xmlSchemaSAXPlug(validator.handle, saxField, userField)
                collector.transform = { [unowned self] issue in
                    guard issue.origin == .schemaValidity else { return issue }
                    var placed = issue
                    (placed.line, placed.column) = tagLocation()
                    placed.message = XML.simplifySchemaMessage(issue.message)
                    return schemaIssueFilter?(placed) == false ? nil : placed
                }
            }
            collector.capturing {
                _ = xmlParseDocument(ctxt)
            }
            if let plug { xmlSchemaSAXUnplug(plug) }
            collector.transform = nil
            self.delegate = nil
            if !halt && ctxt.pointee.wellFormed == 0 && !collector.hasFatal {
                collector.append(Issue(file: collector.file, line: Int(ctxt.pointee.input?.pointee.line ?? 0), column: 0, level: .fatal, origin: .parser, message: "the document is not well-formed XML"))
            }
            return !collector.hasFatal
        }

        // MARK: Input

        /// Reads the first chunk and applies the encoding policy before libxml2 sees a byte.
        private func sniffStart() -> Bool {
            var first = [UInt8](repeating: 0, count: 4096)
            var count = 0
            do {
                // Fill up to 4 KiB (a source may return short reads) to see the XML declaration.
                while count < first.count {
                    let n = try first.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
                    if n == 0 { sourceEnded = true; break }
                    count += n
                }
            } catch {
                collector.append(Issue(file: collector.file, line: 0, column: 0, level: .fatal, origin: .policy, message: "cannot read: \(error)"))
                return false
            }
            first.removeSubrange(count...)
            if let problem = XML.encodingProblem(first) {
                collector.append(Issue(file: collector.file, line: 1, column: 1, level: .fatal, origin: .policy, message: problem))
                return false
            }
            if first.starts(with: [0xEF, 0xBB, 0xBF]) { tracker.skipPrefix(3) }
            pending = first
            return true
        }

        fileprivate func read(into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
            let last = located
            if halt { return 0 }
            var n = 0
            if !pending.isEmpty {
                n = min(buffer.count, pending.count)
                pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: n) }
                pending.removeFirst(n)
            } else if !sourceEnded {
                do {
                    n = try source.read(into: buffer)
                } catch {
                    collector.append(Issue(file: collector.file, line: last.0, column: last.1, level: .fatal, origin: .policy, message: "cannot read: \(error)"))
                    return -1
                }
                if n == 0 { sourceEnded = true }
            }
            if tracker.received + n > limits.maxDocumentBytes {
                // Not refuse(): stopping the parser from inside its own read is not safe.
                collector.append(Issue(file: collector.file, line: last.0, column: last.1, level: .fatal, origin: .policy,
                                       message: "the document is larger than \(limits.maxDocumentBytes) bytes; split it into several dictionaries"))
                stopped = true
                return 0
            }
            tracker.append(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            return Int32(n)
        }

        // MARK: Events

        /// Absolute byte offset of the parser in the document.
        private var parserOffset: Int {
            guard let input = context?.pointee.input?.pointee, let cur = input.cur, let base = input.base else { return tracker.received }
            return Int(input.consumed) + (cur - base)
        }

        fileprivate func startElement(_ tag: StartTag) {
            event &+= 1
            // Keep the tracker's window small even when no one asks for locations.
            if tracker.unscanned > 1 << 18 { _ = tagLocation() }
            depth += 1
            textBytes = 0
            if depth > limits.maxDepth {
                refuse("elements are nested deeper than \(limits.maxDepth) levels; a glossary needs 3 (glossary, entry, name)")
                return
            }
            delegate?.startElement(tag, parser: self)
        }

        fileprivate func makeStartTag(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
                                      attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) -> StartTag {
            StartTag(localName: localName, namespace: namespace, attributeArray: attributes, attributeCount: count)
        }

        fileprivate func endElement(_ localName: UnsafePointer<UInt8>) {
            event &+= 1
            delegate?.endElement(localName: localName, depth: depth, parser: self)
            depth -= 1
            textBytes = 0
        }

        fileprivate func characters(_ text: UnsafeBufferPointer<UInt8>) {
            textBytes += text.count
            if textBytes > limits.maxTextBytes {
                refuse("an element holds more than \(limits.maxTextBytes) bytes of text")
                return
            }
            delegate?.characters(text, parser: self)
        }

        fileprivate func doctype() {
            event &+= 1
            // libxml2 calls this after the external identifiers, before a `[`.
            if allowsExternalDoctype {
                if context?.pointee.input?.pointee.cur?.pointee != UInt8(ascii: "[") { return }
                refuse("a DOCTYPE with an internal subset ([...]) is refused because it can declare entities that read files or expand without bound; remove the [...] part")
                return
            }
            refuse("DOCTYPE declarations are not allowed in Onoma dictionaries (they can declare entities that read files or expand without bound); remove the <!DOCTYPE ...> line")
        }

        /// Runs `body` with the parser of a callback's context, without retaining it (the parse
        /// call keeps it alive).
        fileprivate static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (Parser) -> Void) {
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let me = ctxt.pointee._private else { return }
            Unmanaged<Parser>.fromOpaque(me)._withUnsafeGuaranteedRef(body)
        }
    }

    /// Why the first bytes of a document are refused, or nil when they are UTF-8 (with or
    /// without a byte-order mark) and declare no other encoding.
    static func encodingProblem(_ bytes: [UInt8]) -> String? {
        let convert = "Onoma dictionaries must be UTF-8: convert the file (e.g. `iconv -f %@ -t UTF-8 FILE > NEW`) and declare encoding=\"UTF-8\""
        func refuse(_ what: String, _ from: String) -> String {
            "the file is \(what); " + convert.replacingOccurrences(of: "%@", with: from)
        }
        if bytes.isEmpty { return "the file is empty; a dictionary needs at least <glossary xmlns=\"urn:onoma:glossary:1\" name=\"...\"/>" }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) || bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
            return refuse("UTF-32", "UTF-32")
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C]) { return refuse("UTF-16 (big-endian)", "UTF-16BE") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00]) { return refuse("UTF-16 (little-endian)", "UTF-16LE") }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            if body.starts(with: [0xEF, 0xBB, 0xBF]) {
                return "the file starts with two byte-order marks; remove them (a UTF-8 file needs none)"
            }
        }
        // The encoding pseudo-attribute of the XML declaration, if any.
        guard body.starts(with: Array("<?xml".utf8)), let end = body.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: body[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        let normalized = name.lowercased()
        if normalized == "utf-8" || normalized == "utf8" { return nil }
        return "the XML declaration says encoding=\"\(name)\"; " + convert.replacingOccurrences(of: "%@", with: String(name))
    }

    /// Makes libxml2's schema messages read as Onoma's: elements named `<entry>` rather than
    /// `'{urn:onoma:glossary:1}entry'`.
    static func simplifySchemaMessage(_ message: String) -> String {
        var text = message
        if let open = text.range(of: "Element '{"), let close = text[open.upperBound...].range(of: "}") {
            let nameEnd = text[close.upperBound...].firstIndex(of: "'") ?? text.endIndex
            let name = text[close.upperBound..<nameEnd]
            text.replaceSubrange(open.lowerBound..<(nameEnd < text.endIndex ? text.index(after: nameEnd) : nameEnd), with: "element <\(name)>")
        }
        return text.replacingOccurrences(of: "{urn:onoma:glossary:1}", with: "")
    }
}

/// Whether a NUL-terminated UTF-8 string equals a static string, without allocating.
func cStringEquals(_ cString: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let bytes = literal.utf8Start
    for i in 0..<count where cString[i] != bytes[i] { return false }
    return cString[count] == 0
}

// MARK: C entry points (the user data of every callback is the parser context)

private func parserRead(_ ctx: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let ctx, let buffer, length > 0 else { return -1 }
    let parser = Unmanaged<XML.Parser>.fromOpaque(ctx).takeUnretainedValue()
    return parser.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
}

private func parserStartElement(_ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                                _ uri: UnsafePointer<xmlChar>?, _ nbNamespaces: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                _ nbAttributes: Int32, _ nbDefaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    guard let localname else { return }
    XML.Parser.with(ctx) { parser in
        parser.startElement(parser.makeStartTag(localName: localname, namespace: uri, attributes: attributes, count: Int(nbAttributes)))
    }
}

private func parserEndElement(_ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    guard let localname else { return }
    XML.Parser.with(ctx) { $0.endElement(localname) }
}

private func parserCharacters(_ ctx: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let text, length > 0 else { return }
    XML.Parser.with(ctx) { $0.characters(UnsafeBufferPointer(start: text, count: Int(length))) }
}

/// Any entity declaration stops the parse (reached only if an internal subset got past
/// ``XML/Parser/allowsExternalDoctype``'s check).
private func parserEntityDecl(_ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
                              _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?) {
    XML.Parser.with(ctx) { $0.refuse("entity declarations are not allowed (they can read files or expand without bound); remove the DOCTYPE's internal subset") }
}

private func parserInternalSubset(_ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?) {
    XML.Parser.with(ctx) { $0.doctype() }
}
