extension ChineseConverter {
    /// Converts to simplified characters, character by character (張藝謀 → 张艺谋, 楊占峰 → 杨占峰).
    /// Characters that are standard in both scripts stay (乾 著); anything not Han is kept.
    /// - Complexity: O(n), one hash lookup per character.
    public func toSimplified(_ text: String) -> String {
        convert(text, table: tables.toSimplified, traditional: false)
    }

    /// Converts to traditional characters, name-safe: a character that is itself a traditional
    /// character in common use stays (杨占峰 → 楊占峰, never 楊佔峰; 于 范 朴 沈 姜 台 里 …), surnames
    /// take their traditional surname form (钟 → 鍾, 万 → 萬), and a compound surname at the start
    /// is converted as a unit (澹台 → 澹臺).
    /// - Complexity: O(n), one hash lookup per character.
    public func toTraditional(_ text: String) -> String {
        convert(text, table: tables.toTraditional, traditional: true)
    }

    private func convert(_ text: String, table: [UInt32: UInt32], traditional: Bool) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)
        // A leading compound surname converts as a unit (its characters may convert differently alone).
        var start = 0
        if scalars.count >= 3, let first = scalars.first,
           let surname = tables.compoundSurname(first.value, scalars[1].value) {
            let target = traditional ? surname.traditional : surname.simplified
            scalars[0] = Unicode.Scalar(target.0) ?? scalars[0]
            scalars[1] = Unicode.Scalar(target.1) ?? scalars[1]
            start = 2
        }
        for (i, s) in scalars.enumerated() {
            if i >= start, let mapped = table[s.value], let scalar = Unicode.Scalar(mapped) {
                out.append(scalar)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
