/// A bilingual glossary: the entries of one dictionary file (`urn:onoma:glossary:1`).
public struct Glossary: Sendable, Hashable {
    /// The `name` attribute of `<glossary>`.
    public var name: String
    /// The optional `<title>`.
    public var title: String?
    /// Entries in document order.
    public var entries: [GlossaryEntry]
    /// Where the glossary was read from, if from a file.
    public var source: String?

    /// Creates a glossary.
    public init(name: String, title: String? = nil, entries: [GlossaryEntry] = [], source: String? = nil) {
        self.name = name
        self.title = title
        self.entries = entries
        self.source = source
    }
}

/// What an entry denotes.
public enum EntryKind: String, Sendable, Hashable, CaseIterable, Codable {
    case person, organization, place, term
}

/// One concept: a person, organization, place or term, with its names in several languages.
public struct GlossaryEntry: Sendable, Hashable, Identifiable {
    /// Unique across all glossaries loaded together (an XML NCName).
    public var id: String
    public var kind: EntryKind
    /// Names in document order.
    public var names: [NameForm]
    /// `<note>` texts in document order.
    public var notes: [String]
    /// Where the `<entry>` start tag is, for diagnostics.
    public var location: SourceLocation?

    /// Creates an entry.
    public init(id: String, kind: EntryKind, names: [NameForm] = [], notes: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.names = names
        self.notes = notes
        self.location = location
    }

    /// The canonical form for `language`: its `preferred` name in that language, else its first
    /// non-deprecated name in that language, else nil.
    /// - Complexity: O(number of names).
    public func canonicalName(language: String) -> NameForm? {
        let inLanguage = names.filter { $0.language == language }
        return inLanguage.first { $0.status == .preferred }
            ?? inLanguage.first { $0.status != .deprecated }
    }
}

/// The TBX administrative status of a name.
public enum NameStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case preferred, admitted, deprecated
}

/// The TBX term type of a name.
public enum NameType: String, Sendable, Hashable, CaseIterable, Codable {
    case full, abbreviation, alias, former
}

/// One written form of an entry's name.
public struct NameForm: Sendable, Hashable {
    /// BCP 47 tag from `xml:lang` (`ko`, `ko-Hani`, `zh-Hans`, `zh-Hant`, `zh`, `en`, `ko-Latn`...).
    public var language: String
    /// The name as written (NFC).
    public var text: String
    public var status: NameStatus
    public var type: NameType
    /// Optional split of a personal name; must compose `text` when present.
    public var family: String?
    public var given: String?
    /// The romanization a Latin form follows (`rr`, `mr`, ...), if stated.
    public var scheme: String?
    /// Where the `<name>` start tag is, for diagnostics.
    public var location: SourceLocation?

    /// Creates a name form.
    public init(language: String, text: String, status: NameStatus = .admitted, type: NameType = .full,
                family: String? = nil, given: String? = nil, scheme: String? = nil, location: SourceLocation? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.type = type
        self.family = family
        self.given = given
        self.scheme = scheme
        self.location = location
    }
}
