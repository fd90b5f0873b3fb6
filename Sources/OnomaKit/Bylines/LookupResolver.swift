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

    /// Creates a resolver.
    /// - Complexity: O(number of stored forms), to build the exact-form table.
    public init(engine: LookupEngine, language: String = "en", minScore: Double = 0.7) {
        self.engine = engine
        options = LookupOptions(language: language, minScore: minScore, limit: 8, fuzzy: true)
        let entries = engine.entries
        var byForm: [String: [Int]] = [:]
        byForm.reserveCapacity(entries.count * 3)
        for (i, entry) in entries.enumerated() {
            // Deprecated forms score less in the engine and say so: leave them to it.
            for name in entry.names where name.status != .deprecated {
                if byForm[name.text]?.last != i { byForm[name.text, default: []].append(i) }
            }
        }
        var exact: [String: NameResolution] = [:]
        exact.reserveCapacity(byForm.count)
        for (form, indices) in byForm {
            let ids = indices.map { entries[$0].id }
            let canonicals = indices.map { Self.canonical(entries[$0], language) }
            exact[form] = NameResolution(id: ids[0], canonical: canonicals[0], score: 1.0, method: "exact",
                                         homographs: Array(ids.dropFirst()), ambiguous: Set(canonicals).count > 1)
        }
        self.exact = exact
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
