import ArgumentParser
import Foundation
import OnomaKit

/// The dictionaries a `dict validate|lint|stats` run works on, and how its diagnostics are
/// written.
struct DictFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Dictionary files. Without any: file names read from standard input (one per line), or the shipped default dictionaries when there are none.", valueName: "file"))
    var files: [String] = []

    @Option(help: "Output format: text (file:line:column: severity: message [code]), json (one array), jsonl (one object per line).")
    var format: OutputFormat = .text

    /// The files as URLs with the names to show, resolved as documented in `files`.
    /// - Throws: `UsageError` when the default dictionaries cannot be found.
    func resolve() throws -> (urls: [URL], names: [String]) {
        var names = files
        if names.isEmpty && isatty(STDIN_FILENO) == 0 {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            names = String(decoding: input, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if names.isEmpty {
            do {
                let urls = try GlossarySet.defaultFiles()
                return (urls, urls.map(\.path))
            } catch {
                throw UsageError(error.description)
            }
        }
        return (names.map { URL(fileURLWithPath: $0) }, names)
    }

    /// Writes diagnostics: text to standard error (like a compiler), JSON to standard output.
    func write(_ diagnostics: [Diagnostic]) {
        switch format {
        case .text:
            Output.error.write(lines: diagnostics.lazy.map(\.description))
        case .json:
            Output.standard.write(line: JSONObject.array(diagnostics.map(Self.json)))
        case .jsonl:
            for d in diagnostics { Output.standard.write(line: Self.json(d)) }
        }
    }

    /// `{"file","line","column","severity","code","message"}`, in the contract's order.
    static func json(_ d: Diagnostic) -> String {
        var o = JSONObject()
        o.add("file", d.file)
        o.add("line", d.line)
        o.add("column", d.column)
        o.add("severity", d.severity.rawValue)
        o.add("code", d.code)
        o.add("message", d.message)
        return o.rendered
    }
}
