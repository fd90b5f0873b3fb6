import Foundation
import Testing

/// Crash safety and concurrency of `onoma dict` edits, with the real binary.
@Suite(.serialized) struct DictSafetyTests {
    /// A glossary of `count` generated entries in the canonical layout.
    static func bigGlossary(_ count: Int) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generated for the kill test -->\n<glossary xmlns=\"urn:onoma:glossary:1\" name=\"big\">\n"
        for i in 0..<count {
            s += "  <entry id=\"e\(i)\" kind=\"person\">\n    <name xml:lang=\"ko\">김\(i)</name>\n    <name xml:lang=\"en\" status=\"preferred\">Kim \(i)</name>\n    <note>generated entry \(i)</note>\n  </entry>\n"
        }
        return s + "</glossary>\n"
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = CLIRunner.executable
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// `kill -9` at random moments during `onoma dict add`: the file is always exactly the old
    /// content or exactly the new content, never anything else.
    @Test func killDuringWriteLeavesTheOldOrTheNewFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.xml").path
        try Self.bigGlossary(5_000).write(toFile: file, atomically: false, encoding: .utf8)
        let scratch = dir.appendingPathComponent("scratch.xml").path
        func args(_ path: String, _ k: Int) -> [String] {
            ["dict", "add", path, "--id", "added-\(k)", "--kind", "person", "--name", "ko:추가\(k)", "--name", "en:Added \(k):preferred"]
        }
        // How long an uninterrupted edit takes, to aim the kills at its whole run, write included.
        try FileManager.default.copyItem(atPath: file, toPath: scratch)
        let t0 = Date()
        let probe = try Self.start(args(scratch, 0))
        probe.waitUntilExit()
        #expect(probe.terminationStatus == 0)
        let duration = Date().timeIntervalSince(t0)
        try FileManager.default.removeItem(atPath: scratch)

        var unchanged = 0, replaced = 0
        var generator = SystemRandomNumberGenerator()
        // The kill window adapts to how fast runs really are on this machine now: when one
        // outcome has not shown up for a while, aim later (or earlier). At least 25 kills, at
        // most 80, and the loop ends only once both outcomes have been seen.
        var scale = 1.0
        for k in 1...80 {
            if k >= 25 && unchanged > 0 && replaced > 0 { break }
            if k % 5 == 0 && replaced == 0 { scale *= 1.5 }
            if k % 5 == 0 && unchanged == 0 { scale /= 1.5 }
            let old = try Data(contentsOf: URL(fileURLWithPath: file))
            let p = try Self.start(args(file, k))
            usleep(useconds_t(Double.random(in: 0.2...1.6, using: &generator) * scale * duration * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try Data(contentsOf: URL(fileURLWithPath: file))
            if now == old {
                unchanged += 1
            } else {
                // The new content must be exactly what an uninterrupted edit writes.
                try old.write(to: URL(fileURLWithPath: scratch))
                let redo = try Self.start(args(scratch, k))
                redo.waitUntilExit()
                let expected = try Data(contentsOf: URL(fileURLWithPath: scratch))
                #expect(now == expected, "iteration \(k): the file is neither the old nor the new content")
                replaced += 1
                try FileManager.default.removeItem(atPath: scratch)
            }
            // A killed writer may leave its temporary file; it never replaces the glossary.
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix(".big.xml.onoma-") {
                try FileManager.default.removeItem(atPath: dir.appendingPathComponent(name).path)
            }
        }
        // Both outcomes happened, so kills landed before and after the rename. (Delays reach
        // past the measured duration because a loaded machine makes runs slower than the probe.)
        #expect(unchanged > 0 && replaced > 0, "unchanged \(unchanged), replaced \(replaced)")
        let validate = try CLIRunner.run(["dict", "format", "--check", file])
        #expect(validate.status <= 1, "the file still parses: \(validate.stderr)")
    }

    /// Two editors adding different entries at the same moment: both entries end up in the file.
    @Test func concurrentWritersDoNotLoseEachOthersEdits() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("shared.xml").path
        try Self.bigGlossary(2_000).write(toFile: file, atomically: false, encoding: .utf8)
        for round in 0..<10 {
            let a = try Self.start(["dict", "add", file, "--id", "a-\(round)", "--kind", "term", "--name", "en:A \(round)"])
            let b = try Self.start(["dict", "add", file, "--id", "b-\(round)", "--kind", "term", "--name", "en:B \(round)"])
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for round in 0..<10 {
            #expect(text.contains("<entry id=\"a-\(round)\""), "a-\(round) lost")
            #expect(text.contains("<entry id=\"b-\(round)\""), "b-\(round) lost")
        }
    }
}
