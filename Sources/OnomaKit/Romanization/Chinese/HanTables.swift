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
    /// The same forms as UTF-8 in one pool, for the byte-copying hot path: slot → offset, length.
    let formBytes: [UInt8]
    let formOffsets: [UInt32]
    let formLengths: [UInt8]
    /// The longest form in UTF-8 bytes (sizes the hot path's stack buffer).
    static let maxFormBytes = 32
    /// Reading code per character in U+3400..U+9FFF.
    let flatReading: [UInt16]
    /// Reading code for characters elsewhere (compatibility ideographs, Extension B and later).
    let otherReading: [UInt32: UInt16]
    /// Name-mode readings of the characters whose general reading has the neutral tone (子 zǐ).
    let nameReadings: [UInt32: UInt16]
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
    /// Hot-path form of `singleSurnames` for U+3400..U+9FFF: index into `surnameList` + 1, 0 = none.
    let flatSurname: [UInt16]
    /// Whether a character in U+3400..U+9FFF begins some compound surname.
    let flatCompoundStart: [Bool]
    /// The single-character surnames, indexed by `flatSurname` − 1.
    let surnameList: [Surname]
    /// Toneless pinyin of each surname (syllables joined) → its rank, for the reverse parser.
    let surnamePinyin: [String: Int]
    /// Hong Kong and Taiwan surname spellings (chinese-surnames.tsv hk_spelling, taiwan_spelling;
    /// cells marked '?' left out), lower-case letters only → the surnames' toneless syllables, commonest first.
    let surnameAliases: [UInt64: [[String]]]
    /// Reverse parser: spellings of each standard syllable → (toneless pinyin, penalty).
    let pinyinSpellings: [UInt64: [(String, Double)]]
    /// Wade–Giles spellings (marks ŭ ê dropped) → (pinyin, penalty); "strict" for inputs that
    /// use apostrophes elsewhere (a missing one then means an unaspirated initial).
    let wadeGilesSpellingsStrict: [UInt64: [(String, Double)]]
    let wadeGilesSpellingsLoose: [UInt64: [(String, Double)]]

    /// One surname of `chinese-surnames.tsv`, as a plain value (no arrays: copied on the hot path).
    struct Surname: Sendable {
        /// 1 or 2 characters.
        var length: Int
        var simplified: (UInt32, UInt32)
        var traditional: (UInt32, UInt32)
        /// Reading codes of the surname reading (单 shàn), one per character.
        var readings: (UInt16, UInt16)
        /// Sino-Korean reading (Hangul scalars) after the initial-sound rule (이, 김); 0 = unverified in the table.
        var korean: (UInt16, UInt16)
        /// Table order: 1 = most common; compound surnames rank after the single ones.
        var rank: Int

        func reading(_ k: Int) -> UInt16 { k == 0 ? readings.0 : readings.1 }
        func koreanReading(_ k: Int) -> UInt16 { k == 0 ? korean.0 : korean.1 }
    }

    /// Loads every table from `directory` (the `Dictionaries/reference/` folder): han-pinyin.tsv, han-pinyin-names.tsv,
    /// han-sino-korean.tsv, han-variants.tsv, pinyin-wade-giles.tsv, pinyin-hangul.tsv,
    /// chinese-surnames.tsv, chinese-surname-readings.tsv.
    /// - Throws: `ReferenceDataError` naming the file and line of the first problem.
    init(reference directory: URL) throws {
        // 1. Syllable inventory with Wade-Giles.
        var syllables: [String] = []
        var syllableIndex: [String: Int] = [:]
        var wadeGiles: [String] = []
        let wgFile = try ReferenceTSV(url: directory.appendingPathComponent("pinyin-wade-giles.tsv"))
        try wgFile.forEachRow(expectedHeader: ["pinyin", "wade_giles"]) { row, file in
            let p = file.string(row.fields[0])
            guard syllableIndex[p] == nil else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "syllable \(p) is listed twice; keep one row")
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
                throw ReferenceDataError(file: file.path, line: row.line, message: "syllable \(p) is not in pinyin-wade-giles.tsv; add it there (Scripts/generate-han-tables.py) so every syllable has both forms")
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
                throw ReferenceDataError(file: file.path, line: row.line, message: "reading '\(reading)' must be a toneless syllable followed by a tone digit 1-5 (zhang1)")
            }
            let c = code(String(reading.dropLast()), tone: tone)
            guard syllables.count <= 1024 else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "more than 1024 distinct syllables; the reading code has room for 1024")
            }
            try file.forEachScalar(row.fields[1], line: row.line) { v in
                if v &- Self.flatBase < UInt32(Self.flatCount) { flatReading[Int(v - Self.flatBase)] = c } else { otherReading[v] = c }
            }
        }

        var nameReadings: [UInt32: UInt16] = [:]
        let namesFile = try ReferenceTSV(url: directory.appendingPathComponent("han-pinyin-names.tsv"))
        try namesFile.forEachRow(expectedHeader: ["reading", "characters"]) { row, file in
            let reading = file.string(row.fields[0])
            guard let last = reading.last, let tone = last.wholeNumberValue, (1...4).contains(tone), reading.count > 1 else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "reading '\(reading)' must be a toneless syllable followed by a tone digit 1-4 (zi3)")
            }
            let c = code(String(reading.dropLast()), tone: tone)
            try file.forEachScalar(row.fields[1], line: row.line) { nameReadings[$0] = c }
        }

        var flatHangul = [UInt16](repeating: 0, count: Self.flatCount)
        var otherHangul: [UInt32: UInt16] = [:]
        let koreanFile = try ReferenceTSV(url: directory.appendingPathComponent("han-sino-korean.tsv"))
        try koreanFile.forEachRow(expectedHeader: ["hangul", "characters"]) { row, file in
            let h = file.string(row.fields[0]).unicodeScalars
            guard h.count == 1, let s = h.first, (0xAC00...0xD7A3).contains(s.value) else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "the first field must be one Hangul syllable")
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
                throw ReferenceDataError(file: file.path, line: row.line, message: "'from' and 'to' must be one character each")
            }
            switch file.string(row.fields[0]) {
            case "s2t": toTraditional[from[0]] = to[0]
            case "t2s": toSimplified[from[0]] = to[0]
            case let other:
                throw ReferenceDataError(file: file.path, line: row.line, message: "direction '\(other)' must be s2t or t2s")
            }
        }

        // 4. Surnames.
        var single: [UInt32: Surname] = [:]
        var compound: [UInt64: Surname] = [:]
        var surnamePinyin: [String: Int] = [:]
        var aliases: [String: [[String]]] = [:]
        let surnameFile = try ReferenceTSV(url: directory.appendingPathComponent("chinese-surnames.tsv"))
        var rank = 0
        try surnameFile.forEachRow(expectedHeader: ["simplified", "traditional", "pinyin_surname", "wade_giles", "hk_spelling", "jyutping", "taiwan_spelling", "korean_sino"]) { row, file in
            rank += 1
            var simplified: [UInt32] = [], traditional: [UInt32] = []
            try file.forEachScalar(row.fields[0], line: row.line) { simplified.append($0) }
            try file.forEachScalar(row.fields[1], line: row.line) { traditional.append($0) }
            guard (1...2).contains(simplified.count), simplified.count == traditional.count else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "a surname must be one or two characters, the same number in both scripts")
            }
            let pinyinText = file.string(row.fields[2])
            guard let parsed = PinyinText.syllables(ofToned: pinyinText, known: syllableIndex), parsed.count == simplified.count else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "pinyin_surname '\(pinyinText)' must be \(simplified.count) pinyin syllable(s) with tone marks, one per character")
            }
            let codes = parsed.map { UInt16(syllableIndex[$0.syllable]! << 3 | $0.tone) }
            // korean_sino: the first form ("이/리" → 이, "섭 (엽)" → 섭); cells marked '?' are unverified and not used.
            let koreanCell = file.string(row.fields[7])
            var korean: [UInt16] = [0, 0]
            if !koreanCell.contains("?") {
                let first = koreanCell.split(separator: "/").first.map(String.init) ?? ""
                let scalars = first.unicodeScalars.prefix { (0xAC00...0xD7A3).contains($0.value) }.map { UInt16($0.value) }
                if scalars.count == simplified.count { korean = scalars + [0] }
            }
            let two = simplified.count == 2
            let surname = Surname(length: simplified.count,
                                  simplified: (simplified[0], two ? simplified[1] : 0), traditional: (traditional[0], two ? traditional[1] : 0),
                                  readings: (codes[0], two ? codes[1] : 0), korean: (korean[0], korean[1]), rank: rank)
            if simplified.count == 1 {
                single[simplified[0]] = surname
                if single[traditional[0]] == nil { single[traditional[0]] = surname }
            } else {
                compound[UInt64(simplified[0]) << 32 | UInt64(simplified[1])] = surname
                compound[UInt64(traditional[0]) << 32 | UInt64(traditional[1])] = surname
            }
            let key = parsed.map(\.syllable).joined()
            if surnamePinyin[key] == nil { surnamePinyin[key] = rank }
            for column in [4, 6] {
                for spelling in file.string(row.fields[column]).split(separator: "/") where !spelling.contains("?") {
                    let alias = String(spelling.lowercased().filter { $0.isLetter })
                    let value = parsed.map(\.syllable)
                    if !alias.isEmpty, !(aliases[alias]?.contains(value) ?? false) { aliases[alias, default: []].append(value) }
                }
            }
        }

        // 4b. Further surname readings (ICU Han-Latin/Names), after the table's surnames.
        let extraFile = try ReferenceTSV(url: directory.appendingPathComponent("chinese-surname-readings.tsv"))
        try extraFile.forEachRow(expectedHeader: ["simplified", "traditional", "pinyin_surname"]) { row, file in
            rank += 1
            var simplified: [UInt32] = [], traditional: [UInt32] = []
            try file.forEachScalar(row.fields[0], line: row.line) { simplified.append($0) }
            try file.forEachScalar(row.fields[1], line: row.line) { traditional.append($0) }
            let pinyinText = file.string(row.fields[2])
            guard simplified.count == 1, traditional.count == 1,
                  let parsed = PinyinText.syllables(ofToned: pinyinText, known: syllableIndex), parsed.count == 1 else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "expected one character in each script and one toned pinyin syllable; regenerate with python3 Scripts/generate-han-tables.py")
            }
            let code = UInt16(syllableIndex[parsed[0].syllable]! << 3 | parsed[0].tone)
            let surname = Surname(length: 1, simplified: (simplified[0], 0), traditional: (traditional[0], 0),
                                  readings: (code, 0), korean: (0, 0), rank: rank)
            for c in [simplified[0], traditional[0]] where single[c] == nil { single[c] = surname }
            if surnamePinyin[parsed[0].syllable] == nil { surnamePinyin[parsed[0].syllable] = rank }
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

        var formBytes: [UInt8] = []
        var formOffsets = [UInt32](repeating: 0, count: forms.count)
        var formLengths = [UInt8](repeating: 0, count: forms.count)
        for (slot, text) in forms.enumerated() where !text.isEmpty {
            let utf8 = Array(text.utf8)
            guard utf8.count <= Self.maxFormBytes else {
                throw ReferenceDataError(file: wgFile.path, line: 0, message: "the form '\(text)' is longer than \(Self.maxFormBytes) bytes; no syllable should be")
            }
            formOffsets[slot] = UInt32(formBytes.count)
            formLengths[slot] = UInt8(utf8.count)
            formBytes += utf8
        }
        self.formBytes = formBytes
        self.formOffsets = formOffsets
        self.formLengths = formLengths
        self.syllables = syllables
        self.syllableIndex = syllableIndex
        self.vowelInitial = syllables.map { ["a", "o", "e", "ê"].contains($0.first ?? " ") }
        self.hasHangul = hangul.map { $0 != nil }
        self.wadeGilesStrict = wadeGiles
        self.forms = forms
        self.flatReading = flatReading
        self.otherReading = otherReading
        self.nameReadings = nameReadings
        self.flatHangul = flatHangul
        self.otherHangul = otherHangul
        self.toTraditional = toTraditional
        self.toSimplified = toSimplified
        self.singleSurnames = single
        self.compoundSurnames = compound
        var flatSurname = [UInt16](repeating: 0, count: Self.flatCount)
        var flatCompoundStart = [Bool](repeating: false, count: Self.flatCount)
        var surnameList: [Surname] = []
        for (character, surname) in single where character &- Self.flatBase < UInt32(Self.flatCount) {
            surnameList.append(surname)
            flatSurname[Int(character - Self.flatBase)] = UInt16(surnameList.count)
        }
        for key in compound.keys {
            let first = UInt32(key >> 32)
            if first &- Self.flatBase < UInt32(Self.flatCount) { flatCompoundStart[Int(first - Self.flatBase)] = true }
        }
        self.flatSurname = flatSurname
        self.flatCompoundStart = flatCompoundStart
        self.surnameList = surnameList
        self.surnamePinyin = surnamePinyin
        self.surnameAliases = Self.keyed(aliases)

        // 6. Spellings for the reverse parser (standard syllables only).
        var pinyinSpellings: [String: [(String, Double)]] = [:]
        var wgStrict: [String: [(String, Double)]] = [:]
        var wgLoose: [String: [(String, Double)]] = [:]
        func add(_ table: inout [String: [(String, Double)]], _ key: String, _ value: String, _ penalty: Double) {
            if let i = table[key]?.firstIndex(where: { $0.0 == value }) {
                if table[key]![i].1 > penalty { table[key]![i].1 = penalty }
            } else {
                table[key, default: []].append((value, penalty))
            }
        }
        for (index, p) in syllables.enumerated() where hangul[index] != nil {
            add(&pinyinSpellings, p, p, 0)
            if p.contains("ü") {
                add(&pinyinSpellings, p.replacingOccurrences(of: "ü", with: "v"), p, 0)
                add(&pinyinSpellings, p.replacingOccurrences(of: "ü", with: "u"), p, 0.1)
            }
            let w = String(wadeGiles[index].map { $0 == "ŭ" ? "u" : $0 == "ê" ? "e" : $0 })
            var forms: [(String, Double, Double)] = [(w, 0, 0)]  // spelling, penalty with apostrophes in use, without
            if w.contains("ü") { forms.append((w.replacingOccurrences(of: "ü", with: "u"), 0.1, 0.1)) }
            for (f, a, b) in forms where f.contains("'") {
                forms.append((f.replacingOccurrences(of: "'", with: ""), a + 0.3, b + 0.05))
            }
            if w == "ssu" { forms.append(("szu", 0, 0)) }
            for (f, a, b) in forms {
                add(&wgStrict, f, p, a)
                add(&wgLoose, f, p, b)
            }
        }
        self.pinyinSpellings = Self.keyed(pinyinSpellings)
        self.wadeGilesSpellingsStrict = Self.keyed(wgStrict)
        self.wadeGilesSpellingsLoose = Self.keyed(wgLoose)
    }

    /// The reading code of a character, 0 when it has none. O(1).
    @inline(__always)
    func reading(_ v: UInt32) -> UInt16 {
        let offset = v &- Self.flatBase
        if offset < UInt32(Self.flatCount) { return flatReading[Int(offset)] }
        return v < 0xF900 ? 0 : otherReading[v] ?? 0
    }

    /// The reading of a character in a name: as `reading`, but never a neutral tone (子 zǐ). O(1).
    @inline(__always)
    func nameReading(_ v: UInt32) -> UInt16 {
        let code = reading(v)
        if code & 7 == 5, let override = nameReadings[v] { return override }
        return code
    }

    /// The Sino-Korean reading (a Hangul syllable scalar) of a character, 0 when it has none. O(1).
    @inline(__always)
    func koreanReading(_ v: UInt32) -> UInt16 {
        let offset = v &- Self.flatBase
        if offset < UInt32(Self.flatCount) { return flatHangul[Int(offset)] }
        return v < 0xF900 ? 0 : otherHangul[v] ?? 0
    }

    // MARK: Letter codes for the reverse parser

    /// a–z are 1–26; these are the rest (0 is never used, so keys of different lengths differ).
    static let uCode: UInt8 = 21
    static let uUmlautCode: UInt8 = 27
    static let apostropheCode: UInt8 = 28
    static let boundaryCode: UInt8 = 29

    /// The code of a letter of a spelling (a–z, ü, apostrophe), nil for anything else.
    static func letterCode(_ c: Character) -> UInt8? {
        if let a = c.asciiValue, (0x61...0x7A).contains(a) { return a - 0x60 }
        if c == "ü" { return uUmlautCode }
        if c == "'" { return apostropheCode }
        return nil
    }

    /// A spelling of up to 12 letter codes packed 5 bits each.
    @inline(__always)
    static func spellingKey(_ codes: ArraySlice<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for c in codes { key = key << 5 | UInt64(c) }
        return key
    }

    /// A string-keyed spelling table re-keyed by `spellingKey` (spellings with other characters
    /// or longer than 12 letters are left out: none of the syllables or surname spellings are).
    static func keyed<V>(_ table: [String: V]) -> [UInt64: V] {
        var out: [UInt64: V] = [:]
        for (spelling, value) in table {
            let codes = spelling.compactMap(letterCode)
            guard codes.count == spelling.count, codes.count <= 12 else { continue }
            out[spellingKey(codes[...])] = value
        }
        return out
    }

    /// The single-character surname entry of a character. O(1).
    @inline(__always)
    func singleSurname(_ v: UInt32) -> Surname? {
        let offset = v &- Self.flatBase
        if offset < UInt32(Self.flatCount) {
            let index = flatSurname[Int(offset)]
            return index == 0 ? nil : surnameList[Int(index) - 1]
        }
        return singleSurnames[v]
    }

    /// The compound surname formed by two characters. O(1).
    @inline(__always)
    func compoundSurname(_ a: UInt32, _ b: UInt32) -> Surname? {
        let offset = a &- Self.flatBase
        if offset < UInt32(Self.flatCount), !flatCompoundStart[Int(offset)] { return nil }
        return compoundSurnames[UInt64(a) << 32 | UInt64(b)]
    }

    /// An output form of a reading code.
    @inline(__always)
    func form(_ form: Form, _ code: UInt16, capitalized: Bool) -> String {
        forms[formSlot(form, code, capitalized: capitalized)]
    }

    /// Index of a form in `forms`, `formOffsets`, `formLengths`.
    @inline(__always)
    func formSlot(_ form: Form, _ code: UInt16, capitalized: Bool) -> Int {
        form.rawValue * Self.codeSpace * 2 + (capitalized ? Self.codeSpace : 0) + Int(code)
    }

    /// Whether a scalar is a Han ideograph (the CJK blocks Unihan covers, plus 〇).
    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x323AF).contains(v) || v == 0x3007
    }
}
