import Foundation
import OnomaKit
import OnomaTestSupport

/// The public sample names (Fixtures/lookup/names.tsv, a copy of the project's shared
/// samples/names.tsv: public facts about real names) as a glossary, and their attested variant
/// spellings as queries.
enum SampleGlossary {
    struct Row {
        var id: String
        var kind: EntryKind
        var native: [(String, String)]
        var english: String
        var variants: [String]
    }

    static let rows: [Row] = {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures/lookup/names.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line -> Row? in
            if line.hasPrefix("#") { return nil }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 5, let kind = EntryKind(rawValue: cols[1]) else { return nil }
            let native = cols[2].split(separator: ";").compactMap { item -> (String, String)? in
                guard let colon = item.firstIndex(of: ":") else { return nil }
                return (String(item[..<colon]), String(item[item.index(after: colon)...]))
            }
            let variants = cols[4].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Row(id: cols[0], kind: kind, native: native, english: cols[3], variants: variants)
        }
    }()

    static let glossary: Glossary = {
        Glossary(name: "samples", entries: rows.map { row in
            var names = row.native.map { NameForm(language: $0.0, text: $0.1) }
            names.append(NameForm(language: "en", text: row.english, status: .preferred))
            return GlossaryEntry(id: row.id, kind: row.kind, names: names)
        })
    }()

    static let engine: LookupEngine = {
        try! LookupEngine(glossaries: [glossary], dataDirectory: TestPaths.dictionaries)
    }()
}
