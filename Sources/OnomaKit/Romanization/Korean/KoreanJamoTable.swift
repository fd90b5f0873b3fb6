/// The per-jamo spellings of each Korean scheme. These are the systems' own fixed letter
/// tables (19 initials, 21 vowels, 28 finals), kept in Swift because they are short, never
/// change and are clearer next to the rules that use them.
///
/// Sources: RR — 국어의 로마자 표기법 (문화관광부 고시 2000-8, ch. 2); MR — McCune &
/// Reischauer 1939 as used by ALA-LC (Korean Romanization and Word Division, 2009; MR table
/// as printed by the University of Chicago East Asia library: s → sh before wi);
/// Yale — S. E. Martin's linguistic Yale for modern Korean (the vowel and consonant tables of
/// the Wikipedia article "Yale romanization of Korean" and linguistique-coreenne.com's Yale
/// table: ㅗ o, ㅜ wu, ㅡ u, ㅓ e, ㅐ ay, ㅔ ey, ㅚ oy, ㅢ uy, ㅈ c, ㅊ ch, ㅋ kh). `wu` is
/// written after labials too, the long form: Martin's shortening to `u` after m/p/pp/ph is
/// optional (J. R. P. King, Korean Studies list, 2005) and loses information.
enum KoreanJamoTable {
    static let rrInitial = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    static let rrVowel = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
    /// A final written where no vowel follows (RR ch. 2 art. 2, note 2: k, t, p before a consonant or at the end).
    static let rrFinal = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
    /// Indexed by `CodaSound.rawValue`.
    static let rrCoda = ["", "k", "n", "t", "l", "m", "p", "ng"]

    /// MR initials where they are voiceless (word-initially, after k t p).
    static let mrInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"]
    /// MR ㄱ ㄷ ㅂ ㅈ between voiced sounds.
    /// Indexed by initial; nil where MR has no voiced spelling.
    static let mrVoiced: [String?] = ["g", nil, nil, "d", nil, nil, nil, "b", nil, nil, nil, nil, "j", nil, nil, nil, nil, nil, nil]
    static let mrVowel = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"]
    /// Indexed by `CodaSound.rawValue`.
    static let mrCoda = ["", "k", "n", "t", "l", "m", "p", "ng"]

    static let yaleInitial = ["k", "kk", "n", "t", "tt", "l", "m", "p", "pp", "s", "ss", "", "c", "cc", "ch", "kh", "th", "ph", "h"]
    static let yaleVowel = ["a", "ay", "ya", "yay", "e", "ey", "ye", "yey", "o", "wa", "way", "oy", "yo", "wu", "we", "wey", "wi", "yu", "u", "uy", "i"]
    static let yaleFinal = ["", "k", "kk", "ks", "n", "nc", "nh", "t", "l", "lk", "lm", "lp", "ls", "lth", "lph", "lh", "m", "p", "ps", "s", "ss", "ng", "c", "ch", "kh", "th", "ph", "h"]

    /// RR for one syllable read on its own (name mode: given-name syllables are not assimilated).
    static func rrIsolated(_ s: HangulSyllable) -> String {
        rrInitial[s.initial] + rrVowel[s.vowel] + rrFinal[s.final]
    }

    /// Yale transliteration of one syllable.
    static func yale(_ s: HangulSyllable) -> String {
        yaleInitial[s.initial] + yaleVowel[s.vowel] + yaleFinal[s.final]
    }
}
