import Foundation

/// Paths shared by the test targets.
public enum TestPaths {
    /// The repository root (where Package.swift is).
    public static let repositoryRoot: URL = {
        // This file is Tests/OnomaTestSupport/Fixtures.swift.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// The shipped `Dictionaries/` folder.
    public static var dictionaries: URL { repositoryRoot.appendingPathComponent("Dictionaries") }
}
