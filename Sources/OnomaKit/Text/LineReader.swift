#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line in large chunks, without loading the whole input.
///
/// Lines are handed out as raw bytes (the terminator `\n` and a preceding `\r` removed) so that
/// callers decide what invalid UTF-8 means for them. Memory stays bounded by the longest line
/// plus one chunk.
public struct LineReader: ~Copyable {
    /// Why reading stopped.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// `read(2)` failed; errno is kept.
        case readFailed(errno: Int32)
        /// A line exceeded `maximumLineLength` bytes.
        case lineTooLong(line: Int, limit: Int)

        public var description: String {
            switch self {
            case .readFailed(let e): return "could not read the input: \(String(cString: strerror(e)))"
            case .lineTooLong(let line, let limit):
                return "line \(line) is longer than \(limit) bytes; split the input or raise the limit"
            }
        }
    }

    private let fd: Int32
    private let chunkSize: Int
    /// Lines longer than this are an error rather than an unbounded allocation.
    public let maximumLineLength: Int

    /// Creates a reader over an open descriptor (not closed by the reader).
    public init(fileDescriptor: Int32, chunkSize: Int = 1 << 20, maximumLineLength: Int = 256 << 20) {
        self.fd = fileDescriptor
        self.chunkSize = chunkSize
        self.maximumLineLength = maximumLineLength
    }

    /// Calls `body` with each line's bytes and 1-based number, in order. A final line without a
    /// terminator is still a line; an empty input has no lines. `body` returns false to stop.
    /// - Throws: ``Failure`` when reading fails or a line is too long.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws {
        var pending: [UInt8] = []  // the start of a line that crossed a chunk boundary
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var lineNumber = 0
        func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Bool {
            lineNumber += 1
            var count = bytes.count
            if count > 0 && bytes[count - 1] == 0x0D { count -= 1 }
            return try body(UnsafeBufferPointer(rebasing: bytes[0..<count]), lineNumber)
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.readFailed(errno: errno)
            }
            if n == 0 { break }
            let keepGoing: Bool = try chunk.withUnsafeBufferPointer { buffer in
                var start = 0
                var i = 0
                while i < n {
                    // memchr is far faster than a byte loop for long lines.
                    guard let found = memchr(buffer.baseAddress! + i, 0x0A, n - i) else { break }
                    let end = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if pending.isEmpty {
                        if try !emit(UnsafeBufferPointer(rebasing: buffer[start..<end])) { return false }
                    } else {
                        pending.append(contentsOf: buffer[start..<end])
                        let ok = try pending.withUnsafeBufferPointer { try emit($0) }
                        pending.removeAll(keepingCapacity: true)
                        if !ok { return false }
                    }
                    start = end + 1
                    i = start
                }
                if start < n {
                    pending.append(contentsOf: buffer[start..<n])
                    if pending.count > maximumLineLength {
                        throw Failure.lineTooLong(line: lineNumber + 1, limit: maximumLineLength)
                    }
                }
                return true
            }
            if !keepGoing { return }
        }
        if !pending.isEmpty {
            _ = try pending.withUnsafeBufferPointer { try emit($0) }
        }
    }
}
