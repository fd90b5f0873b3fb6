/// The rules that need the romanization engines: Chinese character sets per tag, and English
/// spellings that no romanization of the native form explains.
extension GlossaryRules {
    /// Korean schemes tried for a Hangul or Hanja form, the most frequent real-world spellings
    /// first (most preferred English spellings are explained by the first).
    static let koreanSchemes: [RomanizationScheme] = [.popular, .rr, .mrASCII, .mr, .yale]
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
        for native in entry.names {
            guard let tag = LanguageTag(native.language), let expected = tag.expectedScript, expected != .latin else { continue }
            // Only forms in the script their tag says (others got script-mismatch or empty-name).
            let facts = TextFacts(native.text)
            guard facts.latin == 0, expected == .hangul ? facts.hangul > 0 && facts.han == 0 : facts.han > 0 else { continue }
            let korean = tag.language == "ko"
            if korean {
                // The census table's real-world spellings of the surname (Lee, Rhee, Yi for 이).
                let hangul = expected == .han ? romanizer.chinese.sinoKorean(native.text, asName: true) : native.text
                if let family = romanizer.korean.split(hangul)?.family, let info = romanizer.korean.surname(family) {
                    for spelling in info.spellings + info.otherSpellings { families.insert(Self.spellingKey(spelling)) }
                }
            }
            for scheme in korean ? Self.koreanSchemes : Self.chineseSchemes {
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
        let words = text.split(whereSeparator: { $0 == " " })
        var keys = [spellingKey(text)]
        if words.count > 1 {
            keys.append(spellingKey(words.last! + " " + words.dropLast().joined(separator: " ")))
        }
        return keys.filter { !$0.isEmpty }
    }

    /// Letters and digits only, lowercased: "Xi'an" and "Xian", "Kang-in" and "Kangin" meet.
    static func spellingKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }
}
