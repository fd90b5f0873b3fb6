/// Text mode: running text with the sound-change rules.
extension KoreanRomanizer {
    /// Romanizes running text. Each run of Hangul syllables is one word: RR and MR apply the
    /// sound changes within it (신라 silla, 독립문 dongnimmun / tongnimmun), never across
    /// spaces or punctuation; everything else is passed through unchanged. Output is lower
    /// case (the rules capitalize proper nouns only, which text mode cannot tell apart).
    ///
    /// RR writes the optional hyphen of ch. 3 art. 2 where the letters would otherwise read
    /// as another syllable split: ㅇ before a vowel (중앙 jung-ang), ㄴ before ㄱ (반구대 ban-gudae),
    /// and two vowels that would merge into another vowel letter pair (해운대 hae-undae).
    /// MR writes its apostrophe for ㄴ before ㄱ (한국 han'guk). Yale is a letter-for-letter
    /// transliteration with a period where a syllable boundary is ambiguous (국어 kwuk.e).
    /// `popular` has no text convention and uses RR.
    /// - Complexity: O(n).
    public func romanizeText(_ text: String, scheme: KoreanScheme) -> String {
        romanizeTextResult(text, scheme: scheme).output
    }

    /// ``romanizeText(_:scheme:)`` with warnings: letters that are not Hangul syllables
    /// (Hanja, isolated jamo, other scripts) are passed through and named.
    public func romanizeTextResult(_ text: String, scheme: KoreanScheme) -> RomanizedName {
        let scalars = KoreanRomanizer.composeJamo(Array(text.unicodeScalars))
        // Appending to a String (not to a UnicodeScalarView, whose append(contentsOf:) copies)
        // keeps a 1 MB line linear.
        var out = ""
        var passed = [Unicode.Scalar]()
        var run = [HangulSyllable]()
        for c in scalars {
            if let s = HangulSyllable(c) {
                run.append(s)
            } else {
                if !run.isEmpty {
                    out += romanizeWord(run, scheme: scheme)
                    run.removeAll(keepingCapacity: true)
                }
                out.unicodeScalars.append(c)
                if !c.isASCII && c.properties.isAlphabetic && !passed.contains(c) { passed.append(c) }
            }
        }
        if !run.isEmpty { out += romanizeWord(run, scheme: scheme) }
        return RomanizedName(input: text, output: out, scheme: scheme.romanizationScheme, warnings: KoreanRomanizer.passThroughWarning(passed))
    }

    /// One word (a run of Hangul syllables) in running-text style.
    func romanizeWord(_ word: [HangulSyllable], scheme: KoreanScheme) -> String {
        switch scheme {
        case .yale:
            return KoreanRomanizer.renderYale(word)
        case .rr, .popular:
            return KoreanRomanizer.renderRR(KoreanSoundChanges.apply(word, nInsertion: { boundary(nInsertionIndex, word, at: $0) }, nasalLN: { boundary(lnExceptionIndex, word, at: $0) }))
        case .mr, .mrASCII:
            let mr = KoreanRomanizer.renderMR(KoreanSoundChanges.apply(word, nInsertion: { boundary(nInsertionIndex, word, at: $0) }, nasalLN: { boundary(lnExceptionIndex, word, at: $0) }), hyphenated: false)
            return scheme == .mr ? mr : KoreanRomanizer.stripMR(mr)
        }
    }

    /// True when a boundary table lists the boundary before `word[i]`.
    func boundary(_ index: [Int: [(left: [Int], right: [Int])]], _ word: [HangulSyllable], at i: Int) -> Bool {
        guard let entries = index[word[i - 1].index * Int(HangulSyllable.count) + word[i].index] else { return false }
        return entries.contains { entry in
            guard i >= entry.left.count, i + entry.right.count <= word.count else { return false }
            return zip(entry.left, word[(i - entry.left.count)..<i]).allSatisfy { $0 == $1.index }
                && zip(entry.right, word[i..<(i + entry.right.count)]).allSatisfy { $0 == $1.index }
        }
    }

    /// RR of a word after the sound changes.
    static func renderRR(_ s: [SurfaceSyllable]) -> String {
        var out = ""
        for i in s.indices {
            let syllable = s[i]
            let vowel = KoreanJamoTable.rrVowel[syllable.vowel]
            var onset = KoreanJamoTable.rrInitial[syllable.onset]
            if i > 0 {
                let previous = s[i - 1]
                if syllable.onset == Jamo.r && previous.coda == .l { onset = "l" }
                let ambiguous: Bool
                switch (previous.coda, syllable.onset) {
                case (.ng, Jamo.null): ambiguous = true                          // 중앙 Jung-ang
                case (.n, Jamo.g): ambiguous = true                              // 반구대 Ban-gudae
                case (.none, Jamo.null):                                         // 해운대 Hae-undae
                    ambiguous = mergesVowels(out.unicodeScalars.last, vowel.unicodeScalars.first)
                default: ambiguous = false
                }
                if ambiguous { out += "-" }
            }
            out += onset
            out += vowel
            out += KoreanJamoTable.rrCoda[Int(syllable.coda.rawValue)]
        }
        return out
    }

    /// True when two vowel letters written together would read as one of RR's vowel pairs
    /// (ae eo eu oe ui).
    static func mergesVowels(_ a: Unicode.Scalar?, _ b: Unicode.Scalar?) -> Bool {
        guard let a, let b else { return false }
        switch (a, b) {
        case ("a", "e"), ("e", "o"), ("e", "u"), ("o", "e"), ("u", "i"): return true
        default: return false
        }
    }

    /// MR of a word after the sound changes. With `hyphenated` (ALA-LC given names) each
    /// syllable boundary gets a hyphen; a consonant carried over by liaison is written before
    /// it (Mog-wŏl, Ch'ŏr-wŏn). Without it, ㄴ before ㄱ gets MR's apostrophe (Han'guk).
    static func renderMR(_ s: [SurfaceSyllable], hyphenated: Bool) -> String {
        var out = ""
        for i in s.indices {
            let syllable = s[i]
            var onset: String
            if i == 0 {
                onset = KoreanJamoTable.mrInitial[syllable.onset]
            } else {
                let previousCoda = s[i - 1].coda
                let voicedContext = previousCoda == .none || previousCoda == .n || previousCoda == .l || previousCoda == .m || previousCoda == .ng
                if voicedContext, let voiced = KoreanJamoTable.mrVoiced[syllable.onset] {
                    onset = voiced
                } else if syllable.onset == Jamo.r {
                    onset = previousCoda == .l ? "l" : "r"
                } else {
                    onset = KoreanJamoTable.mrInitial[syllable.onset]
                }
                if hyphenated {
                    if syllable.liaison { out += onset; onset = "" }
                    out += "-"
                } else if previousCoda == .n && onset == "g" {
                    out += "'"
                }
            }
            if syllable.onset == Jamo.s && syllable.vowel == Jamo.vWi { onset = "sh" }   // MR: s → sh before wi
            out += onset
            out += KoreanJamoTable.mrVowel[syllable.vowel]
            if syllable.coda == .l && i + 1 < s.count && s[i + 1].onset == Jamo.h {
                out += "r"                                                       // ㄹ + ㅎ: Parhae
            } else {
                out += KoreanJamoTable.mrCoda[Int(syllable.coda.rawValue)]
            }
        }
        return out
    }

    /// Yale: letter for letter, with a period between syllables where the letters could be
    /// split another way (a final consonant before a vowel-initial syllable, a final k/t/p/c
    /// before h, a y that could belong to either vowel).
    static func renderYale(_ word: [HangulSyllable]) -> String {
        var out = ""
        for i in word.indices {
            let s = word[i]
            if i > 0 {
                let p = word[i - 1]
                let vowel = KoreanJamoTable.yaleVowel[s.vowel]
                let previousVowel = KoreanJamoTable.yaleVowel[p.vowel]
                let ambiguous: Bool
                if s.initial == Jamo.null {
                    ambiguous = p.final != 0 || vowel.hasPrefix("y") || previousVowel.hasSuffix("y")
                } else if s.initial == Jamo.h {
                    ambiguous = [Jamo.fG, Jamo.fD, Jamo.fB, Jamo.fJ].contains(p.final)
                } else {
                    ambiguous = false
                }
                if ambiguous { out += "." }
            }
            out += KoreanJamoTable.yale(s)
        }
        return out
    }
}
