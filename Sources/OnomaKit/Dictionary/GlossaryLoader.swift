import Foundation

/// Reads Onoma dictionaries (`urn:onoma:glossary:1`, see the README) into ``Glossary`` values.
///
/// Streaming: libxml2's SAX2 parser feeds the model directly, with no DOM, reading the file in
/// small chunks. The hostile-input policy of ``XML`` applies (UTF-8 only, no DOCTYPE, no
/// entities, no network, bounded nesting).
///
/// ```swift
/// let glossary = try GlossaryLoader.load(contentsOf: URL(fileURLWithPath: "staff.xml"))
/// let all = try GlossarySet.load(files: GlossarySet.defaultFiles())
/// ```
public enum GlossaryLoader {
    /// The namespace of the format.
    public static let namespace = "urn:onoma:glossary:1"

    /// Loads the dictionary at `url`.
    /// - Parameters:
    ///   - url: a file URL.
    ///   - displayName: the file name put in diagnostics (default: the path as given).
    /// - Returns: the glossary, entries in document order with their locations.
    /// - Throws: ``DictionaryError`` — `.unreadable` when the file cannot be read, `.malformed`
    ///   when it is not well-formed UTF-8 XML or is refused by the hostile-input policy,
    ///   `.invalid` when it breaks the format's structure (missing id, unknown kind...).
    ///   Warnings and the semantic rules of ``GlossaryValidator`` are not checked here.
    /// - Complexity: O(n) in the file size.
    public static func load(contentsOf url: URL, displayName: String? = nil) throws(DictionaryError) -> Glossary {
        let name = displayName ?? url.relativePath
        let source: XML.FileSource
        do {
            source = try XML.FileSource(path: url.path)
        } catch {
            throw DictionaryError(kind: .unreadable, diagnostics: [Diagnostic(.unreadable, file: name, line: 0, column: 0, "cannot read the dictionary: \(error.reason)")])
        }
        return try load(source: source, file: name, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// Loads a dictionary from bytes in memory.
    /// - Parameters:
    ///   - data: the document (UTF-8).
    ///   - fileName: the name put in diagnostics.
    /// - Throws: ``DictionaryError`` as ``load(contentsOf:displayName:)``.
    public static func load<D: Collection<UInt8>>(data: D, fileName: String) throws(DictionaryError) -> Glossary {
        try load(source: XML.DataSource(data), file: fileName, defaultName: fileName)
    }

    /// Loads a dictionary from any byte stream.
    /// - Throws: ``DictionaryError`` as ``load(contentsOf:displayName:)``.
    public static func load(source: XML.ByteSource, file: String, defaultName: String) throws(DictionaryError) -> Glossary {
        let result = read(source: source, file: file, defaultName: defaultName, validator: nil)
        if let fatal = result.diagnostics.first(where: \.isFatal) {
            throw DictionaryError(kind: fatal.code == GlossaryCode.unreadable.rawValue ? .unreadable : .malformed, diagnostics: [fatal])
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DictionaryError(kind: .invalid, diagnostics: errors) }
        return result.glossary
    }

    /// What reading one document gave: the glossary built so far and every problem found.
    struct ReadResult {
        var glossary: Glossary
        /// Problems in document order; a fatal one (``Diagnostic/isFatal``) means the glossary
        /// is incomplete and must not be used.
        var diagnostics: [Diagnostic]
        /// The document's slot in the ``EntryCheckPipeline`` it was fed to, if any.
        var pipelineSlot: Int? = nil
        var isUsable: Bool { !diagnostics.contains(where: \.isFatal) }
    }

    /// Parses one document, optionally validating it against a schema in the same pass.
    static func read(source: XML.ByteSource, file: String, defaultName: String, validator: XML.SchemaValidator?,
                     pipeline: EntryCheckPipeline? = nil, expectedBytes: Int? = nil) -> ReadResult {
        let parser = XML.Parser(source: source, file: file)
        let builder = GlossaryBuilder(file: file, defaultName: defaultName)
        var slot: Int?
        if let pipeline {
            slot = pipeline.beginDocument(file: file, expectedBytes: expectedBytes)
            builder.onEntry = { pipeline.add($0) }
        }
        parser.schemaIssueFilter = { [unowned builder] issue in
            // An <entry> without names: the no-name rule says it in Onoma's words.
            if issue.message.hasPrefix("element <entry>: Missing child element(s). Expected is ( name )") { return false }
            // One problem, one diagnostic: the builder already explained this attribute.
            guard issue.line == builder.flaggedLine, issue.column == builder.flaggedColumn else { return true }
            return !builder.flaggedAttributes.contains { issue.message.contains("attribute '\($0)'") }
        }
        parser.parse(delegate: builder, validator: validator)
        pipeline?.flush()
        var diagnostics = builder.diagnostics
        var fatal = false
        for issue in parser.collector.issues {
            let diagnostic = diagnostic(for: issue)
            fatal = fatal || diagnostic.isFatal
            diagnostics.append(diagnostic)
        }
        // Order by place, the builder's and libxml2's together (stable for equal places).
        diagnostics = inDocumentOrder(diagnostics)
        if fatal {
            // Once a file is refused, only the reason matters.
            diagnostics = diagnostics.filter(\.isFatal)
        }
        return ReadResult(glossary: builder.glossary, diagnostics: diagnostics, pipelineSlot: slot)
    }

    /// `diagnostics` sorted by line and column, stable (equal places keep their order). Sorts
    /// indexes, not diagnostics, and not at all when they are in order already.
    static func inDocumentOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let inOrder = zip(diagnostics, diagnostics.dropFirst()).allSatisfy { ($0.line, $0.column) <= ($1.line, $1.column) }
        if inOrder { return diagnostics }
        let order = diagnostics.indices.sorted { a, b in
            (diagnostics[a].line, diagnostics[a].column, a) < (diagnostics[b].line, diagnostics[b].column, b)
        }
        return order.map { diagnostics[$0] }
    }

    /// Converts a libxml2 or policy issue into a diagnostic with one of Onoma's codes.
    static func diagnostic(for issue: XML.Issue) -> Diagnostic {
        let line = max(issue.line, 0), column = max(issue.column, 0)
        switch issue.origin {
        case .policy:
            let code: GlossaryCode
            let m = issue.message
            if m.hasPrefix("cannot read") { code = .unreadable }
            else if m.contains("DOCTYPE") { code = .doctype }
            else if m.contains("nested deeper") { code = .tooDeep }
            else if m.contains("larger than") || m.contains("more than") { code = .tooLarge }
            else if m.contains("root element") { code = .notAGlossary }
            else if m.contains("empty") { code = .notWellFormed }
            else { code = .encoding }
            return Diagnostic(code, file: issue.file, line: line, column: column, issue.message)
        case .schemaValidity, .schemaCompilation:
            return Diagnostic(.schema, file: issue.file, line: line, column: column, issue.message)
        case .parser:
            if issue.level == .warning {
                return Diagnostic(.xmlWarning, file: issue.file, line: line, column: column, issue.message)
            }
            if issue.message.contains("not proper UTF-8") {
                let bytes = issue.message.components(separatedBy: "Bytes:").dropFirst().first?.trimmingCharacters(in: .whitespacesAndNewlines)
                return Diagnostic(.invalidUTF8, file: issue.file, line: line, column: column,
                                  "invalid UTF-8\(bytes.map { " (the bytes from here: \($0))" } ?? ""); the file must be UTF-8: fix the bytes or re-save the file as UTF-8")
            }
            if let range = issue.message.range(of: "Char 0xD"), let digit = issue.message[range.upperBound...].first, "89ABCDEF".contains(digit) {
                // A UTF-16 surrogate encoded as UTF-8 (CESU-8 or broken conversion): not UTF-8.
                return Diagnostic(.invalidUTF8, file: issue.file, line: line, column: column,
                                  "invalid UTF-8: an encoded UTF-16 surrogate (\(issue.message)); re-save the file as real UTF-8")
            }
            if issue.message.contains("Excessive depth") {
                return Diagnostic(.tooDeep, file: issue.file, line: line, column: column, issue.message)
            }
            return Diagnostic(.notWellFormed, file: issue.file, line: line, column: column,
                              "not well-formed XML: \(issue.message)")
        }
    }
}
