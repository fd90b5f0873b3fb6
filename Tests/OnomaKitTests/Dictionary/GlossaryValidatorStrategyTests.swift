import Foundation
@testable import OnomaKit
import OnomaTestSupport
import Testing

/// The rules run on another core while the parser goes on (``EntryCheckPipeline``), or after
/// loading, spread over the processors or on one thread: the diagnostics must be the same, in
/// the same order, on a glossary with every kind of problem spread over several of the
/// pipeline's batches.
@Suite struct GlossaryValidatorStrategyTests {
    /// `count` entries cycling through clean entries and entries with problems: duplicate ids
    /// (also across files, with `idPrefix`), names shared by several entries, spellings no
    /// romanization explains, bad kinds, tags, scripts, splits, schemes, statuses, spacing.
    static func glossary(name: String, count: Int, idPrefix: String) -> String {
        let given: [(hangul: String, latin: String)] = [("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("수빈", "Su-bin"), ("현우", "Hyun-woo")]
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glossary xmlns=\"urn:onoma:glossary:1\" name=\"\(name)\">\n"
        for i in 0..<count {
            let g = given[i % given.count]
            let id = i % 13 == 2 ? "dup-\(i % 7)" : "\(idPrefix)\(i)"
            switch i % 13 {
            case 0, 2:
                out += """
                  <entry id="\(id)" kind="person">
                    <name xml:lang="ko" family="김" given="\(g.hangul)">김\(g.hangul)</name>
                    <name xml:lang="en" status="preferred" family="Kim" given="\(g.latin)">Kim \(g.latin)</name>
                  </entry>

                """
            case 1:
                out += """
                  <entry id="\(id)" kind="person">
                    <name xml:lang="ko">박\(g.hangul)</name>
                    <name xml:lang="en" status="preferred">Jimmy Park \(i)</name>
                  </entry>

                """
            case 3:
                out += """
                  <entry id="\(id)" kind="place">
                    <name xml:lang="ko">남산타워</name>
                    <name xml:lang="en" status="preferred">N Seoul Tower</name>
                  </entry>

                """
            case 4:
                out += """
                  <entry id="\(id)" kind="\(i % 2 == 0 ? "human" : "organization")">
                    <name xml:lang="ko_KR">삼성\(i)</name>
                    <name xml:lang="en" status="preferred">삼성 \(i)</name>
                  </entry>

                """
            case 5:
                out += """
                  <entry id="\(id)" kind="organization">
                    <name xml:lang="en" status="preferred">Hanbit \(i)</name>
                    <name xml:lang="en" status="preferred">Hanbit Media \(i)</name>
                    <name xml:lang="en">Hanbit \(i)</name>
                  </entry>

                """
            case 6:
                out += """
                  <entry id="\(id)" kind="person">
                    <name xml:lang="ko" family="박" given="\(g.hangul)">김\(g.hangul)</name>
                    <name xml:lang="en" status="preferred">Kim  \(g.latin) </name>
                    <name xml:lang="en"> </name>
                  </entry>

                """
            case 7:
                out += """
                  <entry id="\(id)" kind="person">
                    <name xml:lang="ko-Latn" scheme="foo">Gim \(g.latin)</name>
                    <name xml:lang="en" status="main">Kim \(g.latin) \(i)</name>
                  </entry>

                """
            case 8:
                out += """
                  <entry id="\(id)" kind="person">
                    <name xml:lang="zh-Hans">張偉</name>
                    <name xml:lang="zh-Hant">张伟</name>
                    <name xml:lang="en" status="preferred">Zhang Wei</name>
                  </entry>

                """
            case 9:
                out += """
                  <entry id="\(id)" kind="term">
                    <note>an entry without names</note>
                  </entry>

                """
            case 10:
                out += """
                  <entry id="\(id)" kind="person">
                    <name xml:lang="ko-Hani">金\(i % 2 == 0 ? "민" : "民")</name>
                    <name xml:lang="en" status="preferred">Ku\u{0308}m \(i)</name>
                  </entry>

                """
            case 11:
                out += """
                  <entry id="\(id)" kind="term">
                    <name xml:lang="en" type="nickname">Tower \(i)</name>
                    <name xml:lang="ko">타워 \(i)</name>
                  </entry>

                """
            default:
                out += """
                  <entry id="\(id)" kind="place">
                    <name xml:lang="ko">서울</name>
                    <name xml:lang="en" status="preferred">Seoul</name>
                    <name xml:lang="zh-Hans">首尔</name>
                  </entry>

                """
            }
        }
        return out + "</glossary>\n"
    }

    static func validators(level: GlossaryValidator.Level) throws -> [(GlossaryValidator.Strategy, GlossaryValidator)] {
        try [GlossaryValidator.Strategy.pipelined, .concurrent, .serial].map { strategy in
            let validator = try GlossaryValidator(level: level)
            validator.strategy = strategy
            return (strategy, validator)
        }
    }

    /// Where two lists of diagnostics first differ, nil when they are equal (a short failure
    /// message instead of thousands of lines).
    static func difference(_ a: [String], _ b: [String]) -> String? {
        if a == b { return nil }
        let i = a.indices.first { $0 < b.count && a[$0] != b[$0] } ?? min(a.count, b.count)
        return "#\(i) of \(a.count)/\(b.count): \(i < a.count ? a[i] : "-") | \(i < b.count ? b[i] : "-")"
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-strategy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [GlossaryValidator.Level.full, .lint])
    func filesGiveTheSameDiagnosticsEveryWay(_ level: GlossaryValidator.Level) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try Self.write(Self.glossary(name: "a", count: 1800, idPrefix: "a"), "a.xml", in: folder)
        let b = try Self.write(Self.glossary(name: "b", count: 700, idPrefix: "b"), "b.xml", in: folder)
        var reports: [(GlossaryValidator.Strategy, [String])] = []
        for (strategy, validator) in try Self.validators(level: level) {
            let report = validator.validate(files: [a, b], displayNames: ["a.xml", "b.xml"])
            #expect(report.unusableFiles.isEmpty)
            reports.append((strategy, report.diagnostics.map(\.description)))
        }
        let reference = reports.last!.1
        for (strategy, diagnostics) in reports {
            #expect(Self.difference(diagnostics, reference) == nil, "\(strategy) differs from serial")
        }
        // Every kind of problem is there, in both files, so the comparison means something.
        let codes = Set(reference.compactMap { $0.split(separator: "[").last.map { String($0.dropLast()) } })
        let expected: Set<String> = ["duplicate-id", "ambiguous-name", "unexplained-spelling", "unknown-kind", "malformed-language",
                                     "script-mismatch", "duplicate-preferred", "duplicate-name", "split-mismatch", "untidy-whitespace",
                                     "empty-name", "unknown-scheme", "unknown-status", "traditional-in-simplified",
                                     "simplified-in-traditional", "no-name", "not-nfc", "no-preferred-en", "unknown-type"]
        #expect(expected.isSubset(of: codes), "missing: \(expected.subtracting(codes).sorted())")
        #expect(reference.contains { $0.hasPrefix("b.xml:") && $0.contains("[duplicate-id]") && $0.contains("already used at a.xml:") })
        #expect(reference.count > 2000)
    }

    @Test func bytesAlongsideGiveTheSameDiagnosticsEveryWay() throws {
        let first = Array(Self.glossary(name: "a", count: 600, idPrefix: "a").utf8)
        let alongside = try GlossaryLoader.load(data: Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <glossary xmlns="urn:onoma:glossary:1" name="c">
              <entry id="dup-0" kind="place"><name xml:lang="en" status="preferred">N Seoul Tower</name></entry>
              <entry id="a1" kind="place"><name xml:lang="en" status="preferred">Seoul</name></entry>
            </glossary>
            """.utf8), fileName: "c.xml")
        var reports: [[String]] = []
        for (_, validator) in try Self.validators(level: .full) {
            reports.append(validator.validate(bytes: first, file: "a.xml", alongside: [alongside]).diagnostics.map(\.description))
        }
        #expect(Self.difference(reports[0], reports[2]) == nil)
        #expect(Self.difference(reports[1], reports[2]) == nil)
        #expect(reports[2].contains { $0.contains("[ambiguous-name]") && $0.contains("(c.xml:") })
    }

    /// A refused file whose entries already went to the pipeline: the rules across entries
    /// must not count them (the validator runs those rules again without them).
    @Test func aRefusedFileDoesNotCountForIDs() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = Self.glossary(name: "t", count: 1500, idPrefix: "t")
        let truncated = try Self.write(String(whole.prefix(whole.utf8.count * 2 / 3)), "t.xml", in: folder)
        let good = try Self.write(Self.glossary(name: "g", count: 300, idPrefix: "t"), "g.xml", in: folder)
        var reports: [[String]] = []
        for (_, validator) in try Self.validators(level: .full) {
            let report = validator.validate(files: [truncated, good], displayNames: ["t.xml", "g.xml"])
            #expect(report.unusableFiles == ["t.xml"])
            reports.append(report.diagnostics.map(\.description))
        }
        #expect(Self.difference(reports[0], reports[2]) == nil)
        #expect(Self.difference(reports[1], reports[2]) == nil)
        // g.xml reuses t.xml's ids, but t.xml is refused: no duplicate-id points into it.
        #expect(!reports[2].contains { $0.contains("already used at t.xml") })
    }
}
