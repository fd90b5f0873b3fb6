import Foundation

extension XML {
    /// A stream of bytes for ``XML/Parser`` to read, pulled in chunks as the parse proceeds:
    /// a file is never read whole into memory, and a hostile endless stream is stopped as soon
    /// as the parser refuses it.
    public protocol ByteSource: AnyObject {
        /// Fills the start of `buffer` and returns how many bytes were written; 0 at the end.
        /// - Throws: an error whose description says what could not be read.
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    }

    /// Reads a file with `read(2)`, in the chunks the parser asks for.
    public final class FileSource: ByteSource {
        private let fd: Int32
        /// The path as given.
        public let path: String

        /// Opens `path` for reading.
        /// - Throws: ``XML/SourceError`` naming the file and the system's reason.
        public init(path: String) throws(SourceError) {
            self.path = path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw SourceError(path: path, reason: "is a directory")
            }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw SourceError(path: path, reason: String(cString: strerror(errno))) }
            self.fd = fd
        }

        deinit { close(fd) }

        public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            while true {
                let n = Foundation.read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw SourceError(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Bytes already in memory.
    public final class DataSource: ByteSource {
        private var reader: MemoryReader

        /// Reads from `data`.
        public init<D: Collection<UInt8>>(_ data: D) { reader = MemoryReader(Array(data)) }

        public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            reader.read(into: buffer)
        }
    }

    /// A file could not be opened or read.
    public struct SourceError: Error, Sendable, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// The system's reason ("No such file or directory").
        public var reason: String

        /// Creates the error.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "\(path): cannot read: \(reason)" }
    }
}
