import Foundation
@testable import OnomaKit
import OnomaTestSupport
import Testing

/// The editor reads a glossary through its own document model (it must keep comments and
/// layout); what it reads must be what the loader reads, or an edit would see other data
/// than `lookup` and `validate` do.
@Suite struct GlossaryDocumentTests {
    static func withoutLocations(_ g: Glossary) -> [GlossaryEntry] {
        g.entries.map { e in
            var e = e
            e.location = nil
            e.names = e.names.map { var n = $0; n.location = nil; return n }
            return e
        }
    }

    /// Every glossary the loader accepts among the shipped dictionaries and the test fixtures
    /// (rules, interchange, editing; the hostile ones are refused by both).
    static let files: [URL] = {
        let roots = [TestPaths.dictionaries, TestPaths.repositoryRoot.appendingPathComponent("Tests/OnomaKitTests/Fixtures")]
        var out: [URL] = []
        for root in roots {
            guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walk where url.pathExtension == "xml" && !url.path.contains("/hostile/") { out.append(url) }
        }
        return out.sorted { $0.path < $1.path }
    }()

    @Test func editorReadsWhatTheLoaderReads() throws {
        var compared = 0
        for url in Self.files {
            guard let loaded = try? GlossaryLoader.load(contentsOf: url) else { continue }
            let bytes = try [UInt8](Data(contentsOf: url))
            let document = try GlossaryDocument(bytes: bytes, path: url.path).glossary()
            #expect(Self.withoutLocations(document) == Self.withoutLocations(loaded), "\(url.lastPathComponent)")
            #expect(document.name == loaded.name && document.title == loaded.title, "\(url.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 20)
    }
}
