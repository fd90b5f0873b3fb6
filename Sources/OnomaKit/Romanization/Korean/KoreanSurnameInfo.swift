/// What the census surname table says about one Korean surname.
public struct KoreanSurnameInfo: Sendable, Hashable {
    /// The surname in Hangul, as written in South Korea (one or two syllables).
    public var hangul: String
    /// Its main Hanja (several when common clans share the Hangul form: 정 鄭 丁 程).
    public var hanja: [String]
    /// Rank by 2015 census population within the table (nil when no count was found).
    public var rank: Int?
    /// Real-world English spellings, most frequent first (passport statistics where known).
    public var spellings: [String]
    /// Further attested spellings (order not meaningful).
    public var otherSpellings: [String]

    /// Creates an entry.
    public init(hangul: String, hanja: [String], rank: Int?, spellings: [String], otherSpellings: [String]) {
        self.hangul = hangul
        self.hanja = hanja
        self.rank = rank
        self.spellings = spellings
        self.otherSpellings = otherSpellings
    }
}

extension KoreanRomanizer {
    /// The census table's entry for a Hangul surname, or nil when it is not in the table.
    /// - Complexity: O(1).
    public func surname(_ hangul: String) -> KoreanSurnameInfo? {
        guard let i = surnameByHangul[hangul] else { return nil }
        let s = data.surnames[i]
        return KoreanSurnameInfo(hangul: s.hangul, hanja: s.hanja, rank: s.rank, spellings: s.spellings, otherSpellings: s.otherSpellings)
    }

    /// Every surname in the tables, census rank order first (unranked ones last).
    public var surnames: [KoreanSurnameInfo] {
        let ranked = data.surnames.enumerated().sorted { a, b in
            switch (a.element.rank, b.element.rank) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
        return ranked.map { KoreanSurnameInfo(hangul: $0.hangul, hanja: $0.hanja, rank: $0.rank, spellings: $0.spellings, otherSpellings: $0.otherSpellings) }
    }
}
