import OnomaKit

/// Minimal, fast JSON rendering for the CLI's `json`/`jsonl` output: objects are written
/// field by field in a fixed order so that output is stable and diffable.
struct JSONObject {
    // Bytes, not a String: appending to a String costs far more per call, and lookup output
    // writes a dozen fields per match.
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    init() { bytes.reserveCapacity(256) }

    private mutating func key(_ k: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONObject.appendString(k, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func add(_ k: String, _ value: String?) {
        key(k)
        if let value { JSONObject.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func add(_ k: String, _ value: Int) {
        key(k)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ k: String, _ value: Double) {
        key(k)
        JSONObject.appendNumber(value, to: &bytes)
    }

    mutating func add(_ k: String, _ value: Bool) {
        key(k)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Adds an already-rendered JSON value (an array or object).
    mutating func add(_ k: String, raw: String) {
        key(k)
        bytes.append(contentsOf: raw.utf8)
    }

    /// Adds an array of objects.
    mutating func add(_ k: String, objects: [JSONObject]) {
        key(k)
        bytes.append(UInt8(ascii: "["))
        for (i, o) in objects.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: o.bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func add(_ k: String, strings: [String]) {
        key(k)
        bytes.append(UInt8(ascii: "["))
        for (i, s) in strings.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONObject.appendString(s, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The finished object.
    var rendered: String {
        var out = bytes
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ renderedItems: [String]) -> String {
        "[" + renderedItems.joined(separator: ",") + "]"
    }

    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a literal's bytes (a `StaticString`: its bytes are read in place, where a
    /// `String`'s UTF-8 view is appended through a generic path).
    @inline(__always) static func appendLiteral<Out: ByteAppending>(_ s: StaticString, to out: inout Out) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends `prefix` (the separator, the quoted key and the colon, as one literal) and
    /// `value` as a JSON string.
    @inline(__always) static func appendMember<Out: ByteAppending>(_ prefix: StaticString, _ value: String, to out: inout Out) {
        appendLiteral(prefix, to: &out)
        appendString(value, to: &out)
    }

    /// Appends ``number(_:)`` as bytes, without building a string for the usual magnitudes
    /// (lookup output writes a score per match).
    static func appendNumber<Out: ByteAppending>(_ value: Double, to out: inout Out) {
        let scaled = (value * 10000).rounded()
        guard scaled.magnitude < 1e15, scaled != 0 || value.sign == .plus else {
            var text = number(value)
            text.withUTF8 { out.append(contentsOf: $0) }
            return
        }
        let n = Int(scaled)
        var frac = abs(n % 10000), digits = 4
        while digits > 1 && frac % 10 == 0 { frac /= 10; digits -= 1 }
        if n < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(abs(n / 10000), minimum: 1, to: &out)
        out.append(UInt8(ascii: "."))
        appendDigits(frac, minimum: digits, to: &out)
    }

    /// Appends the decimal digits of `value` (≥ 0), zero-padded to `minimum` digits.
    private static func appendDigits<Out: ByteAppending>(_ value: Int, minimum: Int, to out: inout Out) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0 && count < 20
            while count < minimum && count < 20 { d[count] = UInt8(ascii: "0"); count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }

    /// A number with at most 4 decimals and no trailing zeros beyond one ("1.0", "0.94").
    static func number(_ value: Double) -> String {
        let scaled = (value * 10000).rounded()
        // Integer arithmetic for the usual magnitudes (scores, counts): what `String(Double)`
        // prints for them, at a fraction of its cost (lookup output has a score per match).
        if scaled.magnitude < 1e15, scaled != 0 || value.sign == .plus {
            let n = Int(scaled)
            var frac = abs(n % 10000), digits = 4
            while digits > 1 && frac % 10 == 0 { frac /= 10; digits -= 1 }
            var f = String(frac)
            if f.count < digits { f = String(repeating: "0", count: digits - f.count) + f }
            return (n < 0 ? "-" : "") + String(abs(n / 10000)) + "." + f
        }
        let rounded = scaled / 10000
        var s = String(rounded)
        if s.hasSuffix(".0") == false, s.contains("e") { s = String(format4: rounded) }
        return s
    }

    /// Appends `s` as a JSON string: `"`, `\\`, and control characters escaped (`\\n`, `\\r`,
    /// `\\t`, else `\\u00xx`), everything else as UTF-8.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    @inline(__always) static func appendString<Out: ByteAppending>(_ s: String, to out: inout Out) {
        var s = s
        s.withUTF8 { utf8 in appendString(utf8, to: &out) }
    }

    /// Whether any byte is a control character, `"` or `\\`: eight bytes at a time (lookup
    /// output writes seven strings a match).
    @inline(__always) static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return false }
        let n = utf8.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of x is zero (or, for x - ones·c, below c) when its high bit is set here, for
        // bytes below 0x80; bytes ≥ 0x80 (UTF-8 sequences) are masked out by `~x`.
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        while i + 8 <= n {
            let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if (x &- ones &* 0x20) & ~x & highs != 0 || hasZero(x ^ (ones &* 0x22)) || hasZero(x ^ (ones &* 0x5C)) { return true }
            i += 8
        }
        while i < n {
            let b = utf8[i]
            if b < 0x20 || b == 0x22 || b == 0x5C { return true }
            i += 1
        }
        return false
    }

    /// Appends UTF-8 bytes as a JSON string (see above).
    @inline(__always) static func appendString<Out: ByteAppending>(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them in one go.
        if needsEscape(utf8) { appendEscaped(utf8, to: &out) } else { out.append(contentsOf: utf8) }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes of a string that needs escapes, escaped (out of line: rare).
    @inline(never) private static func appendEscaped<Out: ByteAppending>(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        let hex = hexDigits
        for u in utf8 {
            switch u {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(u)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(u)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20: appendLiteral("\\u00", to: &out); out.append(hex[Int(u >> 4)]); out.append(hex[Int(u & 0xF)])
            default: out.append(u)
            }
        }
    }
}

private extension String {
    init(format4 value: Double) {
        // Small scores never need exponent notation; print fixed with 4 decimals.
        let scaled = Int((value * 10000).rounded())
        let whole = scaled / 10000, frac = abs(scaled % 10000)
        var f = String(frac)
        f = String(repeating: "0", count: 4 - f.count) + f
        while f.count > 1 && f.hasSuffix("0") { f.removeLast() }
        self = "\(whole).\(f)"
    }
}
