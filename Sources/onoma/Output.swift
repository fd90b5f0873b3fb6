import Foundation

/// Buffered writing to a standard stream. Large buffered writes keep batch output fast.
///
/// Failures are never silent:
/// - a closed pipe (EPIPE: `onoma ... | head`) ends the process quietly with status 0;
/// - any other failed write to standard output (disk full, file-size limit, I/O error) ends it
///   with a message on standard error and status 2;
/// - SIGINT or SIGTERM (see ``Output/installInterruptHandler()``) flushes the whole lines
///   already produced and ends the process with status 128 + the signal number, so that the
///   output written so far is a clean prefix of the full output: whole lines only.
final class Output: @unchecked Sendable {
    // @unchecked: the buffer is guarded by `lock`; commands write from the main thread, and the
    // interrupt watcher thread only takes the lock to flush and exit.
    static let standard = Output(fd: STDOUT_FILENO)
    static let error = Output(fd: STDERR_FILENO, immediate: true)

    private let fd: Int32
    private let immediate: Bool
    private var buffer: [UInt8] = []
    private let lock = NSLock()

    private init(fd: Int32, immediate: Bool = false) {
        self.fd = fd
        self.immediate = immediate
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: text.utf8)
        if immediate || buffer.count >= 1 << 16 { flushOrStopLocked() }
    }

    func write(bytes: some Sequence<UInt8>) {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: bytes)
        if immediate || buffer.count >= 1 << 16 { flushOrStopLocked() }
    }

    func write(line: String) {
        write(line + "\n")
    }

    /// Writes many lines with few system calls — one per 64 KiB, even on an unbuffered stream
    /// such as standard error (a list of 27,000 diagnostics was 27,000 writes).
    func write(lines: some Sequence<String>) {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        for line in lines {
            chunk.append(contentsOf: line.utf8)
            chunk.append(0x0A)
            if chunk.count >= 1 << 16 {
                write(bytes: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { write(bytes: chunk) }
    }

    func flush() {
        lock.lock()
        defer { lock.unlock() }
        flushLocked(upTo: buffer.count)
    }

    /// The periodic flush of a batch; when an interrupt has arrived, flushes the whole lines and
    /// exits here instead. (A busy writer retakes `lock` at once after each line, so the watcher
    /// thread may never get it: the writer must notice the interrupt itself.) Called with `lock` held.
    private func flushOrStopLocked() {
        if fd == STDOUT_FILENO, let signalNumber = Interrupt.pending {
            if let last = buffer.lastIndex(of: 0x0A) { flushLocked(upTo: last + 1) }
            Foundation._exit(128 + signalNumber)
        }
        flushLocked(upTo: buffer.count)
    }

    /// Writes `buffer[..<end]` and removes it from the buffer. Called with `lock` held.
    private func flushLocked(upTo end: Int) {
        var offset = 0
        while offset < end {
            let n = buffer.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, end - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errno
                buffer.removeAll(keepingCapacity: true)
                guard fd == STDOUT_FILENO else { return } // standard error itself failed: nowhere to say so
                // The reader went away: stop quietly, as `yes | head` does.
                if reason == EPIPE { exit(0) }
                // Disk full, file-size limit, I/O error: the output is incomplete, say so.
                let message = "onoma: cannot write the output: \(String(cString: strerror(reason))); the output is incomplete\n"
                _ = message.withCString { Foundation.write(STDERR_FILENO, $0, strlen($0)) }
                exit(CLI.usageError)
            }
            offset += n
        }
        buffer.removeSubrange(..<end)
    }

    /// Flushes the whole lines in the buffer (up to its last newline) and ends the process with
    /// `status`. A partial line at the end of the buffer is dropped, never written half.
    fileprivate func flushWholeLinesAndExit(status: Int32) -> Never {
        lock.lock()
        if let last = buffer.lastIndex(of: 0x0A) { flushLocked(upTo: last + 1) }
        Foundation._exit(status)
    }

    /// Makes SIGINT and SIGTERM end the process cleanly: the whole lines already produced are
    /// flushed to standard output, then the process exits with 128 + the signal number (130
    /// for SIGINT, as shells report it). Call once, before any output.
    ///
    /// The signal handler only writes the signal number to a pipe (async-signal-safe); a watcher
    /// thread reads it and does the flushing, under the same lock as every write, so a line
    /// is never cut in two.
    static func installInterruptHandler() {
        // A parent may have started onoma with these signals blocked (a test runner's thread):
        // unblock them. A signal the parent set to be ignored (`cmd &` in a script) stays ignored.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        interruptPipe = fds[1]
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        let readEnd = fds[0]
        let watcher = Thread {
            var signalNumber: Int32 = 0
            while true {
                let n = withUnsafeMutableBytes(of: &signalNumber) { Foundation.read(readEnd, $0.baseAddress, $0.count) }
                if n == MemoryLayout<Int32>.size { break }
                if n < 0 && errno == EINTR { continue }
                return
            }
            Interrupt.pending = signalNumber
            Output.standard.flushWholeLinesAndExit(status: 128 + signalNumber)
        }
        watcher.start()
        for signalNumber in [SIGINT, SIGTERM] {
            var previous = sigaction()
            sigaction(signalNumber, nil, &previous)
            #if canImport(Glibc)
            let ignored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            #else
            let ignored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            #endif
            if ignored { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = onomaInterruptHandler
            #else
            action.__sigaction_u.__sa_handler = onomaInterruptHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }
}

/// The signal that asked the process to stop, once the watcher thread has read it.
private enum Interrupt {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var signalNumber: Int32?

    static var pending: Int32? {
        get { lock.lock(); defer { lock.unlock() }; return signalNumber }
        set { lock.lock(); signalNumber = newValue; lock.unlock() }
    }
}

/// The write end of the interrupt pipe, set once before the handlers are installed.
nonisolated(unsafe) private var interruptPipe: Int32 = -1
/// How many signals have arrived: a second one ends the process at once (the user insists).
nonisolated(unsafe) private var interruptCount: Int32 = 0

/// The SIGINT/SIGTERM handler: async-signal-safe calls only.
private func onomaInterruptHandler(_ signalNumber: Int32) {
    interruptCount += 1
    if interruptCount > 1 { _exit(128 + signalNumber) }
    var number = signalNumber
    _ = withUnsafeBytes(of: &number) { write(interruptPipe, $0.baseAddress, $0.count) }
}
