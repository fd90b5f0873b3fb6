import Foundation

/// Checks dictionaries thoroughly: well-formedness and the hostile-input policy, the shipped
/// schema (streaming, in the same pass as loading, with real line numbers), the structure, and
/// the semantic rules of ``GlossaryRules`` across all files given together. Reports every
/// problem instead of stopping at the first.
///
/// ```swift
/// let report = try GlossaryValidator().validate(files: [URL(fileURLWithPath: "staff.xml")])
/// for d in report.diagnostics { print(d) }      // file:line:col: error: message [code]
/// ```
public final class GlossaryValidator {
    /// How much to check.
    public enum Level: Sendable, Hashable {
        /// Well-formedness, schema, structure and semantic rules (`onoma dict validate`).
        case full
        /// Well-formedness, structure and semantic rules, without the schema (`onoma dict lint`:
        /// fast, for editors' save hooks).
        case lint
    }

    /// The level this validator checks at.
    public let level: Level
    private let schema: XML.Schema?
    /// Shared by every check of this validator (the romanization data is loaded once per
    /// process). Lazy: with the pipeline, the worker loads that data while the parser starts,
    /// and these rules are first used after it.
    private lazy var rules = GlossaryRules()

    /// Creates a validator.
    /// - Parameters:
    ///   - level: `.full` (default) or `.lint`.
    ///   - schema: the schema for `.full`; default: the shipped one (``shippedSchema()``).
    /// - Throws: ``DictionaryError`` (`.schema`) when `.full` needs the shipped schema and it
    ///   cannot be found or compiled.
    public init(level: Level = .full, schema: XML.Schema? = nil) throws(DictionaryError) {
        self.level = level
        if level == .lint {
            self.schema = nil
        } else if let schema {
            self.schema = schema
        } else {
            self.schema = try Self.shippedSchema()
        }
    }

    /// The path of the shipped schema, `Dictionaries/schema/onoma-glossary.xsd`.
    public static var shippedSchemaURL: URL? {
        OnomaData.defaultDirectory()?.appendingPathComponent("schema/onoma-glossary.xsd")
    }

    /// The shipped schema, compiled once per process.
    /// - Throws: ``DictionaryError`` (`.schema`) when it is missing or does not compile.
    public static func shippedSchema() throws(DictionaryError) -> XML.Schema {
        try compiledShippedSchema.get()
    }

    private static let compiledShippedSchema: Result<XML.Schema, DictionaryError> = {
        guard let url = shippedSchemaURL else {
            return .failure(DictionaryError(kind: .schema, diagnostics: [Diagnostic(.unreadable, file: "onoma-glossary.xsd", line: 0, column: 0,
                "Onoma's Dictionaries folder (with schema/onoma-glossary.xsd) was not found; set \(OnomaData.environmentVariable) to its path")]))
        }
        do {
            return .success(try XML.Schema(contentsOf: url))
        } catch {
            return .failure(DictionaryError(kind: .schema, diagnostics: [Diagnostic(.unreadable, file: url.path, line: 0, column: 0, String(describing: error))]))
        }
    }()

    /// How the rules are run; the results are the same (tests compare them).
    enum Strategy {
        /// On another core while the parser goes on (``EntryCheckPipeline``).
        case pipelined
        /// After loading, the per-entry rules spread over the processors.
        case concurrent
        /// After loading, on the calling thread.
        case serial
    }

    /// How the rules are run (``Strategy/pipelined`` unless a test says otherwise).
    var strategy = Strategy.pipelined

    /// Validates files loaded together (ids must be unique across them).
    /// - Parameters:
    ///   - files: the dictionaries.
    ///   - displayNames: the names put in diagnostics, one per file (default: the paths as given).
    /// - Returns: every diagnostic, file by file in the order given, each file's in document order.
    /// - Complexity: O(total size).
    public func validate(files: [URL], displayNames: [String]? = nil) -> ValidationReport {
        let pipeline = strategy == .pipelined ? EntryCheckPipeline() : nil
        var documents: [(name: String, result: GlossaryLoader.ReadResult)] = []
        for (i, url) in files.enumerated() {
            let name = displayNames?[i] ?? url.relativePath
            do {
                let source = try XML.FileSource(path: url.path)
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? Int
                documents.append((name, read(source, name: name, defaultName: url.deletingPathExtension().lastPathComponent,
                                             pipeline: pipeline, expectedBytes: size)))
            } catch {
                documents.append((name, GlossaryLoader.ReadResult(glossary: Glossary(name: name, source: name),
                    diagnostics: [Diagnostic(.unreadable, file: name, line: 0, column: 0, "cannot read the dictionary: \(error.reason)")])))
            }
        }
        return report(documents, pipeline: pipeline)
    }

    /// Validates one document held in memory (an edited file before it is written, say).
    /// - Parameters:
    ///   - bytes: the document (UTF-8).
    ///   - file: the name put in diagnostics.
    ///   - alongside: glossaries loaded with it, for ids and names across files.
    public func validate<D: Collection<UInt8>>(bytes: D, file: String, alongside: [Glossary] = []) -> ValidationReport {
        let pipeline = strategy == .pipelined ? EntryCheckPipeline(alongside: alongside) : nil
        let result = read(XML.DataSource(bytes), name: file, defaultName: file, pipeline: pipeline, expectedBytes: bytes.count)
        return report([(file, result)], alongside: alongside, pipeline: pipeline)
    }

    private func read(_ source: XML.ByteSource, name: String, defaultName: String, pipeline: EntryCheckPipeline?,
                      expectedBytes: Int?) -> GlossaryLoader.ReadResult {
        var validator: XML.SchemaValidator?
        if let schema {
            do {
                validator = try XML.SchemaValidator(schema: schema)
            } catch {
                return GlossaryLoader.ReadResult(glossary: Glossary(name: name, source: name),
                    diagnostics: [Diagnostic(.unreadable, file: name, line: 0, column: 0, String(describing: error))])
            }
        }
        // The rules run on another core while the parser (and schema) go on.
        return GlossaryLoader.read(source: source, file: name, defaultName: defaultName, validator: validator,
                                   pipeline: pipeline, expectedBytes: expectedBytes)
    }

    private func report(_ documents: [(name: String, result: GlossaryLoader.ReadResult)], alongside: [Glossary] = [],
                        pipeline: EntryCheckPipeline?) -> ValidationReport {
        let usable = documents.filter(\.result.isUsable)
        var entryDiagnostics: [[Diagnostic]]?
        var crossDiagnostics: [[Diagnostic]]?
        if let pipeline {
            let results = pipeline.results()
            let slots = usable.compactMap(\.result.pipelineSlot)
            if slots.count == usable.count {
                entryDiagnostics = alongside.map { _ in [] } + slots.map { results.perEntry[$0] }
                // The rules across entries saw every document fed to the pipeline: their results
                // hold only when every such document is used (a refused file's entries are not).
                if documents.count(where: { $0.result.pipelineSlot != nil }) == usable.count {
                    crossDiagnostics = Array(results.cross[..<alongside.count]) + slots.map { results.cross[$0] }
                }
            }
        }
        let ruleDiagnostics = rules.check(alongside + usable.map(\.result.glossary), entryDiagnostics: entryDiagnostics,
                                          crossDiagnostics: crossDiagnostics, concurrently: strategy != .serial)
        var byFile: [String: [Diagnostic]] = [:]
        for d in ruleDiagnostics { byFile[d.file, default: []].append(d) }
        var diagnostics: [Diagnostic] = []
        for document in documents {
            var own = document.result.diagnostics
            if document.result.isUsable {
                own += byFile.removeValue(forKey: document.name) ?? []
                own = GlossaryLoader.inDocumentOrder(own)
            }
            diagnostics += own
        }
        return ValidationReport(diagnostics: diagnostics,
                                unusableFiles: documents.filter { !$0.result.isUsable }.map(\.name),
                                glossaries: usable.map(\.result.glossary))
    }
}

/// What ``GlossaryValidator`` found.
public struct ValidationReport: Sendable {
    /// Every problem, file by file, in document order within a file.
    public var diagnostics: [Diagnostic]
    /// Files that could not be used at all (unreadable, not well-formed, refused): their
    /// diagnostics say why; the semantic rules did not run on them.
    public var unusableFiles: [String]
    /// The glossaries of the usable files (possibly with errors).
    public var glossaries: [Glossary]

    /// Number of error-level diagnostics.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    /// Whether there is any error (including unusable files).
    public var hasErrors: Bool { errorCount > 0 || !unusableFiles.isEmpty }
}
