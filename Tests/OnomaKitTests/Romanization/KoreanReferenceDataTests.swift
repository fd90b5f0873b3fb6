import Foundation
import Testing
@testable import OnomaKit
import OnomaTestSupport

/// The loader reports the file and line of bad reference data, with what to do.
@Suite struct KoreanReferenceDataTests {
    /// A copy of the shipped reference folder with one file replaced.
    func dictionaries(replacing file: String, with text: String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-korean-\(UUID().uuidString)")
        let reference = root.appendingPathComponent("reference")
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        for name in ["korean-surnames.tsv", "korean-surnames-extra.tsv", "korean-given-syllables.tsv", "korean-n-insertion.tsv", "korean-ln-exceptions.tsv"] {
            let source = TestPaths.dictionaries.appendingPathComponent("reference/\(name)")
            if name == file {
                if let text { try text.write(to: reference.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            } else {
                try FileManager.default.copyItem(at: source, to: reference.appendingPathComponent(name))
            }
        }
        return root
    }

    func loadError(_ url: URL) -> ReferenceDataError? {
        do { _ = try KoreanRomanizer(dictionaries: url); return nil } catch let e as ReferenceDataError { return e } catch { return nil }
    }

    @Test func shippedTablesLoad() throws {
        let r = try KoreanRomanizer(dictionaries: TestPaths.dictionaries)
        #expect(r.data.surnames.count >= 97)
        #expect(r.data.surnames.first?.hangul == "김")
        #expect(r.data.surnames.first?.spellings == ["Kim", "Gim"])
        #expect(r.surnameByHangul["이"].map { r.data.surnames[$0].spellings.prefix(2) } == ["Lee", "Yi"])
        #expect(r.surnameByHangul["노"].map { r.data.surnames[$0].spellings.first } == "Noh")
        #expect(r.data.given["영"]?.popular == "Young")
        #expect(r.data.nInsertion.count >= 20)
    }

    @Test func missingFileNamesTheFileAndTheFix() throws {
        let url = try dictionaries(replacing: "korean-given-syllables.tsv", with: nil)
        let e = try #require(loadError(url))
        #expect(e.file.hasSuffix("reference/korean-given-syllables.tsv"))
        #expect(e.message.contains("ONOMA_DICTIONARIES"))
    }

    @Test func badRowNamesItsLine() throws {
        let text = "# comment\nhangul\tpopular\tother_spellings\tbasis\n영\tYoung\t\tx\nKim\tKim\t\tx\n"
        let e = try #require(loadError(try dictionaries(replacing: "korean-given-syllables.tsv", with: text)))
        #expect(e.line == 4)
        #expect(e.description.contains("korean-given-syllables.tsv:4: error:"))
        #expect(e.message.contains("Hangul"))
    }

    @Test func tooFewColumnsIsReported() throws {
        let text = "hangul\tpopular\tother_spellings\tbasis\n영 Young\n"
        let e = try #require(loadError(try dictionaries(replacing: "korean-given-syllables.tsv", with: text)))
        #expect(e.line == 2)
        #expect(e.message.contains("tabs"))
    }

    @Test func wrongHeaderIsReported() throws {
        let e = try #require(loadError(try dictionaries(replacing: "korean-n-insertion.tsv", with: "# x\nfoo\tbar\n")))
        #expect(e.line == 2)
        #expect(e.message.contains("header"))
    }

    @Test func badBoundaryIsReported() throws {
        let text = "word\tpronunciation\tsource\n학여울\t항녀울\tx\n"
        let e = try #require(loadError(try dictionaries(replacing: "korean-n-insertion.tsv", with: text)))
        #expect(e.line == 2)
        #expect(e.message.contains("'|'"))
    }

    @Test func badRankIsReported() throws {
        let text = "hangul\thanja\trank_2015\tcount_2015\tcount_basis\trr\tmr\tspellings_ranked\n김\t金\tfirst\t1\tx\tGim\tKim\tKim\n"
        let e = try #require(loadError(try dictionaries(replacing: "korean-surnames.tsv", with: text)))
        #expect(e.line == 2)
        #expect(e.message.contains("rank_2015"))
    }

    @Test func invalidUTF8IsReported() throws {
        let url = try dictionaries(replacing: "korean-surnames-extra.tsv", with: "")
        try Data([0x68, 0xFF, 0xFE, 0x0A]).write(to: url.appendingPathComponent("reference/korean-surnames-extra.tsv"))
        let e = try #require(loadError(url))
        #expect(e.message.contains("UTF-8"))
    }
}

@Suite struct KoreanSurnameInfoTests {
    @Test func surnameEntries() throws {
        let r = sharedKoreanRomanizer
        let jeong = try #require(r.surname("정"))
        #expect(jeong.hanja == ["鄭", "丁", "程"])
        #expect(jeong.rank == 4)
        #expect(jeong.spellings.prefix(3) == ["Jung", "Jeong", "Chung"])
        #expect(r.surname("황보")?.hanja == ["皇甫"])
        #expect(r.surname("동방")?.hanja == ["東方"])
        #expect(r.surname("뷁") == nil)
        #expect(r.surnames.count == r.data.surnames.count)
        #expect(r.surnames.prefix(5).map(\.hangul) == ["김", "이", "박", "정", "최"])
        // Unranked rows (no verified census rank: 피 봉 황보 제갈 선우 독고 사공 서문 용 동방 황목) come last.
        #expect(r.surnames.last?.rank == nil)
        #expect(r.surnames.firstIndex { $0.rank == nil }.map { r.surnames[$0...].allSatisfy { $0.rank == nil } } == true)
    }
}
