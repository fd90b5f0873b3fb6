/// Small helpers for pinyin spelled out as text: tone marks, capitals, syllable splitting.
enum PinyinText {
    /// Tone-marked vowels: index 0 = tone 1 ... 3 = tone 4.
    private static let marks: [Character: [Character]] = [
        "a": ["ā", "á", "ǎ", "à"], "e": ["ē", "é", "ě", "è"], "i": ["ī", "í", "ǐ", "ì"],
        "o": ["ō", "ó", "ǒ", "ò"], "u": ["ū", "ú", "ǔ", "ù"], "ü": ["ǖ", "ǘ", "ǚ", "ǜ"],
        "ê": ["ê̄", "ế", "ê̌", "ề"], "m": ["m̄", "ḿ", "m̌", "m̀"], "n": ["n̄", "ń", "ň", "ǹ"],
    ]

    /// A plain letter and tone for every tone-marked letter.
    private static let unmarked: [Character: (Character, Int)] = {
        var table: [Character: (Character, Int)] = [:]
        for (base, list) in marks { for (i, c) in list.enumerated() { table[c] = (base, i + 1) } }
        return table
    }()

    /// The syllable with the tone mark placed by the standard rule: on a or e; on the o of ou;
    /// otherwise on the last vowel (liú, guì); tone 5 has no mark.
    static func marked(_ syllable: String, tone: Int) -> String {
        guard (1...4).contains(tone) else { return syllable }
        var chars = Array(syllable)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "ü", "ê"]
        var target: Int?
        if let i = chars.firstIndex(where: { $0 == "a" || $0 == "e" || $0 == "ê" }) {
            target = i
        } else if let i = chars.firstIndex(of: "o"), i + 1 < chars.count, chars[i + 1] == "u" {
            target = i
        } else if let i = chars.lastIndex(where: { vowels.contains($0) }) {
            target = i
        } else if let i = chars.firstIndex(where: { $0 == "m" || $0 == "n" }) {
            target = i  // syllabic m, n, ng
        }
        guard let t = target, let list = marks[chars[t]] else { return syllable }
        chars[t] = list[tone - 1]
        return String(chars)
    }

    /// First letter upper-cased ("tz'u" → "Tz'u", "ōu" → "Ōu").
    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    /// Splits a toned pinyin word ("ōuyáng", "shàngguān") into known syllables with tones.
    /// - Returns: nil when the text is not a sequence of known syllables.
    static func syllables(ofToned text: String, known: [String: Int]) -> [(syllable: String, tone: Int)]? {
        var plain: [Character] = []
        var tones: [Int] = []
        for c in text.lowercased() where c != "'" && c != "’" && c != "-" {
            if let (base, tone) = unmarked[c] { plain.append(base); tones.append(tone) } else { plain.append(c); tones.append(0) }
        }
        guard let cuts = segment(plain, known: { known[$0] != nil }) else { return nil }
        var out: [(String, Int)] = []
        var start = 0
        for end in cuts {
            let tone = tones[start..<end].first { $0 != 0 } ?? 5
            out.append((String(plain[start..<end]), tone))
            start = end
        }
        return out
    }

    /// Splits letters into syllables accepted by `isSyllable`, preferring splits where no
    /// syllable after the first starts with a vowel (pinyin would have written an apostrophe),
    /// then the fewest syllables.
    /// - Returns: the end offset of each syllable, or nil when no split exists.
    static func segment(_ letters: [Character], known isSyllable: (String) -> Bool) -> [Int]? {
        let n = letters.count
        guard n > 0 else { return nil }
        // best[i] = (cost, previous cut) for the prefix of length i.
        var best = [(cost: Int, previous: Int)?](repeating: nil, count: n + 1)
        best[0] = (0, -1)
        for end in 1...n {
            for start in max(0, end - 7)..<end {  // the longest spelling has 7 letters (ch'uang)
                guard let before = best[start] else { continue }
                let piece = String(letters[start..<end])
                guard isSyllable(piece) else { continue }
                let vowelStart = start > 0 && "aoeê".contains(letters[start])
                let cost = before.cost + 10 + (vowelStart ? 100 : 0)
                if best[end] == nil || cost < best[end]!.cost { best[end] = (cost, start) }
            }
        }
        guard best[n] != nil else { return nil }
        var cuts: [Int] = []
        var i = n
        while i > 0 { cuts.append(i); i = best[i]!.previous }
        return cuts.reversed()
    }

    /// Like `segment(_:known:)` over letter codes (`HanTables.letterCode`), with syllables
    /// looked up by `HanTables.spellingKey` (no strings made).
    static func segment(codes: [UInt8], known isSyllable: (UInt64) -> Bool) -> [Int]? {
        let n = codes.count
        guard n > 0 else { return nil }
        var best = [(cost: Int, previous: Int)?](repeating: nil, count: n + 1)
        best[0] = (0, -1)
        for end in 1...n {
            for start in max(0, end - 7)..<end {
                guard let before = best[start] else { continue }
                guard isSyllable(HanTables.spellingKey(codes[start..<end])) else { continue }
                let vowelStart = start > 0 && isVowelCode(codes[start])
                let cost = before.cost + 10 + (vowelStart ? 100 : 0)
                if best[end] == nil || cost < best[end]!.cost { best[end] = (cost, start) }
            }
        }
        guard best[n] != nil else { return nil }
        var cuts: [Int] = []
        var i = n
        while i > 0 { cuts.append(i); i = best[i]!.previous }
        return cuts.reversed()
    }

    /// a, o, e (the letters a pinyin syllable inside a word may not start with unmarked).
    static func isVowelCode(_ c: UInt8) -> Bool { c == 1 || c == 15 || c == 5 }
}
