import FuzzSupport
import OnomaKit

// Fuzzes the romanized Chinese name parser (`ChineseConverter.parse(romanized:)`).
//
// Invariants on every reading:
// - no empty syllable; each syllable is toneless lower-case pinyin (a–z, ü, ê);
// - a reading has at least one syllable;
// - 0 ≤ score ≤ 1, readings sorted best first, no two readings alike;
// - deterministic.
// Round trip: when the input is a Han name of 2–4 characters with readings, its pinyin (name
// mode) parses back to a reading with the same syllables as `pinyinSyllables(_:asName:)`.

let chinese: ChineseConverter = {
    do { return try ChineseConverter(dictionaries: Fuzz.dictionaries) } catch { Fuzz.fail("cannot load the Chinese reference data: \(error)") }
}()

func isPinyinSyllable(_ s: String) -> Bool {
    // ê is a syllable of its own (欸 ê), the one pinyin letter with a circumflex.
    !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "ü" || $0 == "ê" }
}

func checkReadings(_ readings: [ChineseNameReading], input: String) {
    var previous = Double.infinity
    var seen = Set<[String]>()
    for r in readings {
        let where_ = "\(input.debugDescription) → \(r)"
        Fuzz.check(!r.syllables.isEmpty, "reading without syllables: \(where_)")
        Fuzz.check(r.syllables.allSatisfy(isPinyinSyllable), "not a toneless pinyin syllable: \(where_)")
        Fuzz.check(r.score >= 0 && r.score <= 1, "score out of 0...1: \(where_)")
        Fuzz.check(r.score <= previous, "readings not sorted best first: \(input.debugDescription): \(readings)")
        Fuzz.check(seen.insert(r.family + ["|"] + r.given + [r.westernOrder ? "w" : "c"]).inserted, "the same reading twice: \(where_)")
        previous = r.score
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChineseParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = Fuzz.string(UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let readings = chinese.parse(romanized: input)
    checkReadings(readings, input: input)
    Fuzz.check(chinese.parse(romanized: input) == readings, "not deterministic: \(input.debugDescription)")

    // Round trip on Han names.
    let scalars = Array(input.unicodeScalars)
    if (2...4).contains(scalars.count), scalars.allSatisfy(Fuzz.isHan) {
        let expected = chinese.pinyinSyllables(input, asName: true)
        // The parser reads the standard Mandarin syllables (the 414 of the loanword table); a
        // few characters have readings outside them (覅 fiào, 𰻞 biáng), which the Hangul
        // conversion reports with a warning: the round trip is promised for the rest.
        let standard = chinese.romanizeName(input, scheme: .hangul).warnings.isEmpty
        if expected.count == scalars.count && standard {
            let pinyin = chinese.romanizeName(input, scheme: .pinyin).output
            let back = chinese.parse(romanized: pinyin)
            checkReadings(back, input: pinyin)
            Fuzz.check(back.contains { $0.syllables == expected },
                       "\(input) → pinyin \(pinyin.debugDescription) does not parse back to \(expected): \(back)")
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_chinese_parse_main")
public func fuzzChineseParseMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzChineseParse($0, $1) }
}
