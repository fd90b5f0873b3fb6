import Foundation

/// A generator of realistic synthetic glossaries and query sets, for benchmarks and load
/// tests (never for accuracy claims: those use attested spellings).
///
/// Korean persons draw their surname from the surname table (rank order, Zipf-weighted, so
/// 김/이/박 dominate as in the census) and two given-name syllables from a list of common
/// name syllables; their English form is a real-world-style spelling built from the accepted
/// spellings. Chinese persons combine common surnames and given-name characters with their
/// pinyin. Organizations combine place, field and type words with the usual abbreviations.
/// Deterministic for a given seed.
public struct SyntheticGlossary: Sendable {
    /// The kinds of query sets ``queries(_:count:)`` makes.
    public enum QueryKind: String, Sendable, CaseIterable {
        /// A stored form as it is.
        case exact
        /// A stored English form with case, hyphens or name order changed.
        case normalized
        /// Another romanization of a Korean person's Hangul (RR, MR, popular variants).
        case romanization
        /// A stored or variant spelling with one slip (dropped, doubled or swapped letter).
        case fuzzy
        /// Names that are in no entry (other syllables).
        case miss
    }

    /// The glossary.
    public let glossary: Glossary
    private let seed: UInt64
    private let surnames: KoreanSurnameSpellings

    // Common given-name syllables (synthetic-data parameters, not reference facts).
    private static let givenSyllables = Array("민서지현수영준우진성호은하윤재동연경상혜정희석태원승용기철훈선미주아예유도나소빈규혁건환근범찬일중한광명숙순옥자남애란화")
    private static let chineseSurnames: [(String, String)] = [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
        ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
        ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"),
        ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ]
    private static let chineseGiven: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"), ("磊", "lei"),
        ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"),
        ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂", "gui"), ("英", "ying"), ("华", "hua"),
        ("建", "jian"), ("国", "guo"), ("文", "wen"), ("辉", "hui"), ("力", "li"), ("宇", "yu"), ("志", "zhi"), ("海", "hai"),
        ("峰", "feng"), ("占", "zhan"), ("慈", "ci"), ("欣", "xin"), ("泽", "ze"), ("民", "min"), ("东", "dong"), ("晓", "xiao"),
    ]
    private static let places = ["Korea", "Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Pohang", "Asia",
                                 "Pacific", "National", "Hanil", "Daehan", "Samil", "Shinhan", "Dongbang", "Seohae", "Namsan", "Baotou"]
    private static let fields = ["Steel", "Resources", "Energy", "Rare Earth", "Materials", "Shipbuilding", "Chemical", "Electronics",
                                 "Marine", "Nuclear", "Semiconductor", "Textile", "Cement", "Logistics", "Aerospace", "Bio"]
    private static let types = ["Corp.", "Corporation", "Co., Ltd.", "Research Institute", "Institute", "Univ.", "Group", "Holdings"]

    /// Generates `count` entries.
    /// - Parameters:
    ///   - count: number of entries (persons and organizations).
    ///   - seed: the random seed.
    ///   - dataDirectory: Onoma's `Dictionaries/` folder (for the surname table).
    /// - Throws: ``LookupError/referenceData(_:)`` when the surname table is missing.
    public init(count: Int, seed: UInt64 = 20_261_127, dataDirectory: URL? = OnomaData.defaultDirectory()) throws(LookupError) {
        guard let dataDirectory else { throw .referenceData("Onoma's Dictionaries/ folder was not found; set ONOMA_DICTIONARIES") }
        surnames = try KoreanSurnameSpellings(contentsOf: dataDirectory.appendingPathComponent("reference").appendingPathComponent(KoreanSurnameSpellings.fileName))
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        let korean = surnames.rankedSurnames
        // Zipf weights over the surname ranks.
        let weights = korean.indices.map { 1.0 / pow(Double($0 + 1), 1.1) }
        let cumulative = weights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
        var entries: [GlossaryEntry] = []
        entries.reserveCapacity(count)
        for i in 0..<count {
            let id = String(format: "e%06d", i)
            let roll = rng.next() % 100
            if roll < 65 {
                let r = Double(rng.next() % 1_000_000) / 1_000_000 * cumulative.last!
                let family = korean[cumulative.firstIndex { $0 >= r } ?? 0]
                let given = (0..<2).map { _ in SyntheticGlossary.givenSyllables[Int(rng.next() % UInt64(SyntheticGlossary.givenSyllables.count))] }
                let familyText = SyntheticGlossary.hangul(family)
                let givenText = String(given)
                let (en, enFamily, enGiven) = SyntheticGlossary.spell(surnames, family: family, given: given.map { UInt16($0.unicodeScalars.first!.value - 0xAC00) }, rng: &rng, popular: true)
                entries.append(GlossaryEntry(id: id, kind: .person, names: [
                    NameForm(language: "ko", text: familyText + givenText, family: familyText, given: givenText),
                    NameForm(language: "en", text: en, status: .preferred, family: enFamily, given: enGiven),
                ]))
            } else if roll < 90 {
                let s = SyntheticGlossary.chineseSurnames[Int(rng.next() % UInt64(SyntheticGlossary.chineseSurnames.count))]
                let g = (0..<2).map { _ in SyntheticGlossary.chineseGiven[Int(rng.next() % UInt64(SyntheticGlossary.chineseGiven.count))] }
                let given = g.map(\.1).joined()
                entries.append(GlossaryEntry(id: id, kind: .person, names: [
                    NameForm(language: "zh-Hans", text: s.0 + g.map(\.0).joined(), family: s.0, given: g.map(\.0).joined()),
                    NameForm(language: "en", text: "\(s.1) \(given.prefix(1).uppercased() + given.dropFirst())", status: .preferred, family: s.1,
                             given: given.prefix(1).uppercased() + given.dropFirst()),
                ]))
            } else {
                let p = SyntheticGlossary.places[Int(rng.next() % UInt64(SyntheticGlossary.places.count))]
                let f = SyntheticGlossary.fields[Int(rng.next() % UInt64(SyntheticGlossary.fields.count))]
                let t = SyntheticGlossary.types[Int(rng.next() % UInt64(SyntheticGlossary.types.count))]
                let name = (rng.next() % 4 == 0 ? "The " : "") + "\(p) \(f) \(t)"
                let abbreviation = (p.prefix(1) + f.prefix(1) + t.prefix(1)).uppercased() + String(i % 1000)
                entries.append(GlossaryEntry(id: id, kind: .organization, names: [
                    NameForm(language: "en", text: name, status: .preferred),
                    NameForm(language: "en", text: abbreviation, type: .abbreviation),
                ]))
            }
        }
        glossary = Glossary(name: "synthetic-\(count)", title: "Synthetic glossary (\(count) entries, seed \(seed))", entries: entries)
    }

    private static func hangul(_ syllables: [UInt16]) -> String {
        String(String.UnicodeScalarView(syllables.compactMap { Unicode.Scalar(UInt32($0) + 0xAC00) }))
    }

    /// A spelling of a Korean name: with `popular`, a cheap (standard or common) spelling for
    /// each part; otherwise any accepted spelling.
    private static func spell(_ surnames: KoreanSurnameSpellings, family: [UInt16], given: [UInt16], rng: inout SplitMix64, popular: Bool) -> (String, String, String) {
        let familyOptions = (surnames.spellings[family] ?? []).filter { !popular || $0.cost == 0 }
        let familyLetters = familyOptions.isEmpty
            ? family.map { HangulSpelling.rr($0) }.joined()
            : String(decoding: familyOptions[Int(rng.next() % UInt64(familyOptions.count))].letters, as: UTF8.self)
        let parts = given.map { s -> String in
            let options = HangulSpelling.spellings(s).filter { !popular || $0.cost <= 1 }.prefix(popular ? 4 : 12)
            return String(decoding: options[Int(rng.next() % UInt64(options.count))].letters, as: UTF8.self)
        }
        let cap = { (s: String) in s.prefix(1).uppercased() + s.dropFirst() }
        let givenText = cap(parts.joined(separator: "-"))
        return ("\(cap(familyLetters)) \(givenText)", cap(familyLetters), givenText)
    }

    /// `count` queries of `kind` with the id of the entry each should find (nil for misses).
    public func queries(_ kind: QueryKind, count: Int) -> [(query: String, expected: String?)] {
        var rng = SplitMix64(seed: seed ^ UInt64(QueryKind.allCases.firstIndex(of: kind)! + 1) &* 0x9E37_79B9)
        var out: [(String, String?)] = []
        out.reserveCapacity(count)
        let entries = glossary.entries
        var attempts = 0
        while out.count < count && attempts < count * 20 {
            attempts += 1
            let e = entries[Int(rng.next() % UInt64(entries.count))]
            let en = e.names.first { $0.language == "en" }!.text
            switch kind {
            case .exact:
                out.append((e.names[Int(rng.next() % UInt64(e.names.count))].text, e.id))
            case .normalized:
                guard e.kind == .person, let f = e.names.first(where: { $0.language == "en" }), let fam = f.family, let giv = f.given else {
                    out.append((en.uppercased(), e.id)); continue
                }
                out.append((rng.next() % 2 == 0 ? "\(giv) \(fam)" : "\(fam.uppercased()), \(giv.replacingOccurrences(of: "-", with: ""))", e.id))
            case .romanization:
                guard e.kind == .person, let ko = e.names.first(where: { $0.language == "ko" }) else { continue }
                let syllables = ko.text.unicodeScalars.map { UInt16($0.value - 0xAC00) }
                let (text, _, _) = SyntheticGlossary.spell(surnames, family: Array(syllables.prefix(1)), given: Array(syllables.dropFirst()), rng: &rng, popular: false)
                out.append((text, e.id))
            case .fuzzy:
                guard e.kind == .person else { continue }
                var letters = Array(en)
                let letterPositions = letters.indices.filter { letters[$0].isLetter && $0 > 0 }
                guard letterPositions.count > 6 else { continue }
                let i = letterPositions[Int(rng.next() % UInt64(letterPositions.count))]
                switch rng.next() % 3 {
                case 0: letters.remove(at: i)
                case 1: letters.insert(letters[i], at: i)
                default: if i + 1 < letters.count, letters[i + 1].isLetter { letters.swapAt(i, i + 1) } else { letters.remove(at: i) }
                }
                out.append((String(letters), e.id))
            case .miss:
                let syllables = (0..<3).map { _ in UInt16(rng.next() % 11172) }
                out.append(("\(SyntheticGlossary.hangul(syllables)) \(syllables.map { HangulSpelling.rr($0) }.joined(separator: "-"))", nil))
            }
        }
        return out
    }
}

/// SplitMix64: a small, fast, deterministic generator, so generated test and benchmark data
/// are the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
