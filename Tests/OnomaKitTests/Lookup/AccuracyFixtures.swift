import Foundation
import OnomaKit
import OnomaTestSupport
import Testing

/// The lookup accuracy sets: attested variant spellings (names.tsv variants + attested.tsv)
/// and near misses (near-misses.tsv). See the fixture headers for sources.
enum AccuracyFixtures {
    struct Query: Sendable, CustomTestStringConvertible {
        var query: String
        var expected: String
        var testDescription: String { "\(query) → \(expected)" }
    }

    static func lines(_ file: String) -> [[String]] {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures/lookup/\(file)")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Glossary of every person in the three fixture files (Hangul + English).
    static let glossary: Glossary = {
        var entries = SampleGlossary.glossary.entries
        var ids = Set(entries.map(\.id))
        for cols in lines("attested.tsv") where cols.count >= 3 && ids.insert(cols[0]).inserted {
            entries.append(GlossaryEntry(id: cols[0], kind: .person, names: [
                NameForm(language: "ko", text: cols[1]), NameForm(language: "en", text: cols[2], status: .preferred),
            ]))
        }
        for cols in lines("near-misses.tsv") where cols.count >= 3 && ids.insert(cols[0]).inserted {
            entries.append(GlossaryEntry(id: cols[0], kind: .person, names: [
                NameForm(language: "ko", text: cols[1]), NameForm(language: "en", text: cols[2], status: .preferred),
            ]))
        }
        return Glossary(name: "accuracy", entries: entries)
    }()

    static let engine: LookupEngine = {
        try! LookupEngine(glossaries: [glossary], dataDirectory: TestPaths.dictionaries)
    }()

    /// Attested spellings of persons and places (organization variants such as reworded names
    /// are not spellings and are tested separately).
    static let variants: [Query] = {
        var out: [Query] = []
        for row in SampleGlossary.rows where row.kind != .organization {
            for v in row.variants { out.append(Query(query: v, expected: row.id)) }
        }
        for cols in lines("attested.tsv") where cols.count >= 4 {
            for v in cols[3].split(separator: ";") { out.append(Query(query: String(v), expected: cols[0])) }
        }
        return out
    }()

    static let nearMisses: [Query] = lines("near-misses.tsv").filter { $0.count >= 4 }.map { Query(query: $0[3], expected: $0[0]) }
}
