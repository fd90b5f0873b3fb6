import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// Every surname of Dictionaries/reference/chinese-surnames.tsv, romanized as the surname of a
/// name, must give the table's own columns (which come from other sources than the engine's
/// syllable tables: ICU Han-Latin/Names, the WG column, the NIKL orthography, kHangul).
@Suite struct ChineseSurnameTableTests {
    struct Row: CustomStringConvertible, Sendable {
        var simplified, traditional, pinyin, wadeGiles, koreanSino, koreanMandarin: String
        var description: String { simplified }
    }

    static let rows: [Row] = {
        let url = TestPaths.dictionaries.appendingPathComponent("reference/chinese-surnames.tsv")
        let lines = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n").filter { !$0.hasPrefix("#") } ?? []
        return lines.dropFirst().map {
            let f = $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(simplified: f[0], traditional: f[1], pinyin: f[2], wadeGiles: f[3], koreanSino: f[7], koreanMandarin: f[8])
        }
    }()

    let converter = ChineseFixture.converter

    @Test func tableIsComplete() {
        #expect(Self.rows.count == 177)
    }

    @Test(arguments: rows)
    func surname(_ row: Row) {
        for script in [row.simplified, row.traditional] {
            let name = script + "明"
            #expect(converter.split(name)?.family == script)
            let tones = converter.romanizeName(name, scheme: .pinyinTones).family
            #expect(tones == row.pinyin.prefix(1).uppercased() + row.pinyin.dropFirst())
            let wg = converter.romanizeName(name, scheme: .wadeGiles, strict: true).family
            #expect(wg == row.wadeGiles)
            let hangul = converter.romanizeName(name, scheme: .hangul).family
            #expect(hangul == row.koreanMandarin)
            if !row.koreanSino.contains("?") {
                let first = String(row.koreanSino.split(separator: "/")[0].prefix { ("가"..."힣").contains(String($0)) })
                #expect(converter.romanizeName(name, scheme: .sinoKorean).family == first)
            }
        }
        #expect(converter.toTraditional(row.simplified + "明").hasPrefix(row.traditional))
        #expect(converter.toSimplified(row.traditional + "明").hasPrefix(row.simplified))
    }
}
