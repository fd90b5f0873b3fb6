import Foundation
import OnomaTestSupport
import Testing

/// One golden case: a folder under `Golden/` holding
/// - `args`: the arguments, one per line (`{{ROOT}}` is replaced by the repository root,
///   `{{CASE}}` by the case folder);
/// - `stdin` (optional): bytes fed to standard input;
/// - `stdout`, `stderr`: the exact expected output (a missing `stderr` means it must be empty);
/// - `status`: the expected exit code.
/// The binary runs with the case folder as its working directory.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let folder: URL
    var testDescription: String { name }

    static var all: [GoldenCase] {
        let root = TestPaths.repositoryRoot.appendingPathComponent("Tests/onomaCLITests/Golden")
        let fm = FileManager.default
        guard let groups = try? fm.contentsOfDirectory(atPath: root.path) else { return [] }
        var cases: [GoldenCase] = []
        for group in groups.sorted() {
            let groupURL = root.appendingPathComponent(group)
            guard let names = try? fm.contentsOfDirectory(atPath: groupURL.path) else { continue }
            for name in names.sorted() {
                let folder = groupURL.appendingPathComponent(name)
                if fm.fileExists(atPath: folder.appendingPathComponent("args").path) {
                    cases.append(GoldenCase(name: "\(group)/\(name)", folder: folder))
                }
            }
        }
        return cases
    }
}

@Suite struct GoldenTests {
    @Test(arguments: GoldenCase.all)
    func golden(_ c: GoldenCase) throws {
        func read(_ file: String) -> Data? { try? Data(contentsOf: c.folder.appendingPathComponent(file)) }
        let substitute: (String) -> String = {
            $0.replacingOccurrences(of: "{{ROOT}}", with: TestPaths.repositoryRoot.path)
                .replacingOccurrences(of: "{{CASE}}", with: c.folder.path)
        }
        let args = String(decoding: read("args") ?? Data(), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty }.map(substitute)
        let result = try CLIRunner.run(args, stdin: read("stdin"), workingDirectory: c.folder)
        let expectedOut = substitute(String(decoding: read("stdout") ?? Data(), as: UTF8.self))
        let expectedErr = substitute(String(decoding: read("stderr") ?? Data(), as: UTF8.self))
        let expectedStatus = Int32(String(decoding: read("status") ?? Data("0".utf8), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(result.stdout == expectedOut, "stdout of \(c.name)")
        #expect(result.stderr == expectedErr, "stderr of \(c.name)")
        #expect(result.status == expectedStatus, "exit status of \(c.name)")
    }
}
