/// The Latin spellings the lookup engine accepts for one Hangul syllable, and the phonetic
/// skeleton it indexes them under.
///
/// A syllable is read as initial + vowel + final jamo (Unicode's arithmetic decomposition).
/// Each jamo has a short list of spellings: those of Revised Romanization and McCune–Reischauer
/// (diacritics and apostrophes folded: `ŏ` = `o`, `ch'` = `ch`), cost 0, and the usual
/// real-world variants (Young, Soo, Hyun, Joon, Hee, Koh, Ahn...), cost 1. These are small
/// fixed rule tables over the 19 initials, 21 vowels and 27 finals, kept here as Swift.
///
/// A syllable's spellings must all match it *whole*: a different final consonant is a
/// different syllable, never a variant ("ho" is 호, "hoon" is 훈; "ju" is 주, "jun" is 준).
enum HangulSpelling {
    /// One accepted spelling: ASCII lower-case letters and its variant cost.
    struct Spelling: Sendable, Hashable {
        var letters: [UInt8]
        var cost: UInt8
    }

    /// The Unicode decomposition of a precomposed syllable (0...11171).
    @inline(__always) static func jamo(_ syllable: UInt16) -> (initial: Int, vowel: Int, final: Int) {
        let s = Int(syllable)
        return (s / 588, (s % 588) / 28, s % 28)
    }

    // Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
    private static let initials: [[(String, UInt8)]] = [
        [("g", 0), ("k", 0)], [("kk", 0), ("gg", 1), ("k", 1), ("g", 1)], [("n", 0)],
        [("d", 0), ("t", 0)], [("tt", 0), ("dd", 1), ("t", 1), ("d", 1)], [("r", 0), ("l", 1)],
        [("m", 0)], [("b", 0), ("p", 0)], [("pp", 0), ("bb", 1), ("p", 1), ("b", 1)],
        [("s", 0), ("sh", 1)], [("ss", 0), ("s", 1), ("sh", 1)], [("", 0)],
        [("j", 0), ("ch", 0)], [("jj", 0), ("tch", 0), ("j", 1), ("ch", 1)], [("ch", 0)],
        [("k", 0), ("kh", 1)], [("t", 0), ("th", 1)], [("p", 0), ("ph", 1), ("f", 1)], [("h", 0)],
    ]
    // Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
    private static let vowels: [[(String, UInt8)]] = [
        [("a", 0), ("aa", 1)], [("ae", 0), ("ai", 1), ("e", 1)], [("ya", 0)], [("yae", 0), ("ye", 1)],
        [("eo", 0), ("o", 0), ("u", 1), ("eu", 1)], [("e", 0), ("ae", 1)],
        [("yeo", 0), ("yo", 0), ("you", 1), ("yu", 1), ("ye", 1), ("yuo", 1)], [("ye", 0), ("yae", 1)],
        [("o", 0), ("oo", 1)], [("wa", 0), ("oa", 1)], [("wae", 0), ("we", 1)], [("oe", 0), ("oi", 1), ("we", 1), ("wae", 1)],
        [("yo", 0)], [("u", 0), ("oo", 1), ("ou", 1)], [("wo", 0), ("weo", 1), ("wu", 1)], [("we", 0), ("wae", 1)],
        [("wi", 0), ("wee", 1), ("ui", 1)], [("yu", 0), ("yoo", 1), ("you", 1)], [("eu", 0), ("u", 0), ("ue", 1)],
        [("ui", 0), ("eui", 1), ("i", 1), ("ee", 1), ("ei", 1)], [("i", 0), ("ee", 1), ("y", 1)],
    ]
    // Finals: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
    private static let finals: [[(String, UInt8)]] = [
        [("", 0)], [("k", 0), ("g", 1), ("ck", 1)], [("k", 0), ("kk", 1)], [("k", 0)], [("n", 0), ("nn", 1)],
        [("n", 0)], [("n", 0)], [("t", 0), ("d", 1)], [("l", 0), ("r", 1), ("ll", 1)], [("k", 0)], [("m", 0)],
        [("l", 0)], [("l", 0)], [("l", 0)], [("p", 0)], [("l", 0)], [("m", 0)], [("p", 0), ("b", 1)], [("p", 0)],
        [("t", 0)], [("t", 0)], [("ng", 0)], [("t", 0)], [("t", 0)], [("k", 0)], [("t", 0)], [("p", 0)], [("t", 0)],
    ]

    // Revised Romanization (name mode, no sound changes) and McCune–Reischauer (word-initial
    // consonants, diacritics kept) of each jamo, for explanations.
    private static let rrInitials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    private static let rrVowels = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
    private static let rrFinals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
    private static let mrInitials = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"]
    private static let mrVowels = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"]

    /// The Revised Romanization of a syllable, in lower case.
    static func rr(_ syllable: UInt16) -> String {
        let j = jamo(syllable)
        return rrInitials[j.initial] + rrVowels[j.vowel] + rrFinals[j.final]
    }

    /// Every jamo spelling the append functions write, each packed in one word (byte 0 its
    /// length, then up to 7 UTF-8 bytes), in one flat table: RR initials, vowels and finals,
    /// MR initials and vowels as written and folded to ASCII, MR voiced initials (length 0:
    /// none), and "sh". Words rather than arrays of bytes: explanations and fuzzy references
    /// append a few of these per syllable, and an array per jamo cost a retain, a release and a
    /// generic append each time.
    private static let packed: [UInt64] = {
        func pack(_ s: String) -> UInt64 {
            let b = Array(s.utf8)
            precondition(b.count <= 7, "a jamo spelling longer than 7 bytes")
            var v = UInt64(b.count)
            for (i, c) in b.enumerated() { v |= UInt64(c) << (8 * UInt64(i + 1)) }
            return v
        }
        var t: [UInt64] = []
        t += rrInitials.map(pack)                                   // 0..<19
        t += rrVowels.map(pack)                                     // 19..<40
        t += rrFinals.map(pack)                                     // 40..<68
        t += mrInitials.map(pack)                                   // 68..<87
        t += mrVowels.map(pack)                                     // 87..<108
        t += mrInitials.map { pack(LookupEngine.ascii($0)) }        // 108..<127
        t += mrVowels.map { pack(LookupEngine.ascii($0)) }          // 127..<148
        t += (0..<19).map { pack(mrVoicedInitials[$0] ?? "") }      // 148..<167
        t.append(pack("sh"))                                        // 167
        return t
    }()
    private static let rrInitial = 0, rrVowel = 19, rrFinal = 40, mrInitial = 68, mrVowel = 87
    private static let mrASCIIInitial = 108, mrASCIIVowel = 127, mrVoiced = 148, sh = 167

    /// Appends the bytes of one packed spelling.
    @inline(__always) private static func append<S: ByteAppending>(_ word: UInt64, into out: inout S) {
        var x = word >> 8
        for _ in 0..<Int(word & 0xFF) {
            out.append(UInt8(truncatingIfNeeded: x))
            x >>= 8
        }
    }

    /// Appends the bytes of ``rr(_:)`` without building a string (fuzzy matching does this per candidate).
    @inline(__always) static func appendRR<S: ByteAppending>(_ syllable: UInt16, into out: inout S) {
        let j = jamo(syllable)
        let t = packed
        append(t[rrInitial + j.initial], into: &out)
        append(t[rrVowel + j.vowel], into: &out)
        append(t[rrFinal + j.final], into: &out)
    }

    /// Appends the bytes of `LookupEngine.ascii(mr(syllable))` (breves and apostrophes dropped)
    /// without building a string.
    @inline(__always) static func appendMRASCII<S: ByteAppending>(_ syllable: UInt16, into out: inout S) {
        let j = jamo(syllable)
        let t = packed
        append(j.initial == 9 && (j.vowel == 20 || j.vowel == 16) ? t[sh] : t[mrASCIIInitial + j.initial], into: &out)
        append(t[mrASCIIVowel + j.vowel], into: &out)
        append(t[rrFinal + j.final], into: &out)
    }

    /// The McCune–Reischauer spelling of a syllable as written word-initially, lower case.
    static func mr(_ syllable: UInt16) -> String {
        let j = jamo(syllable)
        var initial = mrInitials[j.initial]
        if j.initial == 9 && (j.vowel == 20 || j.vowel == 16) { initial = "sh" }  // 시 shi, 쉬 shwi
        return initial + mrVowels[j.vowel] + rrFinals[j.final]
    }

    /// Appends McCune–Reischauer of a syllable as bytes: ``mr(_:)``, or ``mrVoiced(_:)`` when
    /// `voiced`; folded like `LookupEngine.ascii` when `ascii` (explanations build these for
    /// every returned match, so no strings).
    @inline(__always) static func appendMR<S: ByteAppending>(_ syllable: UInt16, voiced: Bool, ascii: Bool, into out: inout S) {
        let j = jamo(syllable)
        let t = packed
        let voicedInitial = t[mrVoiced + j.initial]
        if voiced && voicedInitial & 0xFF != 0 {
            append(voicedInitial, into: &out)
        } else if j.initial == 9 && (j.vowel == 20 || j.vowel == 16) {
            append(t[sh], into: &out)
        } else {
            append(t[(ascii ? mrASCIIInitial : mrInitial) + j.initial], into: &out)
        }
        append(t[(ascii ? mrASCIIVowel : mrVowel) + j.vowel], into: &out)
        append(t[rrFinal + j.final], into: &out)
    }

    /// Plain initials MR voices inside a word (ㄱ g, ㄷ d, ㅂ b, ㅈ j); built once, not per call.
    private static let mrVoicedInitials: [Int: String] = [0: "g", 3: "d", 7: "b", 12: "j"]

    /// The MR spelling with a plain initial voiced, as MR writes it inside a word (k → g,
    /// t → d, p → b, ch → j).
    static func mrVoiced(_ syllable: UInt16) -> String {
        let j = jamo(syllable)
        guard let initial = mrVoicedInitials[j.initial] else { return mr(syllable) }
        return initial + mrVowels[j.vowel] + rrFinals[j.final]
    }

    /// Every spelling accepted for `syllable`, cheapest first, without duplicates.
    static func spellings(_ syllable: UInt16) -> [Spelling] {
        let j = jamo(syllable)
        var out: [Spelling] = []
        var seen = Set<[UInt8]>()
        func add(_ s: String, _ cost: UInt8) {
            let bytes = Array(s.utf8)
            if bytes.isEmpty { return }
            if seen.insert(bytes).inserted { out.append(Spelling(letters: bytes, cost: cost)) }
        }
        var initialOptions = initials[j.initial]
        if j.initial == 9 && (j.vowel == 20 || j.vowel == 16) { initialOptions = [("s", 0), ("sh", 0)] }  // MR shi
        var vowelOptions = vowels[j.vowel]
        if j.initial == 11 {
            switch j.vowel {
            case 13: vowelOptions += [("woo", 1), ("wu", 1)]   // 우 Woo
            case 20: vowelOptions += [("yi", 1)]                // 이 Yi
            case 8: vowelOptions += [("oh", 1)]
            default: break
            }
        }
        if j.initial == 18, [9, 10, 14, 15, 16].contains(j.vowel) {
            // 화 "wha" (Kyung-wha), 휘 "whi": the h written after the w.
            for (v, c) in vowels[j.vowel] where v.hasPrefix("w") {
                vowelOptions.append(("wh" + v.dropFirst(), c + 1))
            }
        }
        for (i, ci) in initialOptions {
            for (v, cv) in vowelOptions {
                let onset = v.hasPrefix("wh") ? "" : i
                for (f, cf) in finals[j.final] {
                    add(onset + v + f, ci + cv + cf)
                }
            }
        }
        // A silent h after the vowel: Koh, Noh, Oh, Ahn, Hahn, Kahng, Uhm, Young-aah.
        for (i, ci) in initialOptions {
            for (v, cv) in vowelOptions where !v.hasPrefix("wh") {
                for (f, cf) in finals[j.final] {
                    add(i + v + "h" + f, ci + cv + cf + 1)
                }
            }
        }
        out.sort { $0.cost < $1.cost }
        return out
    }

    /// The skeleton class of each initial (0 for ㅇ, silent), built once.
    private static let initialClass: [UInt8] = [
        PhoneticSkeleton.k, PhoneticSkeleton.k, PhoneticSkeleton.n, PhoneticSkeleton.t, PhoneticSkeleton.t,
        PhoneticSkeleton.l, PhoneticSkeleton.m, PhoneticSkeleton.p, PhoneticSkeleton.p, PhoneticSkeleton.s,
        PhoneticSkeleton.s, 0, PhoneticSkeleton.j, PhoneticSkeleton.j, PhoneticSkeleton.j, PhoneticSkeleton.k,
        PhoneticSkeleton.t, PhoneticSkeleton.p, PhoneticSkeleton.h,
    ]

    /// The skeleton symbols of a syllable: initial class, a vowel, final class (see
    /// ``PhoneticSkeleton``). ㅇ as a final is "ng", i.e. n + the k class of g.
    static func skeleton(_ syllable: UInt16, into out: inout [UInt8]) {
        let j = jamo(syllable)
        let initial = initialClass[j.initial]
        if initial != 0 { PhoneticSkeleton.push(initial, into: &out) }
        PhoneticSkeleton.push(PhoneticSkeleton.vowel, into: &out)
        switch j.final {
        case 0: break
        case 1, 2, 3, 9, 24: PhoneticSkeleton.push(PhoneticSkeleton.k, into: &out)
        case 4, 5, 6: PhoneticSkeleton.push(PhoneticSkeleton.n, into: &out)
        case 8, 11, 12, 13, 15: PhoneticSkeleton.push(PhoneticSkeleton.l, into: &out)
        case 10, 16: PhoneticSkeleton.push(PhoneticSkeleton.m, into: &out)
        case 14, 17, 18, 26: PhoneticSkeleton.push(PhoneticSkeleton.p, into: &out)
        case 21: PhoneticSkeleton.push(PhoneticSkeleton.n, into: &out); PhoneticSkeleton.push(PhoneticSkeleton.k, into: &out)
        default: PhoneticSkeleton.push(PhoneticSkeleton.t, into: &out)
        }
    }
}
