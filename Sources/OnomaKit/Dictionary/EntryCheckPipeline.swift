import Foundation

/// Runs the rules on entries as the parser completes them, on a background queue, so that
/// checking overlaps parsing and schema validation (two cores: the parser on one, the rules on
/// the other).
///
/// Both kinds of rules run there: the per-entry rules (``GlossaryRules/checkEntry``) and the
/// rules across entries (``CrossEntryIndex``), which need the entries in document order — the
/// order they are queued in. Glossaries are fed one after the other (``beginDocument(file:)``),
/// after the `alongside` glossaries given at creation, as ``GlossaryRules/check(_:entryDiagnostics:)``
/// takes them.
final class EntryCheckPipeline: @unchecked Sendable {
    // @unchecked: `batch` and `documents` are touched only by the calling (parsing) thread;
    // `worker`, `index`, `perEntry` and `cross` only by the serial `queue`; `results()` waits
    // for the queue before reading them.
    private let queue = DispatchQueue(label: "onoma.entry-checks")
    /// Made on the queue at its first use: loading the romanization data (~30 ms) is then done
    /// by the worker while the parser starts, not before it.
    private lazy var worker = GlossaryRules()
    private var batch: [GlossaryEntry] = []
    /// Glossaries begun (the `alongside` ones included).
    private var documents = 0
    private var index = CrossEntryIndex()
    private var perEntry: [[Diagnostic]] = []
    private var cross: [[Diagnostic]] = []
    private var fallbackFile = ""
    private static let batchSize = 512

    /// A pipeline with the default rules (``GlossaryRules/init()``, with its own caches); the
    /// glossaries of `alongside` are indexed first, for ids and names across files (their
    /// entries are not checked one by one).
    init(alongside: [Glossary] = []) {
        batch.reserveCapacity(Self.batchSize)
        queue.async { [self] in _ = worker }
        documents = alongside.count
        guard !alongside.isEmpty else { return }
        queue.async { [self] in
            for glossary in alongside {
                var out: [Diagnostic] = []
                index.beginGlossary(fallbackFile: glossary.source ?? glossary.name, expectedEntries: glossary.entries.count)
                for entry in glossary.entries { index.add(entry, into: &out) }
                perEntry.append([])
                cross.append(out)
            }
        }
    }

    /// Starts the next document (called on the parsing thread).
    /// - Parameters:
    ///   - file: the name its diagnostics carry.
    ///   - expectedBytes: its size, when known, to size the tables once.
    /// - Returns: its slot in ``results()``.
    func beginDocument(file: String, expectedBytes: Int? = nil) -> Int {
        flush()
        documents += 1
        // ~500 bytes per entry in a typical dictionary: a hint, not a limit.
        let expected = (expectedBytes ?? 0) / 512
        queue.async { [self] in
            index.reserve(entries: expected)
            index.beginGlossary(fallbackFile: file, expectedEntries: expected)
            fallbackFile = file
            perEntry.append([])
            cross.append([])
        }
        return documents - 1
    }

    /// Queues an entry of the current document (called on the parsing thread).
    func add(_ entry: GlossaryEntry) {
        batch.append(entry)
        if batch.count >= Self.batchSize { flush() }
    }

    /// Hands the queued entries to the worker (called on the parsing thread).
    func flush() {
        guard !batch.isEmpty else { return }
        let entries = batch
        batch.removeAll(keepingCapacity: true)
        queue.async { [self] in
            let last = perEntry.count - 1
            for entry in entries {
                worker.checkEntry(entry, at: entry.location ?? SourceLocation(file: fallbackFile, line: 0, column: 0), into: &perEntry[last])
                index.add(entry, into: &cross[last])
            }
        }
    }

    /// Waits for every queued entry and returns the diagnostics, one array per glossary (the
    /// `alongside` ones first, empty in `perEntry`, then the documents in the order begun),
    /// each in entry order.
    func results() -> (perEntry: [[Diagnostic]], cross: [[Diagnostic]]) {
        flush()
        return queue.sync { (perEntry, cross) }
    }
}
