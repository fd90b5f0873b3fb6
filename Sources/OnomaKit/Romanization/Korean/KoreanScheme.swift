/// The Korean romanization schemes.
public enum KoreanScheme: String, Sendable, CaseIterable {
    /// Revised Romanization (2000; notice 2024-27): names without assimilation, text with sound changes.
    case rr
    /// McCune–Reischauer in ALA-LC usage: breves, aspiration apostrophes, 李 → Yi.
    case mr
    /// MR with the breves and apostrophes dropped (ŏ → o, ŭ → u, ch' → ch).
    case mrASCII = "mr-ascii"
    /// Linguistic Yale (S. E. Martin): a letter-for-letter transliteration.
    case yale
    /// The most frequent real-world spellings (Lee, Park, Choi; Young, Soo, Hyun).
    case popular

    /// The matching shared scheme value.
    public var romanizationScheme: RomanizationScheme {
        switch self {
        case .rr: .rr
        case .mr: .mr
        case .mrASCII: .mrASCII
        case .yale: .yale
        case .popular: .popular
        }
    }

    /// The Korean scheme for a shared scheme value (nil for the Chinese ones and `auto`).
    public init?(_ scheme: RomanizationScheme) {
        switch scheme {
        case .rr: self = .rr
        case .mr: self = .mr
        case .mrASCII: self = .mrASCII
        case .yale: self = .yale
        case .popular: self = .popular
        default: return nil
        }
    }
}
