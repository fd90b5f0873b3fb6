import ArgumentParser
import Foundation

/// Process-level helpers: running the root command with the contract's exit codes, and writing
/// to the standard streams.
enum CLI {
    /// Exit codes of the contract.
    static let success: Int32 = 0
    static let nothingFound: Int32 = 1
    static let usageError: Int32 = 2

    static func run<C: ParsableCommand>(_ root: C.Type) -> Never {
        // A closed pipe (onoma ... | head) must end the process quietly, not kill it with SIGPIPE
        // mid-write: writes then fail with EPIPE and the command stops.
        signal(SIGPIPE, SIG_IGN)
        // Ctrl-C in a long batch: flush the whole lines produced so far, then exit 130.
        Output.installInterruptHandler()
        do {
            var command = try root.parseAsRoot()
            try command.run()
            Output.standard.flush()
            exit(success)
        } catch let exit as CommandExit {
            Output.standard.flush()
            Foundation.exit(exit.code)
        } catch {
            Output.standard.flush()
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if code == .success {
                // --help and --version print to standard output and succeed.
                print(message)
                Foundation.exit(success)
            }
            if !message.isEmpty { Output.error.write(line: message) }
            // An explicit ExitCode thrown by a command is kept; every other error is a usage or
            // input error (ArgumentParser's own would be 64).
            if let explicit = error as? ExitCode, explicit != .validationFailure { Foundation.exit(explicit.rawValue) }
            Foundation.exit(usageError)
        }
    }
}

/// Thrown by a command to end with a given exit code after its output is written.
struct CommandExit: Error {
    let code: Int32
}

/// A usage or input error with a message that says what to do; exits with code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
