/// The lookup engine as the normalizer's `NameResolver`.
///
/// Bylines mostly spell names exactly as a dictionary stores them, so a span is first looked
/// up among the stored forms themselves (the engine's exact table, no folding or phonetic
/// work); every other span goes through a full lookup. Both paths give the same answer for a
/// stored form: the entries that store it, score 1.0, `exact`.
public struct LookupResolver: NameResolver {
    /// The engine.
    public let engine: LookupEngine
    /// Lookup options: `language` chooses the canonical form; `minScore` the lowest score
    /// considered at all (the normalizer applies its own, higher, thresholds).
    public let options: LookupOptions

    /// Creates a resolver. Nothing is built: the engine's own tables answer (a resolver used
    /// to copy every stored form into a table of its own, which cost a third of the start-up
    /// of `onoma normalize` on a large glossary).
    public init(engine: LookupEngine, language: String = "en", minScore: Double = 0.7) {
        self.engine = engine
        options = LookupOptions(language: language, minScore: minScore, limit: 4, fuzzy: true, explain: false)
    }

    /// The best match; ties (namesakes) are listed as homographs.
    /// - Complexity: one hash probe for a stored form (and a decode of the entries that store
    ///   it), else one engine lookup (microseconds).
    public func resolve(_ candidate: String) -> NameResolution? {
        if let hit = storedForm(candidate) { return hit }
        let matches = engine.lookup(candidate, options: options)
        guard let best = matches.first else { return nil }
        let tied = matches.prefix { $0.score >= best.score - 1e-9 }
        return NameResolution(id: best.id, canonical: best.canonical, score: best.score, method: best.method.rawValue,
                              homographs: tied.dropFirst().map(\.id), ambiguous: Set(tied.map(\.canonical)).count > 1)
    }

    /// The entries that store `candidate` byte for byte as a current (not deprecated) name, in
    /// glossary order: the first is the answer, the others its homographs. Deprecated forms
    /// score less in the engine and say so, so they are left to it.
    private func storedForm(_ candidate: String) -> NameResolution? {
        let entries = engine.entriesStoring(candidate)
        // Id and canonical name read in place, by the rule a returned match uses.
        guard let first = entries.first, let entry = engine.summary(at: first, language: options.language) else { return nil }
        var resolution = NameResolution(id: entry.id, canonical: entry.canonical, score: 1.0, method: "exact")
        for other in entries.dropFirst() {
            guard let namesake = engine.summary(at: other, language: options.language) else { continue }
            resolution.homographs.append(namesake.id)
            if namesake.canonical != entry.canonical { resolution.ambiguous = true }
        }
        return resolution
    }
}
