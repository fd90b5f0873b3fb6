import FuzzSupport
import OnomaKit

// Fuzzes every romanization and conversion scheme (bytes → string), names and running text.
//
// The first byte picks the options (scheme, text mode, given-name style, strict); the rest is
// the input, when it is valid UTF-8 (the CLI's line reader refuses invalid UTF-8 before any
// engine sees it). Invariants:
// - the result is valid UTF-8 (checked on the bytes, not trusted from String);
// - non-empty output for input with Hangul or Han letters, in every scheme;
// - no line break appears that was not in the input (one line out per line in);
// - no U+FFFD appears that was not in the input;
// - the family/given split, when given, is non-empty and found in the output;
// - the scheme reported is the one asked for (auto resolved to rr or pinyin);
// - deterministic: the same call twice gives the same result.

let romanizer: Romanizer = {
    do { return try Romanizer(dictionaries: Fuzz.dictionaries) } catch { Fuzz.fail("cannot load the reference data from \(Fuzz.dictionaries.path): \(error)") }
}()

let schemes = RomanizationScheme.allCases
let styles: [GivenNameStyle?] = [nil] + GivenNameStyle.allCases

/// Byte-wise containment: `String.contains` compares grapheme clusters, and a combining mark
/// after the name ("Jin" + U+20E0) would hide it.
func containsBytes(_ haystack: String, _ needle: String) -> Bool {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    guard n.count <= h.count else { return false }
    if n.isEmpty { return true }
    return (0...(h.count - n.count)).contains { i in h[i..<(i + n.count)].elementsEqual(n) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRomanize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 1 else { return 0 }
    let selector = Int(data[0])
    guard let input = Fuzz.string(UnsafeRawBufferPointer(start: data + 1, count: size - 1)) else { return 0 }
    let options = RomanizationOptions(scheme: schemes[selector % schemes.count],
                                      given: styles[(selector / schemes.count) % styles.count],
                                      text: selector & 0x80 != 0,
                                      strict: (selector / (schemes.count * styles.count)) % 2 == 1)
    let result = romanizer.romanize(input, options: options)
    let output = result.output

    Fuzz.check(String(validating: Array(output.utf8), as: UTF8.self) != nil, "output is not valid UTF-8")
    if Fuzz.hasHangulOrHan(input) {
        Fuzz.check(!output.isEmpty, "empty output for \(input.debugDescription) with \(options)")
    }
    if !input.contains(where: \.isNewline) {
        Fuzz.check(!output.contains(where: \.isNewline), "a line break appeared: \(input.debugDescription) → \(output.debugDescription) with \(options)")
    }
    if !input.unicodeScalars.contains("\u{FFFD}") {
        Fuzz.check(!output.unicodeScalars.contains("\u{FFFD}"), "U+FFFD appeared: \(input.debugDescription) → \(output.debugDescription) with \(options)")
    }
    if let family = result.family {
        Fuzz.check(!family.isEmpty, "empty family name: \(input.debugDescription) → \(result)")
        Fuzz.check(containsBytes(output, family), "family \(family.debugDescription) not in output \(output.debugDescription)")
    }
    if let given = result.given {
        // A one-syllable name has an empty given name.
        Fuzz.check(given.isEmpty || containsBytes(output, given), "given \(given.debugDescription) not in output \(output.debugDescription)")
    }
    if options.scheme != .auto {
        Fuzz.check(result.scheme == options.scheme, "asked for \(options.scheme), got \(result.scheme)")
    } else {
        Fuzz.check(result.scheme == .rr || result.scheme == .pinyin, "auto resolved to \(result.scheme)")
    }
    Fuzz.check(romanizer.romanize(input, options: options) == result, "not deterministic: \(input.debugDescription) with \(options)")
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_romanize_main")
public func fuzzRomanizeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzRomanize($0, $1) }
}
