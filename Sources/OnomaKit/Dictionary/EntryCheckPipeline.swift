import Foundation

/// Runs the per-entry rules (``GlossaryRules``) on entries as the parser completes them, on a
/// background queue, so that checking overlaps parsing and schema validation.
///
/// The rules of one entry do not depend on other entries; the cross-entry rules (ids,
/// ambiguity) run after parsing, in ``GlossaryRules/check(_:entryDiagnostics:)``.
final class EntryCheckPipeline: @unchecked Sendable {
    // @unchecked: `batch` is touched only by the parsing thread; `worker` and `results` only by
    // the serial `queue`; `finish()` waits for the queue before reading `results`.
    private let queue = DispatchQueue(label: "onoma.entry-checks")
    private let worker: GlossaryRules
    private var batch: [GlossaryEntry] = []
    private var results: [Diagnostic] = []
    private static let batchSize = 1024

    /// A pipeline using the engines of `rules` (with its own caches).
    init(rules: GlossaryRules) {
        worker = GlossaryRules(romanizer: rules.romanizer, spoofChecker: rules.spoofChecker)
        batch.reserveCapacity(Self.batchSize)
    }

    /// Queues an entry (called on the parsing thread).
    func add(_ entry: GlossaryEntry) {
        batch.append(entry)
        if batch.count >= Self.batchSize { flush() }
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        let entries = batch
        batch.removeAll(keepingCapacity: true)
        queue.async { [self] in
            for entry in entries {
                worker.checkEntry(entry, at: entry.location ?? SourceLocation(file: "?", line: 0, column: 0), into: &results)
            }
        }
    }

    /// Waits for every queued entry and returns the diagnostics, in entry order.
    func finish() -> [Diagnostic] {
        flush()
        return queue.sync { results }
    }
}
