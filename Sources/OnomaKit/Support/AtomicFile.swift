import Foundation

/// Crash-safe replacement of a file's content: write a temporary file in the same folder,
/// `fsync` it, `rename` it over the target, `fsync` the folder. A crash or `kill -9` at any
/// moment leaves either the old file or the new one, never a truncated or mixed one (a stray
/// `.NAME.onoma-XXXXXX` temporary file may remain and is safe to delete).
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `bytes`.
    /// - Parameters:
    ///   - path: the target; a symbolic link is followed so the link stays a link.
    ///   - backup: when true and the file exists, its previous content is kept as `path~`
    ///     (a hard link to the old file, so it costs no copy; an existing `path~` is replaced).
    /// - Throws: `AtomicFileError` naming the step that failed; the target is then untouched.
    public static func write(_ bytes: [UInt8], to path: String, backup: Bool = false) throws(AtomicFileError) {
        let target = resolvedPath(path)
        var existing = stat()
        if stat(target, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw AtomicFileError(path: path, step: "write to a folder (give a file name)", errno: EISDIR)
            default:
                // A device, pipe or socket (-o /dev/stdout, /dev/null, a FIFO): there is nothing to
                // replace atomically, and renaming over it would replace the device with a file.
                try writeStream(bytes, to: target, displayPath: path)
                return
            }
        }
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var template = Array("\(folder)/.\(base).onoma-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw AtomicFileError(path: path, step: "create a temporary file in \(folder)", errno: errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            try writeAll(bytes, to: fd, displayPath: path)
            // Keep the old file's permissions; a new file gets the usual 0666 & ~umask.
            var st = stat()
            let mode: mode_t
            if stat(target, &st) == 0 { mode = st.st_mode & 0o7777 } else {
                let mask = umask(0); umask(mask)
                mode = 0o666 & ~mask
            }
            fchmod(fd, mode)
            guard fsync(fd) == 0 else { throw AtomicFileError(path: path, step: "flush the new content to disk", errno: errno) }
        }
        if backup, access(target, F_OK) == 0 {
            let backupPath = target + "~"
            unlink(backupPath)
            if link(target, backupPath) != 0 {
                // Some file systems have no hard links: copy instead.
                guard let old = FileManager.default.contents(atPath: target),
                      FileManager.default.createFile(atPath: backupPath, contents: old) else {
                    throw AtomicFileError(path: path, step: "keep a backup in \(backupPath)", errno: errno)
                }
            }
        }
        guard rename(temporary, target) == 0 else { throw AtomicFileError(path: path, step: "replace the file", errno: errno) }
        ok = true
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 {
            // The rename is only durable once the folder itself is on disk.
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Writes `bytes` into an existing non-regular file (device, pipe) in place.
    private static func writeStream(_ bytes: [UInt8], to target: String, displayPath: String) throws(AtomicFileError) {
        let fd = open(target, O_WRONLY)
        guard fd >= 0 else { throw AtomicFileError(path: displayPath, step: "open for writing", errno: errno) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, displayPath: displayPath)
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32, displayPath: String) throws(AtomicFileError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: displayPath, step: "write the new content", errno: errno)
            }
            written += n
        }
    }

    /// The path with symbolic links resolved when it exists, else as given.
    static func resolvedPath(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}

/// A failed atomic write or lock: which step failed and why.
public struct AtomicFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file being written.
    public var path: String
    /// What was being done.
    public var step: String
    /// The system error number (0 when not a system error).
    public var errno: Int32

    /// Creates an error.
    public init(path: String, step: String, errno: Int32) {
        self.path = path
        self.step = step
        self.errno = errno
    }

    public var description: String {
        errno == 0 ? "\(path): could not \(step)" : "\(path): could not \(step): \(String(cString: strerror(errno)))"
    }
}

/// An exclusive advisory lock (`flock`) on `FILE.lock`, so that two editors of `FILE` cannot
/// interleave their read-modify-write. The lock file is left in place on purpose: deleting it
/// would let a third process lock a new file while a second still holds the old one.
public final class FileLock {
    private var fd: Int32

    /// Waits up to `timeout` seconds for the lock on `path + ".lock"`.
    /// - Throws: `AtomicFileError` when the lock file cannot be created or another process
    ///   holds the lock for longer than `timeout`.
    public init(for path: String, timeout: Double = 30) throws(AtomicFileError) {
        let lockPath = AtomicFile.resolvedPath(path) + ".lock"
        fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw AtomicFileError(path: path, step: "create the lock file \(lockPath)", errno: errno) }
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 2_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            guard e == EWOULDBLOCK || e == EINTR else {
                close(fd); fd = -1
                throw AtomicFileError(path: path, step: "lock \(lockPath)", errno: e)
            }
            if Date() >= deadline {
                close(fd); fd = -1
                throw AtomicFileError(path: path, step: "lock \(lockPath) within \(Int(timeout)) s (another onoma is editing it)", errno: 0)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    /// Releases the lock (also done on deinit).
    public func unlock() {
        if fd >= 0 { flock(fd, LOCK_UN); close(fd); fd = -1 }
    }

    deinit { unlock() }
}
