import Foundation

/// Timing helpers for the benchmark executable: wall-clock, best of several runs, items/s.
enum Bench {
    /// Runs `body` `repeats` times and returns the best wall time in seconds.
    static func best(repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, t)
        }
        return best
    }

    /// Prints one result line: name, items, seconds, items/s.
    static func report(_ name: String, items: Int, seconds: Double, unit: String = "items") {
        let rate = Double(items) / seconds
        let padded = name.count >= 46 ? name : name + String(repeating: " ", count: 46 - name.count)
        print(padded + String(format: " %10d %@ in %8.4f s  %12.0f %@/s", items, unit, seconds, rate, unit))
    }

    /// Runs a command and returns (wall seconds, max RSS in KiB, exit status), with stdin from a
    /// file and stdout discarded.
    static func runProcess(_ executable: String, _ arguments: [String], stdin: URL?) throws -> (seconds: Double, maxRSSKiB: Int, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var status: Int32 = 0
        var usage = rusage()
        let pid = process.processIdentifier
        // wait4 gives the child's peak RSS, which Process does not expose.
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (seconds, Int(usage.ru_maxrss), exitStatus)
    }

    /// The directory for generated benchmark inputs (ignored by git).
    static var dataDirectory: URL {
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-data")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The built `onoma` binary beside this benchmark executable.
    static var onomaExecutable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("onoma").path
    }
}

