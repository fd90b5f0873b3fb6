/// The rules across entries — `duplicate-id` and `ambiguous-name` — fed one entry at a time, in
/// the order of the glossaries and of their entries.
///
/// Incremental so that ``EntryCheckPipeline`` can run them on another core while the parser goes
/// on; ``GlossaryRules/check(_:entryDiagnostics:)`` feeds it the same way after loading, so the
/// two paths give the same diagnostics.
struct CrossEntryIndex {
    /// Where an id or a name key was first seen, as indexes (no entry or name copies).
    private struct Place { var glossary: Int32, entry: Int32, name: Int32 }

    /// The entries fed so far, per glossary (copies share their storage with the caller's).
    private var glossaries: [[GlossaryEntry]] = []
    private var fallbackFile = ""
    // Keyed by a 64-bit hash of the key's bytes; a hit is confirmed by comparing the keys
    // themselves, and the rare true collision goes to an exact overflow table.
    private var firstByID: [UInt64: Place] = [:]
    private var firstByName: [UInt64: Place] = [:]
    private var overflowIDs: [RawKey: Place] = [:]
    private var overflowNames: [RawKey: Place] = [:]
    /// Scratch: the name-key hashes of the entry being added.
    private var hashesInEntry: [UInt64] = []

    /// Reserves room for about `entries` entries (each with a few names).
    mutating func reserve(entries: Int) {
        firstByID.reserveCapacity(entries)
        firstByName.reserveCapacity(entries * 5)
    }

    /// Starts the next glossary; its diagnostics without a location name `fallbackFile`.
    mutating func beginGlossary(fallbackFile: String, expectedEntries: Int = 0) {
        glossaries.append([])
        glossaries[glossaries.count - 1].reserveCapacity(expectedEntries)
        self.fallbackFile = fallbackFile
    }

    private func entry(_ p: Place) -> GlossaryEntry { glossaries[Int(p.glossary)][Int(p.entry)] }

    /// Adds the next entry of the current glossary and appends its problems with the entries
    /// added before it to `out` (the id's first, then ambiguity, name by name).
    /// - Complexity: O(number of names), amortized.
    mutating func add(_ newEntry: GlossaryEntry, into out: inout [Diagnostic]) {
        precondition(!glossaries.isEmpty, "beginGlossary(fallbackFile:) first")
        let g = glossaries.count - 1
        let e = glossaries[g].count
        glossaries[g].append(newEntry)
        let entryLocation = newEntry.location ?? SourceLocation(file: fallbackFile, line: 0, column: 0)
        let id = newEntry.id
        let here = Place(glossary: Int32(g), entry: Int32(e), name: -1)
        if !id.isEmpty {
            var first: Place?
            let h = GlossaryRules.hash(id.utf8)
            if let candidate = firstByID[h] {
                if RawKey(entry(candidate).id) == RawKey(id) {
                    first = candidate
                } else if let exact = overflowIDs[RawKey(id)] {
                    first = exact
                } else {
                    overflowIDs[RawKey(id)] = here
                }
            } else {
                firstByID[h] = here
            }
            if let first {
                out.append(GlossaryRules.duplicateID(newEntry, firstLocation: entry(first).location))
            }
        }
        // Ambiguity: one written form naming two entries.
        hashesInEntry.removeAll(keepingCapacity: true)
        newEntry.names.withUnsafeBufferPointer { names in
            for n in names.indices {
                let h = GlossaryRules.matchKeyHash(names[n].text)
                guard let h, !hashesInEntry.contains(h) else { continue }
                hashesInEntry.append(h)
                let place = Place(glossary: Int32(g), entry: Int32(e), name: Int32(n))
                var first: Place?
                if let candidate = firstByName[h] {
                    let key = GlossaryRules.matchKey(names[n].text)
                    if GlossaryRules.matchKey(entry(candidate).names[Int(candidate.name)].text) == key {
                        first = candidate
                    } else if let exact = overflowNames[RawKey(key)] {
                        first = exact
                    } else {
                        overflowNames[RawKey(key)] = place
                    }
                } else {
                    firstByName[h] = place
                }
                guard let first else { continue }
                let other = entry(first)
                if other.id != id {
                    let there = other.names[Int(first.name)].location
                    out.append(Diagnostic(.ambiguousName, at: names[n].location ?? entryLocation,
                        "\"\(names[n].text)\" also names entry '\(other.id)' (\(there.map(\.description) ?? "?")); lookups of it will be ambiguous: check that both entries are meant, or mark the less usual one deprecated"))
                }
            }
        }
    }
}
