import Foundation

/// Several dictionaries loaded together: the set a lookup searches. Entry ids are unique
/// across all of them.
public struct GlossarySet: Sendable {
    /// The glossaries, in the order their files were given.
    public let glossaries: [Glossary]
    /// Every entry of every glossary, in file order then document order.
    public let entries: [GlossaryEntry]
    private let indexByID: [RawKey: Int]

    /// Combines glossaries already loaded.
    /// - Throws: ``DictionaryError`` (`.invalid`, code `duplicate-id`) when two entries share
    ///   an id, naming both places.
    public init(_ glossaries: [Glossary]) throws(DictionaryError) {
        var entries: [GlossaryEntry] = []
        entries.reserveCapacity(glossaries.reduce(0) { $0 + $1.entries.count })
        for glossary in glossaries { entries.append(contentsOf: glossary.entries) }
        var index: [RawKey: Int] = [:]
        index.reserveCapacity(entries.count)
        var duplicates: [Diagnostic] = []
        for (i, entry) in entries.enumerated() {
            let key = RawKey(entry.id)
            if let first = index[key] {
                duplicates.append(GlossaryRules.duplicateID(entry, first: entries[first]))
            } else {
                index[key] = i
            }
        }
        if !duplicates.isEmpty { throw DictionaryError(kind: .invalid, diagnostics: duplicates) }
        self.glossaries = glossaries
        self.entries = entries
        self.indexByID = index
    }

    /// The duplicate-id diagnostics for glossaries loaded together, without building a set.
    /// - Complexity: O(number of entries).
    public static func duplicateIDs(in glossaries: [Glossary]) -> [Diagnostic] {
        var firstByID: [RawKey: SourceLocation?] = [:]
        firstByID.reserveCapacity(glossaries.reduce(0) { $0 + $1.entries.count })
        var duplicates: [Diagnostic] = []
        for glossary in glossaries {
            glossary.entries.withUnsafeBufferPointer { entries in
                for i in entries.indices {
                    let key = RawKey(entries[i].id)
                    if let first = firstByID[key] {
                        duplicates.append(GlossaryRules.duplicateID(entries[i], firstLocation: first))
                    } else {
                        firstByID[key] = entries[i].location
                    }
                }
            }
        }
        return duplicates
    }

    /// Loads `files` together.
    /// - Throws: ``DictionaryError`` for the first file that cannot be loaded (see
    ///   ``GlossaryLoader/load(contentsOf:displayName:)``), or when ids repeat across files.
    /// - Complexity: O(total size of the files).
    public static func load(files: [URL]) throws(DictionaryError) -> GlossarySet {
        var glossaries: [Glossary] = []
        for file in files {
            glossaries.append(try GlossaryLoader.load(contentsOf: file))
        }
        return try GlossarySet(glossaries)
    }

    /// The shipped default dictionaries: every `*.xml` directly in the data folder
    /// (``OnomaData/defaultDirectory()``), sorted by name.
    /// - Throws: ``DictionaryError`` (`.noDictionaries`) when the folder or its files are missing.
    public static func defaultFiles() throws(DictionaryError) -> [URL] {
        guard let directory = OnomaData.defaultDirectory() else {
            throw DictionaryError(kind: .noDictionaries, diagnostics: [Diagnostic(.unreadable, file: "Dictionaries", line: 0, column: 0,
                "Onoma's Dictionaries folder was not found; set \(OnomaData.environmentVariable) to its path or pass --dict FILE")])
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let files = names.filter { $0.hasSuffix(".xml") }.sorted().map { directory.appendingPathComponent($0) }
        if files.isEmpty {
            throw DictionaryError(kind: .noDictionaries, diagnostics: [Diagnostic(.unreadable, file: directory.path, line: 0, column: 0,
                "no dictionary (*.xml) in \(directory.path); reinstall Onoma's Dictionaries folder or pass --dict FILE")])
        }
        return files
    }

    /// Loads the shipped default dictionaries (``defaultFiles()``).
    /// - Throws: ``DictionaryError``.
    public static func loadDefault() throws(DictionaryError) -> GlossarySet {
        try load(files: defaultFiles())
    }

    /// The entry with `id`, if any.
    /// - Complexity: O(1).
    public func entry(id: String) -> GlossaryEntry? {
        indexByID[RawKey(id)].map { entries[$0] }
    }
}
