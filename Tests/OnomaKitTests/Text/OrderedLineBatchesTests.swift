import Foundation
import OnomaKit
import Testing

@Suite struct OrderedLineBatchesTests {
    /// Counts what the workers do, to check the pipeline's promises from outside.
    final class Probe: @unchecked Sendable {
        // @unchecked: every field is touched under `lock`.
        private let lock = NSLock()
        private var inFlight = 0
        private(set) var mostInFlight = 0
        private var writing = false
        private(set) var overlappingWrites = 0

        func started() { lock.withLock { inFlight += 1; mostInFlight = max(mostInFlight, inFlight) } }
        func beginWrite() { lock.withLock { if writing { overlappingWrites += 1 }; writing = true; inFlight -= 1 } }
        func endWrite() { lock.withLock { writing = false } }
    }

    /// Batches finish out of order (some workers sleep), yet every line comes out once, in
    /// order, with its number; `write` is never entered by two workers at once; and no more
    /// than `aheadLimit` batches are read ahead of the output.
    @Test(arguments: [1, 2, 4])
    func outputKeepsInputOrder(_ jobs: Int) throws {
        var input: [UInt8] = []
        for k in 1...5_000 { input += Array("line \(k)\n".utf8) }
        let configuration = OrderedLineBatches.Configuration(jobs: jobs, batchLines: 37, batchBytes: 1 << 16, aheadLimit: 6)
        let probe = Probe()
        var lines: [String] = []
        try OrderedLineBatches.run([MemoryLineInput(input)], configuration, state: { 0 }, process: { calls, batch in
            probe.started()
            calls += 1
            // Every third batch of a worker takes longer, so later batches finish first.
            if calls % 3 == 0 { usleep(2_000) }
            var out: [String] = []
            batch.forEachLine { bytes, k in
                out.append("\(batch.firstLine + k):\(String(decoding: bytes, as: UTF8.self))")
            }
            return out
        }, write: { out in
            probe.beginWrite()
            lines += out
            probe.endWrite()
        })
        #expect(lines.count == 5_000)
        #expect(lines == (1...5_000).map { "\($0):line \($0)" })
        #expect(probe.overlappingWrites == 0)
        #expect(probe.mostInFlight <= 6)
    }

    /// Several sources are read in turn, as `cat` would: numbering continues across them, and
    /// a source without a final line break still ends its last line.
    @Test func sourcesAreReadInTurn() throws {
        var seen: [String] = []
        try OrderedLineBatches.run([MemoryLineInput(Array("a\nb".utf8), name: "one"), MemoryLineInput(Array("c\n".utf8), name: "two")],
                                   .init(jobs: 2), state: { () }, process: { _, batch in
            var out: [String] = []
            batch.forEachLine { bytes, k in out.append("\(batch.source):\(batch.firstLine + k):\(String(decoding: bytes, as: UTF8.self))") }
            return out
        }, write: { seen += $0 })
        #expect(seen == ["one:1:a", "one:2:b", "two:3:c"])
    }
}
