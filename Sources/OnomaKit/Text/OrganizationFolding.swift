/// The organization-name key: case, punctuation, "&"/"and", a leading "The" and the usual
/// abbreviations folded away, so that "The Korea Herald" = "Korea Herald" and
/// "Korea Resources Corp." = "KOREA RESOURCES CORPORATION".
public enum OrganizationFolding {
    /// Abbreviations written in company and institution names, and the word they stand for.
    /// A fixed, short rule table (the same list the README documents).
    static let expansions: [String: String] = [
        "corp": "corporation", "co": "company", "inst": "institute", "univ": "university",
        "ltd": "limited", "inc": "incorporated", "intl": "international", "assn": "association",
        "dept": "department", "natl": "national", "mfg": "manufacturing", "bros": "brothers",
        "ctr": "center", "centre": "center", "govt": "government", "org": "organization",
    ]

    /// The organization key of a folded name: its tokens concatenated after dropping a leading
    /// "the" and expanding abbreviations.
    /// - Complexity: O(n) in the length of the name.
    public static func key(_ name: NameText) -> String {
        var view = String.UnicodeScalarView()
        for (i, token) in name.tokens.enumerated() {
            if token.script == .latin {
                let word = token.text
                if i == 0 && word == "the" && name.tokens.count > 1 { continue }
                if let full = expansions[word] { view.append(contentsOf: full.unicodeScalars); continue }
            }
            view.append(contentsOf: token.scalars)
        }
        return String(view)
    }

    /// `StableHash.of(key(name).unicodeScalars)` without building the key string: the lookup
    /// hot path only needs the hash.
    /// - Complexity: O(n) in the length of the name.
    static func keyHash(_ name: NameText) -> UInt64 {
        var hash = StableHash()
        for (i, token) in name.tokens.enumerated() {
            // Only short Latin tokens can be "the" or an abbreviation (2...6 letters); a small
            // ASCII string is stored inline, so the lookup does not allocate.
            if token.script == .latin, (2...6).contains(token.scalars.count), token.scalars.allSatisfy(\.isASCII) {
                var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
                let word = withUnsafeMutableBytes(of: &bytes) { raw -> String in
                    for (j, s) in token.scalars.enumerated() { raw[j] = UInt8(truncatingIfNeeded: s.value) }
                    return String(decoding: raw.prefix(token.scalars.count), as: UTF8.self)
                }
                if i == 0 && word == "the" && name.tokens.count > 1 { continue }
                if let full = expansions[word] { for s in full.unicodeScalars { hash.combine(s.value) }; continue }
            }
            for s in token.scalars { hash.combine(s.value) }
        }
        return hash.value
    }
}
