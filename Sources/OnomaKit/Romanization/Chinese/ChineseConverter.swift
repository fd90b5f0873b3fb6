import Foundation

/// Converts Han (Chinese) names and text: pinyin (plain, tone marks, tone numbers), Wade–Giles,
/// the Korean orthography of Mandarin, Sino-Korean readings, simplified ↔ traditional; and parses
/// romanized Chinese names back into pinyin syllables.
///
/// All lookups are table-driven (loaded once from `Dictionaries/reference/`); no ICU call is
/// made per name. A converter is immutable and can be shared between threads.
public struct ChineseConverter: Sendable {
    let tables: HanTables

    /// Loads the reference tables: `reference/han-pinyin.tsv`, `han-sino-korean.tsv`,
    /// `han-pinyin-names.tsv`, `han-variants.tsv`, `pinyin-wade-giles.tsv`, `pinyin-hangul.tsv`, `chinese-surnames.tsv`,
    /// `chinese-surname-readings.tsv`.
    /// - Parameter dictionaries: the `Dictionaries/` folder (see `OnomaData.defaultDirectory()`).
    /// - Throws: `ReferenceDataError` naming the file and line of the first problem and what to do.
    public init(dictionaries: URL) throws {
        tables = try HanTables(reference: dictionaries.appendingPathComponent("reference", isDirectory: true))
    }

    // MARK: Names

    /// Romanizes a personal name in Han characters.
    ///
    /// The surname is split off first (compound surnames 欧阳 司马 诸葛 上官 … in either script,
    /// else the first character) and read with its surname reading (单 Shan, 曾 Zeng, 区 Ou, 解 Xie,
    /// 仇 Qiu, 查 Zha, 朴 Piao); surname and given name are capitalized and separated by a space.
    /// Given-name syllables are joined by default for pinyin ("Cixin", with the apostrophe of
    /// "Wan'er"), hyphenated for Wade–Giles ("Tz'u-hsin"). Hangul and Sino-Korean output is
    /// written without spaces (장쩌민, 이순신), whatever `given` says. A space in the input marks
    /// the surname/given split ("欧阳 娜娜"); middle dots separate the words of transliterated and
    /// minority names (阿沛·阿旺晋美 → Apei Awangjinmei, no split). Han within other text is read
    /// as a name ("Dr. 刘慈欣" → "Dr. Liu Cixin"). Characters that are not Han (or have no
    /// reading) are passed through unchanged and reported in `warnings`, never dropped.
    /// - Parameters:
    ///   - name: the name, e.g. "刘慈欣" or "劉慈欣".
    ///   - scheme: the output scheme.
    ///   - given: how given-name syllables are joined; nil for the scheme's default.
    ///   - strict: Wade–Giles only: keep ŭ and ê (Tsê-min) instead of the printed u and e.
    /// - Returns: the output with its family/given parts; the input unchanged (with a warning) when no Han is in it.
    /// - Complexity: O(n) in the length of the name, table lookups only.
    public func romanizeName(_ name: String, scheme: ChineseScheme, given: GivenNameStyle? = nil, strict: Bool = false) -> RomanizedName {
        var warnings: [String] = []
        let scalarCount = name.utf8.count  // an upper bound of the scalar count, O(1)
        if scalarCount == 0 {
            return RomanizedName(input: name, output: "", scheme: scheme.romanizationScheme)
        }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: scalarCount) { buffer in
            var n = 0
            var simple = true
            for s in name.unicodeScalars {
                buffer[n] = s.value
                n += 1
                if !HanTables.isHan(s.value) { simple = false }
            }
            let scalars = UnsafeBufferPointer(rebasing: buffer[0..<n])
            if simple, scheme != .sinoKorean, n <= 64, let fast = fastName(name, scalars, scheme: scheme, style: givenStyle(given, scheme), strict: strict) {
                return fast
            }
            if simple {
                let (familyLength, surname) = splitLength(scalars)
                let family = romanizeWord(scalars, 0..<familyLength, surname: surname, scheme: scheme, style: .family, strict: strict, capitalize: true, warnings: &warnings)
                let givenText = romanizeWord(scalars, familyLength..<n, surname: nil, scheme: scheme, style: givenStyle(given, scheme), strict: strict, capitalize: true, warnings: &warnings)
                let output = givenText.isEmpty ? family : scheme.isLatin ? family + " " + givenText : family + givenText
                return RomanizedName(input: name, output: output, scheme: scheme.romanizationScheme, family: family, given: givenText.isEmpty ? nil : givenText, warnings: warnings)
            }
            return romanizeComplexName(name, scalars, scheme: scheme, given: given, strict: strict)
        }
    }

    /// The hot path for short all-Han names: precomputed UTF-8 of each syllable copied into one
    /// stack buffer, three strings made at the end.
    /// - Returns: nil when a character has no reading in this scheme (the general path reports it).
    func fastName(_ name: String, _ scalars: UnsafeBufferPointer<UInt32>, scheme: ChineseScheme, style: PartStyle, strict: Bool) -> RomanizedName? {
        let n = scalars.count
        let form = form(scheme, strict: strict)
        let latin = scheme.isLatin
        let apostrophes = form == .pinyin || form == .pinyinTones
        let (familyLength, surname) = splitLength(scalars)
        let t = tables
        return t.formBytes.withUnsafeBufferPointer { pool in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n * HanTables.maxFormBytes + n * 2 + 4) { out in
                var length = 0
                var familyEnd = 0
                for i in 0..<n {
                    let code = i < familyLength ? (surname?.reading(i) ?? t.nameReading(scalars[i])) : t.nameReading(scalars[i])
                    if code == 0 { return nil }
                    if !latin && !t.hasHangul[Int(code >> 3)] { return nil }
                    let first = i == 0 || i == familyLength
                    if i == familyLength && i > 0 {
                        familyEnd = length
                        if latin { out[length] = 0x20; length += 1 }
                    }
                    var capital = first
                    if !first && latin {
                        let partStyle: PartStyle = i < familyLength ? (scheme == .wadeGiles ? .hyphen : .joined) : style
                        switch partStyle {
                        case .hyphen: out[length] = 0x2D; length += 1
                        case .spaced: out[length] = 0x20; length += 1; capital = true
                        case .joined, .family:
                            if apostrophes && t.vowelInitial[Int(code >> 3)] { out[length] = 0x27; length += 1 }
                        }
                    }
                    let slot = t.formSlot(form, code, capitalized: capital && latin)
                    let offset = Int(t.formOffsets[slot])
                    let count = Int(t.formLengths[slot])
                    for k in 0..<count { out[length + k] = pool[offset + k] }
                    length += count
                }
                if familyLength == n { familyEnd = length }
                let bytes = UnsafeBufferPointer(rebasing: out[0..<length])
                let output = String(decoding: bytes, as: UTF8.self)
                let family = String(decoding: bytes[0..<familyEnd], as: UTF8.self)
                let givenStart = latin && familyEnd < length ? familyEnd + 1 : familyEnd
                let given: String? = givenStart < length ? String(decoding: bytes[givenStart..<length], as: UTF8.self) : nil
                return RomanizedName(input: name, output: output, scheme: scheme.romanizationScheme, family: family, given: given)
            }
        }
    }

    /// How syllables are joined inside one part of a name.
    enum PartStyle {
        /// A surname: joined for pinyin (Ouyang), hyphenated for Wade–Giles (Ou-yang).
        case family
        case joined, hyphen, spaced
    }

    func givenStyle(_ given: GivenNameStyle?, _ scheme: ChineseScheme) -> PartStyle {
        switch given {
        case .joined: return .joined
        case .hyphen: return .hyphen
        case .spaced: return .spaced
        case nil: return scheme == .wadeGiles ? .hyphen : .joined
        }
    }

    /// The number of leading characters that form the surname, and its table entry if any:
    /// a compound surname (the whole input when it is just that surname: 欧阳 → Ouyang), else
    /// the first character.
    func splitLength(_ s: UnsafeBufferPointer<UInt32>) -> (Int, HanTables.Surname?) {
        if s.count >= 2, let c = tables.compoundSurname(s[0], s[1]) { return (2, c) }
        if s.isEmpty { return (0, nil) }
        return (1, tables.singleSurname(s[0]))
    }

    /// The output form for a scheme.
    func form(_ scheme: ChineseScheme, strict: Bool) -> HanTables.Form {
        switch scheme {
        case .pinyin: return .pinyin
        case .pinyinTones: return .pinyinTones
        case .pinyinNumbers: return .pinyinNumbers
        case .wadeGiles: return strict ? .wadeGilesStrict : .wadeGiles
        case .hangul, .sinoKorean: return .hangul
        }
    }

    /// Romanizes `range` of `scalars` as one word (a surname or a given name).
    /// Characters without a reading are copied unchanged with a warning.
    func romanizeWord(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, surname: HanTables.Surname?, scheme: ChineseScheme,
                      style: PartStyle, strict: Bool, capitalize: Bool, warnings: inout [String]) -> String {
        if range.isEmpty { return "" }
        if scheme == .sinoKorean {
            return koreanWord(scalars, range, surname: surname, isGivenName: style != .family, warnings: &warnings)
        }
        let form = form(scheme, strict: strict)
        var out = ""
        var first = true
        var previousWasReading = false
        for (k, i) in range.enumerated() {
            let code = surname?.reading(k) ?? tables.nameReading(scalars[i])
            if code == 0 || (form == .hangul && !tables.hasHangul[Int(code >> 3)]) {
                let v = scalars[i]
                let text = String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}")
                warnings.append("'\(text)' (U+\(String(v, radix: 16, uppercase: true))) has no \(scheme.rawValue) reading: passed through unchanged")
                out += text
                previousWasReading = false
                first = false
                continue
            }
            if form == .hangul {
                out += tables.form(form, code, capitalized: false)
                continue
            }
            let separator: PartStyle = style == .family ? (scheme == .wadeGiles ? .hyphen : .joined) : style
            if first {
                out += tables.form(form, code, capitalized: capitalize)
            } else {
                switch separator {
                case .joined, .family:
                    if previousWasReading && form != .pinyinNumbers && form != .wadeGiles && form != .wadeGilesStrict
                        && tables.vowelInitial[Int(code >> 3)] {
                        out += "'"
                    }
                    out += tables.form(form, code, capitalized: false)
                case .hyphen:
                    out += "-"
                    out += tables.form(form, code, capitalized: false)
                case .spaced:
                    out += " "
                    out += tables.form(form, code, capitalized: capitalize)
                }
            }
            first = false
            previousWasReading = true
        }
        return out
    }

    /// Names with spaces, middle dots or characters that are not Han.
    func romanizeComplexName(_ name: String, _ scalars: UnsafeBufferPointer<UInt32>, scheme: ChineseScheme, given: GivenNameStyle?, strict: Bool) -> RomanizedName {
        var warnings: [String] = []
        // Trim surrounding white space.
        var lower = 0, upper = scalars.count
        while lower < upper, Self.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, Self.isSpace(scalars[upper - 1]) { upper -= 1 }
        if lower == upper {
            return RomanizedName(input: name, output: "", scheme: scheme.romanizationScheme)
        }
        let body = UnsafeBufferPointer(rebasing: scalars[lower..<upper])
        let onlyHanAndSeparators = body.allSatisfy { HanTables.isHan($0) || Self.isSpace($0) || Self.isNameDot($0) }
        if onlyHanAndSeparators {
            // Parts separated by spaces or middle dots.
            var parts: [Range<Int>] = []
            var start = 0
            var dotted = false
            for i in 0...body.count {
                if i == body.count || Self.isSpace(body[i]) || Self.isNameDot(body[i]) {
                    if i < body.count && Self.isNameDot(body[i]) { dotted = true }
                    if i > start { parts.append(start..<i) }
                    start = i + 1
                }
            }
            if parts.count == 1 {
                let (familyLength, surname) = splitLength(UnsafeBufferPointer(rebasing: body[parts[0]]))
                let f = parts[0].lowerBound
                let family = romanizeWord(body, f..<(f + familyLength), surname: surname, scheme: scheme, style: .family, strict: strict, capitalize: true, warnings: &warnings)
                let g = romanizeWord(body, (f + familyLength)..<parts[0].upperBound, surname: nil, scheme: scheme, style: givenStyle(given, scheme), strict: strict, capitalize: true, warnings: &warnings)
                let output = g.isEmpty ? family : scheme.isLatin ? family + " " + g : family + g
                return RomanizedName(input: name, output: output, scheme: scheme.romanizationScheme, family: family, given: g.isEmpty ? nil : g, warnings: warnings)
            }
            if !dotted {
                // "欧阳 娜娜": the writer marked the split.
                let familyRange = parts[0]
                var surname: HanTables.Surname?
                if familyRange.count == 1 { surname = tables.singleSurname(body[familyRange.lowerBound]) }
                if familyRange.count == 2 { surname = tables.compoundSurname(body[familyRange.lowerBound], body[familyRange.lowerBound + 1]) }
                let family = romanizeWord(body, familyRange, surname: surname, scheme: scheme, style: .family, strict: strict, capitalize: true, warnings: &warnings)
                let givenParts = parts.dropFirst().map {
                    romanizeWord(body, $0, surname: nil, scheme: scheme, style: givenStyle(given, scheme), strict: strict, capitalize: true, warnings: &warnings)
                }
                let g = givenParts.joined(separator: scheme.isLatin ? " " : "")
                let output = scheme.isLatin ? family + " " + g : family + g
                return RomanizedName(input: name, output: output, scheme: scheme.romanizationScheme, family: family, given: g, warnings: warnings)
            }
            // Transliterated or minority names (阿沛·阿旺晋美): each part is one word.
            let words = parts.map {
                romanizeWord(body, $0, surname: nil, scheme: scheme, style: .joined, strict: strict, capitalize: true, warnings: &warnings)
            }
            return RomanizedName(input: name, output: words.joined(separator: scheme.isLatin ? " " : "·"), scheme: scheme.romanizationScheme, warnings: warnings)
        }
        // Mixed scripts: Han runs are romanized as capitalized words, everything else is kept.
        var out = ""
        var i = 0
        var sawHan = false
        var runs: [(family: String, given: String)] = []
        while i < body.count {
            if HanTables.isHan(body[i]) {
                var j = i
                while j < body.count, HanTables.isHan(body[j]) { j += 1 }
                if scheme.isLatin, let last = out.unicodeScalars.last, last.properties.isAlphabetic || last.properties.numericType != nil { out += " " }
                // Each run of Han is read as a name ("Dr. 刘慈欣" → "Dr. Liu Cixin").
                let run = UnsafeBufferPointer(rebasing: body[i..<j])
                let (familyLength, surname) = splitLength(run)
                let family = romanizeWord(run, 0..<familyLength, surname: surname, scheme: scheme, style: .family, strict: strict, capitalize: true, warnings: &warnings)
                let g = romanizeWord(run, familyLength..<run.count, surname: nil, scheme: scheme, style: givenStyle(given, scheme), strict: strict, capitalize: true, warnings: &warnings)
                out += g.isEmpty ? family : scheme.isLatin ? family + " " + g : family + g
                runs.append((family, g))
                if scheme.isLatin, j < body.count, let next = Unicode.Scalar(body[j]), next.properties.isAlphabetic || next.properties.numericType != nil { out += " " }
                sawHan = true
                i = j
            } else {
                var j = i
                while j < body.count, !HanTables.isHan(body[j]) { j += 1 }
                let run = String(String.UnicodeScalarView(body[i..<j].compactMap(Unicode.Scalar.init)))
                out += run
                let trimmed = run.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { warnings.append("'\(trimmed)' is not Han: passed through unchanged") }
                i = j
            }
        }
        if !sawHan { return RomanizedName(input: name, output: name, scheme: scheme.romanizationScheme, warnings: warnings) }
        // One name among other text: report its parts.
        let parts = runs.count == 1 ? runs[0] : nil
        return RomanizedName(input: name, output: out, scheme: scheme.romanizationScheme, family: parts?.family,
                             given: parts.flatMap { $0.given.isEmpty ? nil : $0.given }, warnings: warnings)
    }

    static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x0A || v == 0x0D }
    /// Middle dots used between the parts of transliterated and minority names.
    static func isNameDot(_ v: UInt32) -> Bool { v == 0xB7 || v == 0x30FB || v == 0x2027 || v == 0x2022 || v == 0xFF65 }

    // MARK: Split and syllables

    /// Surname/given split of a Han name ("欧阳娜娜" → ("欧阳", "娜娜"); a space in the input
    /// marks the split). A one-character name is all surname.
    /// - Returns: nil when the name is empty or has characters other than Han and one space.
    /// - Complexity: O(n).
    public func split(_ name: String) -> (family: String, given: String)? {
        // Trim by hand: Foundation's trimmingCharacters(in:) costs microseconds per call on Linux.
        var scalars = name.unicodeScalars.map(\.value)
        while let last = scalars.last, Self.isSpace(last) { scalars.removeLast() }
        let lead = scalars.firstIndex { !Self.isSpace($0) } ?? scalars.count
        if lead > 0 { scalars.removeFirst(lead) }
        guard !scalars.isEmpty else { return nil }
        let spaces = scalars.indices.filter { Self.isSpace(scalars[$0]) }
        if spaces.count == 1 {
            let s = spaces[0]
            guard scalars[..<s].allSatisfy(HanTables.isHan), scalars[(s + 1)...].allSatisfy(HanTables.isHan) else { return nil }
            return (Self.string(scalars[..<s]), Self.string(scalars[(s + 1)...]))
        }
        guard spaces.isEmpty, scalars.allSatisfy(HanTables.isHan) else { return nil }
        let length = scalars.withUnsafeBufferPointer { splitLength($0).0 }
        return (Self.string(scalars[..<length]), Self.string(scalars[length...]))
    }

    static func string<C: Collection>(_ values: C) -> String where C.Element == UInt32 {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }

    /// Toneless pinyin syllables of a Han string (ü written ü: "lü"), for indexing. With
    /// `asName`, the surname is split off and read with its surname reading (单 → shan).
    /// Characters that are not Han or have no reading are skipped.
    /// - Complexity: O(n), table lookups only.
    public func pinyinSyllables(_ han: String, asName: Bool) -> [String] {
        let scalars = Array(han.unicodeScalars.lazy.map(\.value).filter(HanTables.isHan))
        var out: [String] = []
        out.reserveCapacity(scalars.count)
        scalars.withUnsafeBufferPointer { buffer in
            var start = 0
            if asName {
                let (length, surname) = splitLength(buffer)
                if let surname {
                    for k in 0..<surname.length { out.append(tables.syllables[Int(surname.reading(k) >> 3)]) }
                    start = length
                }
            }
            for i in start..<buffer.count {
                let code = asName ? tables.nameReading(buffer[i]) : tables.reading(buffer[i])
                if code != 0 { out.append(tables.syllables[Int(code >> 3)]) }
            }
        }
        return out
    }
}
