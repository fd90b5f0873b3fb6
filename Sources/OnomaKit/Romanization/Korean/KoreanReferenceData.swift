import Foundation

/// One Korean surname from the census table.
struct KoreanSurname: Sendable, Hashable {
    /// The surname in Hangul (one or two syllables), as written in South Korea.
    var hangul: String
    /// Its main Hanja (several when common clans share the Hangul form).
    var hanja: [String]
    /// Rank by 2015 census population within the table (nil: no count found).
    var rank: Int?
    /// Real-world spellings, most frequent first (passport statistics where the source has them).
    var spellings: [String]
    /// Further attested spellings (order not meaningful).
    var otherSpellings: [String]
    /// The table's RR and MR columns (MR as a first word only: "Yi (strict MR: I...)" → "Yi").
    var rr: String
    var mr: String
}

/// The popular spellings of one given-name syllable.
struct KoreanGivenSpelling: Sendable, Hashable {
    var popular: String
    var others: [String]
}

/// The Korean reference tables read from `Dictionaries/reference/`.
struct KoreanReferenceData: Sendable {
    var surnames: [KoreanSurname]
    var given: [String: KoreanGivenSpelling]
    /// n-insertion boundaries: the syllables left and right of the `|`.
    var nInsertion: [(left: [Int], right: [Int])]
    /// ㄴ+ㄹ → [ㄴㄴ] boundaries (신문로 Sinmunno).
    var lnExceptions: [(left: [Int], right: [Int])]

    static let surnameFile = "reference/korean-surnames.tsv"
    static let extraSurnameFile = "reference/korean-surnames-extra.tsv"
    static let givenFile = "reference/korean-given-syllables.tsv"
    static let nInsertionFile = "reference/korean-n-insertion.tsv"
    static let lnExceptionFile = "reference/korean-ln-exceptions.tsv"

    /// Loads every table.
    /// - Throws: ``ReferenceDataError`` naming the file and line of the first problem.
    static func load(from dictionaries: URL) throws(ReferenceDataError) -> KoreanReferenceData {
        var surnames = [KoreanSurname]()
        for row in try TSVTable.read(dictionaries, surnameFile, columns: ["hangul", "hanja", "rank_2015", "count_2015", "count_basis", "rr", "mr", "spellings_ranked"]) {
            let hangul = row[0]
            try checkHangul(hangul, syllables: 1...2, row: row, column: "hangul")
            var rank: Int?
            let rankText = row[2].replacingOccurrences(of: "?", with: "")
            if !rankText.isEmpty {
                guard let r = Int(rankText), r > 0 else {
                    throw row.error("rank_2015 '\(row[2])' is not a positive number; write the rank (optionally ending in '?') or leave it empty")
                }
                rank = r
            }
            let spellings = row[7].split(separator: ";").compactMap { segment -> String? in
                let s = segment.trimmingCharacters(in: .whitespaces)
                return s.hasPrefix("(") ? nil : leadingWord(s)
            }
            guard !spellings.isEmpty else {
                throw row.error("spellings_ranked is empty; give at least one spelling (e.g. 'Kim 99.55%; Gim 0.42%')")
            }
            let others = row.count > 9 ? row[9].split(separator: ",").compactMap { leadingWord($0.trimmingCharacters(in: .whitespaces)) } : []
            guard let rr = leadingWord(row[5]), let mr = leadingWord(row[6]) else {
                throw row.error("the rr and mr columns must start with a romanized form")
            }
            surnames.append(KoreanSurname(hangul: hangul, hanja: row[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                                          rank: rank, spellings: spellings, otherSpellings: others, rr: rr, mr: mr))
        }
        let known = Set(surnames.map(\.hangul))
        for row in try TSVTable.read(dictionaries, extraSurnameFile, columns: ["hangul", "hanja", "source"]) {
            try checkHangul(row[0], syllables: 1...2, row: row, column: "hangul")
            guard !known.contains(row[0]) else { continue }
            let rr = row[0].unicodeScalars.compactMap(HangulSyllable.init).map(KoreanJamoTable.rrIsolated).joined().capitalizedFirst
            surnames.append(KoreanSurname(hangul: row[0], hanja: row[1].isEmpty ? [] : [row[1]], rank: nil, spellings: [rr], otherSpellings: [], rr: rr, mr: rr))
        }
        var given = [String: KoreanGivenSpelling]()
        for row in try TSVTable.read(dictionaries, givenFile, columns: ["hangul", "popular", "other_spellings", "basis"]) {
            try checkHangul(row[0], syllables: 1...1, row: row, column: "hangul")
            guard let popular = leadingWord(row[1]), popular.count == row[1].count else {
                throw row.error("popular '\(row[1])' must be one spelling in Latin letters")
            }
            guard given[row[0]] == nil else { throw row.error("\(row[0]) is listed twice; keep one row per syllable") }
            let others = row[2].split(separator: ",").compactMap { leadingWord($0.trimmingCharacters(in: .whitespaces)) }
            given[row[0]] = KoreanGivenSpelling(popular: popular, others: others)
        }
        let insertion = try boundaries(dictionaries, nInsertionFile, example: "학|여울")
        let ln = try boundaries(dictionaries, lnExceptionFile, example: "신문|로")
        return KoreanReferenceData(surnames: surnames, given: given, nInsertion: insertion, lnExceptions: ln)
    }

    /// A table of word boundaries (`left|right` in Hangul).
    private static func boundaries(_ dictionaries: URL, _ file: String, example: String) throws(ReferenceDataError) -> [(left: [Int], right: [Int])] {
        var out = [(left: [Int], right: [Int])]()
        for row in try TSVTable.read(dictionaries, file, columns: ["word", "pronunciation", "source"]) {
            let parts = row[0].split(separator: "|", omittingEmptySubsequences: false)
            let syllables = parts.map { $0.unicodeScalars.compactMap(HangulSyllable.init).map(\.index) }
            guard parts.count == 2, syllables[0].count == parts[0].unicodeScalars.count, syllables[1].count == parts[1].unicodeScalars.count,
                  !syllables[0].isEmpty, !syllables[1].isEmpty else {
                throw row.error("word '\(row[0])' must be Hangul with one '|' at the boundary (e.g. \(example))")
            }
            out.append((syllables[0], syllables[1]))
        }
        return out
    }

    private static func checkHangul(_ text: String, syllables: ClosedRange<Int>, row: TSVRow, column: String) throws(ReferenceDataError) {
        let scalars = text.unicodeScalars
        guard syllables.contains(scalars.count), scalars.allSatisfy(HangulSyllable.isSyllable) else {
            throw row.error("\(column) '\(text)' must be \(syllables.lowerBound == syllables.upperBound ? "one" : "\(syllables.lowerBound)–\(syllables.upperBound)") precomposed Hangul syllable(s)")
        }
    }

    /// The leading run of Latin letters (and ŏ ŭ), or nil.
    static func leadingWord<S: StringProtocol>(_ s: S) -> String? {
        let word = s.prefix { $0.isLetter && ($0.isASCII || $0 == "ŏ" || $0 == "ŭ" || $0 == "Ŏ" || $0 == "Ŭ") }
        return word.isEmpty ? nil : String(word)
    }
}
