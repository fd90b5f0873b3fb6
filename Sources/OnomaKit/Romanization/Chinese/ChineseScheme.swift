/// The outputs `ChineseConverter` can produce from Han characters.
public enum ChineseScheme: String, Sendable, CaseIterable {
    /// Hanyu Pinyin without tones, GB/T 28039 name rules: 刘慈欣 → Liu Cixin.
    case pinyin
    /// Hanyu Pinyin with tone marks: 刘慈欣 → Liú Cíxīn.
    case pinyinTones = "pinyin-tones"
    /// Hanyu Pinyin with tone numbers (5 = neutral tone): 刘慈欣 → Liu2 Ci2xin1.
    case pinyinNumbers = "pinyin-numbers"
    /// Wade–Giles (common printed form: ŭ → u, ê → e; `strict` keeps the marks): 刘慈欣 → Liu Tz'u-hsin.
    case wadeGiles = "wade-giles"
    /// Korean orthography (외래어 표기법) of the Mandarin reading: 江泽民 → 장쩌민.
    case hangul
    /// Sino-Korean (Hanja) reading with the initial-sound rule: 杜甫 → 두보, 李白 → 이백.
    case sinoKorean = "sino-korean"

    /// The matching `RomanizationScheme` (same raw value).
    public var romanizationScheme: RomanizationScheme {
        switch self {
        case .pinyin: return .pinyin
        case .pinyinTones: return .pinyinTones
        case .pinyinNumbers: return .pinyinNumbers
        case .wadeGiles: return .wadeGiles
        case .hangul: return .hangul
        case .sinoKorean: return .sinoKorean
        }
    }

    /// Whether the output is in Latin letters (and so capitalized and spaced).
    var isLatin: Bool { self != .hangul && self != .sinoKorean }
}
