/// Minimal, fast JSON rendering for the CLI's `json`/`jsonl` output: objects are written
/// field by field in a fixed order so that output is stable and diffable.
struct JSONObject {
    private(set) var text = "{"
    private var first = true

    init() {}

    private mutating func key(_ k: String) {
        if !first { text += "," }
        first = false
        JSONObject.appendString(k, to: &text)
        text += ":"
    }

    mutating func add(_ k: String, _ value: String?) {
        key(k)
        if let value { JSONObject.appendString(value, to: &text) } else { text += "null" }
    }

    mutating func add(_ k: String, _ value: Int) {
        key(k)
        text += String(value)
    }

    mutating func add(_ k: String, _ value: Double) {
        key(k)
        text += JSONObject.number(value)
    }

    mutating func add(_ k: String, _ value: Bool) {
        key(k)
        text += value ? "true" : "false"
    }

    /// Adds an already-rendered JSON value (an array or object).
    mutating func add(_ k: String, raw: String) {
        key(k)
        text += raw
    }

    mutating func add(_ k: String, strings: [String]) {
        key(k)
        text += JSONObject.array(strings.map { JSONObject.quoted($0) })
    }

    /// The finished object.
    var rendered: String { text + "}" }

    static func array(_ renderedItems: [String]) -> String {
        "[" + renderedItems.joined(separator: ",") + "]"
    }

    static func quoted(_ s: String) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
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

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { needsEscape = true; break }
        if !needsEscape {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case let c where c.value < 0x20:
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
