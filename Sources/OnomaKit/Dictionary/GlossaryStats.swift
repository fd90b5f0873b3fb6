/// Counts over glossaries: entries by kind, names by language, status and type.
public struct GlossaryStats: Sendable, Hashable {
    /// Number of glossaries counted.
    public var glossaries = 0
    /// Number of entries.
    public var entries = 0
    /// Number of names.
    public var names = 0
    /// Number of notes.
    public var notes = 0
    /// Entries per kind (every kind present, zero included).
    public var byKind: [EntryKind: Int] = Dictionary(uniqueKeysWithValues: EntryKind.allCases.map { ($0, 0) })
    /// Names per `xml:lang` value, as written.
    public var byLanguage: [String: Int] = [:]
    /// Names per status (every status present, zero included).
    public var byStatus: [NameStatus: Int] = Dictionary(uniqueKeysWithValues: NameStatus.allCases.map { ($0, 0) })
    /// Names per type (every type present, zero included).
    public var byType: [NameType: Int] = Dictionary(uniqueKeysWithValues: NameType.allCases.map { ($0, 0) })

    /// Counts `glossaries`.
    /// - Complexity: O(number of names).
    public init(_ glossaries: [Glossary]) {
        self.glossaries = glossaries.count
        for glossary in glossaries {
            entries += glossary.entries.count
            for entry in glossary.entries {
                byKind[entry.kind, default: 0] += 1
                notes += entry.notes.count
                names += entry.names.count
                for name in entry.names {
                    byLanguage[name.language, default: 0] += 1
                    byStatus[name.status, default: 0] += 1
                    byType[name.type, default: 0] += 1
                }
            }
        }
    }
}
