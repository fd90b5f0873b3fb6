extension ChineseConverter {
    /// Reads Han characters (Hanja) in Sino-Korean, in Hangul, with the initial-sound rule
    /// (두음법칙, 한글 맞춤법 제10–12항) on the first syllable of each word or name part:
    /// 李 리 → 이, 盧 로 → 노, 柳 류 → 유; and 렬/률 → 열/율 after a vowel or ㄴ inside a word.
    ///
    /// With `asName`, the surname is split off and read with its surname reading (金 → 김, not 금);
    /// a one-syllable given name keeps its original sound (신립 申砬, 최린 崔麟: 제11항 붙임 2).
    /// Characters that are not Han or have no reading are passed through unchanged.
    /// - Complexity: O(n), table lookups only.
    public func sinoKorean(_ text: String, asName: Bool) -> String {
        if asName {
            return romanizeName(text, scheme: .sinoKorean).output
        }
        var warnings: [String] = []
        let scalars = Array(text.unicodeScalars.map(\.value))
        return scalars.withUnsafeBufferPointer { buffer in
            var out = ""
            var i = 0
            while i < buffer.count {
                if HanTables.isHan(buffer[i]) {
                    var j = i
                    while j < buffer.count, HanTables.isHan(buffer[j]) { j += 1 }
                    out += koreanWord(buffer, i..<j, surname: nil, isGivenName: false, warnings: &warnings)
                    i = j
                } else {
                    var j = i
                    while j < buffer.count, !HanTables.isHan(buffer[j]) { j += 1 }
                    out += Self.string(buffer[i..<j])
                    i = j
                }
            }
            return out
        }
    }

    /// One word in Sino-Korean: the initial-sound rule on its first syllable (not on a
    /// one-syllable given name), 렬/률 → 열/율 after a vowel or ㄴ.
    func koreanWord(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, surname: HanTables.Surname?,
                    isGivenName: Bool, warnings: inout [String]) -> String {
        var out = String.UnicodeScalarView()
        var previous: UInt32 = 0  // previous Hangul syllable in this word, 0 at the start
        let isSingleGiven = isGivenName && range.count == 1
        for (k, i) in range.enumerated() {
            var syllable: UInt32
            syllable = UInt32(surname?.koreanReading(k) ?? 0)
            if syllable == 0 { syllable = UInt32(tables.koreanReading(scalars[i])) }
            if syllable == 0 {
                let v = scalars[i]
                warnings.append("U+\(String(v, radix: 16, uppercase: true)) has no Sino-Korean reading: passed through unchanged")
                if let s = Unicode.Scalar(v) { out.append(s) }
                previous = 0
                continue
            }
            if k == 0 {
                if !isSingleGiven { syllable = Self.initialSoundRule(syllable) }
            } else {
                syllable = Self.medialRule(syllable, after: previous)
            }
            out.append(Unicode.Scalar(syllable)!)
            previous = syllable
        }
        return String(out)
    }

    /// 두음법칙 on a word-initial syllable: ㄹ → ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ, else ㄹ → ㄴ;
    /// ㄴ → ㅇ before ㅕ ㅖ ㅛ ㅠ ㅣ (리 이, 로 노, 류 유, 녀 여).
    static func initialSoundRule(_ syllable: UInt32) -> UInt32 {
        guard (0xAC00...0xD7A3).contains(syllable) else { return syllable }
        let index = syllable - 0xAC00
        let lead = index / 588, vowel = (index % 588) / 28, tail = index % 28
        // ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (vowel indices 2 6 7 12 17 20) as a bit mask.
        let yVowelMask: UInt32 = 0b1_0010_0001_0000_1100_0100  // bits 2 6 7 12 17 20
        let isYVowel = yVowelMask & (1 << vowel) != 0
        var newLead = lead
        if lead == 5 {  // ㄹ
            newLead = isYVowel ? 11 : 2
        } else if lead == 2, vowel != 2, isYVowel {  // ㄴ
            newLead = 11
        }
        return 0xAC00 + (newLead * 21 + vowel) * 28 + tail
    }

    /// 렬 → 열 and 률 → 율 after a syllable without final consonant or with final ㄴ
    /// (한글 맞춤법 제11항 붙임 1 다만: 나열, 백분율 — but 선율 too).
    static func medialRule(_ syllable: UInt32, after previous: UInt32) -> UInt32 {
        guard syllable == 0xB82C || syllable == 0xB960, (0xAC00...0xD7A3).contains(previous) else { return syllable }  // 렬 률
        let tail = (previous - 0xAC00) % 28
        guard tail == 0 || tail == 4 else { return syllable }
        return syllable == 0xB82C ? 0xC5F4 : 0xC728  // 열 율
    }
}
