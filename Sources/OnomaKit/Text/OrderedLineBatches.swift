import Dispatch
import Foundation

/// Runs a per-batch job over the lines of one or more inputs on several threads, and hands the
/// results on in input order: the engine of `onoma normalize` and of `onoma lookup` over
/// standard input.
///
/// Each worker reads its next batch (under a lock, in input order), processes it, and files
/// the result; whichever worker completes the oldest outstanding batch writes it and every
/// later one already done. So no worker waits for the others between batches, and reading
/// and writing run on whichever core is free, never in a serial phase of their own (with
/// rounds of batches and a barrier between them, the cores took turns idling). Memory is
/// bounded by `aheadLimit` batches (each about `batchBytes`) plus the longest line, whatever
/// the input size. With one job everything runs on the calling thread.
public enum OrderedLineBatches {
    /// How the input is cut and how many threads work on it.
    public struct Configuration: Sendable, Hashable {
        /// Worker threads (1 to 256).
        public var jobs: Int
        /// Lines per batch at most.
        public var batchLines: Int
        /// Bytes per batch, about (a batch always holds whole lines).
        public var batchBytes: Int
        /// Batches read ahead of the output, at most.
        public var aheadLimit: Int

        /// Creates a configuration.
        public init(jobs: Int, batchLines: Int = 4096, batchBytes: Int = 1 << 19, aheadLimit: Int? = nil) {
            self.jobs = min(256, max(1, jobs))
            self.batchLines = max(1, batchLines)
            self.batchBytes = max(1, batchBytes)
            self.aheadLimit = max(1, aheadLimit ?? (self.jobs == 1 ? 1 : min(self.jobs * 4, max(32, self.jobs))))
        }
    }

    /// Reads every source in turn (as `cat` would: line numbers continue across sources, and
    /// each source ends a line), calls `process` on each batch on one of the workers (each with
    /// its own `State`, made by `state`), and `write` on the results in input order.
    /// - Parameters:
    ///   - state: makes one worker's private state (a memo, buffers).
    ///   - process: the work on one batch; runs on several threads at once.
    ///   - write: called once per batch, in input order, never concurrently (but not always on
    ///     the same thread).
    /// - Throws: `NormalizeError.readFailed` (after writing every batch read before the
    ///   failure), or what `write` throws (the run stops at once).
    public static func run<State, Result: Sendable>(_ sources: [any LineInput], _ configuration: Configuration,
                                                    state: @Sendable () -> State,
                                                    process: @Sendable (inout State, LineBatch) -> Result,
                                                    write: (Result) throws -> Void) throws {
        let shared = Shared<Result>(sources: sources, configuration: configuration)
        try withoutActuallyEscaping(write) { write in
            try withoutActuallyEscaping(state) { state in
                try withoutActuallyEscaping(process) { process in
                    let writer = Writer(write)
                    let work: @Sendable (Int) -> Void = { _ in
                        var local = state()
                        while let (sequence, batch) = shared.nextBatch() {
                            let result = process(&local, batch)
                            shared.file(sequence, result, write: writer.call)
                        }
                    }
                    if configuration.jobs == 1 {
                        work(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: configuration.jobs, execute: work)
                    }
                    if let failure = shared.writeFailure { throw failure }
                    if let failure = shared.readFailure { throw failure }
                }
            }
        }
    }

    /// The caller's `write`, handed to the workers; `Shared` lets one worker at a time call it.
    private final class Writer<Result>: @unchecked Sendable {
        // @unchecked: called by one worker at a time, the hand-over ordered by `Shared`'s lock.
        let call: (Result) throws -> Void
        init(_ call: @escaping (Result) throws -> Void) { self.call = call }
    }

    /// What the workers of one run share: the input (read in order under `inputLock`) and the
    /// batches done but not yet written (under `output`).
    private final class Shared<Result>: @unchecked Sendable {
        // @unchecked: the input fields are touched only under `inputLock`, the output fields
        // only under `output`; `inputLock` is taken before `output`, never after.
        private let inputLock = NSLock()
        private let sources: [any LineInput]
        private let configuration: Configuration
        private var sourceIndex = 0
        private var reader: LineBatchReader?
        private var nextLine = 1
        private var read = 0 // batches handed out so far
        private(set) var readFailure: (any Error)?

        private let output = NSCondition()
        private var done: [Int: Result] = [:]
        private var written = 0 // batches written so far
        private var writing = false
        private(set) var writeFailure: (any Error)?

        init(sources: [any LineInput], configuration: Configuration) {
            self.sources = sources
            self.configuration = configuration
            reader = sources.isEmpty ? nil : LineBatchReader(sources[0])
        }

        /// The next batch and its sequence number, or nil when the input is finished, could
        /// not be read, or the output failed. Waits while `aheadLimit` batches are unwritten.
        func nextBatch() -> (Int, LineBatch)? {
            inputLock.lock()
            defer { inputLock.unlock() }
            output.lock()
            while read - written >= configuration.aheadLimit && writeFailure == nil { output.wait() }
            let stop = writeFailure != nil
            output.unlock()
            if stop { return nil }
            while let r = reader {
                do {
                    if let batch = try r.next(maxLines: configuration.batchLines, maxBytes: configuration.batchBytes, firstLine: nextLine) {
                        nextLine += batch.lines.count
                        read += 1
                        return (read - 1, batch)
                    }
                } catch {
                    readFailure = error
                    reader = nil
                    return nil
                }
                sourceIndex += 1
                reader = sourceIndex < sources.count ? LineBatchReader(sources[sourceIndex]) : nil
            }
            return nil
        }

        /// Files a finished batch; if no other worker is writing, writes every batch that is
        /// next in order (this one, and those other workers finished ahead of it).
        func file(_ sequence: Int, _ result: Result, write: (Result) throws -> Void) {
            output.lock()
            defer { output.unlock() }
            done[sequence] = result
            guard !writing else { return }
            writing = true
            while writeFailure == nil, let next = done.removeValue(forKey: written) {
                output.unlock()
                var failure: (any Error)?
                do { try write(next) } catch { failure = error }
                output.lock()
                if let failure { writeFailure = failure; done.removeAll() } else { written += 1 }
                output.broadcast()
            }
            writing = false
        }
    }
}
