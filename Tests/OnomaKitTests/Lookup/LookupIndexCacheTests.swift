import Foundation
@testable import OnomaKit
import OnomaTestSupport
import Testing

@Suite struct LookupIndexCacheTests {
    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <glossary xmlns="urn:onoma:glossary:1" name="cache-test">
      <entry id="koh-young-aah" kind="person">
        <name xml:lang="ko" family="고" given="영아">고영아</name>
        <name xml:lang="en" status="preferred" family="Koh" given="Young-aah">Koh Young-aah</name>
      </entry>
      <entry id="yang-zhanfeng" kind="person">
        <name xml:lang="zh-Hans">杨占峰</name>
        <name xml:lang="en" status="preferred">Yang Zhanfeng</name>
      </entry>
    </glossary>
    """

    static func folder() throws -> (URL, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-cache-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("g.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    static func answers(_ e: LookupEngine) -> [[String]] {
        ["Ko Young-a", "고영아", "양잔펑", "Yang Chan-feng", "Koh Yonug-aah"].map { q in e.lookup(q).map { "\($0.id) \($0.score) \($0.method) \($0.explanation)" } }
    }

    @Test func rebuiltThenHitWithSameAnswers() throws {
        let (dir, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (first, s1) = try LookupIndexCache.engine(files: [file], dataDirectory: TestPaths.dictionaries)
        #expect(s1 == .rebuilt)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".onoma-index").path))
        let (second, s2) = try LookupIndexCache.engine(files: [file], dataDirectory: TestPaths.dictionaries)
        #expect(s2 == .hit)
        #expect(Self.answers(first) == Self.answers(second))
        // Source locations (for diagnostics) are not cached; everything else is.
        func strip(_ es: [GlossaryEntry]) -> [GlossaryEntry] {
            es.map { e in var e = e; e.location = nil; e.names = e.names.map { var n = $0; n.location = nil; return n }; return e }
        }
        #expect(strip(second.entries) == strip(first.entries))
    }

    @Test func changedDictionaryInvalidates() throws {
        let (dir, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LookupIndexCache.engine(files: [file], dataDirectory: TestPaths.dictionaries)
        try Self.xml.replacingOccurrences(of: "Koh Young-aah", with: "Ko Young-a").write(to: file, atomically: true, encoding: .utf8)
        let (engine, status) = try LookupIndexCache.engine(files: [file], dataDirectory: TestPaths.dictionaries)
        #expect(status == .rebuilt)
        #expect(engine.lookup("Ko Young-a").first?.method == .exact)
    }

    /// A damaged cache (any byte changed, truncated, empty) is ignored and rebuilt.
    @Test(arguments: [40, 200, 1000, -1, 0])
    func corruptCacheIsRebuilt(_ damage: Int) throws {
        let (dir, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (reference, _) = try LookupIndexCache.engine(files: [file], dataDirectory: TestPaths.dictionaries)
        let cacheDir = dir.appendingPathComponent(".onoma-index")
        let cache = try #require(FileManager.default.contentsOfDirectory(at: cacheDir, includingPropertiesForKeys: nil).first)
        var bytes = try Data(contentsOf: cache)
        switch damage {
        case -1: bytes = bytes.prefix(bytes.count / 2)
        case 0: bytes = Data()
        default: bytes[min(damage, bytes.count - 1)] ^= 0x5A
        }
        try bytes.write(to: cache)
        let (engine, status) = try LookupIndexCache.engine(files: [file], dataDirectory: TestPaths.dictionaries)
        #expect(status == .rebuilt)
        #expect(Self.answers(engine) == Self.answers(reference))
    }

    @Test func unreadableDictionaryIsAnError() {
        #expect(throws: DictionaryError.self) {
            try LookupIndexCache.engine(files: [URL(fileURLWithPath: "/nonexistent/g.xml")], dataDirectory: TestPaths.dictionaries)
        }
    }
}
