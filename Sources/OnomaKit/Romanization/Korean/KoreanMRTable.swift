/// Precomputed MR (ALA-LC) pieces for given names, so that name mode needs no array and no
/// sound-change pass per name: in a personal name every sound change happens at one syllable
/// boundary and depends only on the final before it and the initial and vowel after it
/// (28 × 19 × 21 = 11,172 cases), so each boundary's spelling is computed once at load.
struct KoreanMRTable: Sendable {
    /// The one table (built on first use; it depends on no data file).
    static let shared = KoreanMRTable()

    /// MR of each syllable as a one-syllable surname (李 → Yi, 류 → Yu), and its ASCII form.
    let surname: [String]
    let surnameASCII: [String]
    /// Word-initial onset + vowel, by `initial * 21 + vowel`, capitalized (MR, MR ASCII).
    let head: [String]
    let headASCII: [String]
    /// Final + hyphen + onset (liaison puts the onset before the hyphen) + vowel, by
    /// `final * 399 + initial * 21 + vowel`: hyphenated and joined, MR and MR ASCII.
    let hyphenated: [String]
    let hyphenatedASCII: [String]
    let joined: [String]
    let joinedASCII: [String]
    /// The word-final spelling of each final.
    let tail: [String]

    init() {
        var head = [String](), hyphenated = [String](), joined = [String]()
        for initial in 0..<19 {
            for vowel in 0..<21 {
                let s = [HangulSyllable(initial: initial, vowel: vowel, final: 0)]
                head.append(KoreanRomanizer.renderMR(KoreanSoundChanges.apply(s), hyphenated: false).capitalizedFirst)
            }
        }
        // A first syllable 아 + final, so that the rendering starts with exactly "a".
        for final in 0..<28 {
            for initial in 0..<19 {
                for vowel in 0..<21 {
                    let word = [HangulSyllable(initial: Jamo.null, vowel: Jamo.vA, final: final), HangulSyllable(initial: initial, vowel: vowel, final: 0)]
                    let surface = KoreanSoundChanges.apply(word)
                    hyphenated.append(String(KoreanRomanizer.renderMR(surface, hyphenated: true).dropFirst()))
                    joined.append(String(KoreanRomanizer.renderMR(surface, hyphenated: false).dropFirst()))
                }
            }
        }
        self.head = head
        self.headASCII = head.map(KoreanRomanizer.stripMR)
        self.hyphenated = hyphenated
        self.hyphenatedASCII = hyphenated.map(KoreanRomanizer.stripMR)
        self.joined = joined
        self.joinedASCII = joined.map(KoreanRomanizer.stripMR)
        let surname = (0..<Int(HangulSyllable.count)).map { KoreanRomanizer.mrFamily([$0]) }
        self.surname = surname
        self.surnameASCII = surname.map(KoreanRomanizer.stripMR)
        self.tail = (0..<28).map { KoreanJamoTable.mrCoda[Int(KoreanSoundChanges.codaClass[$0].rawValue)] }
    }

    /// The given name in MR or MR ASCII, hyphenated or joined.
    @inline(__always)
    func given(_ syllables: Slice<UnsafeBufferPointer<Int>>, hyphen: Bool, ascii: Bool) -> String {
        var previous = HangulSyllable(index: syllables[syllables.startIndex])
        var out = (ascii ? headASCII : head)[previous.initial * 21 + previous.vowel]
        let middle = hyphen ? (ascii ? hyphenatedASCII : hyphenated) : (ascii ? joinedASCII : joined)
        for i in syllables.indices.dropFirst() {
            let s = HangulSyllable(index: syllables[i])
            out += middle[previous.final * 399 + s.initial * 21 + s.vowel]
            previous = s
        }
        out += tail[previous.final]
        return out
    }
}
