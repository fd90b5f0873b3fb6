import Foundation

/// The surname spellings the engine accepts beyond the syllable rules (Lee/Yi/Rhee for 이,
/// Park/Bak/Pak for 박, Roh/Noh for 노, Chung/Jung/Jeong for 정...), read from
/// `Dictionaries/reference/korean-surname-variants.tsv` (generated from the sourced table
/// `korean-surname-spellings.tsv` by `Scripts/make_surname_variants.py`).
struct KoreanSurnameSpellings: Sendable {
    /// Spellings of each Hangul surname (as syllable offsets from U+AC00): RR, MR and ranked
    /// real-world spellings cost 0, other attested spellings cost 1.
    private(set) var spellings: [[UInt16]: [HangulSpelling.Spelling]] = [:]
    /// Surnames in the table's order (most frequent first).
    private(set) var rankedSurnames: [[UInt16]] = []
    /// Every surname spelling and the number of syllables it stands for (for the syllable grammar).
    private(set) var syllableCounts: [[UInt8]: Int] = [:]
    /// Two-syllable surnames (황보, 남궁, 제갈, 선우, 독고, 사공, 서문).
    private(set) var compound: Set<[UInt16]> = []
    /// The distinct phonetic skeletons of each surname's spellings, in table order (a Hangul
    /// name is keyed under each); one-syllable surnames in an array by syllable, the others
    /// in a dictionary: every Hangul query and every indexed Hangul form reads these.
    private var singleSkeletons: [[[UInt8]]] = []
    private var compoundSkeletons: [[UInt16]: [[UInt8]]] = [:]

    /// The file name in `Dictionaries/reference/`.
    static let fileName = "korean-surname-variants.tsv"

    /// An empty table (for tests that do not need surname variants).
    init() {}

    /// Reads the table.
    /// - Throws: ``LookupError/referenceData(_:)`` when the file is missing or malformed.
    init(contentsOf url: URL) throws(LookupError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .referenceData("cannot read \(url.path): \(error.localizedDescription). Reinstall Onoma's Dictionaries/ folder or set ONOMA_DICTIONARIES.")
        }
        var sawHeader = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            let syllables = cols.first.map { $0.unicodeScalars.map { UInt16(truncatingIfNeeded: $0.value &- 0xAC00) } } ?? []
            guard cols.count >= 2, !syllables.isEmpty, cols[0].unicodeScalars.allSatisfy({ $0.value >= 0xAC00 && $0.value <= 0xD7A3 }) else {
                throw .referenceData("\(url.path):\(number + 1): expected 'hangul<TAB>standard<TAB>other'")
            }
            var list: [HangulSpelling.Spelling] = []
            for (column, cost) in [(1, UInt8(0)), (2, UInt8(1))] where column < cols.count {
                for word in cols[column].split(separator: ";") where !word.isEmpty {
                    let letters = Array(word.utf8)
                    if !list.contains(where: { $0.letters == letters }) { list.append(.init(letters: letters, cost: cost)) }
                }
            }
            if spellings[syllables] == nil { rankedSurnames.append(syllables) }
            spellings[syllables, default: []].append(contentsOf: list)
            for sp in list { syllableCounts[sp.letters] = syllables.count }
            if syllables.count == 2 { compound.insert(syllables) }
        }
        singleSkeletons = Array(repeating: [], count: 11_172)
        for (family, list) in spellings {
            var distinct: [[UInt8]] = []
            for sp in list {
                var symbols: [UInt8] = []
                PhoneticSkeleton.appendLatin(sp.letters, into: &symbols)
                if !distinct.contains(symbols) { distinct.append(symbols) }
            }
            if family.count == 1 { singleSkeletons[Int(family[0])] = distinct } else { compoundSkeletons[family] = distinct }
        }
    }

    /// The distinct skeletons of the table spellings of `family` (empty when the table does
    /// not know it).
    @inline(__always) func skeletons(of family: some Collection<UInt16>) -> [[UInt8]] {
        if family.count == 1, let s = family.first, Int(s) < singleSkeletons.count { return singleSkeletons[Int(s)] }
        return compoundSkeletons[Array(family)] ?? []
    }

    /// How many leading syllables of a Hangul name are its surname: 2 for a known compound
    /// surname followed by at least one more syllable (or a four-syllable name), else 1.
    func familyLength(of syllables: [UInt16]) -> Int {
        if syllables.count >= 3, compound.contains(Array(syllables[0..<2])) { return 2 }
        return syllables.isEmpty ? 0 : 1
    }
}
