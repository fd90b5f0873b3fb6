/// One reading of a romanized Chinese name: its toneless pinyin syllables split into surname and
/// given name (ü is written ü: "lü"), as `ChineseConverter.parse(romanized:)` returns them.
public struct ChineseNameReading: Sendable, Hashable {
    /// The surname's syllables (empty when the input had no recognizable surname part).
    public var family: [String]
    /// The given name's syllables.
    public var given: [String]
    /// True when the input wrote the given name first ("Cixin Liu").
    public var westernOrder: Bool
    /// Plausibility in 0...1; readings are returned best first.
    public var score: Double

    /// Creates a reading.
    public init(family: [String], given: [String], westernOrder: Bool, score: Double) {
        self.family = family
        self.given = given
        self.westernOrder = westernOrder
        self.score = score
    }

    /// All syllables, surname first.
    public var syllables: [String] { family + given }
}
