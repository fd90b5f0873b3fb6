import Foundation

/// The indexed entries, stored serialized: one byte range per entry, decoded into a
/// ``GlossaryEntry`` only when a lookup returns it.
///
/// Serialized because a lookup returns a handful of entries out of hundreds of thousands:
/// the index cache restores the whole table with two array copies, and a built index keeps
/// the same compact form (source locations are not kept: lookups do not report them).
struct EntryTable: Sendable {
    /// Entry i is bytes[offsets[i]..<offsets[i + 1]]; count = entries + 1.
    private(set) var offsets: [UInt32] = [0]
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Restores a table from its arrays (the index cache); nil when they are inconsistent.
    init?(offsets: [UInt32], bytes: [UInt8]) {
        guard offsets.first == 0, offsets.last.map({ Int($0) == bytes.count }) == true,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Number of entries.
    var count: Int { offsets.count - 1 }

    /// Appends an entry.
    mutating func append(_ e: GlossaryEntry) {
        var w = BinaryWriter()
        swap(&w.bytes, &bytes)  // write in place
        defer { swap(&w.bytes, &bytes); offsets.append(UInt32(bytes.count)) }
        w.string(e.id)
        w.u8(UInt8(EntryKind.allCases.firstIndex(of: e.kind)!))
        w.u32(UInt32(e.names.count))
        for n in e.names {
            w.string(n.language); w.string(n.text)
            w.u8(UInt8(NameStatus.allCases.firstIndex(of: n.status)!))
            w.u8(UInt8(NameType.allCases.firstIndex(of: n.type)!))
            w.optionalString(n.family); w.optionalString(n.given); w.optionalString(n.scheme)
        }
        w.u32(UInt32(e.notes.count))
        for note in e.notes { w.string(note) }
    }

    /// Appends the entries of another table.
    mutating func append(contentsOf other: EntryTable) {
        let base = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
    }

    /// Entry `i`, decoded; nil when its bytes are damaged (only a corrupt cache can cause that).
    subscript(i: Int) -> GlossaryEntry? {
        withEntry(i) { r -> GlossaryEntry? in
            guard let header = EntryTable.readHeader(&r) else { return nil }
            var names: [NameForm] = []
            names.reserveCapacity(header.nameCount)
            for _ in 0..<header.nameCount {
                guard let n = EntryTable.readName(&r) else { return nil }
                names.append(NameForm(language: EntryTable.string(n.language), text: EntryTable.string(n.text), status: n.status, type: n.type,
                                      family: n.family.map(EntryTable.string), given: n.given.map(EntryTable.string), scheme: n.scheme.map(EntryTable.string)))
            }
            guard let noteCount = r.u32(), Int(noteCount) <= r.raw.count else { return nil }
            var notes: [String] = []
            for _ in 0..<noteCount { guard let n = r.trustedString() else { return nil }; notes.append(n) }
            return GlossaryEntry(id: EntryTable.string(header.id), kind: header.kind, names: names, notes: notes)
        }
    }

    /// What a lookup shows of entry `i`: its id, kind, canonical name in `language` (as
    /// ``GlossaryEntry/canonicalName(language:)`` and then the preferred, first, or id), and
    /// its name number `name`. Reads the entry in place and makes strings only of those, not
    /// of every name, family, given name, scheme and note (five times fewer allocations).
    /// - Returns: nil when the bytes are damaged (only a corrupt cache can cause that).
    /// - Parameter nameText: false when the caller has the name's text already (the returned
    ///   name's text is then empty): a string fewer per match.
    func summary(_ i: Int, name wanted: Int, language: String, nameText: Bool = true) -> EntrySummary? {
        var language = language
        return language.withUTF8 { lang in
            withEntry(i) { r -> EntrySummary? in
                guard let header = EntryTable.readHeader(&r) else { return nil }
                var preferredInLanguage: UnsafeRawBufferPointer?, currentInLanguage: UnsafeRawBufferPointer?
                var preferred: UnsafeRawBufferPointer?, first: UnsafeRawBufferPointer?
                var stored: NameForm?
                for k in 0..<header.nameCount {
                    guard let n = EntryTable.readName(&r) else { return nil }
                    if first == nil { first = n.text }
                    if preferred == nil && n.status == .preferred { preferred = n.text }
                    if n.language.elementsEqual(UnsafeRawBufferPointer(lang)) {
                        if preferredInLanguage == nil && n.status == .preferred { preferredInLanguage = n.text }
                        if currentInLanguage == nil && n.status != .deprecated { currentInLanguage = n.text }
                    }
                    if k == wanted {
                        stored = NameForm(language: EntryTable.string(n.language), text: nameText ? EntryTable.string(n.text) : "", status: n.status)
                    }
                }
                let id = EntryTable.string(header.id)
                let canonical = (preferredInLanguage ?? currentInLanguage ?? preferred ?? first).map(EntryTable.string) ?? id
                return EntrySummary(id: id, kind: header.kind, canonical: canonical, name: stored)
            }
        }
    }

    /// Every entry, in order (entries that fail to decode are left out).
    var all: [GlossaryEntry] { (0..<count).compactMap { self[$0] } }

    // MARK: layout (the one reader of what ``append(_:)`` writes)

    /// Calls `body` with a reader over entry `i`'s bytes.
    private func withEntry<R>(_ i: Int, _ body: (inout BinaryReader) -> R) -> R {
        bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw: UnsafeRawBufferPointer(rebasing: raw[Int(offsets[i])..<Int(offsets[i + 1])]))
            return body(&r)
        }
    }

    // Decoded once: `allCases` of an enum builds an array at every use.
    private static let kinds = EntryKind.allCases, statuses = NameStatus.allCases, types = NameType.allCases

    /// Text the table wrote itself (valid UTF-8 when the checksum holds; repaired otherwise).
    @inline(__always) private static func string(_ b: UnsafeRawBufferPointer) -> String {
        String(decoding: b, as: UTF8.self)
    }

    private static func readHeader(_ r: inout BinaryReader) -> (id: UnsafeRawBufferPointer, kind: EntryKind, nameCount: Int)? {
        guard let idLength = r.u32(), let id = r.take(Int(idLength)), let k = r.u8(), Int(k) < kinds.count,
              let nameCount = r.u32(), Int(nameCount) <= r.raw.count else { return nil }
        return (id, kinds[Int(k)], Int(nameCount))
    }

    /// One serialized name, its texts still in place.
    private struct RawName {
        var language: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer
        var status: NameStatus, type: NameType
        var family: UnsafeRawBufferPointer?, given: UnsafeRawBufferPointer?, scheme: UnsafeRawBufferPointer?
    }

    private static func readName(_ r: inout BinaryReader) -> RawName? {
        guard let ln = r.u32(), let language = r.take(Int(ln)), let tn = r.u32(), let text = r.take(Int(tn)),
              let st = r.u8(), Int(st) < statuses.count, let ty = r.u8(), Int(ty) < types.count else { return nil }
        guard let family = readOptional(&r), let given = readOptional(&r), let scheme = readOptional(&r) else { return nil }
        return RawName(language: language, text: text, status: statuses[Int(st)], type: types[Int(ty)], family: family, given: given, scheme: scheme)
    }

    /// An optional text: .some(nil) when absent, nil when the bytes are damaged.
    @inline(__always) private static func readOptional(_ r: inout BinaryReader) -> UnsafeRawBufferPointer?? {
        guard let flag = r.u8() else { return nil }
        if flag == 0 { return .some(nil) }
        guard flag == 1, let n = r.u32(), let b = r.take(Int(n)) else { return nil }
        return .some(b)
    }
}

/// What a lookup shows of an entry (``EntryTable/summary(_:name:language:)``). A struct, not
/// a tuple: an optional tuple of strings is copied through the runtime's generic witnesses.
struct EntrySummary {
    var id: String
    var kind: EntryKind
    var canonical: String
    /// The name the match is about (nil when the entry has no such name).
    var name: NameForm?
}
