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
        bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw: UnsafeRawBufferPointer(rebasing: raw[Int(offsets[i])..<Int(offsets[i + 1])]))
            return EntryTable.decode(&r)
        }
    }

    /// What a lookup shows of entry `i`: its id, kind, canonical name in `language` (as
    /// ``GlossaryEntry/canonicalName(language:)`` and then the preferred, first, or id), and
    /// its name number `name`. Reads the entry in place and makes strings only of those, not
    /// of every name, family, given name, scheme and note (five times fewer allocations).
    /// - Returns: nil when the bytes are damaged (only a corrupt cache can cause that).
    func summary(_ i: Int, name wanted: Int, language: String) -> EntrySummary? {
        var language = language
        return language.withUTF8 { lang in
            bytes.withUnsafeBytes { raw -> EntrySummary? in
                var r = BinaryReader(raw: UnsafeRawBufferPointer(rebasing: raw[Int(offsets[i])..<Int(offsets[i + 1])]))
                guard let id = r.trustedString(), let kind = r.u8().flatMap({ Int($0) < EntryKind.allCases.count ? EntryKind.allCases[Int($0)] : nil }),
                      let nameCount = r.u32(), Int(nameCount) <= r.raw.count else { return nil }
                var preferredInLanguage: UnsafeRawBufferPointer?, currentInLanguage: UnsafeRawBufferPointer?
                var preferred: UnsafeRawBufferPointer?, first: UnsafeRawBufferPointer?
                var stored: NameForm?
                for k in 0..<Int(nameCount) {
                    guard let ln = r.u32(), let l = r.take(Int(ln)), let tn = r.u32(), let text = r.take(Int(tn)),
                          let status = r.u8().flatMap({ Int($0) < NameStatus.allCases.count ? NameStatus.allCases[Int($0)] : nil }),
                          r.u8() != nil else { return nil }
                    for _ in 0..<3 {  // family, given, scheme: skipped
                        guard let flag = r.u8() else { return nil }
                        if flag == 1 { guard let n = r.u32(), r.take(Int(n)) != nil else { return nil } } else if flag != 0 { return nil }
                    }
                    if first == nil { first = text }
                    if preferred == nil && status == .preferred { preferred = text }
                    if l.elementsEqual(UnsafeRawBufferPointer(lang)) {
                        if preferredInLanguage == nil && status == .preferred { preferredInLanguage = text }
                        if currentInLanguage == nil && status != .deprecated { currentInLanguage = text }
                    }
                    if k == wanted {
                        stored = NameForm(language: String(decoding: l, as: UTF8.self), text: String(decoding: text, as: UTF8.self), status: status)
                    }
                }
                let canonical = (preferredInLanguage ?? currentInLanguage ?? preferred ?? first).map { String(decoding: $0, as: UTF8.self) } ?? id
                return EntrySummary(id: id, kind: kind, canonical: canonical, name: stored)
            }
        }
    }

    /// Every entry, in order (entries that fail to decode are left out).
    var all: [GlossaryEntry] { (0..<count).compactMap { self[$0] } }

    private static func decode(_ r: inout BinaryReader) -> GlossaryEntry? {
        guard let id = r.trustedString(), let kind = r.u8().flatMap({ Int($0) < EntryKind.allCases.count ? EntryKind.allCases[Int($0)] : nil }),
              let nameCount = r.u32(), Int(nameCount) <= r.raw.count else { return nil }
        var names: [NameForm] = []
        names.reserveCapacity(Int(nameCount))
        for _ in 0..<nameCount {
            guard let language = r.trustedString(), let text = r.trustedString(),
                  let status = r.u8().flatMap({ Int($0) < NameStatus.allCases.count ? NameStatus.allCases[Int($0)] : nil }),
                  let type = r.u8().flatMap({ Int($0) < NameType.allCases.count ? NameType.allCases[Int($0)] : nil }),
                  let family = r.optionalString(trusted: true), let given = r.optionalString(trusted: true),
                  let scheme = r.optionalString(trusted: true) else { return nil }
            names.append(NameForm(language: language, text: text, status: status, type: type, family: family, given: given, scheme: scheme))
        }
        guard let noteCount = r.u32(), Int(noteCount) <= r.raw.count else { return nil }
        var notes: [String] = []
        for _ in 0..<noteCount { guard let n = r.trustedString() else { return nil }; notes.append(n) }
        return GlossaryEntry(id: id, kind: kind, names: names, notes: notes)
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
