#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input of `onoma normalize`, read in chunks: a file, standard input, or memory.
public protocol LineInput: AnyObject {
    /// A name for diagnostics ("-" for standard input, else the path).
    var name: String { get }
    /// The total size when known in advance (a regular file), for progress and ETA.
    var size: Int? { get }
    /// Reads up to `buffer.count` bytes; returns 0 at the end.
    /// - Throws: `NormalizeError.readFailed` when the system read fails.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Reads a file or an open file descriptor (standard input) with `read(2)`.
public final class FileLineInput: LineInput {
    public let name: String
    public let size: Int?
    private let fd: Int32
    private let owned: Bool

    /// Opens `path` for reading.
    /// - Throws: `NormalizeError.cannotOpen` with the system's reason.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw NormalizeError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw NormalizeError.cannotOpen(path: path, reason: "is a directory")
        }
        self.fd = fd
        self.name = path
        self.owned = true
        self.size = Self.regularFileSize(fd)
    }

    /// Reads an already open descriptor (not closed at the end), e.g. `STDIN_FILENO`.
    public init(fileDescriptor: Int32, name: String = "-") {
        self.fd = fileDescriptor
        self.name = name
        self.owned = false
        self.size = Self.regularFileSize(fileDescriptor)
    }

    deinit {
        if owned { close(fd) }
    }

    private static func regularFileSize(_ fd: Int32) -> Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            #else
            let n = Darwin.read(fd, buffer.baseAddress, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw NormalizeError.readFailed(name: name, reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes already in memory (tests, small inputs).
public final class MemoryLineInput: LineInput {
    public let name: String
    public var size: Int? { reader.bytes.count }
    private var reader: MemoryReader

    /// Creates a source over `bytes`.
    public init(_ bytes: [UInt8], name: String = "-") {
        reader = MemoryReader(bytes)
        self.name = name
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        reader.read(into: buffer)
    }
}

/// Errors of the normalize pipeline.
public enum NormalizeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// Reading an input failed midway.
    case readFailed(name: String, reason: String)
    /// The sink (the output) reported a failure.
    case outputFailed(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason); check the path and its permissions"
        case .readFailed(let name, let reason): return "cannot read \(name): \(reason)"
        case .outputFailed(let reason): return "cannot write the output: \(reason)"
        }
    }
}
