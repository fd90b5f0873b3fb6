/// A name to add to an entry or to update in it, matched by language and text. Fields left nil
/// are not changed on an existing name and take their defaults on a new one.
public struct NameUpdate: Sendable, Hashable {
    public var language: String
    public var text: String
    public var status: NameStatus?
    public var type: NameType?
    /// `""` removes the attribute from an existing name.
    public var family: String?
    /// `""` removes the attribute from an existing name.
    public var given: String?
    /// `""` removes the attribute from an existing name.
    public var scheme: String?

    /// Creates an update.
    public init(language: String, text: String, status: NameStatus? = nil, type: NameType? = nil,
                family: String? = nil, given: String? = nil, scheme: String? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.type = type
        self.family = family
        self.given = given
        self.scheme = scheme
    }

    /// The name form this update describes when it creates a new name.
    public var nameForm: NameForm {
        NameForm(language: language, text: text, status: status ?? .admitted, type: type ?? .full,
                 family: family.flatMap { $0.isEmpty ? nil : $0 }, given: given.flatMap { $0.isEmpty ? nil : $0 },
                 scheme: scheme.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// What `onoma dict set` changes in one entry. Everything not named is kept as it is.
public struct EntryChange: Sendable, Hashable {
    /// A new kind.
    public var kind: EntryKind?
    /// Names to add or update (matched by language, case-insensitively, and exact text).
    public var names: [NameUpdate]
    /// Names to remove, as (language, text).
    public var removedNames: [NameKey]
    /// Notes to append.
    public var addedNotes: [String]
    /// Notes to remove (exact text).
    public var removedNotes: [String]
    /// Remove every note first.
    public var clearNotes: Bool

    /// Creates a change.
    public init(kind: EntryKind? = nil, names: [NameUpdate] = [], removedNames: [NameKey] = [], addedNotes: [String] = [],
                removedNotes: [String] = [], clearNotes: Bool = false) {
        self.kind = kind
        self.names = names
        self.removedNames = removedNames
        self.addedNotes = addedNotes
        self.removedNotes = removedNotes
        self.clearNotes = clearNotes
    }

    /// Whether the change does nothing.
    public var isEmpty: Bool {
        kind == nil && names.isEmpty && removedNames.isEmpty && addedNotes.isEmpty && removedNotes.isEmpty && !clearNotes
    }
}

/// A name identified by language and text.
public struct NameKey: Sendable, Hashable {
    public var language: String
    public var text: String
    /// Creates a key.
    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}
