/// The check an edited file must pass before it is written.
enum GlossaryEditValidation {
    /// Every diagnostic for the glossary in `bytes`.
    // TODO(merge): replace with the shared GlossaryValidator once it is on main.
    static func validate(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        let document: GlossaryDocument
        let glossary: Glossary
        do {
            document = try GlossaryDocument(bytes: bytes, path: path)
            glossary = try document.glossary()
        } catch { return error.diagnostics }
        var out: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for e in glossary.entries {
            let loc = e.location ?? SourceLocation(file: path, line: 1, column: 1)
            if let line = seen[e.id] {
                out.append(Diagnostic(at: loc, severity: .error, code: "duplicate-id", message: "id '\(e.id)' is already used at line \(line)"))
            } else { seen[e.id] = loc.line }
            if e.names.isEmpty { out.append(Diagnostic(at: loc, severity: .error, code: "no-name", message: "entry '\(e.id)' has no name")) }
            var preferred: Set<String> = []
            for n in e.names {
                let nloc = n.location ?? loc
                if n.text.allSatisfy(\.isWhitespace) { out.append(Diagnostic(at: nloc, severity: .error, code: "empty-name", message: "a name is empty")) }
                if n.status == .preferred, !preferred.insert(n.language.lowercased()).inserted {
                    out.append(Diagnostic(at: nloc, severity: .error, code: "two-preferred", message: "entry '\(e.id)' has two preferred names in \(n.language)"))
                }
            }
        }
        return out
    }
}
