import Foundation

/// Finds Onoma's data folder (`Dictionaries/`): the shipped glossaries, the schema and the
/// reference tables the engine always needs.
public enum OnomaData {
    /// The environment variable that overrides where `Dictionaries/` is.
    public static let environmentVariable = "ONOMA_DICTIONARIES"

    /// The data folder, looked for in order: `$ONOMA_DICTIONARIES`; `../share/onoma/Dictionaries`
    /// beside the executable (an installed tool); a `Dictionaries/` folder in the executable's
    /// folder or any folder above it (a SwiftPM build inside the repository); the repository
    /// this source file was compiled from.
    /// - Returns: nil when none exists.
    public static func defaultDirectory() -> URL? {
        let fm = FileManager.default
        func isData(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.appendingPathComponent("reference").path, isDirectory: &isDir) && isDir.boolValue
        }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = exe.deletingLastPathComponent().appendingPathComponent("share/onoma/Dictionaries", isDirectory: true)
        if isData(installed) { return installed }
        var dir = exe
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("Dictionaries", isDirectory: true)
            if isData(candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        // #filePath is .../Sources/OnomaKit/Support/OnomaData.swift in a source checkout.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Dictionaries", isDirectory: true)
        return isData(source) ? source : nil
    }
}
