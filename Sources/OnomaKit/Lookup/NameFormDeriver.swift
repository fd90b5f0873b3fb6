/// A form derived from a stored name (a romanization or a script conversion) that the index
/// files alongside it, so that a query written that way finds the entry.
public struct DerivedNameForm: Sendable, Hashable {
    /// The derived text ("Yang Zhanfeng", "Yang Chan-feng", "양잔펑", "楊占峰").
    public var text: String
    /// Its family-name part, when known (for name-order variants).
    public var family: String?
    /// Its given-name part, when known.
    public var given: String?
    /// The path, for explanations: "pinyin", "Wade–Giles", "Korean orthography",
    /// "Sino-Korean reading", "traditional characters"...
    public var label: String

    /// Creates a derived form.
    public init(text: String, family: String? = nil, given: String? = nil, label: String) {
        self.text = text
        self.family = family
        self.given = given
        self.label = label
    }
}

/// The seam where romanization and script conversion plug into the lookup index: given a
/// stored form, the forms a reader may write instead.
///
/// Korean Hangul forms need no deriver: the engine matches romanized queries against Hangul
/// syllable by syllable itself (``HangulSpelling``). Chinese forms (pinyin, Wade–Giles,
/// Korean orthography, Sino-Korean reading, simplified ↔ traditional) and Hanja (Sino-Korean
/// reading in Hangul) come from a deriver. Called once per stored form at index build time,
/// never per query; must be thread-safe.
public protocol NameFormDeriver: Sendable {
    /// The forms to index for `form` of an entry of `kind` (may be empty).
    func derivedForms(of form: NameForm, kind: EntryKind) -> [DerivedNameForm]
}

/// A deriver that derives nothing (Hangul and Latin matching only).
public struct NoDerivedForms: NameFormDeriver {
    /// Creates it.
    public init() {}
    public func derivedForms(of form: NameForm, kind: EntryKind) -> [DerivedNameForm] { [] }
}
