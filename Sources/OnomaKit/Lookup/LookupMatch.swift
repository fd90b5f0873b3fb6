/// How a query reached an entry.
public enum MatchMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// The query is a stored name form, character for character.
    case exact
    /// Equal after folding case, width, spacing, punctuation, tone marks, name order, and (for
    /// organizations) "&"/"and", a leading "The" and the usual abbreviations.
    case normalized
    /// Through a romanization or script conversion of a stored form (or of the query).
    case romanization
    /// Within one or two slips (a dropped, doubled or swapped letter).
    case fuzzy
}

/// One entry a query denotes.
public struct LookupMatch: Sendable, Hashable {
    /// The entry id.
    public var id: String
    /// The entry kind.
    public var kind: EntryKind
    /// The entry's canonical name in the requested language.
    public var canonical: String
    /// 0...1; 1 = exact. See ``LookupEngine`` for the scale.
    public var score: Double
    /// How it matched.
    public var method: MatchMethod
    /// The stored name form that matched.
    public var matched: String
    /// A plain sentence naming the path ("Hangul 고영아 → ... ≈ query").
    public var explanation: String
    /// Whether the stored form that matched is deprecated (it still resolves).
    public var deprecated: Bool

    /// Creates a match.
    public init(id: String, kind: EntryKind, canonical: String, score: Double, method: MatchMethod,
                matched: String, explanation: String, deprecated: Bool = false) {
        self.id = id
        self.kind = kind
        self.canonical = canonical
        self.score = score
        self.method = method
        self.matched = matched
        self.explanation = explanation
        self.deprecated = deprecated
    }
}

/// Options of one lookup.
public struct LookupOptions: Sendable, Hashable {
    /// The default minimum score (measured on the variant-spelling and near-miss test sets:
    /// see README, "Lookup accuracy").
    public static let defaultMinScore = 0.7

    /// Language of ``LookupMatch/canonical`` (BCP 47), `en` by default.
    public var language: String
    /// Matches below this score are dropped.
    public var minScore: Double
    /// At most this many matches, best first.
    public var limit: Int
    /// Whether to try fuzzy matching when nothing better is found.
    public var fuzzy: Bool
    /// Whether to write each match's ``LookupMatch/explanation``. A caller that needs only
    /// the entry (`onoma normalize`) turns it off: explaining a romanization match costs
    /// about a third of its lookup.
    public var explain: Bool

    /// Creates options.
    public init(language: String = "en", minScore: Double = LookupOptions.defaultMinScore, limit: Int = 10, fuzzy: Bool = true,
                explain: Bool = true) {
        self.language = language
        self.minScore = minScore
        self.limit = limit
        self.fuzzy = fuzzy
        self.explain = explain
    }
}
