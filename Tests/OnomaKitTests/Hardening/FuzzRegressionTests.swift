import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// Inputs the fuzz targets (Fuzz/) found breaking an invariant, kept as tests after the fix.
/// Each crashing input is also kept in `Fuzz/Corpus/<target>/` so that every fuzz run replays it.
@Suite struct FuzzRegressionTests {
    static let romanizer: Romanizer = try! Romanizer(dictionaries: TestPaths.dictionaries)

    /// fuzz-romanize, crash-521a7dce…: a line break before a Han name was taken as the
    /// family/given separator, giving an empty family name ("\n杨占峰" → family "", given "杨占峰").
    @Test(arguments: ["\n杨占峰", "\r杨占峰", "杨占峰\n", "\r\n杨占峰\r\n"])
    func hanSplitIgnoresSurroundingLineBreaks(_ input: String) throws {
        let split = try #require(Self.romanizer.chinese.split(input))
        #expect(split.family == "杨")
        #expect(split.given == "占峰")
        let result = Self.romanizer.romanize(input, options: RomanizationOptions(scheme: .traditional))
        #expect(result.family == "楊")
        #expect(result.given == "占峰")
    }

    /// fuzz-chinese-parse, regression-score-above-one: "Family, Given" readings added a surname
    /// bonus to a full score and returned 1.01, outside the documented 0...1.
    @Test(arguments: ["Xin,,,,2,,,,,,ananfang,", "Liu, Cixin", "Wang, Xiaoming", "Ouyang, Nana"])
    func chineseParseScoresStayWithinZeroAndOne(_ input: String) {
        let readings = Self.romanizer.chinese.parse(romanized: input)
        #expect(!readings.isEmpty)
        for r in readings {
            #expect(r.score >= 0 && r.score <= 1, "\(r)")
        }
    }

    /// fuzz-chinese-parse, regression-nondeterministic-order: the same syllables in Chinese and
    /// Western order tied on score and syllables, and came out in a different order from one
    /// call to the next.
    @Test(arguments: ["Okunte-kunte-tun   Okunte-kunte-tun", "Wang Wang", "Li Li"])
    func chineseParseOrderIsStable(_ input: String) {
        let first = Self.romanizer.chinese.parse(romanized: input)
        for _ in 0..<20 {
            #expect(Self.romanizer.chinese.parse(romanized: input) == first)
        }
    }
}
