import Foundation

extension ChineseConverter {
    /// Parses a romanized Chinese name into toneless pinyin syllables with surname and given
    /// parts, best reading first.
    ///
    /// Accepts Hanyu Pinyin (with or without tone marks or tone numbers, ü as ü, v or u:) and
    /// Wade–Giles (with or without aspiration apostrophes, umlauts, breves and circumflexes), in
    /// any case, with spaces, hyphens or apostrophes between syllables, in Chinese order
    /// ("Liu Cixin", "Liu Tz'u-hsin") or Western order ("Cixin Liu"), or "Liu, Cixin". In surname
    /// position the Hong Kong and Taiwan spellings of chinese-surnames.tsv are understood too
    /// ("Lee Teng-hui" → [li][deng, hui], "Au-Yeung" → [ou, yang]). Ambiguous spellings give
    /// several readings ("Chang" without apostrophes: zhang or chang).
    /// Examples: "Yang Chan-feng" → [yang][zhan, feng]; "Yang2 Zhan4feng1" → [yang][zhan, feng];
    /// "Ouyang Nana" → [ou, yang][na, na]; "Xi'an" → [xi, an] (one word: no surname split).
    /// - Returns: readings sorted by `score` (best first); empty when the text is not a
    ///   romanized Chinese name.
    /// - Complexity: O(n) in the input length (at most 7 spellings looked up per letter, a bounded
    ///   number of candidate readings per word); inputs of more than 6 words are not names (empty).
    public func parse(romanized: String) -> [ChineseNameReading] {
        guard let words = ParsedInput(romanized) else { return [] }
        var readings: [ChineseNameReading] = []
        for system in [RomanSystem.pinyin, .wadeGiles] {
            guard let interpretation = interpret(words, as: system) else { continue }
            for option in interpretation {
                readings.append(contentsOf: splits(option.syllables, aliasWords: option.aliasWords, words: words, baseScore: option.score))
            }
        }
        // Merge duplicates, keeping the best score; best first.
        var best: [ChineseNameReading: Double] = [:]
        for r in readings {
            var key = r
            key.score = 0
            best[key] = max(best[key] ?? 0, r.score)
        }
        // Ties broken by the syllables, then the order, so that the order is stable (the same
        // syllables read in both orders — "Wang Wang" — tied and came out in the dictionary's
        // order, which differs from call to call: found by fuzz-chinese-parse).
        return best.map { key, score -> (ChineseNameReading, String) in
            var r = key
            // Clamped here for every path: the early returns of `splits` ("Liu, Cixin") add a
            // surname bonus to a full base score (fuzz-chinese-parse found 1.01).
            r.score = min(1, max(0, (score * 1000).rounded() / 1000))
            return (r, (r.family + ["|"] + r.given).joined(separator: " ") + (r.westernOrder ? " w" : ""))
        }.sorted { $0.0.score != $1.0.score ? $0.0.score > $1.0.score : $0.1 < $1.1 }.map(\.0)
    }

    enum RomanSystem { case pinyin, wadeGiles }

    /// One candidate syllable sequence for the whole input: syllables per word, and a score.
    struct Interpretation {
        var syllables: [[String]]
        /// Words read through a surname spelling alias (they can only be the surname).
        var aliasWords: Set<Int>
        var score: Double
    }

    /// The input cut into words (spaces, commas) and hyphen-separated pieces, with the
    /// evidence it carries about the system used.
    struct ParsedInput {
        /// Words; each word is a list of pieces (split at hyphens); each piece is letters with
        /// apostrophes kept (and tone digits removed but remembered as syllable boundaries).
        var words: [[Piece]]
        /// Index of the word before a comma ("Liu, Cixin"), nil when no comma.
        var commaAfter: Int?
        var hasToneMarks = false
        var hasToneNumbers = false
        var hasHyphen = false
        var hasApostrophe = false

        struct Piece {
            /// Letter codes (see `HanTables.letterCode`): a–z 1–26, ü 27, apostrophe 28, and 29 for a
            /// syllable boundary given by a tone digit.
            var letters: [UInt8]
        }

        init?(_ text: String) {
            words = []
            var word: [Piece] = []
            var piece: [UInt8] = []
            func endPiece() {
                if !piece.isEmpty { word.append(Piece(letters: piece)) }
                piece = []
            }
            func endWord() {
                endPiece()
                if !word.isEmpty { words.append(word) }
                word = []
            }
            var pendingUmlaut = false
            // Decomposition (tone marks, umlauts) only when there is something to decompose.
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            let normalized = ascii ? text.lowercased() : text.decomposedStringWithCanonicalMapping.lowercased()
            for ch in normalized.unicodeScalars {
                switch ch.value {
                case 0x20, 0x09, 0x3000, 0xA0, 0x0A, 0x0D:
                    endWord()
                case 0x2C, 0xFF0C:  // comma
                    endWord()
                    if commaAfter == nil { commaAfter = words.count - 1 }
                case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0xB7, 0x2027:  // hyphens, middle dot
                    hasHyphen = true
                    endPiece()
                case 0x27, 0x2019, 0x2018, 0x2BC, 0x60, 0xB4:  // apostrophes
                    hasApostrophe = true
                    piece.append(HanTables.apostropheCode)
                case 0x304, 0x301, 0x30C, 0x300:  // tone marks
                    hasToneMarks = true
                case 0x306, 0x302:  // breve (ŭ), circumflex (ê): Wade-Giles marks, same letters
                    break
                case 0x308:  // diaeresis: ü
                    if piece.last == HanTables.uCode { piece[piece.count - 1] = HanTables.uUmlautCode } else { pendingUmlaut = true }
                case 0x30...0x35:  // tone numbers (0 and 5 both used for the neutral tone)
                    hasToneNumbers = true
                    if !piece.isEmpty { piece.append(HanTables.boundaryCode) }
                case 0x3A:  // "u:" for ü
                    if piece.last == HanTables.uCode { piece[piece.count - 1] = HanTables.uUmlautCode }
                case 0x61...0x7A:
                    piece.append(UInt8(ch.value - 0x60))
                    if pendingUmlaut, ch == "u" { piece[piece.count - 1] = HanTables.uUmlautCode }
                    pendingUmlaut = false
                case 0x2E:  // a full stop (initials): ignore
                    break
                default:
                    return nil
                }
            }
            endWord()
            if words.isEmpty { return nil }
            if words.count > 6 { return nil }
        }
    }

    /// All syllable sequences of the input under one system, with scores; nil when a word
    /// cannot be read in that system.
    func interpret(_ input: ParsedInput, as system: RomanSystem) -> [Interpretation]? {
        // Each word: options of syllable lists with a penalty.
        var perWord: [[(syllables: [String], penalty: Double, alias: Bool)]] = []
        for (w, word) in input.words.enumerated() {
            var options: [([String], Double, Bool)] = [([], 0, false)]
            for piece in word {
                guard let pieceOptions = readPiece(piece.letters, system: system, apostrophesUsed: input.hasApostrophe) else {
                    options = []
                    break
                }
                var combined: [([String], Double, Bool)] = []
                for (a, pa, _) in options {
                    for (b, pb) in pieceOptions {
                        // Hyphens separate single syllables (Tse-min): a piece of several is suspect.
                        let extra = word.count > 1 ? Double(max(0, b.count - 1)) * 0.15 : 0
                        combined.append((a + b, pa + pb + extra, false))
                    }
                }
                combined.sort { $0.1 < $1.1 }
                options = Array(combined.prefix(4))
            }
            // Hong Kong / Taiwan surname spellings (Lee, Chan, Wong) where a surname can stand.
            if w == 0 || w == input.words.count - 1 {
                let letters = word.flatMap(\.letters).filter { $0 <= HanTables.uUmlautCode }
                let aliases = letters.count <= 12 ? tables.surnameAliases[HanTables.spellingKey(letters[...])] ?? [] : []
                for (k, syllables) in aliases.enumerated() {
                    options.append((syllables, 0.1 + 0.01 * Double(k), true))
                }
            }
            if options.isEmpty { return nil }
            perWord.append(options)
        }
        // Evidence for the system.
        var base = 0.9
        switch system {
        case .pinyin:
            if input.hasToneMarks || input.hasToneNumbers { base += 0.05 }
            // Hyphenated given names are the Wade-Giles convention.
            if input.hasHyphen { base -= 0.2 }
        case .wadeGiles:
            if input.hasToneMarks { base -= 0.3 }
            if !input.hasHyphen { base -= 0.15 }
        }
        var results: [Interpretation] = [Interpretation(syllables: [], aliasWords: [], score: base)]
        for options in perWord {
            var next: [Interpretation] = []
            for r in results {
                for (syllables, penalty, alias) in options {
                    let aliasWords = alias ? r.aliasWords.union([r.syllables.count]) : r.aliasWords
                    next.append(Interpretation(syllables: r.syllables + [syllables], aliasWords: aliasWords, score: r.score - penalty))
                }
            }
            next.sort { $0.score > $1.score }
            results = Array(next.prefix(6))
        }
        return results
    }

    /// Readings of one piece (letters between hyphens) as syllables, with penalties.
    func readPiece(_ letters: [UInt8], system: RomanSystem, apostrophesUsed: Bool) -> [([String], Double)]? {
        // Tone-digit boundaries and (for pinyin) apostrophes split the piece first.
        var chunks: [[UInt8]] = [[]]
        for c in letters {
            if c == HanTables.boundaryCode || (c == HanTables.apostropheCode && system == .pinyin) {
                chunks.append([])
            } else {
                chunks[chunks.count - 1].append(c)
            }
        }
        chunks.removeAll { $0.isEmpty }
        if chunks.isEmpty { return nil }
        var options: [([String], Double)] = [([], 0)]
        for chunk in chunks {
            let table = system == .pinyin ? pinyinSpellings : wadeGilesSpellings(apostrophesUsed: apostrophesUsed)
            guard let cuts = PinyinText.segment(codes: chunk, known: { table[$0] != nil }) else { return nil }
            var start = 0
            var syllableOptions: [[(String, Double)]] = []
            for end in cuts {
                syllableOptions.append(table[HanTables.spellingKey(chunk[start..<end])]!)
                start = end
            }
            for choices in syllableOptions {
                var combined: [([String], Double)] = []
                for (a, pa) in options { for (s, ps) in choices { combined.append((a + [s], pa + ps)) } }
                combined.sort { $0.1 < $1.1 }
                options = Array(combined.prefix(4))
            }
            // A vowel-initial syllable inside a word without an apostrophe is a little less likely.
            if cuts.count > 1 {
                var start = 0
                for end in cuts.dropLast() { start = end; if PinyinText.isVowelCode(chunk[start]) { options = options.map { ($0.0, $0.1 + 0.05) } } }
            }
        }
        return options
    }

    /// Pinyin spellings → syllable (with ü also written u after n and l, v, and the j q x y u).
    var pinyinSpellings: [UInt64: [(String, Double)]] {
        tables.pinyinSpellings
    }

    func wadeGilesSpellings(apostrophesUsed: Bool) -> [UInt64: [(String, Double)]] {
        apostrophesUsed ? tables.wadeGilesSpellingsStrict : tables.wadeGilesSpellingsLoose
    }

    /// Surname/given splits (and orders) of a syllable sequence, scored.
    func splits(_ words: [[String]], aliasWords: Set<Int>, words input: ParsedInput, baseScore: Double) -> [ChineseNameReading] {
        func surnameRank(_ syllables: [String]) -> Int? { tables.surnamePinyin[syllables.joined()] }
        func surnameBonus(_ syllables: [String]) -> Double {
            guard let rank = surnameRank(syllables) else { return 0 }
            return rank <= 100 ? 0.08 : 0.06
        }
        var out: [ChineseNameReading] = []
        if words.count == 1 {
            // One word: a place name or given name ("Xi'an"), or a name written together ("Liucixin").
            let all = words[0]
            if aliasWords.contains(0) {
                return [ChineseNameReading(family: all, given: [], westernOrder: false, score: baseScore * 0.8)]
            }
            out.append(ChineseNameReading(family: [], given: all, westernOrder: false, score: baseScore * 0.9))
            for length in [2, 1] where all.count > length {
                let head = Array(all.prefix(length))
                if surnameRank(head) != nil, all.count - length <= 2 {
                    out.append(ChineseNameReading(family: head, given: Array(all.dropFirst(length)), westernOrder: false, score: baseScore * 0.8 + surnameBonus(head)))
                }
            }
            return out
        }
        let first = words[0], last = words[words.count - 1]
        let lastIndex = words.count - 1
        if let comma = input.commaAfter, comma == 0, aliasWords.subtracting([0]).isEmpty {
            // "Liu, Cixin": the surname is explicit.
            out.append(ChineseNameReading(family: first, given: Array(words.dropFirst().joined()), westernOrder: false, score: baseScore + surnameBonus(first)))
            return out
        }
        // Surnames have one or two syllables (two only for the compound ones); given names one or two.
        func shapePenalty(family: [String], givenCount: Int) -> Double {
            var penalty = 0.0
            if family.count > 2 { penalty += 0.3 } else if family.count == 2 && surnameRank(family) == nil { penalty += 0.15 }
            if givenCount > 2 { penalty += 0.2 }
            return penalty
        }
        // Chinese order: surname first (a word read through a surname alias must be the surname).
        let chineseGiven = Array(words.dropFirst().joined())
        if aliasWords.subtracting([0]).isEmpty {
            let chinese = baseScore * 0.9 + surnameBonus(first) - shapePenalty(family: first, givenCount: chineseGiven.count)
            out.append(ChineseNameReading(family: first, given: chineseGiven, westernOrder: false, score: chinese))
        }
        // Western order: surname last.
        let westernGiven = Array(words.dropLast().joined())
        var western = baseScore * 0.85 + surnameBonus(last) - shapePenalty(family: last, givenCount: westernGiven.count)
        if surnameRank(last) != nil && surnameRank(first) == nil { western += 0.05 }
        if aliasWords.subtracting([lastIndex]).isEmpty {
            out.append(ChineseNameReading(family: last, given: westernGiven, westernOrder: true, score: western))
        }
        return out.map { var r = $0; r.score = min(1, max(0, r.score)); return r }
    }
}
