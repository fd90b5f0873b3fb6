import CLibXML2
import Foundation

/// Builds a ``Glossary`` from the SAX events of one document, checking the structure the model
/// needs (ids, kinds, languages, statuses, types) and reporting problems as diagnostics.
///
/// Elements of other namespaces are skipped with their content (extensions); elements of the
/// glossary namespace that the format does not define are skipped too: the schema reports them.
final class GlossaryBuilder: XML.SAXDelegate {
    static let namespace: StaticString = "urn:onoma:glossary:1"
    static let xmlNamespace: StaticString = "http://www.w3.org/XML/1998/namespace"

    let file: String
    @exclusivity(unchecked)
    private(set) var glossary: Glossary
    private(set) var diagnostics: [Diagnostic] = []
    /// Attributes of the current start tag reported here, so that the schema's message about
    /// the same attribute can be dropped (one problem, one diagnostic).
    private(set) var flaggedAttributes: Set<String> = []
    private(set) var flaggedLine = 0
    private(set) var flaggedColumn = 0

    private enum Context { case none, glossary, title, entry, name, note, skipped }
    @exclusivity(unchecked)
    private var stack: [Context] = []
    @exclusivity(unchecked)
    private var text: [UInt8] = []
    @exclusivity(unchecked)
    private var entry: GlossaryEntry?
    @exclusivity(unchecked)
    private var name: NameForm?
    private var sawRoot = false
    /// Called with each entry as it is completed (e.g. to check it while parsing goes on).
    var onEntry: ((GlossaryEntry) -> Void)?
    /// The file name put in locations. When entries go to another thread (``onEntry``), a
    /// fresh copy every 256 entries: every copy of a location retains its string, and one
    /// string shared by both threads would have its reference count bounced between the cores
    /// all the time (measured: ~10% of either thread's time on a 100,000-entry file).
    private var locationFile: String
    private var entriesSinceNewLocationFile = 0
    /// libxml2 interns names in its dictionary: once a name matched, its pointer is compared
    /// first (a string comparison per element is measurable on large files).
    private var namespacePointer: UnsafePointer<UInt8>?
    private var entryPointer: UnsafePointer<UInt8>?
    private var namePointer: UnsafePointer<UInt8>?
    /// Names in the previous entry: the next one most likely has as many, so its array is
    /// allocated once at that size instead of grown.
    private var lastNameCount = 0
    /// Attribute values that repeat on every name (language tags, schemes), made into strings
    /// once: the bytes are compared instead.
    private var internedValues: [(bytes: [UInt8], string: String)] = []

    private func inGlossaryNamespace(_ tag: XML.StartTag) -> Bool {
        guard let ns = tag.namespace else { return false }
        if ns == namespacePointer { return true }
        guard cStringEquals(ns, Self.namespace) else { return false }
        namespacePointer = ns
        return true
    }

    private static func matches(_ local: UnsafePointer<UInt8>, _ cache: inout UnsafePointer<UInt8>?, _ literal: StaticString) -> Bool {
        if local == cache { return true }
        guard cStringEquals(local, literal) else { return false }
        cache = local
        return true
    }

    init(file: String, defaultName: String) {
        self.file = file
        locationFile = file
        glossary = Glossary(name: defaultName, entries: [], source: file)
        stack.reserveCapacity(8)
    }

    private func report(_ code: GlossaryCode, _ at: SourceLocation, attribute: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(code, at: at, message))
        if let attribute {
            if flaggedLine != at.line || flaggedColumn != at.column {
                flaggedAttributes.removeAll(keepingCapacity: true)
                flaggedLine = at.line
                flaggedColumn = at.column
            }
            flaggedAttributes.insert(attribute)
        }
    }

    // MARK: SAXDelegate

    func startElement(_ tag: XML.StartTag, parser: XML.Parser) {
        let parent = stack.last ?? .none
        if parent == .skipped || parent == .title || parent == .name || parent == .note {
            // Markup inside text elements, or inside a skipped element: not part of the model.
            stack.append(.skipped)
            return
        }
        guard inGlossaryNamespace(tag) else {
            if parent == .none {
                let ns = tag.namespaceURI
                parser.refuse("the root element is <\(tag.name)>\(ns.isEmpty ? " in no namespace" : " in namespace \(ns)"); an Onoma dictionary's root is <glossary xmlns=\"urn:onoma:glossary:1\">")
                return
            }
            stack.append(.skipped)
            return
        }
        switch parent {
        case .none:
            guard cStringEquals(tag.localName, "glossary") else {
                parser.refuse("the root element is <\(tag.name)>; an Onoma dictionary's root is <glossary xmlns=\"urn:onoma:glossary:1\">")
                return
            }
            sawRoot = true
            tag.forEachAttribute { attribute in
                if attribute.isNamed("name") { glossary.name = attribute.value }
            }
            stack.append(.glossary)
        case .glossary:
            if Self.matches(tag.localName, &entryPointer, "entry") {
                startEntry(tag, at: location(parser))
                stack.append(.entry)
            } else if cStringEquals(tag.localName, "title") {
                text.removeAll(keepingCapacity: true)
                stack.append(.title)
            } else {
                stack.append(.skipped)
            }
        case .entry:
            if Self.matches(tag.localName, &namePointer, "name") {
                startName(tag, at: location(parser))
                text.removeAll(keepingCapacity: true)
                stack.append(.name)
            } else if cStringEquals(tag.localName, "note") {
                text.removeAll(keepingCapacity: true)
                stack.append(.note)
            } else {
                stack.append(.skipped)
            }
        default:
            stack.append(.skipped)
        }
    }

    func endElement(localName: UnsafePointer<UInt8>, depth: Int, parser: XML.Parser) {
        guard let context = stack.popLast() else { return }
        switch context {
        case .title:
            glossary.title = String(decoding: text, as: UTF8.self)
        case .note:
            entry?.notes.append(String(decoding: text, as: UTF8.self))
        case .name:
            // take(): move the values, no copy (a copy retains every string of the name).
            if var finished = name.take() {
                finished.text = String(decoding: text, as: UTF8.self)
                if entry?.names.isEmpty == true { entry?.names.reserveCapacity(Swift.max(lastNameCount, 1)) }
                entry?.names.append(finished)
            }
        case .entry:
            if let finished = entry.take() {
                lastNameCount = finished.names.count
                if let onEntry {
                    onEntry(finished)
                    entriesSinceNewLocationFile += 1
                    if entriesSinceNewLocationFile == 256 {
                        entriesSinceNewLocationFile = 0
                        locationFile = String(decoding: Array(file.utf8), as: UTF8.self)
                    }
                }
                glossary.entries.append(finished)
            }
        default:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, parser: XML.Parser) {
        switch stack.last {
        case .title, .name, .note: text.append(contentsOf: bytes)
        default: break
        }
    }

    // MARK: Elements

    private func location(_ parser: XML.Parser) -> SourceLocation {
        let at = parser.tagLocation()
        return SourceLocation(file: locationFile, line: at.line, column: at.column)
    }

    private func startEntry(_ tag: XML.StartTag, at location: SourceLocation) {
        var id: String?
        var kindText: String?
        tag.forEachAttribute { attribute in
            if attribute.isNamed("id") { id = attribute.value } else if attribute.isNamed("kind") { kindText = attribute.value }
        }
        if let id {
            if !Self.isNCName(id) {
                report(.invalidID, location, attribute: "id", "entry id \"\(id)\" is not an XML name (NCName): use letters, digits, '-', '_' and '.', starting with a letter or '_' (e.g. \"koh-young-aah\")")
            }
        } else {
            report(.missingID, location, attribute: "id", "<entry> has no id; add id=\"...\" (unique across every dictionary loaded together, e.g. id=\"koh-young-aah\")")
        }
        var kind = EntryKind.term
        if let kindText {
            if let known = EntryKind(rawValue: kindText) {
                kind = known
            } else {
                report(.unknownKind, location, attribute: "kind", "unknown kind \"\(kindText)\"; use one of person, organization, place, term")
            }
        } else {
            report(.missingKind, location, attribute: "kind", "<entry> has no kind; add kind=\"person\", \"organization\", \"place\" or \"term\"")
        }
        entry = GlossaryEntry(id: id ?? "", kind: kind, names: [], notes: [], location: location)
    }

    private func startName(_ tag: XML.StartTag, at location: SourceLocation) {
        // Filled in place (a local copied into `name` costs a copy and a destroy per name).
        name = NameForm(language: "", text: "", location: location)
        var sawLanguage = false
        tag.forEachAttribute { attribute in
            if attribute.namespace == nil {
                switch attribute.localName[0] {
                case UInt8(ascii: "s"):
                    if attribute.isNamed("status") {
                        if let status = Self.status(attribute.valueBytes) {
                            name!.status = status
                            return
                        }
                        let value = attribute.value
                        if let status = NameStatus(rawValue: value) {
                            name!.status = status
                        } else {
                            report(.unknownStatus, location, attribute: "status", "unknown status \"\(value)\"; use preferred, admitted (the default) or deprecated")
                        }
                    } else if attribute.isNamed("scheme") {
                        name!.scheme = interned(attribute)
                    }
                case UInt8(ascii: "t"):
                    if attribute.isNamed("type") {
                        let value = attribute.value
                        if let type = NameType(rawValue: value) {
                            name!.type = type
                        } else {
                            report(.unknownType, location, attribute: "type", "unknown type \"\(value)\"; use full (the default), abbreviation, alias or former")
                        }
                    }
                case UInt8(ascii: "f"):
                    if attribute.isNamed("family") { name!.family = attribute.value }
                case UInt8(ascii: "g"):
                    if attribute.isNamed("given") { name!.given = attribute.value }
                default:
                    break
                }
            } else if attribute.isNamed("lang", namespace: Self.xmlNamespace) {
                // xml:lang="" (allowed by XML itself: "no language") names no language either.
                if attribute.valueBytes.isEmpty {
                    report(.missingLanguage, location, "<name> has an empty xml:lang; say which language and script it is in (xml:lang=\"ko\", \"zh-Hans\", \"en\"...)")
                } else {
                    name!.language = interned(attribute)
                }
                sawLanguage = true
            }
        }
        if !sawLanguage {
            report(.missingLanguage, location, "<name> has no xml:lang; say which language and script it is in (xml:lang=\"ko\", \"zh-Hans\", \"en\"...)")
        }
    }

    /// The status whose name the bytes are, without making a string (nil: not one of them).
    private static func status(_ bytes: UnsafeBufferPointer<UInt8>) -> NameStatus? {
        func equals(_ literal: StaticString) -> Bool {
            bytes.count == literal.utf8CodeUnitCount && memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
        }
        if equals("preferred") { return .preferred }
        if equals("admitted") { return .admitted }
        if equals("deprecated") { return .deprecated }
        return nil
    }

    /// The attribute's value, reusing the string made for the same bytes before (a few values).
    private func interned(_ attribute: XML.Attribute) -> String {
        let bytes = attribute.valueBytes
        guard !bytes.isEmpty, bytes.count <= 32, !bytes.contains(0x26) else { return attribute.value }
        for cached in internedValues where cached.bytes.count == bytes.count {
            if cached.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return cached.string
            }
        }
        let value = attribute.value
        if internedValues.count < 16 { internedValues.append((Array(bytes), value)) }
        return value
    }

    /// Whether `text` is an XML NCName (a Name without colons), XML 1.0 fifth edition.
    static func isNCName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        func isStart(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
                 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
                 0x10000...0xEFFFF:
                return true
            default:
                return false
            }
        }
        func isChar(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
            default: return isStart(c)
            }
        }
        return isStart(first) && text.unicodeScalars.dropFirst().allSatisfy(isChar)
    }
}
