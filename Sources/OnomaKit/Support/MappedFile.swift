import Foundation

/// A whole file mapped read-only into memory, its pages populated by the kernel in one go
/// (`MAP_POPULATE`): the index cache and the dictionaries it hashes are read once, start to end,
/// and on a virtual machine faulting tens of thousands of pages one by one costs more than the
/// lookup itself. Unmapped when released.
final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and lives as long as this object.
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?
    /// Whether `base` is a copy on the heap rather than a mapping.
    private let copied: Bool

    /// A copy of `data` (for what cannot be mapped: a pipe, a device).
    init(copying data: Data) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(1, data.count), alignment: 16)
        data.withUnsafeBytes { if let src = $0.baseAddress { p.copyMemory(from: src, byteCount: data.count) } }
        base = p
        copied = true
        bytes = UnsafeRawBufferPointer(start: p, count: data.count)
    }

    /// The bytes as `Data`, without a copy; valid while this object lives.
    var data: Data {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: start), count: bytes.count, deallocator: .none)
    }

    /// Maps `url`; nil when it cannot be opened or mapped (the caller reads it another way or
    /// reports the error).
    init?(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        copied = false
        if size == 0 {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        base = p
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    deinit {
        if let base {
            if copied { base.deallocate() } else { munmap(base, bytes.count) }
        }
    }
}
