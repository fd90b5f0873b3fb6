import Foundation
import OnomaTestSupport
import Testing

/// `onoma normalize` when the world fails around it (the same harness as the romanize cases).
extension FailureTests {
    /// The output of an uninterrupted run over `input`, as lines.
    private func fullNormalizeOutput(_ input: URL, in dir: URL) throws -> [Substring] {
        let out = dir.appendingPathComponent("full.txt")
        let result = try FailureHarness.shell("exec \"$ONOMA\" normalize --quiet < \"$IN\" > \"$OUT\"", environment: ["IN": input.path, "OUT": out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    /// A file-size limit (as a full disk) while writing normalize's output: a message and status 2.
    @Test func normalizeOutputToAFullDiskIsAnErrorNotSilentLoss() throws {
        let (result, size) = try FailureHarness.runIntoFullDisk("normalize")
        #expect(result.status == 2, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains("File too large"), "stderr: \(result.stderr)")
        #expect(size > 0 && size <= 64 * 1024, "size \(size)")
    }

    /// `onoma normalize < big | head -1`: quiet, status 0.
    @Test func normalizeIntoAPipeClosedEarlyExitsQuietly() throws {
        let dir = try FailureHarness.temporaryDirectory()
        let input = try FailureHarness.bigInput(in: dir, lines: 200_000)
        let expected = try fullNormalizeOutput(input, in: dir)
        let run = try FailureHarness.start(["normalize"], stdin: input)
        let first = run.readLine()
        #expect(first.map { Substring($0) } == expected.first)
        run.closeOutput()
        let end = run.wait()
        #expect(end.reason == .exit, "ended by signal \(end.status)")
        #expect(end.status == 0)
        #expect(end.stderr.isEmpty, "stderr: \(end.stderr)")
    }

    /// SIGINT in the middle of a normalize batch: whole lines, a prefix of the full output, status 130.
    @Test func interruptedNormalizeBatchLeavesWholeLines() throws {
        let dir = try FailureHarness.temporaryDirectory()
        let input = try FailureHarness.bigInput(in: dir, lines: 300_000)
        let expected = try fullNormalizeOutput(input, in: dir)
        #expect(expected.count == 300_000)
        let run = try FailureHarness.start(["normalize"], stdin: input)
        var head = run.read(atLeast: 100_000)
        run.process.interrupt()
        head.append(run.readToEnd())
        let end = run.wait()
        #expect(end.reason == .exit, "ended by signal \(end.status) instead of exiting")
        #expect(end.status == 130, "status \(end.status); stderr: \(end.stderr)")
        let text = String(decoding: head, as: UTF8.self)
        #expect(text.hasSuffix("\n"), "the output ends in the middle of a line: …\(text.suffix(40).debugDescription)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count >= 5_000 && lines.count < 300_000, "\(lines.count) lines")
        for (i, line) in lines.enumerated() where i >= expected.count || line != expected[i] {
            Issue.record("line \(i + 1) is \(line.debugDescription), expected \(i < expected.count ? String(expected[i]) : "no line")")
            break
        }
    }

    /// `dict add` when the rewritten glossary cannot be written in full (a file-size limit, as a
    /// full disk): an error that says why, and the original glossary byte for byte, no debris.
    @Test func dictAddUnderAFileSizeLimitLeavesTheGlossaryIntact() throws {
        let dir = try FailureHarness.temporaryDirectory()
        let glossary = dir.appendingPathComponent("big.xml")
        let original = Data(DictSafetyTests.bigGlossary(1_000).utf8)
        #expect(original.count > 128 * 1024)
        try original.write(to: glossary)
        let result = try FailureHarness.shell(
            "trap '' XFSZ; ulimit -f 64; exec \"$ONOMA\" dict add \"$G\" --id added --kind person --name ko:추가 --name en:Added:preferred",
            environment: ["G": glossary.path])
        #expect(result.status == 2, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains("File too large"), "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: glossary) == original, "the glossary changed")
        // The lock file (big.xml.lock) stays by design, as after any edit; no temporary file may.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["big.xml", "big.xml.lock"], "files left behind: \(left)")
    }
}
