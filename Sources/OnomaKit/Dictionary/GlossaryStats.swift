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
        var entryCount = 0, noteCount = 0, nameCount = 0
        for glossary in glossaries {
            entryCount += glossary.entries.count
            // Buffer access reads fields in place instead of copying each entry and name.
            glossary.entries.withUnsafeBufferPointer { entryBuffer in
                for e in entryBuffer.indices {
                    kinds[Self.index(entryBuffer[e].kind)] += 1
                    noteCount += entryBuffer[e].notes.count
                    entryBuffer[e].names.withUnsafeBufferPointer { nameBuffer in
                        nameCount += nameBuffer.count
                        for n in nameBuffer.indices {
                            let language = nameBuffer[n].language
                            if let i = languages.firstIndex(where: { $0.language == language }) {
                                languages[i].count += 1
                            } else if languages.count < 32 {
                                languages.append((language, 1))
                            } else {
                                moreLanguages[language, default: 0] += 1
                            }
                            statuses[Self.index(nameBuffer[n].status)] += 1
                            types[Self.index(nameBuffer[n].type)] += 1
                        }
                    }
                }
            }
        }
        entries = entryCount
        notes = noteCount
        names = nameCount
        byKind = Dictionary(uniqueKeysWithValues: zip(EntryKind.allCases, kinds))
        byStatus = Dictionary(uniqueKeysWithValues: zip(NameStatus.allCases, statuses))
        byType = Dictionary(uniqueKeysWithValues: zip(NameType.allCases, types))
        byLanguage = moreLanguages.merging(languages.map { ($0.language, $0.count) }, uniquingKeysWith: +)
    }

    private static func index(_ kind: EntryKind) -> Int {
        switch kind { case .person: 0; case .organization: 1; case .place: 2; case .term: 3 }
    }

    private static func index(_ status: NameStatus) -> Int {
        switch status { case .preferred: 0; case .admitted: 1; case .deprecated: 2 }
    }

    private static func index(_ type: NameType) -> Int {
        switch type { case .full: 0; case .abbreviation: 1; case .alias: 2; case .former: 3 }
    }
}
