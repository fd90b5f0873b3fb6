import FuzzSupport
import OnomaKit

// Fuzzes the romanized Korean name parser (`KoreanRomanizer.parse(romanized:)`).
//
// Invariants on every reading:
// - a non-empty family name and no empty given-name syllable;
// - one list of Hangul candidates per given syllable, each candidate a Hangul syllable;
// - full-name candidates are Hangul only, at most `maximumCandidates`, no duplicates;
// - 0 < score ≤ 1, readings sorted best first;
// - input longer than `maximumParseLength` gives no reading (the work is bounded);
// - deterministic.
// Round trip: when the input is Hangul (2–4 syllables), its RR romanization parses to at least
// one reading with the same number of syllables.

let korean: KoreanRomanizer = {
    do { return try KoreanRomanizer(dictionaries: Fuzz.dictionaries) } catch { Fuzz.fail("cannot load the Korean reference data: \(error)") }
}()

func isHangulSyllable(_ s: String) -> Bool {
    s.unicodeScalars.count == 1 && Fuzz.isHangul(s.unicodeScalars.first!)
}

func checkReadings(_ readings: [KoreanNameReading], input: String) {
    var previous = Double.infinity
    for r in readings {
        let where_ = "\(input.debugDescription) → \(r)"
        Fuzz.check(!r.family.isEmpty, "empty family: \(where_)")
        Fuzz.check(!r.given.contains(where: \.isEmpty), "empty given syllable: \(where_)")
        Fuzz.check(r.givenHangul.count == r.given.count, "given syllables and their Hangul differ in count: \(where_)")
        Fuzz.check(r.familyHangul.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(Fuzz.isHangul) }, "family Hangul not Hangul: \(where_)")
        Fuzz.check(r.givenHangul.allSatisfy { $0.allSatisfy(isHangulSyllable) }, "given Hangul not one syllable each: \(where_)")
        Fuzz.check(r.candidates.count <= KoreanNameReading.maximumCandidates, "too many candidates: \(where_)")
        Fuzz.check(Set(r.candidates).count == r.candidates.count, "duplicate candidates: \(where_)")
        Fuzz.check(r.candidates.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(Fuzz.isHangul) }, "candidate not Hangul: \(where_)")
        Fuzz.check(r.score > 0 && r.score <= 1, "score out of (0, 1]: \(where_)")
        Fuzz.check(r.score <= previous, "readings not sorted best first: \(input.debugDescription)")
        previous = r.score
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKoreanParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = Fuzz.string(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let readings = korean.parse(romanized: input)
    checkReadings(readings, input: input)
    if input.count > KoreanRomanizer.maximumParseLength {
        Fuzz.check(readings.isEmpty, "input of \(input.count) characters parsed anyway")
    }
    Fuzz.check(korean.parse(romanized: input) == readings, "not deterministic: \(input.debugDescription)")

    // Round trip on Hangul names.
    let scalars = Array(input.unicodeScalars)
    if (2...4).contains(scalars.count), scalars.allSatisfy(Fuzz.isHangul), korean.split(input) != nil {
        let rr = korean.romanizeName(input, scheme: .rr, given: .hyphen).output
        let back = korean.parse(romanized: rr)
        checkReadings(back, input: rr)
        // Rare syllables (곴) may be missing from the candidates, but the syllable count must hold.
        Fuzz.check(back.contains { ($0.familyHangul.first?.unicodeScalars.count ?? 1) + $0.given.count == scalars.count || $0.candidates.contains(input) },
                   "\(input) → RR \(rr.debugDescription) parses to no reading of \(scalars.count) syllables: \(back)")
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_korean_parse_main")
public func fuzzKoreanParseMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzKoreanParse($0, $1) }
}
