/// The lookup engine as the normalizer's `NameResolver`: the best match of a span, when it is
/// the only best one.
public struct LookupResolver: NameResolver {
    /// The engine.
    public let engine: LookupEngine
    /// Lookup options: `language` chooses the canonical form; `minScore` the lowest score
    /// considered at all (the normalizer applies its own, higher, thresholds).
    public let options: LookupOptions

    /// Creates a resolver.
    public init(engine: LookupEngine, language: String = "en", minScore: Double = 0.7) {
        self.engine = engine
        options = LookupOptions(language: language, minScore: minScore, limit: 2, fuzzy: true)
    }

    /// The best match, or nil when nothing matches or two entries tie for best (a true
    /// homograph: rewriting would pick one person at random).
    /// - Complexity: one engine lookup (a few microseconds).
    public func resolve(_ candidate: String) -> NameResolution? {
        let matches = engine.lookup(candidate, options: options)
        guard let best = matches.first else { return nil }
        if matches.count > 1, matches[1].score >= best.score - 1e-9 { return nil }
        return NameResolution(id: best.id, canonical: best.canonical, score: best.score, method: best.method.rawValue)
    }
}
