/// The romanization and script-conversion schemes of `onoma romanize`.
public enum RomanizationScheme: String, Sendable, Hashable, CaseIterable, Codable {
    /// Revised Romanization of Korean (2000; notice 2024-27).
    case rr
    /// McCune–Reischauer (ALA-LC usage), with breves and apostrophes.
    case mr
    /// McCune–Reischauer without diacritics (ŏ → o, ŭ → u, apostrophes dropped).
    case mrASCII = "mr-ascii"
    /// Yale romanization of Korean.
    case yale
    /// The most frequent real-world spellings (Lee, Park, Choi; Young, Soo, Hyun).
    case popular
    /// Hanyu Pinyin without tones, GB/T 28039 name rules.
    case pinyin
    /// Hanyu Pinyin with tone marks.
    case pinyinTones = "pinyin-tones"
    /// Hanyu Pinyin with tone numbers.
    case pinyinNumbers = "pinyin-numbers"
    /// Wade–Giles.
    case wadeGiles = "wade-giles"
    /// Korean orthography (외래어 표기법) of Chinese names: 江泽民 → 장쩌민.
    case hangul
    /// Sino-Korean readings of Hanja/Hanzi: 杜甫 → 두보.
    case sinoKorean = "sino-korean"
    /// Simplified Chinese characters.
    case simplified
    /// Traditional Chinese characters (name-safe).
    case traditional
    /// A sensible scheme per script: Hangul → RR, Han → pinyin.
    case auto
}

/// How the syllables of a given name are joined.
public enum GivenNameStyle: String, Sendable, Hashable, CaseIterable, Codable {
    /// "Yong-ha" (the contract's default for Korean).
    case hyphen
    /// "Yongha" (what the RR rule prints; the default for Chinese).
    case joined
    /// "Yong Ha".
    case spaced
}

/// Options for one romanization call.
public struct RomanizationOptions: Sendable, Hashable {
    public var scheme: RomanizationScheme
    /// nil: the scheme's default (hyphen for Korean, joined for Chinese, hyphen for Wade–Giles).
    public var given: GivenNameStyle?
    /// Romanize running text (with sound changes) instead of a personal name.
    public var text: Bool
    /// Wade–Giles: keep ŭ and ê (the strict form) instead of the common printed u and e.
    public var strict: Bool

    /// Creates options.
    public init(scheme: RomanizationScheme = .auto, given: GivenNameStyle? = nil, text: Bool = false, strict: Bool = false) {
        self.scheme = scheme
        self.given = given
        self.text = text
        self.strict = strict
    }
}

/// The result of romanizing or converting one input.
public struct RomanizedName: Sendable, Hashable {
    /// The input as given.
    public var input: String
    /// The romanized or converted form (the input unchanged when nothing applied).
    public var output: String
    /// The scheme actually applied (`auto` resolved to a concrete scheme).
    public var scheme: RomanizationScheme
    /// The family name in the output, when the input was read as a personal name.
    public var family: String?
    /// The given name in the output, when the input was read as a personal name.
    public var given: String?
    /// Why part of the input was passed through unchanged (unknown characters, wrong script).
    public var warnings: [String]

    /// Creates a result.
    public init(input: String, output: String, scheme: RomanizationScheme, family: String? = nil, given: String? = nil, warnings: [String] = []) {
        self.input = input
        self.output = output
        self.scheme = scheme
        self.family = family
        self.given = given
        self.warnings = warnings
    }
}
