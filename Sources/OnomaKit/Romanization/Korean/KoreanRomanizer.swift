import Foundation

/// Romanizes Korean personal names and running text (RR, MR, MR without diacritics, Yale and
/// the popular spellings), splits Hangul names into surname and given name, and parses
/// romanized names back into Hangul candidates.
///
/// Everything on the hot path is table-driven: a Hangul syllable is split by arithmetic
/// (`(scalar − 0xAC00) / 588` …), and the per-syllable spellings are precomputed at `init`.
/// No ICU call and no regular expression is made per name. A value is immutable and
/// `Sendable`: share one across threads.
public struct KoreanRomanizer: Sendable {
    let data: KoreanReferenceData
    /// RR of each of the 11,172 syllables read alone, lower case and capitalized.
    let rrSyllable: [String]
    let rrSyllableCapitalized: [String]
    /// Yale of each syllable, lower case and capitalized.
    let yaleSyllable: [String]
    let yaleSyllableCapitalized: [String]
    /// The same RR and Yale spellings as flat byte tables (the name-mode hot path).
    let rrBytes: SyllableByteTable
    let yaleBytes: SyllableByteTable
    /// MR tables; they depend on the fixed rules only, so they are built once per process,
    /// on first use, and shared.
    var mrTable: KoreanMRTable { KoreanMRTable.shared }
    /// Popular given-name spelling in lower case (for non-initial syllables).
    let popularGivenLower: [String?]
    /// Popular given-name spelling of each syllable (capitalized), or nil when the table has none.
    let popularGiven: [String?]
    /// Popular spelling of one-syllable surnames by syllable index, and of two-syllable ones by
    /// `first * 11172 + second`.
    let popularSurname1: [String?]
    let popularSurname2: [Int: String]
    /// Surname index (into `data.surnames`) by Hangul.
    let surnameByHangul: [String: Int]
    /// Two-syllable surnames as `first * 11172 + second`.
    let compoundSurnames: Set<Int>
    /// n-insertion boundaries by `lastLeft * 11172 + firstRight`.
    let nInsertionIndex: [Int: [(left: [Int], right: [Int])]]
    /// ㄴ+ㄹ → [ㄴㄴ] boundaries, keyed the same way.
    let lnExceptionIndex: [Int: [(left: [Int], right: [Int])]]
    /// The reverse (romanized → Hangul) index, built on first use.
    let reverse: KoreanReverseIndexBox

    /// Loads the tables from a `Dictionaries/` folder (`Dictionaries/reference/korean-*.tsv`).
    /// - Parameter dictionaries: the `Dictionaries` folder (see `OnomaData.defaultDirectory()`).
    /// - Throws: ``ReferenceDataError`` naming the file and line of a missing or malformed table
    ///   and what to do about it.
    public init(dictionaries: URL) throws {
        let data = try KoreanReferenceData.load(from: dictionaries)
        self.data = data
        var rr = [String](), rrCap = [String](), yale = [String](), popular = [String?](repeating: nil, count: Int(HangulSyllable.count))
        rr.reserveCapacity(Int(HangulSyllable.count))
        rrCap.reserveCapacity(Int(HangulSyllable.count))
        yale.reserveCapacity(Int(HangulSyllable.count))
        for i in 0..<Int(HangulSyllable.count) {
            let s = HangulSyllable(index: i)
            let r = KoreanJamoTable.rrIsolated(s)
            rr.append(r)
            rrCap.append(r.capitalizedFirst)
            yale.append(KoreanJamoTable.yale(s))
        }
        for (hangul, spelling) in data.given {
            if let s = hangul.unicodeScalars.first.flatMap(HangulSyllable.init) { popular[s.index] = spelling.popular.capitalizedFirst }
        }
        rrSyllable = rr
        rrSyllableCapitalized = rrCap
        yaleSyllable = yale
        yaleSyllableCapitalized = yale.map(\.capitalizedFirst)
        rrBytes = SyllableByteTable(rr)
        yaleBytes = SyllableByteTable(yale)
        popularGiven = popular
        popularGivenLower = popular.map { $0?.lowercased() }
        var byHangul = [String: Int](), compounds = Set<Int>()
        for (i, s) in data.surnames.enumerated() {
            byHangul[s.hangul] = byHangul[s.hangul] ?? i
            let idx = s.hangul.unicodeScalars.compactMap(HangulSyllable.init).map(\.index)
            if idx.count == 2 { compounds.insert(idx[0] * Int(HangulSyllable.count) + idx[1]) }
        }
        surnameByHangul = byHangul
        var p1 = [String?](repeating: nil, count: Int(HangulSyllable.count)), p2 = [Int: String]()
        for s in data.surnames {
            let idx = s.hangul.unicodeScalars.compactMap(HangulSyllable.init).map(\.index)
            let spelling = s.spellings[0].capitalizedFirst
            if idx.count == 1 { p1[idx[0]] = p1[idx[0]] ?? spelling } else if idx.count == 2 { p2[idx[0] * Int(HangulSyllable.count) + idx[1]] = spelling }
        }
        popularSurname1 = p1
        popularSurname2 = p2
        compoundSurnames = compounds
        func boundaryIndex(_ entries: [(left: [Int], right: [Int])]) -> [Int: [(left: [Int], right: [Int])]] {
            var index = [Int: [(left: [Int], right: [Int])]]()
            for entry in entries { index[entry.left.last! * Int(HangulSyllable.count) + entry.right.first!, default: []].append(entry) }
            return index
        }
        nInsertionIndex = boundaryIndex(data.nInsertion)
        lnExceptionIndex = boundaryIndex(data.lnExceptions)
        reverse = KoreanReverseIndexBox(data: data)
    }

    /// Splits a Hangul name into surname and given name.
    ///
    /// A space, when present, separates them ("남궁 민수"). Otherwise a two-syllable surname
    /// from the census table (남궁 황보 제갈 선우 독고 사공 서문 동방 …) is taken when the name has
    /// at least three syllables; else the first syllable is the surname.
    /// - Returns: nil when the input is not 2–5 Hangul syllables (after trimming), or has a
    ///   family part that is not 1–2 syllables.
    /// - Complexity: O(n) in the length of the name.
    public func split(_ name: String) -> (family: String, given: String)? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2 {
            let f = parts[0].unicodeScalars, g = parts[1].unicodeScalars
            guard (1...2).contains(f.count), (1...4).contains(g.count),
                  f.allSatisfy(HangulSyllable.isSyllable), g.allSatisfy(HangulSyllable.isSyllable) else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
        guard parts.count == 1 else { return nil }
        let scalars = Array(trimmed.unicodeScalars)
        guard (2...5).contains(scalars.count), scalars.allSatisfy(HangulSyllable.isSyllable) else { return nil }
        let cut = familyLength(first: HangulSyllable(scalars[0])!.index, second: HangulSyllable(scalars[1])!.index, count: scalars.count)
        var family = String.UnicodeScalarView(), given = String.UnicodeScalarView()
        family.append(contentsOf: scalars[..<cut])
        given.append(contentsOf: scalars[cut...])
        return (String(family), String(given))
    }

    /// 2 when the first two syllables are a compound surname and the name is long enough.
    @inline(__always)
    func familyLength(first: Int, second: Int, count: Int) -> Int {
        count >= 3 && compoundSurnames.contains(first * Int(HangulSyllable.count) + second) ? 2 : 1
    }

    /// Parses a romanized Korean name into readings (surname/given split, syllables and
    /// Hangul candidates), best first.
    ///
    /// Accepts any scheme and the popular spellings (Young/Yeong/Yong/Yŏng, Lee/Yi/Rhee,
    /// Park/Bak/Pak, Koh, Ahn …), any case, spacing and hyphenation, Korean or Western order,
    /// and "Family, Given". Joined given names ("Youngaah") are segmented into syllables.
    /// - Returns: the readings, best first (empty when nothing plausible, or when the input
    ///   is longer than ``maximumParseLength`` characters — the work is bounded).
    /// - Complexity: O(n) in the input length with a fixed beam; the first call also builds
    ///   the reverse index (tens of milliseconds).
    public func parse(romanized: String) -> [KoreanNameReading] {
        KoreanNameParser(romanizer: self, index: reverse.index).parse(romanized)
    }

    /// Inputs to ``parse(romanized:)`` longer than this are not parsed (no name is that long).
    public static let maximumParseLength = 128
}

/// Builds the reverse index once, on first use, so that loading a romanizer for forward
/// romanization stays cheap.
final class KoreanReverseIndexBox: @unchecked Sendable {
    private let lock = NSLock()
    private var built: KoreanReverseIndex?
    private let data: KoreanReferenceData

    init(data: KoreanReferenceData) { self.data = data }

    var index: KoreanReverseIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let made = KoreanReverseIndex(data: data)
        built = made
        return made
    }
}
