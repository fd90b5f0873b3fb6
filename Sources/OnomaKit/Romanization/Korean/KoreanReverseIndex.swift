/// Romanized spelling → Hangul, for parsing romanized names back.
///
/// Every spelling a syllable can plausibly take is generated from per-jamo variant lists
/// (RR, MR with and without marks, Yale, and the popular habits: ㅓ u/o, ㅜ oo, ㅕ you/yu,
/// ㅣ ee, ㅢ ee, ㄱ k, ㅈ ch, ㅅ sh, a trailing h as in Koh/Ahn, doubled finals as in Inn/Gill),
/// each with a small cost; the spellings listed in the given-syllable and surname tables are
/// added at (near) zero cost. Keys are folded: lower-case ASCII letters and `'`.
struct KoreanReverseIndex: Sendable {
    struct Candidate: Sendable, Hashable {
        /// Syllable index (0..<11172) or, in `surnames`, surname index.
        var value: Int
        var cost: Float
    }

    /// Syllable spellings.
    var syllables: [String: [Candidate]] = [:]
    /// Surname spellings (whole surname, one or two syllables).
    var surnames: [String: [Candidate]] = [:]
    /// Longest syllable key, to bound the segmentation.
    var longestSyllable = 0
    /// Syllables that the given-name table lists (a prior: they are common in names).
    var commonGiven = Set<Int>()
    /// Keys that are a listed spelling of a table syllable (Young, Soo, Aah).
    var attestedKeys = Set<String>()
    /// The surnames, for their Hangul.
    var surnameHangul: [String] = []

    static let initialVariants: [[(String, Float)]] = [
        [("g", 0), ("k", 0), ("gh", 0.6)], [("kk", 0), ("gg", 0.4)], [("n", 0)], [("d", 0), ("t", 0.1)], [("tt", 0), ("dd", 0.4)],
        [("r", 0), ("l", 0.2)], [("m", 0)], [("b", 0), ("p", 0.1)], [("pp", 0), ("bb", 0.4)], [("s", 0), ("sh", 0.2)],
        [("ss", 0), ("s", 0.6)], [("", 0)], [("j", 0), ("ch", 0.1), ("c", 0.4), ("z", 0.8)], [("jj", 0), ("tch", 0.1), ("cc", 0.4)],
        [("ch'", 0), ("ch", 0.15)], [("k'", 0), ("k", 0.3), ("kh", 0.3)], [("t'", 0), ("t", 0.3), ("th", 0.3)],
        [("p'", 0), ("p", 0.3), ("ph", 0.3)], [("h", 0)],
    ]
    static let vowelVariants: [[(String, Float)]] = [
        [("a", 0), ("aa", 0.3)], [("ae", 0), ("ai", 0.3), ("ay", 0.3), ("e", 0.6)], [("ya", 0)], [("yae", 0), ("yay", 0.3)],
        [("eo", 0), ("o", 0.2), ("u", 0.2), ("e", 0.3), ("eu", 0.5)], [("e", 0), ("ey", 0.3), ("ae", 0.5)],
        [("yeo", 0), ("yo", 0.2), ("yu", 0.2), ("you", 0.3), ("ye", 0.3), ("yeu", 0.5)], [("ye", 0), ("yey", 0.3)],
        [("o", 0)], [("wa", 0), ("oa", 0.4)], [("wae", 0), ("way", 0.3)], [("oe", 0), ("oi", 0.2), ("oy", 0.3), ("we", 0.3)],
        [("yo", 0)], [("u", 0), ("oo", 0.1), ("wu", 0.3), ("ou", 0.5)], [("wo", 0), ("weo", 0.2), ("wu", 0.4)],
        [("we", 0), ("wey", 0.3)], [("wi", 0), ("wee", 0.3), ("wui", 0.5)], [("yu", 0), ("yoo", 0.1), ("you", 0.3), ("ywu", 0.5)],
        [("eu", 0), ("u", 0.2), ("ue", 0.5), ("e", 0.5)], [("ui", 0), ("ee", 0.3), ("eui", 0.3), ("uy", 0.3), ("i", 0.4), ("ei", 0.5)],
        [("i", 0), ("ee", 0.1), ("y", 0.8)],
    ]
    /// Finals that occur in names, with their spellings.
    static let finalVariants: [(Int, [(String, Float)])] = [
        (0, [("", 0)]), (Jamo.fG, [("k", 0), ("g", 0.3), ("ck", 0.3)]), (Jamo.fN, [("n", 0), ("nn", 0.3)]),
        (Jamo.fD, [("t", 0.4), ("d", 0.6)]), (Jamo.fL, [("l", 0), ("ll", 0.3), ("r", 0.3)]), (Jamo.fM, [("m", 0), ("mm", 0.5)]),
        (Jamo.fB, [("p", 0), ("b", 0.3)]), (Jamo.fS, [("t", 0.6), ("s", 0.6)]), (Jamo.fNG, [("ng", 0)]),
    ]

    init(data: KoreanReferenceData) {
        var spellingsOf = [Int: [(String, Float)]]()          // only for surname syllables
        var surnameSyllables = Set<Int>()
        for s in data.surnames { for c in s.hangul.unicodeScalars { if let h = HangulSyllable(c) { surnameSyllables.insert(h.index) } } }

        func add(_ key: String, _ value: Int, _ cost: Float) {
            var list = syllables[key, default: []]
            if let i = list.firstIndex(where: { $0.value == value }) {
                if cost < list[i].cost { list[i].cost = cost }
            } else {
                list.append(Candidate(value: value, cost: cost))
            }
            syllables[key] = list
            if surnameSyllables.contains(value) { spellingsOf[value, default: []].append((key, cost)) }
        }
        for initial in 0..<19 {
            for vowel in 0..<21 {
                var initials = KoreanReverseIndex.initialVariants[initial]
                var vowels = KoreanReverseIndex.vowelVariants[vowel]
                if initial == Jamo.null {
                    if vowel == Jamo.vU { vowels += [("woo", 0.1), ("wu", 0.3)] }
                    if vowel == Jamo.vI { vowels += [("yi", 0.3)] }
                }
                if initial == Jamo.h, vowels[0].0.hasPrefix("w") {
                    // Whang, Whan: the w written before the h.
                    initials += vowels.filter { $0.0.hasPrefix("w") }.map { ("wh", $0.1 + 0.3) }
                }
                for (f, finals) in KoreanReverseIndex.finalVariants {
                    let value = HangulSyllable(initial: initial, vowel: vowel, final: f).index
                    for (i, ic) in initials {
                        for (v, vc) in vowels {
                            let vowelSpelling = i == "wh" ? (v.hasPrefix("w") ? String(v.dropFirst()) : nil) : v
                            guard let vowelSpelling else { continue }
                            for (t, tc) in finals {
                                add(i + vowelSpelling + t, value, ic + vc + tc)
                                add(i + vowelSpelling + "h" + t, value, ic + vc + tc + 0.25)
                            }
                        }
                    }
                }
            }
        }
        for (hangul, spelling) in data.given {
            guard let s = hangul.unicodeScalars.first.flatMap(HangulSyllable.init) else { continue }
            commonGiven.insert(s.index)
            for (n, word) in ([spelling.popular] + spelling.others).enumerated() {
                let key = KoreanReverseIndex.fold(word)
                add(key, s.index, n == 0 ? 0 : 0.05)
                attestedKeys.insert(key)
            }
        }
        longestSyllable = syllables.keys.map(\.utf8.count).max() ?? 0

        func addSurname(_ key: String, _ value: Int, _ cost: Float) {
            guard !key.isEmpty else { return }
            var list = surnames[key, default: []]
            if let i = list.firstIndex(where: { $0.value == value }) {
                if cost < list[i].cost { list[i].cost = cost }
            } else {
                list.append(Candidate(value: value, cost: cost))
            }
            surnames[key] = list
        }
        for (k, s) in data.surnames.enumerated() {
            surnameHangul.append(s.hangul)
            let rankCost: Float = s.rank.map { Float($0) * 0.002 } ?? 0.3
            for (j, w) in s.spellings.enumerated() { addSurname(KoreanReverseIndex.fold(w), k, rankCost + Float(j) * 0.05) }
            for w in s.otherSpellings { addSurname(KoreanReverseIndex.fold(w), k, rankCost + 0.4) }
            for w in [s.rr, s.mr] {
                addSurname(KoreanReverseIndex.fold(w), k, rankCost + 0.1)
                addSurname(KoreanReverseIndex.fold(w).replacingOccurrences(of: "'", with: ""), k, rankCost + 0.15)
            }
            // Every generated spelling of the syllable(s), at a higher cost.
            let parts = s.hangul.unicodeScalars.compactMap(HangulSyllable.init).map(\.index)
            if parts.count == 1 {
                for (w, c) in spellingsOf[parts[0]] ?? [] { addSurname(w, k, rankCost + 0.5 + c) }
            } else if parts.count == 2 {
                let a = (spellingsOf[parts[0]] ?? []).filter { $0.1 <= 0.35 }, b = (spellingsOf[parts[1]] ?? []).filter { $0.1 <= 0.35 }
                for (w1, c1) in a { for (w2, c2) in b { addSurname(w1 + w2, k, rankCost + 0.5 + c1 + c2) } }
            }
        }
        for key in Array(syllables.keys) { syllables[key]!.sort { $0.cost < $1.cost || ($0.cost == $1.cost && $0.value < $1.value) } }
        for key in Array(surnames.keys) { surnames[key]!.sort { $0.cost < $1.cost || ($0.cost == $1.cost && $0.value < $1.value) } }
    }

    /// Folds a romanized word: lower-case ASCII, breves and other accents dropped, typographic
    /// apostrophes → `'`. Characters that are not letters or apostrophes are dropped.
    static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for c in word.unicodeScalars {
            if let f = foldScalar(c), f != "-" && f != " " && f != "," { out.append(f) }
        }
        return String(out)
    }

    /// One scalar folded: a–z, `'`, `-`, ` `, `,`; nil for anything else.
    static func foldScalar(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c.value {
        case 0x61...0x7A: return c
        case 0x41...0x5A: return Unicode.Scalar(c.value + 32)
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4: return "'"
        case 0x2D, 0x2010, 0x2011, 0x2013, 0x2014: return "-"
        case 0x20, 0x09, 0xA0, 0x2E: return " "                                  // a period is a separator (Kim Y. A.)
        case 0x2C: return ","
        case 0x14E, 0x14F, 0xD2...0xD6, 0xF2...0xF6: return "o"
        case 0x16C, 0x16D, 0xD9...0xDC, 0xF9...0xFC: return "u"
        case 0xC0...0xC5, 0xE0...0xE5: return "a"
        case 0xC8...0xCB, 0xE8...0xEB: return "e"
        case 0xCC...0xCF, 0xEC...0xEF: return "i"
        default: return nil
        }
    }
}
