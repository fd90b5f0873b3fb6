import Foundation
import OnomaKit

/// Helpers shared by the fuzz targets: invariant checks that stop the run with a message
/// libFuzzer reports as a crash (the input is then saved as `crash-<sha1>`), and access to
/// the repository's `Dictionaries/`.
public enum Fuzz {
    /// Stops the process with `message` when `condition` is false. `abort()` rather than
    /// `fatalError`, so that libFuzzer's deadly-signal handler writes the crashing input.
    @inline(__always)
    public static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                             file: StaticString = #fileID, line: UInt = #line) {
        if !condition() {
            fail(message(), file: file, line: line)
        }
    }

    /// Reports a broken invariant and aborts.
    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        let text = "\n==onoma-fuzz== invariant broken at \(file):\(line): \(message)\n"
        FileHandle.standardError.write(Data(text.utf8))
        abort()
    }

    /// The repository's `Dictionaries/` (this file is Fuzz/Sources/FuzzSupport/FuzzSupport.swift),
    /// unless `ONOMA_DICTIONARIES` says otherwise.
    public static let dictionaries: URL = {
        if let env = ProcessInfo.processInfo.environment[OnomaData.environmentVariable], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Dictionaries", isDirectory: true)
    }()

    /// The input as a string when it is valid UTF-8, else nil (Onoma's line readers refuse
    /// invalid UTF-8 before any engine sees it, so the engines are fuzzed with valid strings).
    public static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// True when `s` contains a Hangul syllable or a Han ideograph.
    public static func hasHangulOrHan(_ s: String) -> Bool {
        s.unicodeScalars.contains { isHangul($0) || isHan($0) }
    }

    /// Precomposed Hangul syllables (U+AC00–U+D7A3).
    public static func isHangul(_ u: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(u.value) }

    /// Han ideographs (Unicode's Ideographic property covers the CJK blocks and compatibility ideographs).
    public static func isHan(_ u: Unicode.Scalar) -> Bool { u.properties.isIdeographic && !(0x3000...0x303F).contains(u.value) }
}

@_exported import CFuzzDriver

extension Fuzz {
    /// Runs libFuzzer over `callback` (for each target's `<module>_main`, see CFuzzDriver).
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                           _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        onoma_fuzz_run(argc, argv, callback)
    }
}
