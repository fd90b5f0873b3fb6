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
    static let formatVersion: UInt32 = 8
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
        let contents = try files.map { url -> MappedFile in
            if let mapped = MappedFile(url) { return mapped }
            do { return MappedFile(copying: try Data(contentsOf: url)) } catch {
                // Let the loader report it with its usual message.
                _ = try GlossaryLoader.load(contentsOf: url)
                throw error
            }
        }
        var hash = StableHash()
        hash.combine(formatVersion)
        for file in contents { combine(&hash, file.bytes) }
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
            if let file = MappedFile(url), let index = read(file.bytes, contentHash: contentHash, surnames: surnames) {
                return (LookupEngine(index: index), .hit)
            }
        }
        let glossaries = try zip(files, contents).map { url, file in
            try GlossaryLoader.load(data: file.data, fileName: url.path)
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

    /// Folds `raw` into `hash` through ``digest(_:)``.
    private static func combine(_ hash: inout StableHash, _ raw: UnsafeRawBufferPointer) {
        let d = digest(raw)
        hash.combine(UInt32(truncatingIfNeeded: raw.count))
        hash.combine(UInt32(truncatingIfNeeded: d))
        hash.combine(UInt32(truncatingIfNeeded: d >> 32))
    }

    /// A 64-bit digest of `raw`: four independent multiply–rotate lanes over 64-bit words, so
    /// that hashing a 50 MB dictionary or cache costs a few milliseconds (a one-lane hash is
    /// bound by the latency of its multiply chain). Not cryptographic: it detects change and
    /// damage, it does not resist forgery.
    static func digest(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (p1, p2, p1 ^ p2, p1 &+ p2)
        @inline(__always) func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let x = lane &+ word &* p2
            return ((x << 31) | (x >> 33)) &* p1
        }
        var i = 0
        let n = raw.count
        while i + 32 <= n {
            lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var tail: UInt64 = UInt64(n)
        while i < n { tail = round(tail, UInt64(raw[i])); i += 1 }
        var h = round(round(round(round(tail, lanes.0), lanes.1), lanes.2), lanes.3)
        h ^= h >> 29; h = h &* p2; h ^= h >> 32
        return h
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
        // Every part is a flat array: reading the cache is copying them back.
        w.array(index.entries.offsets); w.array(index.entries.bytes)
        w.array(index.forms.words); w.array(index.forms.text); w.array(index.forms.hangul); w.array(index.forms.latin)
        w.u32(UInt32(index.forms.labels.count))
        for label in index.forms.labels { w.string(label) }
        w.array(index.entryForms.map { UInt32(bitPattern: $0) })
        for t in [index.exact, index.normalized, index.skeletonHangul, index.skeletonLatin] {
            w.array(t.keys); w.array(t.heads); w.array(t.next); w.array(t.values)
        }
        w.array(index.groups.starts); w.array(index.groups.members.map { UInt32(bitPattern: $0) }); w.array(index.groupVowels); w.array(index.groupVowelsRotated)
        w.array(index.syllablesInUse); w.array(index.familiesInUse)
        // Trailer: a checksum of everything before it, so that a damaged file is never used.
        w.u64(checksum(UnsafeRawBufferPointer?.none, w.bytes))
        w.bytes.append(contentsOf: magic)
        return w.bytes
    }

    /// The index stored in `raw`, or nil when it is not a valid cache for `contentHash`.
    static func read(_ raw: UnsafeRawBufferPointer, contentHash: UInt64, surnames: KoreanSurnameSpellings) -> LookupIndex? {
        do {
            var r = BinaryReader(raw: raw)
            let trailer = magic.count + 8
            guard raw.count > trailer + magic.count + 12, r.take(magic.count).map(Array.init) == magic, r.u32() == formatVersion,
                  r.u64() == contentHash, Array(raw[(raw.count - magic.count)...]) == magic,
                  checksum(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - trailer)]), []) ==
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - trailer, as: UInt64.self)) else { return nil }
            guard let entryOffsets: [UInt32] = r.array(), let entryBytes: [UInt8] = r.array(),
                  let entries = EntryTable(offsets: entryOffsets, bytes: entryBytes),
                  let words: [UInt32] = r.array(), let text: [UInt8] = r.array(), let hangul: [UInt16] = r.array(),
                  let latin: [UInt8] = r.array(), let labelCount = r.u32(), labelCount < 255 else { return nil }
            var labels: [String] = []
            for _ in 0..<labelCount { guard let l = r.string() else { return nil }; labels.append(l) }
            guard let forms = FormTable(words: words, text: text, hangul: hangul, latin: latin, labels: labels, entryCount: entries.count),
                  let entryFormsRaw: [UInt32] = r.array(), entryFormsRaw.count == entries.count + 1,
                  entryFormsRaw.allSatisfy({ Int($0) <= forms.count }) else { return nil }
            var tables: [PostingTable] = []
            for _ in 0..<4 {
                guard let keys: [UInt64] = r.array(), let heads: [UInt32] = r.array(), let next: [UInt32] = r.array(),
                      let values: [UInt32] = r.array(), let t = PostingTable(keys: keys, heads: heads, next: next, values: values) else { return nil }
                tables.append(t)
            }
            guard let starts: [UInt32] = r.array(), let members: [UInt32] = r.array(),
                  let groups = ReadingGroups(starts: starts, members: members.map { Int32(bitPattern: $0) }, formCount: forms.count),
                  let groupVowels: [UInt64] = r.array(), groupVowels.count == groups.count,
                  let groupVowelsRotated: [UInt64] = r.array(), groupVowelsRotated.count == groups.count,
                  let syllables: [UInt16] = r.array(), let families: [UInt16] = r.array() else { return nil }
            // Postings must point at existing forms and groups.
            guard tables[0].values.allSatisfy({ Int($0 >> PostingFlag.shift) < forms.count }),
                  tables[1].values.allSatisfy({ Int($0 >> PostingFlag.shift) < forms.count }),
                  tables[2].values.allSatisfy({ Int($0 >> PostingFlag.shift) < groups.count }),
                  tables[3].values.allSatisfy({ Int($0 >> PostingFlag.shift) < groups.count }),
                  r.u64() != nil, r.take(magic.count).map(Array.init) == magic, r.isAtEnd else { return nil }
            return LookupIndex(entries: entries, forms: forms, entryForms: entryFormsRaw.map { Int32(bitPattern: $0) },
                               exact: tables[0], normalized: tables[1], skeletonHangul: tables[2], skeletonLatin: tables[3], groups: groups, groupVowels: groupVowels, groupVowelsRotated: groupVowelsRotated,
                               syllablesInUse: syllables, familiesInUse: families, surnames: surnames)
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
    mutating func optionalString(trusted: Bool = false) -> String?? {
        guard let flag = u8() else { return nil }
        if flag == 0 { return .some(nil) }
        guard flag == 1, let s = trusted ? trustedString() : string() else { return nil }
        return .some(s)
    }
    /// A string from bytes this program wrote (checksummed): decoded without validation
    /// (a damaged byte would become U+FFFD, never a trap).
    mutating func trustedString() -> String? {
        guard let n = u32(), let b = take(Int(n)) else { return nil }
        return String(decoding: b, as: UTF8.self)
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
