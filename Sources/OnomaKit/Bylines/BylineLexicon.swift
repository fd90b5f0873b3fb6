/// The words of English, Korean and Chinese credit lines that are not names: what introduces
/// a byline ("By", "记者"), what follows it ("기자", "报道"), job titles, place markers, joiners.
///
/// A small fixed rule table (a few dozen words), kept in Swift because each word carries a
/// grammatical role rather than data; extend it with `init(latin:hangulSuffixes:...)`.
public struct BylineLexicon: Sendable {
    /// The role a credit-line word plays.
    public enum Role: Sendable, Hashable {
        /// Introduces names that follow it: "By", "记者", "通讯员".
        case prefix
        /// Follows the names it applies to: "기자", "特派員", "报道".
        case suffix
        /// A job title that may precede or follow names: "Reporter", "correspondent".
        case title
        /// Introduces a place, not a name: "in", "at".
        case place
        /// Joins several names: "and", "및", "和".
        case separator
        /// A credit-line word that is neither a name nor a marker: "Staff", "Written", "From".
        case stop
    }

    /// Latin words, keyed by their ASCII lower-case form.
    public var latin: [String: Role]
    /// Hangul words that follow names, also written attached ("고영아기자").
    public var hangulSuffixes: [String]
    /// Other Hangul words with a role (separators such as "및").
    public var hangul: [String: Role]
    /// Korean particles and address terms written attached to a name ("한국광물자원공사가",
    /// "고영아씨"): stripped to find a known entry in a Hangul word.
    public var hangulParticles: [String]
    /// Han words that precede names, also attached ("记者杨占峰").
    public var hanPrefixes: [String]
    /// Han words that follow names, also attached ("杨占峰报道").
    public var hanSuffixes: [String]
    /// Other Han words with a role (separators such as "和").
    public var han: [String: Role]

    /// Creates a lexicon from explicit word lists.
    public init(latin: [String: Role], hangulSuffixes: [String], hangul: [String: Role], hangulParticles: [String],
                hanPrefixes: [String], hanSuffixes: [String], han: [String: Role]) {
        self.latin = latin
        self.hangulParticles = hangulParticles.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        hangulParticleScalars = self.hangulParticles.map { Array($0.unicodeScalars) }
        // Longest first, so that "선임기자" is stripped whole rather than as "기자".
        self.hangulSuffixes = hangulSuffixes.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        self.hangul = hangul
        self.hanPrefixes = hanPrefixes.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        self.hanSuffixes = hanSuffixes.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        self.han = han
        hangulSuffixScalars = self.hangulSuffixes.map { Array($0.unicodeScalars) }
        hangulWords = hangul.map { (Array($0.key.unicodeScalars), $0.value) }
        hanWords = han.map { (Array($0.key.unicodeScalars), $0.value) }
        var keyed: [LatinKey: Role] = [:]
        for (word, role) in latin {
            if let key = LatinKey(Array(word.unicodeScalars)[...]) { keyed[key] = role }
        }
        latinKeyed = keyed
        hanPrefixScalars = self.hanPrefixes.map { Array($0.unicodeScalars) }
        hanSuffixScalars = self.hanSuffixes.map { Array($0.unicodeScalars) }
    }

    let hangulSuffixScalars: [[Unicode.Scalar]]
    let hangulWords: [([Unicode.Scalar], Role)]
    let hangulParticleScalars: [[Unicode.Scalar]]
    let hanWords: [([Unicode.Scalar], Role)]
    let latinKeyed: [LatinKey: Role]
    let hanPrefixScalars: [[Unicode.Scalar]]
    let hanSuffixScalars: [[Unicode.Scalar]]

    /// The credit-line vocabulary of English, Korean and Chinese newspapers and wire services.
    public static let standard = BylineLexicon(
        latin: [
            "by": .prefix,
            "reporter": .title, "reporters": .title, "correspondent": .title, "correspondents": .title,
            "writer": .title, "writers": .title, "columnist": .title, "columnists": .title,
            "editor": .title, "editors": .title, "contributor": .title, "contributors": .title,
            "photographer": .title, "photographers": .title, "journalist": .title, "journalists": .title,
            "in": .place, "at": .place,
            "and": .separator, "with": .separator,
            "written": .stop, "reported": .stop, "compiled": .stop, "edited": .stop, "translated": .stop,
            "photo": .stop, "photos": .stop, "text": .stop, "from": .stop, "staff": .stop, "senior": .stop,
            "special": .stop, "chief": .stop, "contributing": .stop, "bureau": .stop, "the": .stop,
            "of": .stop, "for": .stop, "via": .stop, "news": .stop, "daily": .stop,
        ],
        hangulSuffixes: [
            "기자", "특파원", "논설위원", "선임기자", "수석기자", "전문기자", "객원기자", "인턴기자", "사진기자",
            "대기자", "편집위원", "논설실장", "통신원", "칼럼니스트", "기자단",
        ],
        hangul: ["및": .separator],
        hangulParticles: [
            "에서는", "에게서", "으로서", "으로써", "께서", "에서", "에게", "한테", "으로", "로서", "까지", "부터", "처럼",
            "보다", "이나", "이며", "이고", "에는", "에도", "씨는", "씨가", "씨의", "은", "는", "이", "가", "을", "를", "의",
            "에", "와", "과", "도", "로", "만", "씨", "님",
        ],
        hanPrefixes: [
            "记者", "記者", "本报记者", "本報記者", "特约记者", "特約記者", "特派记者", "特派記者",
            "通讯员", "通訊員", "实习生", "實習生", "撰稿", "作者", "编辑", "編輯",
        ],
        hanSuffixes: ["报道", "報道", "报导", "報導", "摄", "攝", "记者", "記者", "特派员", "特派員", "撰文"],
        han: ["和": .separator, "与": .separator, "與": .separator, "及": .separator]
    )
}

/// A Latin word of up to 24 letters folded to lower case and packed 5 bits a letter: a
/// keyword lookup without building a String (this runs for every word of every line).
struct LatinKey: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    /// nil when the word has a character other than an ASCII letter, or more than 24 letters.
    init?(_ word: ArraySlice<Unicode.Scalar>) {
        guard word.count <= 24 else { return nil }
        var k = 0
        for c in word {
            let v = c.value | 0x20
            guard v >= 0x61 && v <= 0x7A, c.value < 0x80 else { return nil }
            let bits = UInt64(v - 0x60)
            if k < 12 { low |= bits << (5 * k) } else { high |= bits << (5 * (k - 12)) }
            k += 1
        }
    }
}
