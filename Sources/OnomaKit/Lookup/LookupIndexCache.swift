import Foundation

/// A compiled lookup index stored beside the dictionaries, so that one `onoma lookup` on a
/// large glossary does not parse and index it again.
///
/// - Location: `.onoma-index/` in the folder of the first dictionary file, or, when that is not
///   writable, `$XDG_CACHE_HOME/onoma/` (default `~/.cache/onoma/`). One file per set of
///   dictionary paths.
/// - Validity: the file starts with a format version and a 64-bit hash of the *content* of
///   every dictionary file and every reference table (`Dictionaries/reference/*.tsv`); any
///   difference, a short or corrupt file, or inconsistent tables makes it ignored and rebuilt —
///   a cache is never trusted over the dictionaries.
/// - Source locations of entries and names (used for diagnostics, not by lookups) are not
///   stored: entries from a cache have `location == nil`.
/// - Writing is atomic (a temporary file renamed over the old one); failure to write is not
///   an error (the lookup still answers).
public enum LookupIndexCache {
    /// What happened to the cache on a load.
    public enum Status: String, Sendable {
        /// A valid cache was used.
        case hit
        /// There was none, or it was stale or corrupt; the index was built and the cache written.
        case rebuilt
        /// The index was built but the cache could not be written.
        case unwritable
    }

    /// Bump when the index layout or the matching rules change.
    static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("ONOMAIDX".utf8)

    /// Loads `files` into an engine through the cache.
    /// - Parameters:
    ///   - files: dictionary files, in order.
    ///   - dataDirectory: Onoma's `Dictionaries/` folder (reference tables).
    ///   - cacheDirectory: where to keep the cache; nil for the default location above.
    /// - Returns: the engine and what happened to the cache.
    /// - Throws: ``DictionaryError`` when a dictionary cannot be loaded, ``LookupError`` when
    ///   reference data is missing or ids repeat.
    public static func engine(files: [URL], dataDirectory: URL? = OnomaData.defaultDirectory(),
                              cacheDirectory: URL? = nil) throws -> (LookupEngine, Status) {
        guard let dataDirectory else {
            throw LookupError.referenceData("Onoma's Dictionaries/ folder was not found; set ONOMA_DICTIONARIES to its path")
        }
        let contents = try files.map { url -> Data in
            do { return try Data(contentsOf: url, options: .mappedIfSafe) } catch {
                // Let the loader report it with its usual message.
                _ = try GlossaryLoader.load(contentsOf: url)
                throw error
            }
        }
        var hash = StableHash()
        hash.combine(formatVersion)
        for data in contents { combine(&hash, data) }
        let reference = dataDirectory.appendingPathComponent("reference")
        let tables = ((try? FileManager.default.contentsOfDirectory(atPath: reference.path)) ?? []).filter { $0.hasSuffix(".tsv") }.sorted()
        for t in tables {
            hash.combine(UInt32(truncatingIfNeeded: t.utf8.count))
            if let d = try? Data(contentsOf: reference.appendingPathComponent(t), options: .mappedIfSafe) { combine(&hash, d) }
        }
        let contentHash = hash.value
        var nameHash = StableHash()
        for f in files { for s in f.standardizedFileURL.path.unicodeScalars { nameHash.combine(s.value) }; nameHash.combine(0) }
        let fileName = String(nameHash.value, radix: 16) + ".idx"
        let locations = cacheDirectory.map { [$0] } ?? defaultLocations(besides: files.first)

        let surnames = try KoreanSurnameSpellings(contentsOf: reference.appendingPathComponent(KoreanSurnameSpellings.fileName))
        for dir in locations {
            let url = dir.appendingPathComponent(fileName)
            if let data = try? Data(contentsOf: url, options: .mappedIfSafe), let index = read(data, contentHash: contentHash, surnames: surnames) {
                return (LookupEngine(index: index), .hit)
            }
        }
        let glossaries = try zip(files, contents).map { url, data in
            try GlossaryLoader.load(data: data, fileName: url.path)
        }
        let engine = try LookupEngine(glossaries: try GlossarySet(glossaries).glossaries, dataDirectory: dataDirectory)
        let bytes = write(engine.index, contentHash: contentHash)
        for dir in locations {
            if (try? writeAtomically(bytes, to: dir.appendingPathComponent(fileName))) != nil { return (engine, .rebuilt) }
        }
        return (engine, .unwritable)
    }

    /// A word-wise checksum of `raw` (or of `bytes` when `raw` is nil).
    static func checksum(_ raw: UnsafeRawBufferPointer?, _ bytes: [UInt8]) -> UInt64 {
        var hash = StableHash()
        if let raw { combine(&hash, raw) } else { bytes.withUnsafeBytes { combine(&hash, $0) } }
        return hash.value
    }

    private static func combine(_ hash: inout StableHash, _ data: Data) {
        data.withUnsafeBytes { combine(&hash, $0) }
    }

    private static func combine(_ hash: inout StableHash, _ raw: UnsafeRawBufferPointer) {
        hash.combine(UInt32(truncatingIfNeeded: raw.count))
        let words = raw.count / 8
        for i in 0..<words {
            let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            hash.combine(UInt32(truncatingIfNeeded: w))
            hash.combine(UInt32(truncatingIfNeeded: w >> 32))
        }
        for i in (words * 8)..<raw.count { hash.combine(UInt32(raw[i])) }
    }

    static func defaultLocations(besides file: URL?) -> [URL] {
        var out: [URL] = []
        if let file { out.append(file.deletingLastPathComponent().appendingPathComponent(".onoma-index", isDirectory: true)) }
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            out.append(URL(fileURLWithPath: xdg).appendingPathComponent("onoma", isDirectory: true))
        } else if let home = env["HOME"], !home.isEmpty {
            out.append(URL(fileURLWithPath: home).appendingPathComponent(".cache/onoma", isDirectory: true))
        }
        return out
    }

    private static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try Data(bytes).write(to: temp)
        if rename(temp.path, url.path) != 0 {
            try? fm.removeItem(at: temp)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    // MARK: format

    static func write(_ index: LookupIndex, contentHash: UInt64) -> [UInt8] {
        var w = BinaryWriter()
        w.bytes.append(contentsOf: magic)
        w.u32(formatVersion)
        w.u64(contentHash)
        w.u64(UInt64(index.entries.count))
        for e in index.entries {
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
        w.u64(UInt64(index.forms.count))
        for f in index.forms {
            w.u32(UInt32(bitPattern: f.entry)); w.u32(UInt32(bitPattern: f.name))
            w.optionalString(f.derivation); w.string(f.text)
            w.u8(f.script.rawValue); w.u32(UInt32(f.familyUnits))
            w.array(f.hangul)
            if let latin = f.latin {
                w.u8(1); w.array(latin.letters); w.array(latin.tokenStarts.map { UInt32($0) })
            } else {
                w.u8(0)
            }
        }
        w.array(index.entryForms.map { UInt32(bitPattern: $0) })
        for t in [index.exact, index.normalized, index.skeleton] {
            w.array(t.keys); w.array(t.heads); w.array(t.next); w.array(t.values)
        }
        w.u64(UInt64(index.groups.count))
        for g in index.groups { w.array(g.map { UInt32(bitPattern: $0) }) }
        // Trailer: a checksum of everything before it, so that a damaged file is never used.
        w.u64(checksum(UnsafeRawBufferPointer?.none, w.bytes))
        w.bytes.append(contentsOf: magic)
        return w.bytes
    }

    /// The index stored in `data`, or nil when it is not a valid cache for `contentHash`.
    static func read(_ data: Data, contentHash: UInt64, surnames: KoreanSurnameSpellings) -> LookupIndex? {
        data.withUnsafeBytes { raw -> LookupIndex? in
            var r = BinaryReader(raw: raw)
            let trailer = magic.count + 8
            guard raw.count > trailer + magic.count + 12, r.take(magic.count).map(Array.init) == magic, r.u32() == formatVersion,
                  r.u64() == contentHash, Array(raw[(raw.count - magic.count)...]) == magic,
                  checksum(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - trailer)]), []) ==
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - trailer, as: UInt64.self)) else { return nil }
            guard let entryCount = r.count() else { return nil }
            var entries: [GlossaryEntry] = []
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                guard let id = r.string(), let kind = r.u8().flatMap({ Int($0) < EntryKind.allCases.count ? EntryKind.allCases[Int($0)] : nil }),
                      let nameCount = r.u32() else { return nil }
                var names: [NameForm] = []
                names.reserveCapacity(Int(nameCount))
                for _ in 0..<nameCount {
                    guard let language = r.string(), let text = r.string(),
                          let status = r.u8().flatMap({ Int($0) < NameStatus.allCases.count ? NameStatus.allCases[Int($0)] : nil }),
                          let type = r.u8().flatMap({ Int($0) < NameType.allCases.count ? NameType.allCases[Int($0)] : nil }),
                          let family = r.optionalString(), let given = r.optionalString(), let scheme = r.optionalString() else { return nil }
                    names.append(NameForm(language: language, text: text, status: status, type: type, family: family, given: given, scheme: scheme))
                }
                guard let noteCount = r.u32() else { return nil }
                var notes: [String] = []
                for _ in 0..<noteCount { guard let n = r.string() else { return nil }; notes.append(n) }
                entries.append(GlossaryEntry(id: id, kind: kind, names: names, notes: notes))
            }
            guard let formCount = r.count() else { return nil }
            var forms: [IndexedForm] = []
            forms.reserveCapacity(formCount)
            for _ in 0..<formCount {
                guard let entry = r.u32(), let name = r.u32(), let derivation = r.optionalString(), let text = r.string(),
                      let script = r.u8().flatMap(NameText.Script.init(rawValue:)), let family = r.u32(),
                      let hangul: [UInt16] = r.array(), let hasLatin = r.u8() else { return nil }
                let e = Int(Int32(bitPattern: entry))
                guard e >= 0, e < entries.count, Int(name) < entries[e].names.count else { return nil }
                var latin: LatinLetters?
                if hasLatin == 1 {
                    guard let letters: [UInt8] = r.array(), let starts: [UInt32] = r.array() else { return nil }
                    var tokens: [[UInt8]] = []
                    for (i, s) in starts.enumerated() {
                        let end = i + 1 < starts.count ? Int(starts[i + 1]) : letters.count
                        guard Int(s) <= end, end <= letters.count else { return nil }
                        tokens.append(Array(letters[Int(s)..<end]))
                    }
                    latin = LatinLetters(tokens: tokens)
                }
                forms.append(IndexedForm(entry: Int32(e), name: Int32(name), derivation: derivation, text: text, script: script,
                                         familyUnits: Int(family), hangul: hangul, latin: latin))
            }
            guard let entryFormsRaw: [UInt32] = r.array(), entryFormsRaw.count == entries.count + 1,
                  entryFormsRaw.allSatisfy({ Int($0) <= forms.count }) else { return nil }
            var tables: [PostingTable] = []
            for _ in 0..<3 {
                guard let keys: [UInt64] = r.array(), let heads: [UInt32] = r.array(), let next: [UInt32] = r.array(),
                      let values: [UInt32] = r.array(), let t = PostingTable(keys: keys, heads: heads, next: next, values: values) else { return nil }
                tables.append(t)
            }
            guard let groupCount = r.count() else { return nil }
            var groups: [[Int32]] = []
            groups.reserveCapacity(groupCount)
            for _ in 0..<groupCount {
                guard let g: [UInt32] = r.array(), !g.isEmpty, g.allSatisfy({ Int($0) < forms.count }) else { return nil }
                groups.append(g.map { Int32(bitPattern: $0) })
            }
            // Postings must point at existing forms and groups.
            guard tables[0].values.allSatisfy({ Int($0 >> PostingFlag.shift) < forms.count }),
                  tables[1].values.allSatisfy({ Int($0 >> PostingFlag.shift) < forms.count }),
                  tables[2].values.allSatisfy({ Int($0 >> PostingFlag.shift) < groups.count }),
                  r.u64() != nil, r.take(magic.count).map(Array.init) == magic, r.isAtEnd else { return nil }
            return LookupIndex(entries: entries, forms: forms, entryForms: entryFormsRaw.map { Int32(bitPattern: $0) },
                               exact: tables[0], normalized: tables[1], skeleton: tables[2], groups: groups, surnames: surnames)
        }
    }
}

/// Appends little-endian values to a byte array.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ s: String) { var s = s; s.withUTF8 { u32(UInt32($0.count)); bytes.append(contentsOf: $0) } }
    mutating func optionalString(_ s: String?) {
        if let s { u8(1); string(s) } else { u8(0) }
    }
    mutating func array<T: FixedWidthInteger>(_ a: [T]) {
        u64(UInt64(a.count))
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }  // native (little-endian) order
    }
}

/// Reads what ``BinaryWriter`` wrote; every read is bounds-checked and returns nil past the end.
struct BinaryReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    init(raw: UnsafeRawBufferPointer) { self.raw = raw }

    var isAtEnd: Bool { offset == raw.count }

    mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
        guard n >= 0, n <= raw.count - offset else { return nil }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + n)])
    }
    mutating func u8() -> UInt8? { take(1).map { $0[0] } }
    mutating func u32() -> UInt32? { take(4).map { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) } }
    mutating func u64() -> UInt64? { take(8).map { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) } }
    /// A count that must fit in what is left of the buffer.
    mutating func count() -> Int? {
        guard let n = u64(), n <= UInt64(raw.count) else { return nil }
        return Int(n)
    }
    mutating func string() -> String? {
        guard let n = u32(), let b = take(Int(n)) else { return nil }
        return String(validating: b, as: UTF8.self)
    }
    mutating func optionalString() -> String?? {
        guard let flag = u8() else { return nil }
        if flag == 0 { return .some(nil) }
        guard flag == 1, let s = string() else { return nil }
        return .some(s)
    }
    mutating func array<T: FixedWidthInteger>() -> [T]? {
        guard let n = count(), n <= (raw.count - offset) / MemoryLayout<T>.size, let b = take(n * MemoryLayout<T>.size) else { return nil }
        // The cache is written by this machine's byte order (little-endian on every supported
        // platform); copy the bytes in one go.
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            if n > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: b) }
            count = n
        }
    }
}
