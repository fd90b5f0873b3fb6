import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// Hangul names and queries with digits (found by fuzz-lookup: `"\u{FFFD}2\u{FFFD}오터우"` trapped on
/// an arithmetic overflow). Digits do not count for a name's script, so "김구 2" is a Hangul
/// name whose tokens are not all Hangul; its digits were taken for syllables.
@Suite struct LookupEngineDigitTests {
    static let glossary = Glossary(name: "digits", entries: [
        GlossaryEntry(id: "kim-gu", kind: .person, names: [
            NameForm(language: "ko", text: "김구", status: .preferred),
            NameForm(language: "en", text: "Kim Gu", status: .preferred),
        ]),
        // A stored Hangul name with a digit: indexing it trapped the same way.
        GlossaryEntry(id: "kim-gu-ii", kind: .person, names: [NameForm(language: "ko", text: "김구 2세", status: .preferred)]),
        GlossaryEntry(id: "yeonpyeong-2", kind: .place, names: [NameForm(language: "ko", text: "제2연평", status: .preferred)]),
    ])

    static let engine: LookupEngine = try! LookupEngine(glossaries: [glossary], dataDirectory: TestPaths.dictionaries)

    /// The query as found by the fuzzer, and smaller ones of the same kind: no trap, and no
    /// reading (a digit is no syllable, as in a Latin query).
    @Test(arguments: ["\u{FFFD}2\u{FFFD}오터우", "오2", "김구 2", "2 김구", "김구２"])
    func hangulQueryWithDigitsHasNoReading(_ query: String) {
        for fuzzy in [false, true] {
            let matches = Self.engine.lookup(query, options: LookupOptions(minScore: 0, fuzzy: fuzzy))
            #expect(matches.allSatisfy { $0.method != .romanization && $0.method != .fuzzy }, "\(matches)")
        }
    }

    /// Stored names with digits are found as they are, and the names without still by reading.
    @Test(arguments: [("김구 2세", "kim-gu-ii"), ("제2연평", "yeonpyeong-2"), ("김구", "kim-gu")])
    func storedFormsWithDigitsAreFoundExactly(_ query: String, _ id: String) throws {
        let top = try #require(Self.engine.lookup(query).first)
        #expect(top.id == id)
        #expect(top.score == 1.0)
        #expect(top.method == .exact)
    }

    @Test func theNameWithoutDigitsStillMatchesByReading() throws {
        let top = try #require(Self.engine.lookup("Kim Koo").first)
        #expect(top.id == "kim-gu")
        #expect(top.method == .romanization)
    }
}
