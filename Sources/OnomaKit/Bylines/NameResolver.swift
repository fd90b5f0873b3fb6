/// Resolves a name span found in a line to one dictionary entry.
///
/// The byline normalizer only needs "which entry does this spelling denote, and what is its
/// canonical form": the lookup engine satisfies this, and tests can use a small table.
/// Implementations must be safe to call from several threads at once.
public protocol NameResolver: Sendable {
    /// The best entry `candidate` denotes, or nil when it denotes none. When several entries
    /// tie (namesakes), the resolution lists the others in `homographs`, and is `ambiguous`
    /// when their canonical forms differ (then the span cannot be rewritten safely).
    /// - Parameter candidate: the span as written in the line (NFC or not, any case).
    func resolve(_ candidate: String) -> NameResolution?
}

/// What a name span resolves to.
public struct NameResolution: Sendable, Hashable {
    /// The entry id (`koh-young-aah`).
    public var id: String
    /// The entry's canonical form in the target language (`Koh Young-aah`).
    public var canonical: String
    /// 0...1, 1 = exact.
    public var score: Double
    /// How the span matched (`exact`, `normalized`, `romanization`, `fuzzy`), when known.
    public var method: String?
    /// Other entries that match as well as `id` (namesakes), in glossary order.
    public var homographs: [String]
    /// The tied entries have different canonical forms: which one the span means is unknown.
    public var ambiguous: Bool

    /// Creates a resolution.
    public init(id: String, canonical: String, score: Double, method: String? = nil, homographs: [String] = [], ambiguous: Bool = false) {
        self.id = id
        self.canonical = canonical
        self.score = score
        self.method = method
        self.homographs = homographs
        self.ambiguous = ambiguous
    }
}

/// Suggests a romanization for a name that no dictionary knows, so that an editor can add it.
/// Implementations must be safe to call from several threads at once. The normalizer calls it
/// once per distinct unresolved name per worker (results are memoized).
public protocol NameSuggester: Sendable {
    /// A suggested spelling of `name` in the target language, or nil when there is none
    /// (for example a name already written in Latin letters).
    func suggest(_ name: String) -> String?
}
