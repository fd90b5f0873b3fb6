import Foundation

/// Buffered writing to a standard stream. Large buffered writes keep batch output fast; a
/// failed write (EPIPE from a closed pipe) ends the process quietly with status 0 for stdout.
final class Output: @unchecked Sendable {
    // @unchecked: used from the main thread only; batch workers hand results back to it.
    static let standard = Output(fd: STDOUT_FILENO)
    static let error = Output(fd: STDERR_FILENO, immediate: true)

    private let fd: Int32
    private let immediate: Bool
    private var buffer: [UInt8] = []

    private init(fd: Int32, immediate: Bool = false) {
        self.fd = fd
        self.immediate = immediate
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if immediate || buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if immediate || buffer.count >= 1 << 16 { flush() }
    }

    func write(line: String) {
        write(line + "\n")
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                // The reader went away (EPIPE) or the disk is full: nothing more can be written.
                buffer.removeAll(keepingCapacity: true)
                if fd == STDOUT_FILENO && errno == EPIPE { exit(0) }
                return
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
