/// One precomposed Hangul syllable (U+AC00–U+D7A3) split into its jamo indices by arithmetic:
/// `index = (scalar − 0xAC00)`, initial `index / 588`, vowel `(index % 588) / 28`, final `index % 28`.
/// No table and no ICU call is needed, which keeps the hot paths cheap.
struct HangulSyllable: Sendable, Hashable {
    /// First precomposed syllable, 가.
    static let first: UInt32 = 0xAC00
    /// Number of precomposed syllables (19 × 21 × 28).
    static let count: UInt32 = 11172

    /// Initial consonant index 0..<19 (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ).
    var initial: Int
    /// Vowel index 0..<21 (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ).
    var vowel: Int
    /// Final consonant index 0..<28 (0 = none; ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ).
    var final: Int

    /// Splits a scalar; nil when it is not a precomposed Hangul syllable.
    @inline(__always)
    init?(_ scalar: Unicode.Scalar) {
        let v = scalar.value &- HangulSyllable.first
        guard v < HangulSyllable.count else { return nil }
        self.init(index: Int(v))
    }

    /// From a syllable index 0..<11172.
    @inline(__always)
    init(index: Int) {
        initial = index / 588
        vowel = (index % 588) / 28
        final = index % 28
    }

    /// From jamo indices.
    init(initial: Int, vowel: Int, final: Int) {
        self.initial = initial
        self.vowel = vowel
        self.final = final
    }

    /// The syllable index 0..<11172.
    var index: Int { initial * 588 + vowel * 28 + final }

    /// The precomposed scalar.
    var scalar: Unicode.Scalar { Unicode.Scalar(HangulSyllable.first + UInt32(index))! }

    /// True when the scalar is a precomposed Hangul syllable.
    @inline(__always)
    static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- first < count
    }
}

/// Jamo index constants used by the sound-change rules (names rather than magic numbers).
enum Jamo {
    // Initials.
    static let g = 0, kk = 1, n = 2, d = 3, tt = 4, r = 5, m = 6, b = 7, pp = 8, s = 9, ss = 10
    static let null = 11, j = 12, jj = 13, ch = 14, k = 15, t = 16, p = 17, h = 18
    // Vowels that trigger n-insertion and palatalization.
    static let vA = 0, vYa = 2, vYeo = 6, vYe = 7, vO = 8, vYo = 12, vU = 13, vWi = 16, vYu = 17, vEu = 18, vUi = 19, vI = 20
    // Finals.
    static let fNone = 0, fG = 1, fKK = 2, fGS = 3, fN = 4, fNJ = 5, fNH = 6, fD = 7, fL = 8, fLG = 9, fLM = 10
    static let fLB = 11, fLS = 12, fLT = 13, fLP = 14, fLH = 15, fM = 16, fB = 17, fBS = 18, fS = 19, fSS = 20
    static let fNG = 21, fJ = 22, fCH = 23, fK = 24, fT = 25, fP = 26, fH = 27
}
