import Foundation
import OnomaTestSupport
import Testing
@testable import OnomaKit

/// One row of the shared published-examples table: scheme, input, expected output.
struct SampleRow: CustomTestStringConvertible, Sendable {
    let scheme: String
    let input: String
    let expected: String
    let source: String
    var testDescription: String { "\(scheme) \(input) → \(expected)" }

    static let all: [SampleRow] = {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures/romanization/shared-samples.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3 else { return nil }
            return SampleRow(scheme: f[0], input: f[1], expected: f[2], source: f.count > 3 ? f[3] : "")
        }
    }()
}

@Suite struct RomanizerTests {
    static let romanizer: Romanizer = try! Romanizer(dictionaries: TestPaths.dictionaries)

    @Test func sampleTableIsComplete() {
        // The shared file has 60+ rows; an empty parse would make the table test vacuous.
        #expect(SampleRow.all.count >= 60)
    }

    @Test(arguments: SampleRow.all)
    func publishedExample(_ row: SampleRow) throws {
        let text = row.scheme.hasSuffix("-text")
        let schemeName = text ? String(row.scheme.dropLast(5)) : row.scheme
        let scheme = try #require(RomanizationScheme(rawValue: schemeName))
        let result = Self.romanizer.romanize(row.input, options: RomanizationOptions(scheme: scheme, text: text))
        if text {
            // The table says running-text rows compare case-insensitively.
            #expect(result.output.lowercased() == row.expected.lowercased(), "\(row.source)")
        } else {
            #expect(result.output == row.expected, "\(row.source)")
        }
    }

    @Test(arguments: [
        ("고영아", RomanizationScheme.rr, "Go Yeong-a"),
        ("杨占峰", .pinyin, "Yang Zhanfeng"),
        ("杨占峰", .traditional, "楊占峰"),
        ("杨占峰", .hangul, "양잔펑"),
        ("杨占峰", .wadeGiles, "Yang Chan-feng"),
        ("金九", .rr, "Gim Gu"),          // Hanja read in Korean first (金 as a surname is 김)
        ("金九", .mr, "Kim Ku"),
        ("安重根", .mr, "An Chung-gŭn"),
    ])
    func crossScriptNames(input: String, scheme: RomanizationScheme, expected: String) {
        #expect(Self.romanizer.romanize(input, options: RomanizationOptions(scheme: scheme)).output == expected)
    }

    @Test func autoPicksTheSchemeByScript() {
        let ko = Self.romanizer.romanize("황희찬", options: RomanizationOptions())
        #expect(ko.scheme == .rr && ko.output == "Hwang Hui-chan" && ko.family == "Hwang" && ko.given == "Hui-chan")
        let zh = Self.romanizer.romanize("姚明", options: RomanizationOptions())
        #expect(zh.scheme == .pinyin && zh.output == "Yao Ming" && zh.family == "Yao" && zh.given == "Ming")
    }

    @Test func givenNameStyles() {
        let r = Self.romanizer
        #expect(r.romanize("민용하", options: .init(scheme: .rr, given: .joined)).output == "Min Yongha")
        #expect(r.romanize("민용하", options: .init(scheme: .rr, given: .spaced)).output == "Min Yong Ha")
        #expect(r.romanize("刘慈欣", options: .init(scheme: .pinyin, given: .hyphen)).output == "Liu Ci-xin")
    }

    @Test func inputOutsideTheSchemeIsKeptWithAWarning() {
        let latin = Self.romanizer.romanize("Koh Young-aah", options: RomanizationOptions(scheme: .rr))
        #expect(latin.output == "Koh Young-aah")
        #expect(!latin.warnings.isEmpty)
        let wrong = Self.romanizer.romanize("고영아", options: RomanizationOptions(scheme: .pinyin))
        #expect(wrong.output == "고영아")
        #expect(wrong.warnings.first?.contains("does not apply") == true)
        let mixed = Self.romanizer.romanize("고영아 杨", options: RomanizationOptions(scheme: .rr, text: true))
        #expect(mixed.warnings.contains { $0.contains("mixed scripts") })
    }

    @Test func emptyAndSymbolOnlyInput() {
        #expect(Self.romanizer.romanize("", options: RomanizationOptions()).output == "")
        let symbols = Self.romanizer.romanize("— 123 —", options: RomanizationOptions())
        #expect(symbols.output == "— 123 —")
    }
}
