/// The lookup engine as the normalizer's `NameResolver`.
///
/// Bylines mostly spell names exactly as a dictionary stores them, so a table of the stored
/// forms (built once from the engine's entries) answers those without a lookup; every other
/// span goes to the engine. Both paths give the same answer for a stored form: the entries
/// that store it, score 1.0, `exact`.
public struct LookupResolver: NameResolver {
    /// The engine.
    public let engine: LookupEngine
    /// Lookup options: `language` chooses the canonical form; `minScore` the lowest score
    /// considered at all (the normalizer applies its own, higher, thresholds).
    public let options: LookupOptions
    private let exact: [String: NameResolution]

    /// Creates a resolver, building the exact-form table from the engine's entries.
    /// - Complexity: O(number of stored forms).
    public init(engine: LookupEngine, language: String = "en", minScore: Double = 0.7) {
        self.init(engine: engine, exactForms: ExactFormTable(entries: engine.entries, language: language),
                  language: language, minScore: minScore)
    }

    /// Creates a resolver with an exact-form table built beforehand (for example on another
    /// thread while the engine was being built), from the same entries and language.
    public init(engine: LookupEngine, exactForms: ExactFormTable, language: String = "en", minScore: Double = 0.7) {
        self.engine = engine
        options = LookupOptions(language: language, minScore: minScore, limit: 4, fuzzy: true)
        exact = exactForms.table
    }

    /// The entry's canonical form as the engine reports it.
    static func canonical(_ entry: GlossaryEntry, _ language: String) -> String {
        entry.canonicalName(language: language)?.text
            ?? entry.names.first { $0.status == .preferred }?.text
            ?? entry.names.first?.text ?? entry.id
    }

    /// The best match; ties (namesakes) are listed as homographs.
    /// - Complexity: one hash lookup for a stored form, else one engine lookup (microseconds).
    public func resolve(_ candidate: String) -> NameResolution? {
        if let hit = exact[candidate] { return hit }
        let matches = engine.lookup(candidate, options: options)
        guard let best = matches.first else { return nil }
        let tied = matches.prefix { $0.score >= best.score - 1e-9 }
        return NameResolution(id: best.id, canonical: best.canonical, score: best.score, method: best.method.rawValue,
                              homographs: tied.dropFirst().map(\.id), ambiguous: Set(tied.map(\.canonical)).count > 1)
    }
}

/// Every stored (non-deprecated) form of a set of entries, with what it resolves to: the
/// lookup engine's `exact` answer, precomputed.
public struct ExactFormTable: Sendable {
    let table: [String: NameResolution]

    /// Builds the table.
    /// - Complexity: O(number of stored forms).
    public init(entries: [GlossaryEntry], language: String) {
        var table: [String: NameResolution] = [:]
        table.reserveCapacity(entries.count * 3)
        for entry in entries {
            let canonical = LookupResolver.canonical(entry, language)
            // Deprecated forms score less in the engine and say so: leave them to it.
            for name in entry.names where name.status != .deprecated {
                if var existing = table[name.text] {
                    if existing.id == entry.id || existing.homographs.contains(entry.id) { continue }
                    existing.homographs.append(entry.id)
                    if existing.canonical != canonical { existing.ambiguous = true }
                    table[name.text] = existing
                } else {
                    table[name.text] = NameResolution(id: entry.id, canonical: canonical, score: 1.0, method: "exact")
                }
            }
        }
        self.table = table
    }
}
