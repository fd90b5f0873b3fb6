import Foundation
import OnomaTestSupport
import Testing

/// What the CLI does when the world fails around it: a full disk, a reader that goes away,
/// files that cannot be read, Ctrl-C in the middle of a batch. Each test runs the real `onoma`
/// binary in a child process (see ``FailureHarness``).
@Suite(.serialized) struct FailureTests {
    // MARK: Disk full

    /// `ulimit -f` (RLIMIT_FSIZE, SIGXFSZ ignored) makes writes past the limit fail with EFBIG,
    /// as a full disk fails them with ENOSPC: the command must say so and fail, not exit 0 with
    /// a truncated file.
    @Test func romanizeOutputToAFullDiskIsAnErrorNotSilentLoss() throws {
        let (result, size) = try FailureHarness.runIntoFullDisk("romanize")
        #expect(result.status == 2, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot write the output"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("File too large"), "stderr: \(result.stderr)")
        // Everything up to the limit was written: the file is full, not empty.
        #expect(size > 0 && size <= 64 * 1024, "size \(size)")
    }

    // MARK: Reader goes away

    /// `onoma romanize < big | head -1`: the reader closes the pipe after one line. onoma must
    /// stop quietly (status 0, nothing on standard error), not die of SIGPIPE or report EPIPE.
    @Test func romanizeIntoAPipeClosedEarlyExitsQuietly() throws {
        let dir = try FailureHarness.temporaryDirectory()
        let input = try FailureHarness.bigInput(in: dir, lines: 200_000)
        let run = try FailureHarness.start(["romanize"], stdin: input)
        let first = run.readLine()
        #expect(first == "Gim Gu")
        run.closeOutput()
        let end = run.wait()
        #expect(end.reason == .exit, "ended by signal \(end.status)")
        #expect(end.status == 0)
        #expect(end.stderr.isEmpty, "stderr: \(end.stderr)")
    }

    // MARK: Interrupted batch

    /// Ctrl-C (SIGINT) in a long batch: the output written so far is whole lines, a prefix of
    /// the full output, and the status is 130 (128 + SIGINT), as shells report an interrupt.
    @Test func interruptedRomanizeBatchLeavesWholeLines() throws {
        let dir = try FailureHarness.temporaryDirectory()
        let input = try FailureHarness.bigInput(in: dir, lines: 300_000)
        let run = try FailureHarness.start(["romanize"], stdin: input)
        // Read a little, so that onoma is in the middle of the batch (blocked on the full pipe).
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
        for (i, line) in lines.enumerated() where line != FailureHarness.bigOutput[i % FailureHarness.bigOutput.count] {
            Issue.record("line \(i + 1) is \(line.debugDescription), expected \(FailureHarness.bigOutput[i % FailureHarness.bigOutput.count])")
            break
        }
    }

    // MARK: Unreadable inputs among good ones

    /// A missing file, a directory and a file whose read fails (EIO from /proc/self/mem, which
    /// even root cannot read) among good dictionaries: every file is reported, the good ones are
    /// still checked, and the status says an input was unusable (2).
    @Test func dictValidateReportsEveryBadFileAndStillChecksTheOthers() throws {
        let dir = try FailureHarness.temporaryDirectory()
        let good = dir.appendingPathComponent("good.xml")
        try Data("""
        <glossary xmlns="urn:onoma:glossary:1" name="good">
          <entry id="kim-koo" kind="person"><name xml:lang="ko" status="preferred">김구</name><name xml:lang="en" status="preferred">Kim Koo</name></entry>
        </glossary>
        """.utf8).write(to: good)
        let flawed = dir.appendingPathComponent("flawed.xml")
        try Data("""
        <glossary xmlns="urn:onoma:glossary:1" name="flawed">
          <entry id="ahn" kind="persona"><name xml:lang="ko">안중근</name></entry>
        </glossary>
        """.utf8).write(to: flawed)
        let missing = dir.appendingPathComponent("missing.xml").path
        let result = try CLIRunner.run(["dict", "validate", good.path, missing, dir.path, "/proc/self/mem", flawed.path])
        #expect(result.status == 2, "status \(result.status)")
        let report = result.stdout + result.stderr
        #expect(report.contains("\(missing):0:0: error: cannot read the dictionary: No such file or directory"), "\(report)")
        #expect(report.contains("\(dir.path):0:0: error: cannot read the dictionary: is a directory"), "\(report)")
        #expect(report.contains("/proc/self/mem:0:0: error:") && report.contains("Input/output error"), "\(report)")
        // The file after the unreadable ones was still checked.
        #expect(report.contains("\(flawed.path):2:3: error: unknown kind \"persona\""), "\(report)")
        #expect(!report.contains(good.path), "the good file has nothing to report: \(report)")
    }
}

/// Runs `onoma` in child processes with the plumbing failure tests need.
enum FailureHarness {
    /// The names of ``bigInput(in:lines:)``, cycled, and their romanization (default scheme,
    /// name mode): RR for Hangul, pinyin for Han, per the contract.
    static let bigNames = ["김구", "안중근", "杨占峰", "박찬욱", "欧阳娜娜", "이순신", "毛泽东", "황보관"]
    static let bigOutput: [Substring] = ["Gim Gu", "An Jung-geun", "Yang Zhanfeng", "Bak Chan-uk", "Ouyang Nana",
                                         "I Sun-sin", "Mao Zedong", "Hwangbo Gwan"]

    /// Runs `onoma COMMAND < big input > file` under a 64 KB file-size limit (SIGXFSZ ignored,
    /// so writes past it fail with EFBIG as on a full disk).
    /// - Returns: how it ended and the size of the output file.
    static func runIntoFullDisk(_ command: String) throws -> (result: Ended, outputSize: Int) {
        let dir = try temporaryDirectory()
        let input = try bigInput(in: dir, lines: 50_000)
        let output = dir.appendingPathComponent("out.txt")
        let result = try shell("trap '' XFSZ; ulimit -f 64; exec \"$ONOMA\" \(command) < \"$IN\" > \"$OUT\"",
                               environment: ["IN": input.path, "OUT": output.path])
        let size = try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int ?? 0
        return (result, size)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-failure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A file of `lines` names, one per line.
    static func bigInput(in dir: URL, lines: Int) throws -> URL {
        var text = ""
        text.reserveCapacity(lines * 12)
        for i in 0..<lines { text += bigNames[i % bigNames.count] + "\n" }
        let url = dir.appendingPathComponent("big.txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    struct Ended {
        var status: Int32
        var reason: Process.TerminationReason
        var stderr: String
    }

    /// Runs `/bin/sh -c script` with `$ONOMA` set to the binary (for `ulimit` and redirections).
    static func shell(_ script: String, environment: [String: String] = [:]) throws -> Ended {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["ONOMA"] = CLIRunner.executable.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ended(status: process.terminationStatus, reason: process.terminationReason, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A running `onoma` whose standard output the test reads at its own pace.
    final class Running {
        let process: Process
        private let out: FileHandle
        private let err: Pipe
        private let errData = LockedData()
        private var pending = Data()

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            self.out = out.fileHandleForReading
            self.err = err
            let handle = err.fileHandleForReading, sink = errData
            Thread { sink.set(handle.readDataToEndOfFile()) }.start()
        }

        /// Reads until a newline; the line without it.
        func readLine() -> String? {
            while !pending.contains(0x0A) {
                let chunk = out.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
            }
            guard let nl = pending.firstIndex(of: 0x0A) else { return nil }
            let line = pending[pending.startIndex..<nl]
            pending = Data(pending[(nl + 1)...])
            return String(decoding: line, as: UTF8.self)
        }

        /// Reads at least `count` bytes (fewer at the end of the output).
        func read(atLeast count: Int) -> Data {
            var data = pending
            pending = Data()
            while data.count < count {
                let chunk = out.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return data
        }

        func readToEnd() -> Data {
            var data = pending
            pending = Data()
            data.append(out.readDataToEndOfFile())
            return data
        }

        /// Closes the read end of onoma's standard output (the reader goes away).
        func closeOutput() { try? out.close() }

        func wait() -> Ended {
            process.waitUntilExit()
            while !errData.done { usleep(1000) }
            return Ended(status: process.terminationStatus, reason: process.terminationReason, stderr: String(decoding: errData.value, as: UTF8.self))
        }
    }

    /// Starts `onoma arguments` with standard input from `stdin` and pipes for the outputs.
    static func start(_ arguments: [String], stdin: URL) throws -> Running {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
