/// The parts of a BCP 47 language tag (RFC 5646) that the glossary rules need.
public struct LanguageTag: Sendable, Hashable {
    /// The primary language subtag, lowercased ("ko", "zh", "en").
    public var language: String
    /// The script subtag, title-cased ("Hani", "Latn"), if any.
    public var script: String?
    /// The region subtag, uppercased, if any.
    public var region: String?

    /// Parses `tag`; nil when it is not well-formed BCP 47 (`langtag` or private use `x-...`).
    /// Grandfathered tags (`i-klingon`) are not accepted.
    public init?(_ tag: String) {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func isAlpha(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
        func isDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func isAlnum(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) } }
        guard let first = subtags.first, !first.isEmpty else { return nil }
        var i = 0
        if first.lowercased() == "x" {
            // Private use only: x-1*8alphanum...
            guard subtags.count > 1, subtags.dropFirst().allSatisfy({ isAlnum($0) && $0.count <= 8 }) else { return nil }
            language = "x"
            return
        }
        guard isAlpha(first), (2...8).contains(first.count) else { return nil }
        language = first.lowercased()
        i = 1
        // extlang: up to three 3-letter subtags after a 2-3 letter language.
        if first.count <= 3 {
            var extlangs = 0
            while i < subtags.count, extlangs < 3, subtags[i].count == 3, isAlpha(subtags[i]) {
                i += 1
                extlangs += 1
            }
        }
        if i < subtags.count, subtags[i].count == 4, isAlpha(subtags[i]) {
            script = subtags[i].prefix(1).uppercased() + subtags[i].dropFirst().lowercased()
            i += 1
        }
        if i < subtags.count, (subtags[i].count == 2 && isAlpha(subtags[i])) || (subtags[i].count == 3 && isDigits(subtags[i])) {
            region = subtags[i].uppercased()
            i += 1
        }
        // variants: 5-8 alphanumerics, or a digit and 3 alphanumerics.
        while i < subtags.count, isAlnum(subtags[i]),
              (5...8).contains(subtags[i].count) || (subtags[i].count == 4 && isDigits(String(subtags[i].prefix(1)))) {
            i += 1
        }
        // extensions: a singleton (not x) then 2-8 alphanumerics, at least once.
        while i < subtags.count, subtags[i].count == 1, isAlnum(subtags[i]), subtags[i].lowercased() != "x" {
            i += 1
            var parts = 0
            while i < subtags.count, isAlnum(subtags[i]), (2...8).contains(subtags[i].count) {
                i += 1
                parts += 1
            }
            if parts == 0 { return nil }
        }
        // private use: x then 1-8 alphanumerics, at least once.
        if i < subtags.count, subtags[i].lowercased() == "x" {
            i += 1
            var parts = 0
            while i < subtags.count, isAlnum(subtags[i]), (1...8).contains(subtags[i].count) {
                i += 1
                parts += 1
            }
            if parts == 0 { return nil }
        }
        if i != subtags.count { return nil }
    }

    /// The script names in this language are expected to be written in: the script subtag, or
    /// the usual script of the language (Hangul for `ko`, Han for `zh`, Latin for `en` and the
    /// other Latin-alphabet languages Onoma meets), nil when Onoma does not know.
    public var expectedScript: ExpectedScript? {
        switch script {
        case "Latn": return .latin
        case "Hang", "Kore": return .hangul
        case "Hani", "Hans", "Hant": return .han
        case .some: return nil
        case nil: break
        }
        switch language {
        case "ko": return .hangul
        case "zh", "yue", "cmn", "wuu", "hak", "nan": return .han
        case "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "nn", "no", "fi", "pl", "cs", "tr", "vi", "id", "ms", "la", "ro", "hu":
            return .latin
        default: return nil
        }
    }

    /// The scripts the glossary rules tell apart.
    public enum ExpectedScript: Sendable, Hashable {
        case hangul, han, latin
    }
}
