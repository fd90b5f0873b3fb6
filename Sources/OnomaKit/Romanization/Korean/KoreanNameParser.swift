import Foundation

/// Parses a romanized Korean name into ``KoreanNameReading``s (see
/// ``KoreanRomanizer/parse(romanized:)``). The work is bounded: the input is capped at
/// ``KoreanRomanizer/maximumParseLength`` characters and 5 words, and each word is segmented
/// with a fixed beam, so no input can make it slow.
struct KoreanNameParser {
    let romanizer: KoreanRomanizer
    let index: KoreanReverseIndex

    /// Segmentations kept per position.
    static let beam = 8
    /// Most syllables in a given name.
    static let maximumGivenSyllables = 4

    /// A way to cut a word into syllable spellings, with its cost.
    struct Segmentation {
        var keys: [String]
        var cost: Float
    }

    func parse(_ input: String) -> [KoreanNameReading] {
        guard input.unicodeScalars.count <= KoreanRomanizer.maximumParseLength else { return [] }
        var folded = String.UnicodeScalarView()
        for c in input.unicodeScalars {
            guard let f = KoreanReverseIndex.foldScalar(c) else { return [] }
            folded.append(f)
        }
        let text = String(folded)
        // "Family, Given": the comma fixes the order.
        let commaParts = text.split(separator: ",", omittingEmptySubsequences: true).map { $0.split(separator: " ").map(String.init) }
        var readings = [KoreanNameReading]()
        let originalWords = input.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "." }).map(String.init)
        func isAllCaps(_ word: String) -> Bool {
            originalWords.contains { $0.count > 1 && $0.uppercased() == $0 && $0.lowercased() != $0 && KoreanReverseIndex.fold($0) == word.replacingOccurrences(of: "-", with: "") }
        }
        if commaParts.count == 2 {
            guard let family = commaParts[0].first, commaParts[0].count == 1, !commaParts[1].isEmpty else { return [] }
            readings += reading(family: family, given: commaParts[1], western: false, penalty: 0)
        } else if commaParts.count == 1 {
            let words = commaParts[0]
            guard (1...5).contains(words.count) else { return [] }
            if words.count == 1 {
                readings += joinedReadings(words[0])
            } else {
                let capsFirst: Float = isAllCaps(words[0]) ? -0.3 : 0
                let capsLast: Float = isAllCaps(words[words.count - 1]) ? -0.3 : 0
                readings += reading(family: words[0], given: Array(words.dropFirst()), western: false, penalty: capsFirst)
                readings += reading(family: words[words.count - 1], given: Array(words.dropLast()), western: true, penalty: 0.3 + capsLast)
            }
        } else {
            return []
        }
        readings.sort { $0.score > $1.score }
        var seen = Set<KoreanNameReading>()
        return readings.filter { seen.insert($0).inserted }
    }

    /// Readings with `family` as the surname word and `given` as the given-name words.
    func reading(family: String, given words: [String], western: Bool, penalty: Float) -> [KoreanNameReading] {
        let familyKey = KoreanReverseIndex.fold(family)
        guard !family.contains("-"), let surnames = surnameCandidates(familyKey) else { return [] }
        let parts = words.flatMap { $0.split(separator: "-").map(String.init) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return [] }
        // Top segmentations of each hyphen/space-separated part, combined.
        var combos: [Segmentation] = [Segmentation(keys: [], cost: 0)]
        // When the given name is already cut (Young-aah, Kang In), each piece is normally one
        // syllable: cutting a piece further costs extra.
        let extraSyllableCost: Float = parts.count >= 2 ? 0.6 : 0
        for part in parts {
            let segs = withResyllabified(Array(segment(part).prefix(3))).map { Segmentation(keys: $0.keys, cost: $0.cost + extraSyllableCost * Float($0.keys.count - 1)) }
            guard !segs.isEmpty else { return [] }
            combos = combos.flatMap { c in segs.map { Segmentation(keys: c.keys + $0.keys, cost: c.cost + $0.cost) } }
                .filter { $0.keys.count <= KoreanNameParser.maximumGivenSyllables }
            combos.sort { $0.cost < $1.cost }
            combos = Array(combos.prefix(6))
            if combos.isEmpty { return [] }
        }
        combos = withAssimilationUndone(combos)
        return combos.map { makeReading(family: familyKey, surnames: surnames, given: $0, western: western, penalty: penalty) }
    }

    /// A name written as one word ("Kimyuna", "Leekangin"): a surname spelling at the start.
    func joinedReadings(_ word: String) -> [KoreanNameReading] {
        let key = KoreanReverseIndex.fold(word)
        let chars = Array(key.utf8)
        guard chars.count >= 3, chars.count <= 40 else { return [] }
        var out = [KoreanNameReading]()
        for cut in 1..<chars.count {
            let family = String(decoding: chars[..<cut], as: UTF8.self)
            guard let surnames = surnameCandidates(family) else { continue }
            let rest = String(decoding: chars[cut...], as: UTF8.self)
            for seg in withAssimilationUndone(withResyllabified(Array(segment(rest).prefix(2)))) where seg.keys.count <= KoreanNameParser.maximumGivenSyllables {
                out.append(makeReading(family: family, surnames: surnames, given: seg, western: false, penalty: 0.6))
            }
        }
        return out
    }

    /// Surnames for a folded family-name spelling (with or without apostrophes).
    func surnameCandidates(_ key: String) -> [KoreanReverseIndex.Candidate]? {
        if let c = index.surnames[key] { return c }
        let plain = key.replacingOccurrences(of: "'", with: "")
        if let c = index.surnames[plain] { return c }
        // A surname outside the table: any one syllable, at a cost.
        if let c = index.syllables[key] ?? index.syllables[plain] {
            return c.prefix(6).map { KoreanReverseIndex.Candidate(value: -1 - $0.value, cost: $0.cost + 1.0) }
        }
        return nil
    }

    /// Cuts one word (letters and apostrophes) into syllable spellings, best first; a beam of
    /// ``beam`` segmentations per position keeps the work linear.
    func segment(_ word: String) -> [Segmentation] {
        let chars = Array(word.utf8)
        let n = chars.count
        guard n > 0, n <= 40 else { return [] }
        var best = [[Segmentation]](repeating: [], count: n + 1)
        best[0] = [Segmentation(keys: [], cost: 0)]
        for start in 0..<n where !best[start].isEmpty {
            if chars[start] == UInt8(ascii: "'") {                       // MR's n'g separator
                best[start + 1] = mergeBeam(best[start + 1], best[start])
                continue
            }
            var end = start + 1
            while end <= min(n, start + index.longestSyllable) {
                let key = String(decoding: chars[start..<end], as: UTF8.self)
                if let candidates = index.syllables[key] {
                    var cost = 1.0 + candidates[0].cost
                    if index.attestedKeys.contains(key) { cost -= 0.3 }
                    let extended = best[start].map { Segmentation(keys: $0.keys + [key], cost: $0.cost + cost) }
                    best[end] = mergeBeam(best[end], extended)
                }
                end += 1
            }
        }
        return best[n]
    }

    /// Adds readings where a consonant written at the start of a syllable belongs to the end of
    /// the one before, as in spellings that follow pronunciation: "Yuna" for 연아 (Kim Yuna,
    /// [여나]). One consonant letter moves; the result must be two known syllable spellings;
    /// it costs a little more than the reading as written.
    func withResyllabified(_ segmentations: [Segmentation]) -> [Segmentation] {
        var out = segmentations
        let vowels: Set<UInt8> = Set("aeiouwy".utf8), movable: Set<UInt8> = Set("nmlrkgpbtd".utf8)
        for seg in segmentations {
            for i in 0..<max(0, seg.keys.count - 1) {
                let a = Array(seg.keys[i].utf8), b = Array(seg.keys[i + 1].utf8)
                guard let last = a.last, vowels.contains(last), b.count >= 2, movable.contains(b[0]), vowels.contains(b[1]) else { continue }
                let k1 = seg.keys[i] + String(UnicodeScalar(b[0])), k2 = String(decoding: b.dropFirst(), as: UTF8.self)
                guard index.syllables[k1] != nil, index.syllables[k2] != nil else { continue }
                var keys = seg.keys
                keys[i] = k1
                keys[i + 1] = k2
                out.append(Segmentation(keys: keys, cost: seg.cost + 0.5))
            }
        }
        return out
    }

    /// MR/ALA-LC write given names as pronounced: adds readings that undo nasalization and
    /// ㄹ → ㄴ at a syllable boundary (Sŏng-min 석민, Ch'ang-nyong 창룡, Ŭng-nyŏl 응렬).
    func withAssimilationUndone(_ segmentations: [Segmentation]) -> [Segmentation] {
        var out = segmentations
        for seg in segmentations {
            for i in 0..<max(0, seg.keys.count - 1) {
                let a = seg.keys[i], b = seg.keys[i + 1]
                guard let next = b.utf8.first, next == UInt8(ascii: "n") || next == UInt8(ascii: "m") else { continue }
                var alternatives = [(String, String)]()
                if a.hasSuffix("ng") { alternatives.append((String(a.dropLast(2)) + "k", b)) }
                if a.hasSuffix("m") { alternatives.append((String(a.dropLast()) + "p", b)) }
                if next == UInt8(ascii: "n") && (a.hasSuffix("ng") || a.hasSuffix("m")) { alternatives.append((a, "r" + b.dropFirst())) }
                if next == UInt8(ascii: "n") && a.hasSuffix("ng") { alternatives.append((String(a.dropLast(2)) + "k", "r" + b.dropFirst())) }
                for (k1, k2) in alternatives where index.syllables[k1] != nil && index.syllables[k2] != nil {
                    var keys = seg.keys
                    keys[i] = k1
                    keys[i + 1] = k2
                    out.append(Segmentation(keys: keys, cost: seg.cost + 0.6))
                }
            }
        }
        return out
    }

    func mergeBeam(_ a: [Segmentation], _ b: [Segmentation]) -> [Segmentation] {
        Array((a + b).sorted { $0.cost < $1.cost }.prefix(KoreanNameParser.beam))
    }

    func makeReading(family: String, surnames: [KoreanReverseIndex.Candidate], given: Segmentation, western: Bool, penalty: Float) -> KoreanNameReading {
        let familyList = surnames.prefix(6).map { c -> (String, Float) in
            c.value >= 0 ? (index.surnameHangul[c.value], c.cost) : (String(HangulSyllable(index: -1 - c.value).scalar), c.cost)
        }
        let givenLists: [[(String, Float)]] = given.keys.map { key in
            (index.syllables[key] ?? []).map { c -> (String, Float) in
                (String(HangulSyllable(index: c.value).scalar), c.cost - (index.commonGiven.contains(c.value) ? 0.2 : 0))
            }.sorted { $0.1 < $1.1 }.prefix(6).map { $0 }
        }
        // Full names, best first: a small bounded product (≤ 6 × 6^4), then cut.
        var full: [(String, Float)] = familyList.prefix(3).map { $0 }
        for list in givenLists {
            full = full.flatMap { f in list.map { (f.0 + $0.0, f.1 + $0.1) } }
            full.sort { $0.1 < $1.1 }
            full = Array(full.prefix(KoreanNameReading.maximumCandidates))
        }
        let cost = (familyList.first?.1 ?? 1) + given.cost * 0.5 + penalty
        return KoreanNameReading(family: family, given: given.keys, familyHangul: familyList.map(\.0),
                                 givenHangul: givenLists.map { $0.map(\.0) }, candidates: full.map(\.0),
                                 westernOrder: western, score: Double(exp(-0.35 * max(0, cost))))
    }
}
