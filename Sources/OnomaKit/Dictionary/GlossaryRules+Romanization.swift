/// The rules that need the romanization engines: Chinese character sets per tag, and English
/// spellings that no romanization of the native form explains.
extension GlossaryRules {
    /// Korean schemes tried for a Hangul or Hanja form, the most frequent real-world spellings
    /// first (most preferred English spellings are explained by the first). McCune–Reischauer
    /// with its marks is tried only for a spelling with non-ASCII letters; Yale, a linguists'
    /// system, is not an English spelling.
    static let koreanSchemes: [RomanizationScheme] = [.popular, .rr, .mrASCII]
    /// Chinese schemes tried for a Han form.
    static let chineseSchemes: [RomanizationScheme] = [.pinyin, .wadeGiles]

    /// `traditional-in-simplified` / `simplified-in-traditional`: characters of the other set
    /// in a name tagged `zh-Hans` or `zh-Hant` (characters standard in both are fine).
    func checkChineseScript(_ name: NameForm, tag: LanguageTag, at here: SourceLocation, into out: inout [Diagnostic]) {
        guard let chinese = romanizer?.chinese, tag.language == "zh" else { return }
        let simplifiedTag = tag.script == "Hans", traditionalTag = tag.script == "Hant"
        guard simplifiedTag || traditionalTag else { return }
        let converted = simplifiedTag ? chinese.toSimplified(name.text) : chinese.toTraditional(name.text)
        let original = Array(name.text.unicodeScalars), target = Array(converted.unicodeScalars)
        guard original.count == target.count, original != target else { return }
        let pairs = zip(original, target).filter { $0 != $1 }.map { "\($0.0) (\(simplifiedTag ? "simplified" : "traditional") \($0.1))" }
        if simplifiedTag {
            out.append(Diagnostic(.traditionalInSimplified, at: here,
                "\"\(name.text)\" is tagged zh-Hans but has traditional characters: \(pairs.joined(separator: ", ")); write \"\(converted)\", or tag the name zh-Hant"))
        } else {
            out.append(Diagnostic(.simplifiedInTraditional, at: here,
                "\"\(name.text)\" is tagged zh-Hant but has simplified characters: \(pairs.joined(separator: ", ")); write \"\(converted)\", or tag the name zh-Hans"))
        }
    }

    /// `unexplained-spelling`: the preferred `en` name of a person or place is compared with
    /// every known romanization of the entry's Hangul, Hanja and Chinese forms (letters only,
    /// case-folded, either name order). Organizations and terms are translated, not romanized,
    /// and are not checked.
    func checkSpelling(_ entry: GlossaryEntry, at location: SourceLocation, into out: inout [Diagnostic]) {
        guard let romanizer, entry.kind == .person || entry.kind == .place,
              let english = entry.names.first(where: { $0.status == .preferred && $0.language == "en" }) else { return }
        // Fast path: the usual spelling of the Hangul form, the answer for most entries.
        if let hangul = entry.names.first(where: { $0.language == "ko" && $0.text.unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } == true }) {
            let popular = romanizer.korean.romanizeName(hangul.text, scheme: .popular, given: .hyphen).output
            if Self.spellingKey(popular) == Self.spellingKey(english.text) { return }
        }
        let targets = Self.spellingKeys(english.text)
        guard !targets.isEmpty else { return }
        // Family and given name are often spelled by different conventions ("Cho Seong-jin":
        // the usual surname spelling, an RR given name), so the parts are matched separately:
        // any family spelling followed by any given-name spelling (or a whole-name output).
        var families: Set<String> = [], givens: Set<String> = [""], wholes: Set<String> = []
        func explained() -> Bool {
            for target in targets {
                if wholes.contains(target) { return true }
                for family in families where target.hasPrefix(family) && givens.contains(String(target.dropFirst(family.count))) {
                    return true
                }
            }
            return false
        }
        var tried: [String] = []
        // A Hanja form is read in Korean first: with a Hangul form present it adds nothing.
        let hasHangul = entry.names.contains { $0.language == "ko" }
        for native in entry.names {
            guard let tag = languageTag(native.language), let expected = tag.expectedScript, expected != .latin else { continue }
            if hasHangul && tag.language == "ko" && expected == .han { continue }
            // Only forms in the script their tag says (others got script-mismatch or empty-name).
            let facts = TextFacts(native.text)
            guard facts.latin == 0, expected == .hangul ? facts.hangul > 0 && facts.han == 0 : facts.han > 0 else { continue }
            let korean = tag.language == "ko"
            if korean {
                // The census table's real-world spellings of the surname (Lee, Rhee, Yi for 이).
                // The form's own family attribute when it has one (splitting costs more).
                let family = expected == .hangul && native.family != nil ? native.family
                    : romanizer.korean.split(expected == .han ? romanizer.chinese.sinoKorean(native.text, asName: true) : native.text)?.family
                if let family { families.formUnion(surnameKeys(family, romanizer: romanizer)) }
            }
            let schemes = korean ? Self.koreanSchemes + (english.text.utf8.contains { $0 >= 0x80 } ? [.mr] : []) : Self.chineseSchemes
            for scheme in schemes {
                let result = romanizer.romanize(native.text, options: RomanizationOptions(scheme: scheme, given: korean ? .hyphen : nil))
                if let family = result.family, let given = result.given {
                    families.insert(Self.spellingKey(family))
                    givens.insert(Self.spellingKey(given))
                }
                wholes.insert(Self.spellingKey(result.output))
                if explained() { return }
                if tried.count < 4 && !tried.contains(result.output) { tried.append(result.output) }
            }
        }
        guard !tried.isEmpty else { return }
        out.append(Diagnostic(.unexplainedSpelling, at: english.location ?? location,
            "\"\(english.text)\" is not what a known romanization of the native form gives (\(tried.joined(separator: ", ")), ...); fine if it is the \(entry.kind == .person ? "person's own or customary" : "customary") spelling, otherwise check it"))
    }

    /// The text's letters, lowercased, in its order and with its last word moved first (so
    /// "Seong-Jin Cho" meets "Cho Seong-jin").
    static func spellingKeys(_ text: String) -> [String] {
        var utf8 = text
        if let keys = utf8.withUTF8({ asciiSpellingKeys($0) }) { return keys }
        let words = text.split(whereSeparator: { $0 == " " })
        var keys = [spellingKey(text)]
        if words.count > 1 {
            keys.append(spellingKey(words.last! + " " + words.dropLast().joined(separator: " ")))
        }
        return keys.filter { !$0.isEmpty }
    }

    /// Letters and digits only, lowercased: "Xi'an" and "Xian", "Kang-in" and "Kangin" meet.
    /// ASCII is handled byte by byte; other scalars are kept unless they are spaces or
    /// punctuation (quotes, dashes: U+2000–U+206F, the modifier apostrophe U+02BC).
    static func spellingKey(_ text: String) -> String {
        var utf8 = text
        if let key = utf8.withUTF8({ asciiSpellingKey($0) }) { return key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x41 && b <= 0x5A { bytes.append(b | 0x20) } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { bytes.append(b) }
            } else if !isWhitespace(s) && !(0x2000...0x206F).contains(v) && v != 0x2BC && v != 0xB7 {
                bytes.append(contentsOf: String(s).lowercased().utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``spellingKey(_:)`` of ASCII text, byte by byte with no intermediate array; nil when the
    /// text is not ASCII.
    static func asciiSpellingKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return asciiKey(bytes[...], then: bytes[bytes.endIndex...])
    }

    /// The letters and digits of `first` then of `second` (ASCII), lowercased.
    private static func asciiKey(_ first: Slice<UnsafeBufferPointer<UInt8>>, then second: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: first.count + second.count) { out in
            var n = 0
            func append(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
                for b in part {
                    if b >= 0x41 && b <= 0x5A {
                        out[n] = b | 0x20
                        n += 1
                    } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                        out[n] = b
                        n += 1
                    }
                }
            }
            append(first)
            append(second)
            return n
        }
    }

    /// ``spellingKeys(_:)`` of ASCII text without splitting it into strings: the key of the
    /// text rotated is the key of its last word followed by the key of what is before it
    /// (spaces and punctuation do not count). Nil when the text is not ASCII (words are then
    /// split by Character, as ``spellingKeys(_:)`` does).
    static func asciiSpellingKeys(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var keys = [asciiKey(bytes[...], then: bytes[bytes.endIndex...])]
        // The last word: the last run of non-spaces.
        var end = bytes.count
        while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > 0 && bytes[start - 1] != 0x20 { start -= 1 }
        if end > 0 && bytes[..<start].contains(where: { $0 != 0x20 }) {
            keys.append(asciiKey(bytes[start..<end], then: bytes[..<start]))
        }
        return keys.filter { !$0.isEmpty }
    }

    /// The spelling keys of a Korean surname's real-world spellings (census table), cached.
    func surnameKeys(_ hangul: String, romanizer: Romanizer) -> [String] {
        if let cached = surnameKeyCache[hangul] { return cached }
        let info = romanizer.korean.surname(hangul)
        let keys = ((info?.spellings ?? []) + (info?.otherSpellings ?? [])).map(Self.spellingKey)
        if surnameKeyCache.count < 4096 { surnameKeyCache[hangul] = keys }
        return keys
    }
}
