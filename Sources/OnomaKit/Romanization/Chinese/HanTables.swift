import Foundation

/// The Chinese reference data in memory, laid out for table lookups on the hot path.
///
/// A *reading code* (`UInt16`) packs a pinyin syllable and a tone: `syllable << 3 | tone`
/// (tone 1–4, 5 = neutral), so 0 means "no reading". Every output form of every reading is
/// precomputed once at load time, so romanizing a name is array indexing and string appends.
final class HanTables: Sendable {
    /// The first code point of the flat lookup arrays (CJK Extension A) and their length
    /// (through the end of the URO block, U+9FFF).
    static let flatBase: UInt32 = 0x3400
    static let flatCount = 0xA000 - 0x3400
    /// Room for 1024 syllables × 8 tone slots.
    static let codeSpace = 8192

    /// Output forms: index `form.rawValue * codeSpace * 2 + (capitalized ? codeSpace : 0) + code`.
    enum Form: Int, CaseIterable {
        case pinyin, pinyinTones, pinyinNumbers, wadeGiles, wadeGilesStrict, hangul
    }

    /// Toneless syllables in table order (ü written ü).
    let syllables: [String]
    /// Toneless syllable → index.
    let syllableIndex: [String: Int]
    /// Whether the syllable starts with a, o or e (needs an apostrophe inside a pinyin word).
    let vowelInitial: [Bool]
    /// Whether the syllable has a Hangul spelling (syllables outside the standard inventory do not).
    let hasHangul: [Bool]
    /// Wade-Giles, strict form, per syllable (for the reverse parser).
    let wadeGilesStrict: [String]
    /// Every output form of every reading code (see `Form`).
    let forms: [String]
    /// Reading code per character in U+3400..U+9FFF.
    let flatReading: [UInt16]
    /// Reading code for characters elsewhere (compatibility ideographs, Extension B and later).
    let otherReading: [UInt32: UInt16]
    /// Sino-Korean reading (a Hangul syllable scalar) per character in U+3400..U+9FFF, 0 = none.
    let flatHangul: [UInt16]
    /// Sino-Korean reading for characters elsewhere.
    let otherHangul: [UInt32: UInt16]
    /// Simplified → traditional and traditional → simplified, per character.
    let toTraditional: [UInt32: UInt32]
    let toSimplified: [UInt32: UInt32]
    /// Single-character surnames by simplified and traditional character.
    let singleSurnames: [UInt32: Surname]
    /// Compound surnames by their two characters (`first << 32 | second`), both scripts.
    let compoundSurnames: [UInt64: Surname]
    /// Toneless pinyin of each surname (syllables joined), for the reverse parser.
    let surnamePinyin: [String: Int]

    /// One surname of `chinese-surnames.tsv`.
    struct Surname: Sendable {
        var simplified: [UInt32]
        var traditional: [UInt32]
        /// Reading codes of the surname reading (单 shàn).
        var readings: [UInt16]
        /// Sino-Korean reading as Hangul scalars, after the initial-sound rule (이, 김); nil when unverified.
        var korean: [UInt16]?
        /// 1 = most common; compound surnames rank after the single ones.
        var rank: Int
    }

    /// Loads every table from `directory` (the `Dictionaries/reference/` folder).
    /// - Throws: `ChineseDataError` naming the file and line of the first problem.
    init(reference directory: URL) throws {
        // 1. Syllable inventory with Wade-Giles.
        var syllables: [String] = []
        var syllableIndex: [String: Int] = [:]
        var wadeGiles: [String] = []
        let wgFile = try ReferenceTSV(url: directory.appendingPathComponent("pinyin-wade-giles.tsv"))
        try wgFile.forEachRow(expectedHeader: ["pinyin", "wade_giles"]) { row, file in
            let p = file.string(row.fields[0])
            guard syllableIndex[p] == nil else {
                throw ChineseDataError(file: file.path, line: row.line, message: "syllable \(p) is listed twice; keep one row")
            }
            syllableIndex[p] = syllables.count
            syllables.append(p)
            wadeGiles.append(file.string(row.fields[1]))
        }
        var hangul = [String?](repeating: nil, count: syllables.count)
        let hangulFile = try ReferenceTSV(url: directory.appendingPathComponent("pinyin-hangul.tsv"))
        try hangulFile.forEachRow(expectedHeader: ["pinyin", "hangul"]) { row, file in
            let p = file.string(row.fields[0])
            guard let index = syllableIndex[p] else {
                throw ChineseDataError(file: file.path, line: row.line, message: "syllable \(p) is not in pinyin-wade-giles.tsv; add it there (Scripts/generate-han-tables.py) so every syllable has both forms")
            }
            hangul[index] = file.string(row.fields[1])
        }

        func code(_ syllable: String, tone: Int) -> UInt16 {
            if let index = syllableIndex[syllable] { return UInt16(index << 3 | tone) }
            syllableIndex[syllable] = syllables.count
            syllables.append(syllable)
            wadeGiles.append(syllable)
            hangul.append(nil)
            return UInt16((syllables.count - 1) << 3 | tone)
        }

        // 2. Character readings.
        var flatReading = [UInt16](repeating: 0, count: Self.flatCount)
        var otherReading: [UInt32: UInt16] = [:]
        let pinyinFile = try ReferenceTSV(url: directory.appendingPathComponent("han-pinyin.tsv"))
        try pinyinFile.forEachRow(expectedHeader: ["reading", "characters"]) { row, file in
            let reading = file.string(row.fields[0])
            guard let last = reading.last, let tone = last.wholeNumberValue, (1...5).contains(tone), reading.count > 1 else {
                throw ChineseDataError(file: file.path, line: row.line, message: "reading '\(reading)' must be a toneless syllable followed by a tone digit 1-5 (zhang1)")
            }
            let c = code(String(reading.dropLast()), tone: tone)
            guard syllables.count <= 1024 else {
                throw ChineseDataError(file: file.path, line: row.line, message: "more than 1024 distinct syllables; the reading code has room for 1024")
            }
            try file.forEachScalar(row.fields[1], line: row.line) { v in
                if v &- Self.flatBase < UInt32(Self.flatCount) { flatReading[Int(v - Self.flatBase)] = c } else { otherReading[v] = c }
            }
        }

        var flatHangul = [UInt16](repeating: 0, count: Self.flatCount)
        var otherHangul: [UInt32: UInt16] = [:]
        let koreanFile = try ReferenceTSV(url: directory.appendingPathComponent("han-sino-korean.tsv"))
        try koreanFile.forEachRow(expectedHeader: ["hangul", "characters"]) { row, file in
            let h = file.string(row.fields[0]).unicodeScalars
            guard h.count == 1, let s = h.first, (0xAC00...0xD7A3).contains(s.value) else {
                throw ChineseDataError(file: file.path, line: row.line, message: "the first field must be one Hangul syllable")
            }
            let value = UInt16(s.value)
            try file.forEachScalar(row.fields[1], line: row.line) { v in
                if v &- Self.flatBase < UInt32(Self.flatCount) { flatHangul[Int(v - Self.flatBase)] = value } else { otherHangul[v] = value }
            }
        }

        // 3. Script conversion.
        var toTraditional: [UInt32: UInt32] = [:]
        var toSimplified: [UInt32: UInt32] = [:]
        let variantFile = try ReferenceTSV(url: directory.appendingPathComponent("han-variants.tsv"))
        try variantFile.forEachRow(expectedHeader: ["direction", "from", "to"]) { row, file in
            var from: [UInt32] = [], to: [UInt32] = []
            try file.forEachScalar(row.fields[1], line: row.line) { from.append($0) }
            try file.forEachScalar(row.fields[2], line: row.line) { to.append($0) }
            guard from.count == 1, to.count == 1 else {
                throw ChineseDataError(file: file.path, line: row.line, message: "'from' and 'to' must be one character each")
            }
            switch file.string(row.fields[0]) {
            case "s2t": toTraditional[from[0]] = to[0]
            case "t2s": toSimplified[from[0]] = to[0]
            case let other:
                throw ChineseDataError(file: file.path, line: row.line, message: "direction '\(other)' must be s2t or t2s")
            }
        }

        // 4. Surnames.
        var single: [UInt32: Surname] = [:]
        var compound: [UInt64: Surname] = [:]
        var surnamePinyin: [String: Int] = [:]
        let surnameFile = try ReferenceTSV(url: directory.appendingPathComponent("chinese-surnames.tsv"))
        var rank = 0
        try surnameFile.forEachRow(expectedHeader: ["simplified", "traditional", "pinyin_surname", "wade_giles", "hk_spelling", "jyutping", "taiwan_spelling", "korean_sino"]) { row, file in
            rank += 1
            var simplified: [UInt32] = [], traditional: [UInt32] = []
            try file.forEachScalar(row.fields[0], line: row.line) { simplified.append($0) }
            try file.forEachScalar(row.fields[1], line: row.line) { traditional.append($0) }
            guard (1...2).contains(simplified.count), simplified.count == traditional.count else {
                throw ChineseDataError(file: file.path, line: row.line, message: "a surname must be one or two characters, the same number in both scripts")
            }
            let pinyinText = file.string(row.fields[2])
            guard let parsed = PinyinText.syllables(ofToned: pinyinText, known: syllableIndex), parsed.count == simplified.count else {
                throw ChineseDataError(file: file.path, line: row.line, message: "pinyin_surname '\(pinyinText)' must be \(simplified.count) pinyin syllable(s) with tone marks, one per character")
            }
            let readings = parsed.map { UInt16(syllableIndex[$0.syllable]! << 3 | $0.tone) }
            // korean_sino: the first form ("이/리" → 이, "섭 (엽)" → 섭); cells marked '?' are unverified and not used.
            let koreanCell = file.string(row.fields[7])
            var korean: [UInt16]?
            if !koreanCell.contains("?") {
                let first = koreanCell.split(separator: "/").first.map(String.init) ?? ""
                let scalars = first.unicodeScalars.prefix { (0xAC00...0xD7A3).contains($0.value) }.map { UInt16($0.value) }
                if scalars.count == simplified.count { korean = scalars }
            }
            let surname = Surname(simplified: simplified, traditional: traditional, readings: readings, korean: korean, rank: rank)
            if simplified.count == 1 {
                single[simplified[0]] = surname
                if single[traditional[0]] == nil { single[traditional[0]] = surname }
            } else {
                compound[UInt64(simplified[0]) << 32 | UInt64(simplified[1])] = surname
                compound[UInt64(traditional[0]) << 32 | UInt64(traditional[1])] = surname
            }
            let key = parsed.map(\.syllable).joined()
            if surnamePinyin[key] == nil { surnamePinyin[key] = rank }
        }

        // 5. Precompute every output form.
        var forms = [String](repeating: "", count: Form.allCases.count * Self.codeSpace * 2)
        for (index, syllable) in syllables.enumerated() {
            let wgStrict = wadeGiles[index]
            let wgCommon = String(wgStrict.map { $0 == "ŭ" ? "u" : $0 == "ê" ? "e" : $0 })
            for tone in 1...5 {
                let c = index << 3 | tone
                let values: [Form: String] = [
                    .pinyin: syllable,
                    .pinyinTones: PinyinText.marked(syllable, tone: tone),
                    .pinyinNumbers: syllable + String(tone),
                    .wadeGiles: wgCommon,
                    .wadeGilesStrict: wgStrict,
                    .hangul: hangul[index] ?? syllable,
                ]
                for (form, value) in values {
                    let base = form.rawValue * Self.codeSpace * 2
                    forms[base + c] = value
                    forms[base + Self.codeSpace + c] = form == .hangul ? value : PinyinText.capitalized(value)
                }
            }
        }

        self.syllables = syllables
        self.syllableIndex = syllableIndex
        self.vowelInitial = syllables.map { ["a", "o", "e", "ê"].contains($0.first ?? " ") }
        self.hasHangul = hangul.map { $0 != nil }
        self.wadeGilesStrict = wadeGiles
        self.forms = forms
        self.flatReading = flatReading
        self.otherReading = otherReading
        self.flatHangul = flatHangul
        self.otherHangul = otherHangul
        self.toTraditional = toTraditional
        self.toSimplified = toSimplified
        self.singleSurnames = single
        self.compoundSurnames = compound
        self.surnamePinyin = surnamePinyin
    }

    /// The reading code of a character, 0 when it has none. O(1).
    @inline(__always)
    func reading(_ v: UInt32) -> UInt16 {
        let offset = v &- Self.flatBase
        if offset < UInt32(Self.flatCount) { return flatReading[Int(offset)] }
        return v < 0xF900 ? 0 : otherReading[v] ?? 0
    }

    /// The Sino-Korean reading (a Hangul syllable scalar) of a character, 0 when it has none. O(1).
    @inline(__always)
    func koreanReading(_ v: UInt32) -> UInt16 {
        let offset = v &- Self.flatBase
        if offset < UInt32(Self.flatCount) { return flatHangul[Int(offset)] }
        return v < 0xF900 ? 0 : otherHangul[v] ?? 0
    }

    /// An output form of a reading code.
    @inline(__always)
    func form(_ form: Form, _ code: UInt16, capitalized: Bool) -> String {
        forms[form.rawValue * Self.codeSpace * 2 + (capitalized ? Self.codeSpace : 0) + Int(code)]
    }

    /// Whether a scalar is a Han ideograph (the CJK blocks Unihan covers, plus 〇).
    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x323AF).contains(v) || v == 0x3007
    }
}
