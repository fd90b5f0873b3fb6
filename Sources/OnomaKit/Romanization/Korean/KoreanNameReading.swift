/// One way to read a romanized Korean name, as returned by ``KoreanRomanizer/parse(romanized:)``.
///
/// The romanized parts are given folded (lower case, breves dropped, apostrophes kept where
/// they mark MR aspiration); the Hangul candidates are ranked best first.
public struct KoreanNameReading: Sendable, Hashable {
    /// The family name as written, folded ("koh", "hwangbo").
    public var family: String
    /// The given name's syllables as segmented, folded (["young", "aah"]).
    public var given: [String]
    /// Hangul surnames the family name can stand for, best first (census rank and how usual
    /// the spelling is): "Lee" → ["이", ...], "Koh" → ["고", ...].
    public var familyHangul: [String]
    /// For each given-name syllable, the Hangul syllables it can stand for, best first.
    public var givenHangul: [[String]]
    /// Full Hangul names (surname + given name, no space), best first, at most
    /// ``KoreanNameReading/maximumCandidates``.
    public var candidates: [String]
    /// True when the input gave the given name first ("Seong-Jin Cho").
    public var westernOrder: Bool
    /// How plausible this reading is, 0 < score ≤ 1 (relative: compare readings of one input).
    public var score: Double

    /// The most full-name candidates a reading lists.
    public static let maximumCandidates = 40

    /// Creates a reading.
    public init(family: String, given: [String], familyHangul: [String], givenHangul: [[String]], candidates: [String], westernOrder: Bool, score: Double) {
        self.family = family
        self.given = given
        self.familyHangul = familyHangul
        self.givenHangul = givenHangul
        self.candidates = candidates
        self.westernOrder = westernOrder
        self.score = score
    }
}
