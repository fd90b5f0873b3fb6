import Dispatch
import Foundation

/// Normalizes a stream of lines in batches on several threads, keeping the output order.
///
/// Memory is bounded by `min(jobs × batchesPerJob, max(32, jobs))` batches (each about `batchBytes`) plus
/// the longest line, whatever the input size.
public struct NormalizePipeline: Sendable {
    /// How the pipeline runs and writes.
    public struct Configuration: Sendable, Hashable {
        /// The output format.
        public var format: BylineOutputFormat
        /// What to do with lines that are not UTF-8.
        public var invalidUTF8: InvalidUTF8Policy
        /// Worker threads (1 to 256).
        public var jobs: Int
        /// Lines per batch at most.
        public var batchLines: Int
        /// Bytes per batch, about (a batch always holds whole lines).
        public var batchBytes: Int
        /// Batches handed to each worker per round.
        public var batchesPerJob: Int
        /// Distinct unresolved names kept in the report at most (memory bound).
        public var maximumDistinctUnresolved: Int

        /// Creates a configuration.
        public init(format: BylineOutputFormat = .text, invalidUTF8: InvalidUTF8Policy = .pass,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchLines: Int = 4096,
                    batchBytes: Int = 1 << 19, batchesPerJob: Int = 4, maximumDistinctUnresolved: Int = 100_000) {
            self.format = format
            self.invalidUTF8 = invalidUTF8
            self.jobs = min(256, max(1, jobs))
            self.batchLines = max(1, batchLines)
            self.batchBytes = max(1, batchBytes)
            self.batchesPerJob = max(1, batchesPerJob)
            self.maximumDistinctUnresolved = maximumDistinctUnresolved
        }
    }

    /// The rendered output of one batch, handed to the caller in input order.
    public struct Chunk: Sendable {
        /// The records, one per line, ready to write.
        public var bytes: [UInt8]
        /// The lines of this batch that were not valid UTF-8.
        public var invalidLines: [NormalizeReport.InvalidLine]
        /// Lines in this batch.
        public var lines: Int
        /// Input bytes consumed so far, in the current source.
        public var consumed: Int
        /// The input being read.
        public var source: String
    }

    /// Normalizes lines.
    public let normalizer: BylineNormalizer
    /// How.
    public let configuration: Configuration

    /// Creates a pipeline.
    public init(normalizer: BylineNormalizer, configuration: Configuration = Configuration()) {
        self.normalizer = normalizer
        self.configuration = configuration
    }

    /// Reads every source in turn (as `cat` would: line numbers continue across sources, and
    /// each source ends a line), and hands the rendered output to `emit`, in order.
    ///
    /// The batches run on `OrderedLineBatches`: each worker reads, normalizes and files its
    /// own batches, and whichever finishes the oldest outstanding one writes it. Workers keep
    /// their own `ResolutionMemo`, behind one `SharedResolutionCache` for the run.
    /// - Parameter emit: called once per batch, in input order, never concurrently (but not
    ///   always on the same thread).
    /// - Throws: `NormalizeError.readFailed` (after writing every line read before the
    ///   failure), or what `emit` throws (the run stops at once).
    /// - Returns: the run's figures.
    public func run(_ sources: [any LineInput], emit: (Chunk) throws -> Void) throws -> NormalizeReport {
        let jobs = configuration.jobs
        let shared = jobs > 1 ? SharedResolutionCache() : nil
        let renderer = BylineRenderer(format: configuration.format)
        let batches = OrderedLineBatches.Configuration(
            jobs: jobs, batchLines: configuration.batchLines, batchBytes: configuration.batchBytes,
            aheadLimit: jobs == 1 ? 1 : min(jobs * configuration.batchesPerJob, max(32, jobs)))
        return try withoutActuallyEscaping(emit) { emit in
            let sink = OrderedSink(configuration: configuration, emit: emit)
            try OrderedLineBatches.run(sources, batches, state: { ResolutionMemo(shared: shared) }, process: { memo, batch in
                Filed(result: process(batch, renderer: renderer, memo: &memo), lines: batch.lines.count,
                      consumed: batch.consumed, source: batch.source)
            }, write: sink.write)
            try sink.finish()
            return sink.report
        }
    }

    /// Writes filed batches in order: merges their figures, frames JSON, and calls `emit`.
    /// Used by one worker at a time (the one `OrderedLineBatches` lets write).
    final class OrderedSink: @unchecked Sendable {
        // @unchecked: `write` runs in one worker at a time, and `OrderedLineBatches` orders
        // the hand-over from one writing worker to the next; `finish` runs after the workers.
        private let configuration: Configuration
        private let emit: (Chunk) throws -> Void
        private var firstRecord = true
        private var consumedInSource = 0
        private var lastSource = ""
        private(set) var report = NormalizeReport()

        init(configuration: Configuration, emit: @escaping (Chunk) throws -> Void) {
            self.configuration = configuration
            self.emit = emit
        }

        func write(_ filed: Filed) throws {
            if filed.source != lastSource { consumedInSource = 0; lastSource = filed.source }
            consumedInSource += filed.consumed
            report.merge(filed.result.report, limit: configuration.maximumDistinctUnresolved)
            var bytes = filed.result.bytes
            if configuration.format == .json { NormalizePipeline.frameJSON(&bytes, first: &firstRecord) }
            try emit(Chunk(bytes: bytes, invalidLines: filed.result.invalidLines, lines: filed.lines,
                           consumed: consumedInSource, source: filed.source))
        }

        /// Closes the JSON array.
        func finish() throws {
            guard configuration.format == .json else { return }
            try emit(Chunk(bytes: Array((firstRecord ? "[]\n" : "\n]\n").utf8), invalidLines: [], lines: 0,
                           consumed: consumedInSource, source: lastSource))
        }
    }

    /// A normalized batch waiting for its turn to be written.
    struct Filed: Sendable {
        var result: BatchResult
        var lines: Int
        var consumed: Int
        var source: String
    }

    /// Turns a batch of JSON lines into the continuation of one array: "[" before the very
    /// first object, "," between objects (JSON strings hold no raw newline, so every "\n" ends
    /// an object), and no terminator after the last one (the closing "]" is written at the end).
    static func frameJSON(_ bytes: inout [UInt8], first: inout Bool) {
        guard !bytes.isEmpty else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 64 + 4)
        out.append(contentsOf: first ? Array("[\n".utf8) : Array(",\n".utf8))
        first = false
        for (i, b) in bytes.enumerated() {
            if b == 0x0A {
                if i != bytes.count - 1 { out.append(0x2C); out.append(0x0A) }
            } else {
                out.append(b)
            }
        }
        bytes = out
    }

    struct BatchResult: Sendable {
        var bytes: [UInt8]
        var report: NormalizeReport
        var invalidLines: [NormalizeReport.InvalidLine]
    }

    func process(_ batch: LineBatch, renderer: BylineRenderer, memo: inout ResolutionMemo) -> BatchResult {
        var out: [UInt8] = []
        out.reserveCapacity(batch.bytes.count + batch.bytes.count / 4 + batch.lines.count)
        var report = NormalizeReport()
        report.bytesRead = batch.consumed
        var invalid: [NormalizeReport.InvalidLine] = []
        batch.bytes.withUnsafeBytes { all in
            for (k, range) in batch.lines.enumerated() {
                let lineNumber = batch.firstLine + k
                var r = range
                // CRLF input keeps its CR in text output but it is not part of the line.
                let carriageReturn = r.count > 0 && all[r.upperBound - 1] == 0x0D
                if carriageReturn { r = r.lowerBound..<(r.upperBound - 1) }
                let bytes = UnsafeRawBufferPointer(rebasing: all[r])
                if isValidUTF8(bytes) {
                    let line = String(decoding: bytes, as: UTF8.self)
                    let result = normalizer.normalize(line, memo: &memo)
                    report.count(result)
                    renderer.render(result, line: lineNumber, invalidUTF8: false, carriageReturn: carriageReturn, into: &out)
                } else {
                    report.invalidLines += 1
                    invalid.append(.init(source: batch.source, line: batch.firstLocalLine + k))
                    switch configuration.invalidUTF8 {
                    case .pass:
                        report.linesRead += 1
                        renderer.renderPassThrough(batch.bytes[r], line: lineNumber, carriageReturn: carriageReturn, into: &out)
                    case .replace:
                        let line = String(decoding: bytes, as: UTF8.self)
                        let result = normalizer.normalize(line, memo: &memo)
                        report.count(result)
                        // The line changed: its ill-formed bytes are now U+FFFD.
                        if !result.changed { report.linesChanged += 1 }
                        renderer.render(result, line: lineNumber, invalidUTF8: true, carriageReturn: carriageReturn, into: &out)
                    }
                }
            }
        }
        return BatchResult(bytes: out, report: report, invalidLines: invalid)
    }
}
