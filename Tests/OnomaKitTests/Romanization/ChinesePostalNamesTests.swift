import Foundation
@testable import OnomaKit
import OnomaTestSupport
import Testing

/// The postal romanization table: the attested postal names of places, in simplified and
/// traditional characters, and a clear error for a malformed table.
@Suite struct ChinesePostalNamesTests {
    static let table = try! ChinesePostalNames(contentsOf: TestPaths.dictionaries
        .appendingPathComponent("reference").appendingPathComponent(ChinesePostalNames.fileName))

    @Test(arguments: [
        ("北京", ["Peking"]), ("廣州", ["Canton"]), ("广州", ["Canton"]), ("厦门", ["Amoy"]), ("天津", ["Tientsin"]),
        ("重慶", ["Chungking"]), ("四川", ["Szechwan"]), ("河北", ["Hopeh", "Hopei"]), ("瀋陽", ["Mukden"]),
        ("昆明", []), ("上海", []), ("Peking", []),
    ])
    func postalNames(_ place: String, _ expected: [String]) {
        #expect(Self.table.names(of: place) == expected)
    }

    @Test func malformedTablesAreRefusedWithTheirLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-postal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (body, line) in [("simplified\ttraditional\tpostal\n北京\t北京\t\n", 2),
                             ("# c\nsimplified\ttraditional\tpostal\nBeijing\t北京\tPeking\n", 3),
                             ("place\tpostal\n北京\tPeking\n", 1)] {
            let url = dir.appendingPathComponent("t.tsv")
            try body.write(to: url, atomically: true, encoding: .utf8)
            #expect(throws: ReferenceDataError.self) { _ = try ChinesePostalNames(contentsOf: url) }
            do { _ = try ChinesePostalNames(contentsOf: url) } catch let e as ReferenceDataError {
                #expect(e.line == line && e.file == url.path, "\(body)")
            }
        }
        #expect(throws: ReferenceDataError.self) { _ = try ChinesePostalNames(contentsOf: dir.appendingPathComponent("missing.tsv")) }
    }
}
