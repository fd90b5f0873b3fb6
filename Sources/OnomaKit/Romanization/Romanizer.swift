import Foundation

/// The one entry point for romanizing and converting names and text in every scheme of
/// `onoma romanize`: it picks the Korean or Chinese engine by script and scheme.
///
/// Immutable after loading and `Sendable`: share one instance across threads.
public struct Romanizer: Sendable {
    /// The Korean engine (Hangul → RR, MR, Yale, popular spellings; reverse parsing).
    public let korean: KoreanRomanizer
    /// The Chinese engine (Han → pinyin, Wade–Giles, Korean orthography, Sino-Korean, S↔T).
    public let chinese: ChineseConverter

    /// Loads the reference tables from a `Dictionaries/` folder.
    /// - Throws: the engines' data errors, naming the file and line at fault.
    public init(dictionaries: URL) throws {
        korean = try KoreanRomanizer(dictionaries: dictionaries)
        chinese = try ChineseConverter(dictionaries: dictionaries)
    }

    /// Loads the reference tables from the default `Dictionaries/` (see ``OnomaData``).
    /// - Throws: ``RomanizationError/dataNotFound`` when no data folder can be found.
    public static func loadDefault() throws -> Romanizer {
        guard let dir = OnomaData.defaultDirectory() else { throw RomanizationError.dataNotFound }
        return try Romanizer(dictionaries: dir)
    }

    /// Romanizes or converts one name (or, with `options.text`, one line of running text).
    ///
    /// Input in a script the scheme does not apply to is returned unchanged with a warning,
    /// never dropped. Hanja given to a Korean scheme are read in Korean first (金九 → 김구 → Gim Gu).
    /// - Complexity: O(n) in the length of the input.
    public func romanize(_ input: String, options: RomanizationOptions) -> RomanizedName {
        let profile = Script.profile(of: input)
        guard let script = profile.dominant else {
            return RomanizedName(input: input, output: input, scheme: options.scheme == .auto ? .rr : options.scheme,
                                 warnings: input.isEmpty ? [] : ["no Hangul, Han or Latin letters: left as it is"])
        }
        let scheme = options.scheme == .auto ? (script == .han ? .pinyin : .rr) : options.scheme
        if script == .latin {
            return RomanizedName(input: input, output: input, scheme: scheme,
                                 warnings: ["already in Latin letters: left as it is"])
        }
        var result: RomanizedName
        switch (scheme, script) {
        case (.rr, _), (.mr, _), (.mrASCII, _), (.yale, _), (.popular, _):
            let k = KoreanScheme(scheme)!
            // A Hanja name or text is read in Korean first.
            let source = script == .han ? chinese.sinoKorean(input, asName: !options.text) : input
            if options.text {
                result = korean.romanizeTextResult(source, scheme: k)
                result.input = input
            } else {
                result = korean.romanizeName(source, scheme: k, given: options.given ?? .hyphen)
                result.input = input
            }
        case (.pinyin, .han), (.pinyinTones, .han), (.pinyinNumbers, .han), (.wadeGiles, .han), (.hangul, .han), (.sinoKorean, .han):
            let c = ChineseScheme(scheme)!
            if options.text {
                result = RomanizedName(input: input, output: chinese.romanizeText(input, scheme: c, strict: options.strict), scheme: scheme)
            } else {
                result = chinese.romanizeName(input, scheme: c, given: options.given, strict: options.strict)
            }
        case (.simplified, .han), (.traditional, .han):
            let output = scheme == .simplified ? chinese.toSimplified(input) : chinese.toTraditional(input)
            result = RomanizedName(input: input, output: output, scheme: scheme)
            if !options.text, let split = chinese.split(output) {
                result.family = split.family
                result.given = split.given
            }
        case (.hangul, .hangul), (.sinoKorean, .hangul):
            result = RomanizedName(input: input, output: input, scheme: scheme)
            if !options.text, let split = korean.split(input) {
                result.family = split.family
                result.given = split.given
            }
        default:
            result = RomanizedName(input: input, output: input, scheme: scheme,
                                   warnings: ["the \(scheme.rawValue) scheme does not apply to \(script.rawValue) text: left as it is"])
        }
        result.scheme = scheme
        if profile.isMixed {
            result.warnings.append("mixed scripts: only the \(script.rawValue) letters were converted")
        }
        return result
    }
}

/// Errors of the romanization layer.
public enum RomanizationError: Error, CustomStringConvertible, Sendable {
    /// No `Dictionaries/` folder with reference data was found.
    case dataNotFound

    public var description: String {
        switch self {
        case .dataNotFound:
            return "cannot find Onoma's reference data (the Dictionaries/ folder); set \(OnomaData.environmentVariable) to its path"
        }
    }
}

extension ChineseScheme {
    /// The Chinese engine's scheme for a `RomanizationScheme`, if it is a Chinese one.
    init?(_ scheme: RomanizationScheme) {
        switch scheme {
        case .pinyin: self = .pinyin
        case .pinyinTones: self = .pinyinTones
        case .pinyinNumbers: self = .pinyinNumbers
        case .wadeGiles: self = .wadeGiles
        case .hangul: self = .hangul
        case .sinoKorean: self = .sinoKorean
        default: return nil
        }
    }
}
