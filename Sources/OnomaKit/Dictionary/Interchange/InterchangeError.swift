/// An import that could not be done: the input is not TBX/CSV Onoma can read. Carries every
/// diagnostic with file:line:column (or record number) and what to do.
public struct InterchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, errors first.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Creates an error with one message.
    public init(file: String, line: Int = 1, column: Int = 1, code: String, message: String) {
        self.init(diagnostics: [Diagnostic(file: file, line: line, column: column, severity: .error, code: code, message: message)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The result of an import: the glossary and warnings about what could not be mapped.
public struct ImportResult: Sendable {
    /// The imported glossary.
    public var glossary: Glossary
    /// What was dropped or changed, summarised per kind (never one line per entry).
    public var warnings: [Diagnostic]
}

/// Helpers shared by the importers.
enum ImportSupport {
    /// An XML NCName-like id: letters, digits, `-`, `_`, `.`, not starting with a digit, `-` or `.`.
    static func isNCName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0) }
    }

    /// An id for an entry without one (or with an invalid one): a slug of its first Latin-script
    /// name, else `fallback`; made unique against `used`.
    static func makeID(_ proposed: String?, names: [NameForm], fallback: String, used: inout Set<String>) -> String {
        var base: String
        if let proposed, !proposed.isEmpty {
            base = isNCName(proposed) ? proposed : "id-" + proposed.unicodeScalars.map { isNCName("a" + String($0)) ? String($0) : "-" }.joined()
        } else {
            let latin = names.first { $0.language.lowercased() == "en" } ?? names.first { $0.text.unicodeScalars.allSatisfy(\.isASCII) }
            let slug = (latin?.text ?? "").lowercased().unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) ? String($0) : "-" }
                .joined().split(separator: "-").joined(separator: "-")
            base = slug.isEmpty || !isNCName(slug) ? fallback : slug
        }
        var id = base, n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    /// Aggregates "dropped X" warnings so a 100,000-entry import prints a handful of lines.
    struct WarningTally {
        var counts: [String: (count: Int, first: SourceLocation)] = [:]
        var order: [String] = []
        mutating func add(_ message: String, at location: SourceLocation) {
            if counts[message] == nil { order.append(message); counts[message] = (0, location) }
            counts[message]!.count += 1
        }
        func diagnostics() -> [Diagnostic] {
            order.map { m in
                let c = counts[m]!
                return Diagnostic(at: c.first, severity: .warning, code: "import-dropped", message: c.count == 1 ? m : "\(m) (\(c.count) times; first here)")
            }
        }
    }
}
