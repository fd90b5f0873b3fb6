@testable import OnomaKit
import Testing

@Suite struct PhoneticSkeletonTests {
    static func latin(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for t in NameText(s).tokens { PhoneticSkeleton.appendLatin(t.scalars.map { UInt8($0.value) }, into: &out) }
        return out
    }

    static func hangul(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        PhoneticSkeleton.appendHangul(s.unicodeScalars.map { UInt16($0.value - 0xAC00) }, into: &out)
        return out
    }

    /// Usual variant spellings share a skeleton (issue 4's list).
    @Test(arguments: [
        ("Young", "Yeong"), ("Young", "Yong"), ("Hyun", "Hyeon"), ("Soo", "Su"), ("Joon", "Jun"),
        ("Kyung", "Gyeong"), ("Chan", "Jan"), ("Tae", "Dae"), ("Pak", "Bak"), ("Shin", "Sin"),
        ("Koh", "Ko"), ("Ahn", "An"), ("Kyung-wha", "Kyeong-hwa"), ("Rhee", "Lee"), ("Choi", "Choe"),
        ("Chung", "Jeong"), ("Roh", "Ro"), ("Chan-wook", "Chan-uk"), ("Yang Zhan Feng", "Yang Zhanfeng"),
    ])
    func variantsShareSkeleton(_ a: String, _ b: String) {
        #expect(Self.latin(a) == Self.latin(b))
    }

    /// The Hangul skeleton equals the skeleton of its romanizations (RR, MR, popular).
    @Test(arguments: [
        ("고영아", "Go Yeong-a"), ("고영아", "Koh Young-aah"), ("정경화", "Chung Kyung-wha"), ("박찬욱", "Pak Ch'an-uk"),
        ("김수현", "Kim Soo-hyun"), ("황희찬", "Hwang Hee-chan"), ("이강인", "I Gang-in"), ("황보관", "Hwangbo Kwan"),
    ])
    func hangulMatchesRomanization(_ h: String, _ r: String) {
        #expect(Self.hangul(h.replacingOccurrences(of: " ", with: "")) == Self.latin(r))
    }

    /// A different final consonant is a different skeleton.
    @Test(arguments: [("Seung-ho", "Seung-hoon"), ("Min-ju", "Min-jun"), ("Ji-sung", "Ji-sun")])
    func finalConsonantsDiffer(_ a: String, _ b: String) {
        #expect(Self.latin(a) != Self.latin(b))
    }

    @Test func keysPackAndHashLongSkeletons() {
        let short = Self.latin("Kim")
        #expect(PhoneticSkeleton.key(short) == PhoneticSkeleton.key(Self.latin("Gim")))
        let long = Array(repeating: [PhoneticSkeleton.k, PhoneticSkeleton.vowel], count: 12).flatMap { $0 }
        #expect(PhoneticSkeleton.key(long) & (1 << 63) != 0)
        #expect(PhoneticSkeleton.key(long) != PhoneticSkeleton.key(Array(long.dropLast())))
    }
}

@Suite struct HangulSpellingTests {
    static func s(_ c: String) -> UInt16 { UInt16(c.unicodeScalars.first!.value - 0xAC00) }
    static func spells(_ c: String) -> Set<String> { Set(HangulSpelling.spellings(s(c)).map { String(decoding: $0.letters, as: UTF8.self) }) }

    /// RR and MR of single syllables, from the RR (2000) and MR tables.
    @Test(arguments: [("영", "yeong", "yŏng"), ("경", "gyeong", "kyŏng"), ("찬", "chan", "ch'an"), ("희", "hui", "hŭi"), ("시", "si", "shi"), ("욱", "uk", "uk")])
    func schemes(_ c: String, _ rr: String, _ mr: String) {
        #expect(HangulSpelling.rr(Self.s(c)) == rr)
        #expect(HangulSpelling.mr(Self.s(c)) == mr)
    }

    /// Attested spellings are accepted (Young for 영, Hee for 희, Soo for 수, Woo for 우, Wook for 욱).
    @Test(arguments: [("영", "young"), ("희", "hee"), ("수", "soo"), ("우", "woo"), ("욱", "wook"), ("현", "hyun"), ("준", "joon"), ("화", "wha"), ("아", "aah"), ("고", "koh")])
    func attested(_ c: String, _ spelling: String) {
        #expect(Self.spells(c).contains(spelling))
    }

    /// A different final is never a variant: 호 is not "hoon", 주 is not "jun", 성 is not "sun".
    @Test(arguments: [("호", "hoon"), ("주", "jun"), ("성", "sun"), ("민", "ming"), ("영", "yeon")])
    func notAccepted(_ c: String, _ spelling: String) {
        #expect(!Self.spells(c).contains(spelling))
    }

    @Test func minimalSyllables() {
        func count(_ s: String) -> Int? { HangulSpelling.minimalSyllables(NameText(s).tokens.map { $0.scalars.map { UInt8($0.value) } }) }
        #expect(count("Min-ju") == 2)
        #expect(count("Young") == 1)
        #expect(count("Kangin") == 2)
        #expect(count("Yonug") == 2)
        #expect(count("Jnog") == nil)
        #expect(count("Parrk") == nil)
    }

    @Test func editDistance() {
        func d(_ a: String, _ b: String) -> Int { EditDistance.osa(Array(a.utf8), Array(b.utf8), limit: 3) }
        #expect(d("young", "yuong") == 1)
        #expect(d("park", "parrk") == 1)
        #expect(d("jong", "jnog") == 1)
        #expect(d("seungho", "seunghoon") == 2)
        #expect(d("abc", "xyzabc") == 3)
        #expect(EditDistance.osa(Array("kim".utf8), Array("kimminjun".utf8), limit: 2) == 3)
    }
}

@Suite struct SkeletonNeighbourhoodTests {
    /// Every skeleton one edit away, built the plain way: edit, collapse repeats, key; in the
    /// engine's order (dropped and swapped symbols, changed, added), first occurrences only.
    static func reference(_ symbols: [UInt8]) -> [UInt64] {
        func collapsed(_ s: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            for x in s { PhoneticSkeleton.push(x, into: &out) }
            return out
        }
        var variants: [[UInt8]] = [symbols]
        let n = symbols.count
        for i in 0..<n {
            var d = symbols; d.remove(at: i); variants.append(d)
            if i + 1 < n { var w = symbols; w.swapAt(i, i + 1); variants.append(w) }
        }
        for i in 0..<n {
            for s in 1...PhoneticSkeleton.symbolCount where s != symbols[i] { var c = symbols; c[i] = s; variants.append(c) }
        }
        for i in 0...n {
            for s in 1...PhoneticSkeleton.symbolCount { var a = symbols; a.insert(s, at: i); variants.append(a) }
        }
        var keys: [UInt64] = [], seen = Set<UInt64>()
        for v in variants {
            let k = PhoneticSkeleton.key(collapsed(v))
            if seen.insert(k).inserted { keys.append(k) }
        }
        return keys
    }

    /// The keys put together from pieces are the keys of the edited skeletons, in order, for
    /// packed (up to 14 symbols) and hashed skeletons.
    @Test func neighboursAreTheEditedSkeletons() {
        var rng = SplitMix64(seed: 0x5E1E)
        for _ in 0..<2_000 {
            var symbols: [UInt8] = []
            for _ in 0..<Int(rng.next() % 18) {
                PhoneticSkeleton.push(UInt8(1 + rng.next() % UInt64(PhoneticSkeleton.symbolCount)), into: &symbols)
            }
            #expect(LookupEngine.neighbourhood(symbols) == Self.reference(symbols), "\(symbols)")
        }
    }
}
