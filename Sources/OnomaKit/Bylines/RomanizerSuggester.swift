/// Suggests, for a name no dictionary knows, its spelling in the target language with the
/// `Romanizer` (table-driven: no ICU transliterator on the per-line path).
public struct RomanizerSuggester: NameSuggester {
    /// The romanizer.
    public let romanizer: Romanizer
    /// The target language (`en` or any `*-Latn`: a romanization; `ko`: Korean orthography of
    /// Chinese names).
    public let language: String

    /// Creates a suggester.
    public init(romanizer: Romanizer, language: String = "en") {
        self.romanizer = romanizer
        self.language = language
    }

    /// The romanized form of a Hangul or Han name (Revised Romanization for Korean, given name
    /// hyphenated, as the contract's name mode; pinyin for Chinese); nil for a Latin name or
    /// when nothing converts.
    public func suggest(_ name: String) -> String? {
        let scheme: RomanizationScheme
        if language == "en" || language.hasSuffix("-Latn") {
            scheme = .auto
        } else if language == "ko" {
            guard name.unicodeScalars.contains(where: ScalarKind.isHan) else { return nil }
            scheme = .hangul
        } else {
            return nil
        }
        guard name.unicodeScalars.contains(where: { ScalarKind.isHan($0) || ScalarKind.isHangul($0) }) else { return nil }
        let result = romanizer.romanize(name, options: RomanizationOptions(scheme: scheme))
        return result.output == name || result.output.isEmpty ? nil : result.output
    }
}
