/// The stable codes of the diagnostics about dictionaries, with their severity. The raw value
/// is what `onoma dict validate` prints in brackets and in JSON.
public enum GlossaryCode: String, Sendable, Hashable, CaseIterable {
    // The file cannot be used at all (the CLI exits with 2).
    /// The file cannot be opened or read.
    case unreadable
    /// Not UTF-8: UTF-16/32, or an XML declaration naming another encoding.
    case encoding
    /// Bytes that are not valid UTF-8 (including overlong forms).
    case invalidUTF8 = "invalid-utf8"
    /// Not well-formed XML (libxml2's message says where and what).
    case notWellFormed = "not-well-formed"
    /// A DOCTYPE declaration: refused, since it can declare entities.
    case doctype
    /// Elements nested beyond the limit.
    case tooDeep = "too-deep"
    /// A document or a text larger than the limits.
    case tooLarge = "too-large"
    /// The root element is not `<glossary xmlns="urn:onoma:glossary:1">`.
    case notAGlossary = "not-a-glossary"

    // Schema (onoma-glossary.xsd).
    /// The document does not follow the schema.
    case schema
    /// A warning from the XML parser.
    case xmlWarning = "xml-warning"

    // Structure.
    /// `<entry>` without `id`.
    case missingID = "missing-id"
    /// `id` that is not an XML NCName.
    case invalidID = "invalid-id"
    /// `<entry>` without `kind`.
    case missingKind = "missing-kind"
    /// `kind` other than person, organization, place, term.
    case unknownKind = "unknown-kind"
    /// `<name>` without `xml:lang`.
    case missingLanguage = "missing-language"
    /// `status` other than preferred, admitted, deprecated.
    case unknownStatus = "unknown-status"
    /// `type` other than full, abbreviation, alias, former.
    case unknownType = "unknown-type"

    // Semantic rules: errors.
    /// Two entries with one id (in one file or across the files loaded together).
    case duplicateID = "duplicate-id"
    /// An entry with no `<name>`.
    case noName = "no-name"
    /// Two `preferred` names in one language in one entry.
    case duplicatePreferred = "duplicate-preferred"
    /// A name (or family/given) that is empty or only whitespace.
    case emptyName = "empty-name"
    /// `xml:lang` that is not a well-formed BCP 47 tag.
    case malformedLanguage = "malformed-language"
    /// `family`/`given` that do not compose the name's text.
    case splitMismatch = "split-mismatch"
    /// Text not in Unicode Normalization Form C.
    case notNFC = "not-nfc"
    /// Letters of a script the language tag excludes (Hangul in `zh-Hans`, Latin in `ko`).
    case scriptMismatch = "script-mismatch"

    // Semantic rules: warnings.
    /// One name form names two entries (lookups will be ambiguous).
    case ambiguousName = "ambiguous-name"
    /// The same name (language and text) twice in one entry.
    case duplicateName = "duplicate-name"
    /// A Latin-script name that mixes scripts or uses look-alike letters (UTS #39).
    case suspiciousCharacters = "suspicious-characters"
    /// An entry without a `preferred` name in `en`.
    case noPreferredEnglish = "no-preferred-en"
    /// A `scheme` Onoma does not know.
    case unknownScheme = "unknown-scheme"
    /// A name with whitespace before or after it, or runs of spaces inside.
    case untidyWhitespace = "untidy-whitespace"
    /// A traditional-only character in a name tagged `zh-Hans`.
    case traditionalInSimplified = "traditional-in-simplified"
    /// A simplified-only character in a name tagged `zh-Hant`.
    case simplifiedInTraditional = "simplified-in-traditional"

    // Semantic rules: information.
    /// A preferred `en` spelling that no known romanization of the entry's native forms gives
    /// (often right: a person's own spelling; worth a look).
    case unexplainedSpelling = "unexplained-spelling"

    /// How serious a diagnostic with this code is.
    public var severity: Diagnostic.Severity {
        switch self {
        case .xmlWarning, .ambiguousName, .duplicateName, .suspiciousCharacters, .noPreferredEnglish, .unknownScheme, .untidyWhitespace,
             .traditionalInSimplified, .simplifiedInTraditional:
            return .warning
        case .unexplainedSpelling:
            return .info
        default:
            return .error
        }
    }

    /// Whether the code means the file could not be used at all.
    public var isFatal: Bool {
        switch self {
        case .unreadable, .encoding, .invalidUTF8, .notWellFormed, .doctype, .tooDeep, .tooLarge, .notAGlossary: return true
        default: return false
        }
    }
}

extension Diagnostic {
    /// A diagnostic with a glossary code and its severity.
    init(_ code: GlossaryCode, at location: SourceLocation, _ message: String) {
        self.init(at: location, severity: code.severity, code: code.rawValue, message: message)
    }

    /// A diagnostic with a glossary code and its severity.
    init(_ code: GlossaryCode, file: String, line: Int, column: Int, _ message: String) {
        self.init(file: file, line: line, column: column, severity: code.severity, code: code.rawValue, message: message)
    }

    /// Whether the diagnostic means its file could not be used at all.
    public var isFatal: Bool { GlossaryCode(rawValue: code)?.isFatal ?? false }
}
