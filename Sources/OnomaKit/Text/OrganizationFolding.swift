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
}
