import ArgumentParser
import Foundation
import OnomaKit

/// `onoma dict stats [FILE...]`: counts by kind, language, status and type.
struct DictStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count entries by kind and names by language, status and type.",
        discussion: "Text output is tab-separated: a total per line (files, entries, names, notes), then one line per kind, language, status and type with its count."
    )

    @OptionGroup var options: DictFiles

    func run() throws {
        let (urls, names) = try options.resolve()
        var glossaries: [Glossary] = []
        for (url, name) in zip(urls, names) {
            do {
                glossaries.append(try GlossaryLoader.load(contentsOf: url, displayName: name))
            } catch {
                options.write(error.diagnostics)
                throw CommandExit(code: CLI.usageError)
            }
        }
        let duplicates = GlossarySet.duplicateIDs(in: glossaries)
        if !duplicates.isEmpty {
            options.write(duplicates)
            throw CommandExit(code: CLI.usageError)
        }
        let stats = GlossaryStats(glossaries)
        // Freeing 100,000 entries one object at a time costs more than the OS reclaiming the
        // whole process: keep them until exit.
        _ = Unmanaged.passRetained(KeepUntilExit(glossaries))
        let kinds = EntryKind.allCases.map { ($0.rawValue, stats.byKind[$0] ?? 0) }
        let languages = stats.byLanguage.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        let statuses = NameStatus.allCases.map { ($0.rawValue, stats.byStatus[$0] ?? 0) }
        let types = NameType.allCases.map { ($0.rawValue, stats.byType[$0] ?? 0) }
        switch options.format {
        case .text:
            for (label, value) in [("files", stats.glossaries), ("entries", stats.entries), ("names", stats.names), ("notes", stats.notes)] {
                Output.standard.write(line: "\(label)\t\(value)")
            }
            for (group, rows) in [("kind", kinds), ("language", languages), ("status", statuses), ("type", types)] {
                for (key, value) in rows { Output.standard.write(line: "\(group)\t\(key)\t\(value)") }
            }
        case .json, .jsonl:
            func object(_ rows: [(String, Int)]) -> String {
                var o = JSONObject()
                for (key, value) in rows { o.add(key, value) }
                return o.rendered
            }
            var o = JSONObject()
            o.add("files", stats.glossaries)
            o.add("entries", stats.entries)
            o.add("names", stats.names)
            o.add("notes", stats.notes)
            o.add("kinds", raw: object(kinds))
            o.add("languages", raw: object(languages))
            o.add("statuses", raw: object(statuses))
            o.add("types", raw: object(types))
            Output.standard.write(line: o.rendered)
        }
    }
}

/// Holds values that the process drops at exit instead of freeing them one by one.
final class KeepUntilExit<T> {
    let value: T
    init(_ value: T) { self.value = value }
}
