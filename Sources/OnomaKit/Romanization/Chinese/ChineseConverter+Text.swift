extension ChineseConverter {
    /// Romanizes running text: no surname logic, general readings only. Words are not
    /// segmented, so in Latin schemes every Han syllable is a separate lower-case word
    /// ("北京是首都" → "bei jing shi shou du"), full-width punctuation becomes ASCII punctuation,
    /// and Latin letters and digits next to Han get a space. Hangul output is written without
    /// spaces (베이징). Sino-Korean applies the initial-sound rule to each run of Han characters.
    /// Characters that are not Han, or have no reading, are kept as they are.
    /// - Complexity: O(n), table lookups only.
    public func romanizeText(_ text: String, scheme: ChineseScheme, strict: Bool = false) -> String {
        if scheme == .sinoKorean { return sinoKorean(text, asName: false) }
        let form = form(scheme, strict: strict)
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        // What was written last: decides whether a space goes before the next syllable.
        enum Last { case start, syllable, word, punctuation, opening, space }
        var last = Last.start
        for s in text.unicodeScalars {
            let v = s.value
            let code = HanTables.isHan(v) ? tables.reading(v) : 0
            if code != 0, form != .hangul || tables.hasHangul[Int(code >> 3)] {
                if scheme.isLatin, last == .syllable || last == .word || last == .punctuation { out += " " }
                out += tables.form(form, code, capitalized: false)
                last = .syllable
                continue
            }
            if scheme.isLatin, let ascii = Self.asciiPunctuation[v] {
                if Self.openingPunctuation.contains(v) {
                    if last == .syllable || last == .word || last == .punctuation { out += " " }
                    last = .opening
                } else {
                    last = .punctuation
                }
                out += ascii
                continue
            }
            if scheme.isLatin, v == 0x3000 {
                out += " "
                last = .space
                continue
            }
            if scheme.isLatin, last == .syllable || last == .punctuation, s.properties.isAlphabetic || s.properties.numericType != nil { out += " " }
            out.unicodeScalars.append(s)
            if s.properties.isWhitespace { last = .space }
            else if s.properties.isAlphabetic || s.properties.numericType != nil { last = .word }
            else { last = .opening }
        }
        return out
    }

    /// Full-width and CJK punctuation written as ASCII in Latin output.
    static let asciiPunctuation: [UInt32: String] = [
        0x3001: ",", 0x3002: ".", 0xFF0C: ",", 0xFF0E: ".", 0xFF01: "!", 0xFF1F: "?", 0xFF1A: ":", 0xFF1B: ";",
        0xFF08: "(", 0xFF09: ")", 0x300C: "\"", 0x300D: "\"", 0x300E: "\"", 0x300F: "\"", 0x201C: "\"", 0x201D: "\"",
        0x300A: "\"", 0x300B: "\"",
    ]

    /// The opening ones among them (a space goes before, none after).
    static let openingPunctuation: Set<UInt32> = [0xFF08, 0x300C, 0x300E, 0x201C, 0x300A]
}
