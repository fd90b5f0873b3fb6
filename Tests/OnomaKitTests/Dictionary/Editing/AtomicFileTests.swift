import Foundation
import Testing
@testable import OnomaKit

@Suite struct AtomicFileTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesKeepsModeAndBacksUp() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.xml").path
        try AtomicFile.write(Array("old\n".utf8), to: path)
        chmod(path, 0o640)
        try AtomicFile.write(Array("new\n".utf8), to: path, backup: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try String(contentsOfFile: path + "~", encoding: .utf8) == "old\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["g.xml", "g.xml~"])
    }

    @Test func followsSymbolicLinks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.xml").path, link = folder.appendingPathComponent("link.xml").path
        try AtomicFile.write(Array("a".utf8), to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write(Array("b".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "b")
    }

    @Test func aHeldLockMakesTheSecondEditorWaitThenGiveUp() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.xml").path
        let held = try FileLock(for: path)
        let start = Date()
        let error = #expect(throws: AtomicFileError.self) { try FileLock(for: path, timeout: 0.2) }
        #expect(Date().timeIntervalSince(start) >= 0.2)
        #expect(error?.description.contains("another onoma is editing it") == true)
        held.unlock()
        _ = try FileLock(for: path, timeout: 0.2)
    }

    @Test func anEditThatWouldNotValidateIsRefusedAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.xml").path
        try AtomicFile.write(Array(sampleGlossary.utf8), to: path)
        let error = #expect(throws: GlossaryFile.Failure.self) {
            try GlossaryFile.edit(path) { editor throws(GlossaryEditError) in
                try editor.update(id: "kores", EntryChange(names: [NameUpdate(language: "en", text: "KORES", status: .preferred)]))
            }
        }
        guard case .refused(let introduced, let preexisting) = error else { Issue.record("not refused: \(String(describing: error))"); return }
        #expect(introduced.count == 1 && preexisting.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == sampleGlossary)
    }

    @Test func aDeviceOrPipeIsWrittenInPlaceNeverReplaced() throws {
        // Renaming over /dev/null would replace the device with a regular file for every
        // process on the machine; a FIFO is the same case without touching /dev.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread { _ = FileManager.default.contents(atPath: fifo) }
        reader.start()
        try AtomicFile.write(Array("data".utf8), to: fifo)
        var st = stat()
        #expect(stat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        try AtomicFile.write(Array("x".utf8), to: "/dev/null")
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
        #expect(throws: AtomicFileError.self) { try AtomicFile.write(Array("x".utf8), to: folder.path) }
    }
}
