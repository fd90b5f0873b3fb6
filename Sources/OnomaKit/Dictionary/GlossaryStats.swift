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
    public var byKind: [EntryKind: Int]
    /// Names per `xml:lang` value, as written.
    public var byLanguage: [String: Int]
    /// Names per status (every status present, zero included).
    public var byStatus: [NameStatus: Int]
    /// Names per type (every type present, zero included).
    public var byType: [NameType: Int]

    /// Counts `glossaries`.
    /// - Complexity: O(number of names).
    public init(_ glossaries: [Glossary]) {
        self.glossaries = glossaries.count
        // Counted in arrays (a glossary has few distinct languages), turned into dictionaries once.
        var kinds = [Int](repeating: 0, count: EntryKind.allCases.count)
        var statuses = [Int](repeating: 0, count: NameStatus.allCases.count)
        var types = [Int](repeating: 0, count: NameType.allCases.count)
        var languages: [(language: String, count: Int)] = []
        var moreLanguages: [String: Int] = [:]  // beyond 32 distinct tags, linear search would be quadratic
        for glossary in glossaries {
            entries += glossary.entries.count
            for entry in glossary.entries {
                kinds[EntryKind.allCases.firstIndex(of: entry.kind)!] += 1
                notes += entry.notes.count
                names += entry.names.count
                for name in entry.names {
                    if let i = languages.firstIndex(where: { $0.language == name.language }) {
                        languages[i].count += 1
                    } else if languages.count < 32 {
                        languages.append((name.language, 1))
                    } else {
                        moreLanguages[name.language, default: 0] += 1
                    }
                    statuses[NameStatus.allCases.firstIndex(of: name.status)!] += 1
                    types[NameType.allCases.firstIndex(of: name.type)!] += 1
                }
            }
        }
        byKind = Dictionary(uniqueKeysWithValues: zip(EntryKind.allCases, kinds))
        byStatus = Dictionary(uniqueKeysWithValues: zip(NameStatus.allCases, statuses))
        byType = Dictionary(uniqueKeysWithValues: zip(NameType.allCases, types))
        byLanguage = moreLanguages.merging(languages.map { ($0.language, $0.count) }, uniquingKeysWith: +)
    }
}
