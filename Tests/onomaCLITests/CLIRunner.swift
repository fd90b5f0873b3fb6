import Foundation
import Testing

/// Runs the built `onoma` binary and captures what it prints.
struct CLIResult: Sendable {
    let stdout: String
    let stderr: String
    let status: Int32
}

enum CLIRunner {
    /// The `onoma` executable next to this test bundle in the build folder.
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The test binary is .build/<triple>/debug/onomaPackageTests.xctest (a file on Linux).
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("onoma")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: "onoma")
    }()

    /// Runs `onoma` with arguments and optional standard input (bytes).
    /// SIGPIPE would kill the whole test process when a child closes its standard input early.
    private static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], workingDirectory: URL? = nil) throws -> CLIResult {
        _ = ignoreSIGPIPE
        let process = Process()
        process.executableURL = executable
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Feed stdin on another thread so large inputs cannot deadlock against full output pipes.
        let writer = Thread {
            // A command may exit before reading all of its input (usage errors, early failures):
            // the write then fails with EPIPE, which must not take the test process down.
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { usleep(1000) }
        return CLIResult(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.value, as: UTF8.self), status: process.terminationStatus)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
