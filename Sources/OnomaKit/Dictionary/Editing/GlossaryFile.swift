import Foundation

/// Safe read-modify-write of a glossary file: lock, read, edit, validate the result, write
/// atomically. Used by every `onoma dict` editing command.
public enum GlossaryFile {
    /// How to write.
    public struct WriteOptions: Sendable {
        /// Compute everything but write nothing (`--dry-run`).
        public var dryRun: Bool
        /// Keep the previous content as `FILE~`.
        public var backup: Bool
        /// How long to wait for another editor's lock, in seconds.
        public var lockTimeout: Double

        /// Creates options.
        public init(dryRun: Bool = false, backup: Bool = false, lockTimeout: Double = 30) {
            self.dryRun = dryRun
            self.backup = backup
            self.lockTimeout = lockTimeout
        }
    }

    /// What an edit produced.
    public struct Outcome: Sendable {
        /// The file before the edit.
        public var original: [UInt8]
        /// The file after the edit (written unless a dry run or refused).
        public var edited: [UInt8]
        /// Validation diagnostics of the edited file (warnings and infos when written).
        public var diagnostics: [Diagnostic]
        /// Whether the file was replaced.
        public var written: Bool
    }

    /// Why a transaction failed.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The file could not be read, locked or written.
        case io(AtomicFileError)
        /// The edit itself failed (no such entry, duplicate id, unreadable input...).
        case edit(GlossaryEditError)
        /// The edited file would not validate; nothing was written. `introduced` are the errors
        /// the edit adds; `preexisting` those the file already had.
        case refused(introduced: [Diagnostic], preexisting: [Diagnostic])

        public var description: String {
            switch self {
            case .io(let e): return e.description
            case .edit(let e): return e.description
            case .refused(let introduced, let preexisting):
                return (introduced + preexisting).map(\.description).joined(separator: "\n")
            }
        }
    }

    /// Reads a whole file.
    /// - Throws: `AtomicFileError` when it cannot be read.
    public static func read(_ path: String) throws(AtomicFileError) -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        // FileHandle also reads pipes and devices (/dev/stdin), which FileManager does not.
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            throw AtomicFileError(path: path, step: "read the file", errno: access(path, R_OK) == 0 ? EIO : errno)
        }
        return [UInt8](data)
    }

    /// Edits the glossary at `path`: takes the `FILE.lock` lock, reads the file, runs `body` on
    /// an editor, validates the result and, unless it has errors or this is a dry run, replaces
    /// the file atomically.
    /// - Throws: `GlossaryFile.Failure`.
    public static func edit(_ path: String, options: WriteOptions = WriteOptions(),
                            _ body: (GlossaryEditor) throws(GlossaryEditError) -> Void) throws(Failure) -> Outcome {
        let lock: FileLock?
        do { lock = options.dryRun ? nil : try FileLock(for: path, timeout: options.lockTimeout) } catch { throw .io(error) }
        defer { lock?.unlock() }
        let original: [UInt8]
        do { original = try read(path) } catch { throw .io(error) }
        // The DOM is freed before validation starts, so the two never hold memory together.
        let edited: [UInt8]
        do {
            let editor = try GlossaryEditor(bytes: original, path: path)
            try body(editor)
            edited = editor.serialized()
        } catch { throw .edit(error) }
        return try commit(original: original, edited: edited, to: path, options: options)
    }

    /// Validates `edited` and writes it to `path` atomically (unless a dry run). The caller
    /// holds the lock if it read `original` from `path`.
    /// - Throws: `GlossaryFile.Failure` (`.refused` when `edited` has validation errors).
    public static func commit(original: [UInt8], edited: [UInt8], to path: String, options: WriteOptions) throws(Failure) -> Outcome {
        let diagnostics = GlossaryEditValidation.validate(edited, path: path)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            // Say which errors the edit introduced and which the file already had.
            let before = original.isEmpty ? [] : GlossaryEditValidation.validate(original, path: path)
            let beforeMessages = Set(before.filter { $0.severity == .error }.map { "\($0.code) \($0.message)" })
            let introduced = errors.filter { !beforeMessages.contains("\($0.code) \($0.message)") }
            let preexisting = errors.filter { beforeMessages.contains("\($0.code) \($0.message)") }
            throw .refused(introduced: introduced, preexisting: preexisting)
        }
        var written = false
        if !options.dryRun && edited != original {
            do { try AtomicFile.write(edited, to: path, backup: options.backup) } catch { throw .io(error) }
            written = true
        }
        return Outcome(original: original, edited: edited, diagnostics: diagnostics, written: written)
    }
}

extension GlossaryFile {
    /// Every validation diagnostic for the glossary in `bytes` (what `commit` checks).
    public static func validate(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        GlossaryEditValidation.validate(bytes, path: path)
    }
}
