import Foundation

/// The indexed name forms, stored flat: one fixed record of 32-bit words per form and three
/// pools (UTF-8 text, Hangul syllables, Latin letters).
///
/// Flat because the index cache restores it with four array copies instead of decoding
/// hundreds of thousands of strings and arrays; a form is decoded into an ``IndexedForm``
/// only when a lookup touches it.
struct FormTable: Sendable {
    /// Words per form record.
    static let stride = 7
    // Record layout (word offsets).
    private static let wEntry = 0, wName = 1, wMeta = 2, wTextStart = 3, wTextEnd = 4, wDataStart = 5, wDataEnd = 6

    /// `stride` words per form: entry, name, meta (script | derivation << 8 | familyUnits << 16
    /// | deprecated << 24), text start, text end, script data start, script data end.
    private(set) var words: [UInt32] = []
    /// UTF-8 text of every form.
    private(set) var text: [UInt8] = []
    /// Hangul syllables (offsets from U+AC00) of Hangul forms.
    private(set) var hangul: [UInt16] = []
    /// Folded letters of Latin forms, packed (bit 7 on each token's first letter).
    private(set) var latin: [UInt8] = []
    /// Derivation labels ("pinyin", "Wade–Giles"...); a form's derivation d > 0 is labels[d - 1].
    private(set) var labels: [String] = []

    init() {}

    /// Restores a table from its arrays (the index cache); nil when they are inconsistent or a
    /// form names an entry at or past `entryCount`.
    init?(words: [UInt32], text: [UInt8], hangul: [UInt16], latin: [UInt8], labels: [String], entryCount: Int) {
        guard words.count % FormTable.stride == 0, labels.count < 255 else { return nil }
        self.words = words; self.text = text; self.hangul = hangul; self.latin = latin; self.labels = labels
        // Every range must lie inside its pool, so that no later access can trap.
        for f in 0..<count {
            let b = f * FormTable.stride
            let meta = words[b + FormTable.wMeta]
            guard Int(words[b + FormTable.wEntry]) < entryCount, NameText.Script(rawValue: UInt8(meta & 0xFF)) != nil, Int((meta >> 8) & 0xFF) <= labels.count,
                  words[b + FormTable.wTextStart] <= words[b + FormTable.wTextEnd], Int(words[b + FormTable.wTextEnd]) <= text.count,
                  words[b + FormTable.wDataStart] <= words[b + FormTable.wDataEnd] else { return nil }
            let poolCount = script(f) == .hangul ? hangul.count : latin.count
            guard Int(words[b + FormTable.wDataEnd]) <= poolCount else { return nil }
        }
    }

    /// Number of forms.
    var count: Int { words.count / FormTable.stride }

    /// Appends a form.
    mutating func append(_ form: IndexedForm, deprecated: Bool) {
        let packed = form.latin?.packed ?? []
        form.hangul.withUnsafeBufferPointer { hangul in
            packed.withUnsafeBufferPointer { latin in
                append(entry: form.entry, name: form.name, derivation: form.derivation, text: form.text, script: form.script,
                       familyUnits: form.familyUnits, deprecated: deprecated, hangul: hangul, latin: latin)
            }
        }
    }

    /// Appends a form given by its parts: `hangul` is stored for a Hangul form, `latin`
    /// (packed, ``LatinLetters/packed``) for a Latin one, neither otherwise.
    mutating func append(entry: Int32, name: Int32, derivation: String?, text formText: String, script: NameText.Script, familyUnits: Int,
                         deprecated: Bool, hangul formHangul: UnsafeBufferPointer<UInt16>, latin formLatin: UnsafeBufferPointer<UInt8>) {
        let d = derivation.map { labelNumber($0) } ?? 0
        let textStart = UInt32(text.count)
        text.append(contentsOf: formText.utf8)
        var dataStart: UInt32 = 0, dataEnd: UInt32 = 0
        if script == .hangul {
            dataStart = UInt32(hangul.count); hangul.append(contentsOf: formHangul); dataEnd = UInt32(hangul.count)
        } else if script == .latin {
            dataStart = UInt32(latin.count); latin.append(contentsOf: formLatin); dataEnd = UInt32(latin.count)
        }
        let meta = UInt32(script.rawValue) | d << 8 | UInt32(min(familyUnits, 255)) << 16 | (deprecated ? 1 << 24 : 0)
        // One word at a time: an array literal here would be allocated for every form.
        words.append(UInt32(bitPattern: entry)); words.append(UInt32(bitPattern: name)); words.append(meta)
        words.append(textStart); words.append(UInt32(text.count)); words.append(dataStart); words.append(dataEnd)
    }

    /// The number of derivation `label` (1-based; 0 is a stored form), added when new.
    private mutating func labelNumber(_ label: String) -> UInt32 {
        if let i = labels.firstIndex(of: label) { return UInt32(i + 1) }
        labels.append(label)
        return UInt32(labels.count)
    }

    /// Appends every form of `other` after this table's forms, as if they had been appended
    /// here one by one (the index build prepares its forms in chunks, on every core).
    /// - Complexity: O(size of `other`).
    mutating func append(contentsOf other: FormTable) {
        // The other table's derivation numbers, renumbered in this table's labels.
        let renumber: [UInt32] = [0] + other.labels.map { labelNumber($0) }
        let textBase = UInt32(text.count), hangulBase = UInt32(hangul.count), latinBase = UInt32(latin.count)
        text.append(contentsOf: other.text); hangul.append(contentsOf: other.hangul); latin.append(contentsOf: other.latin)
        words.reserveCapacity(words.count + other.words.count)
        for f in 0..<other.count {
            let b = f * FormTable.stride
            let meta = other.words[b + FormTable.wMeta]
            let script = NameText.Script(rawValue: UInt8(meta & 0xFF))
            let dataBase = script == .hangul ? hangulBase : script == .latin ? latinBase : 0
            words.append(other.words[b + FormTable.wEntry]); words.append(other.words[b + FormTable.wName])
            words.append(meta & ~0xFF00 | renumber[Int((meta >> 8) & 0xFF)] << 8)
            words.append(other.words[b + FormTable.wTextStart] + textBase); words.append(other.words[b + FormTable.wTextEnd] + textBase)
            words.append(other.words[b + FormTable.wDataStart] + dataBase); words.append(other.words[b + FormTable.wDataEnd] + dataBase)
        }
    }

    @inline(__always) private func word(_ f: Int, _ w: Int) -> UInt32 { words[f &* FormTable.stride &+ w] }

    /// Entry number of form `f`.
    @inline(__always) func entry(_ f: Int) -> Int32 { Int32(bitPattern: word(f, FormTable.wEntry)) }
    /// Index of the stored name (in the entry's `names`) form `f` is or was derived from.
    @inline(__always) func name(_ f: Int) -> Int32 { Int32(bitPattern: word(f, FormTable.wName)) }
    /// The script of form `f`.
    @inline(__always) func script(_ f: Int) -> NameText.Script { NameText.Script(rawValue: UInt8(word(f, FormTable.wMeta) & 0xFF)) ?? .other }
    /// Whether form `f` is derived (a romanization or conversion) rather than stored.
    @inline(__always) func isDerived(_ f: Int) -> Bool { (word(f, FormTable.wMeta) >> 8) & 0xFF != 0 }
    /// Leading family units of form `f` (0 when unknown).
    @inline(__always) func familyUnits(_ f: Int) -> Int { Int((word(f, FormTable.wMeta) >> 16) & 0xFF) }
    /// Whether the stored name of form `f` is deprecated.
    @inline(__always) func isDeprecated(_ f: Int) -> Bool { word(f, FormTable.wMeta) >> 24 & 1 != 0 }

    /// The derivation label of form `f`, nil for a stored form.
    func derivation(_ f: Int) -> String? {
        let d = Int((word(f, FormTable.wMeta) >> 8) & 0xFF)
        return d == 0 ? nil : labels[d - 1]
    }

    /// The text of form `f`.
    func text(_ f: Int) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(word(f, FormTable.wTextStart))..<Int(word(f, FormTable.wTextEnd))]), as: UTF8.self) }
    }

    /// Whether the text of form `f` is `utf8`, byte for byte.
    @inline(__always) func textEquals(_ f: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(word(f, FormTable.wTextStart)), end = Int(word(f, FormTable.wTextEnd))
        guard end - start == utf8.count else { return false }
        return text.withUnsafeBufferPointer { t in
            utf8.isEmpty || memcmp(t.baseAddress! + start, utf8.baseAddress!, utf8.count) == 0
        }
    }

    /// The Hangul syllables of form `f` (empty unless it is Hangul).
    func hangul(_ f: Int) -> [UInt16] { Array(hangulSlice(f)) }

    /// The folded letters of form `f` when it is Latin.
    func latin(_ f: Int) -> LatinLetters? {
        guard script(f) == .latin else { return nil }
        return LatinLetters(packed: latin[Int(word(f, FormTable.wDataStart))..<Int(word(f, FormTable.wDataEnd))])
    }

    /// Calls `body` with the packed letters of Latin form `f` (``LatinLetters/packed``), read in
    /// place: no copy, no allocation on the hot path.
    /// - Returns: nil when the form is not Latin.
    @inline(__always) func withPackedLatin<R>(_ f: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard script(f) == .latin else { return nil }
        let start = Int(word(f, FormTable.wDataStart)), end = Int(word(f, FormTable.wDataEnd))
        return latin.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The Hangul syllables of form `f` in place (empty unless it is Hangul).
    @inline(__always) func hangulSlice(_ f: Int) -> ArraySlice<UInt16> {
        guard script(f) == .hangul else { return [] }
        return hangul[Int(word(f, FormTable.wDataStart))..<Int(word(f, FormTable.wDataEnd))]
    }

    /// The folded letters of Latin form `f` (empty when it is not Latin), with its first
    /// `rotatedBy` tokens moved to the end (given name first for a name stored family first),
    /// none moved when that is every token.
    func latinLetters(_ f: Int, rotatedBy: Int = 0) -> [UInt8] {
        withLatinLetters(f, rotatedBy: rotatedBy) { Array($0) }
    }

    /// Calls `body` with ``latinLetters(_:rotatedBy:)`` in stack memory (fuzzy matching reads
    /// the letters of some sixty candidates a query).
    func withLatinLetters<R>(_ f: Int, rotatedBy: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard script(f) == .latin else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let packed = latin[Int(word(f, FormTable.wDataStart))..<Int(word(f, FormTable.wDataEnd))]
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, packed.count)) { out in
            var n = 0
            // The offset where token number `rotatedBy` starts (end: no rotation).
            var split = packed.endIndex
            if rotatedBy > 0 {
                var tokens = 0
                for i in packed.indices where packed[i] & 0x80 != 0 || i == packed.startIndex {
                    if tokens == rotatedBy { split = i; break }
                    tokens += 1
                }
            }
            for c in packed[split...] { out[n] = c & 0x7F; n += 1 }
            for c in packed[..<split] { out[n] = c & 0x7F; n += 1 }
            return body(UnsafeBufferPointer(start: out.baseAddress, count: n))
        }
    }

    /// Form `f` without its Hangul syllables and Latin letters (`hangul` empty, `latin` nil).
    func header(_ f: Int) -> IndexedForm {
        IndexedForm(entry: entry(f), name: name(f), derivation: derivation(f), text: text(f), script: script(f),
                    familyUnits: familyUnits(f), hangul: [], latin: nil, number: f)
    }

    /// Form `f`, decoded.
    subscript(f: Int) -> IndexedForm {
        IndexedForm(entry: entry(f), name: name(f), derivation: derivation(f), text: text(f), script: script(f),
                    familyUnits: familyUnits(f), hangul: hangul(f), latin: latin(f), number: f)
    }
}
