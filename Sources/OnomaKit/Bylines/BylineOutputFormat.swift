/// How `onoma normalize` writes each line.
public enum BylineOutputFormat: String, Sendable, Hashable, CaseIterable {
    /// The rewritten line.
    case text
    /// One JSON object per line: `{"line","input","output","names":[...]}` (the contract).
    case jsonl
    /// The same objects as one JSON array, streamed (`[`, objects separated by `,`, `]`).
    case json
    /// `line`, `input`, `output`, `ids` separated by tabs; tabs, carriage returns and
    /// backslashes inside fields are written `\t`, `\r`, `\\`; `ids` is a comma-separated list
    /// of the resolved entries, in order.
    case tsv
}

/// What to do with a line that is not valid UTF-8.
public enum InvalidUTF8Policy: String, Sendable, Hashable, CaseIterable {
    /// Write the line's bytes unchanged (text and tsv); jsonl, which cannot hold such bytes,
    /// writes U+FFFD for them and marks the record `"invalidUTF8":true`.
    case pass
    /// Replace each ill-formed sequence with U+FFFD, then normalize the line as usual.
    case replace
}

/// Renders normalized lines into bytes (the workers render, so that the writer only copies).
struct BylineRenderer: Sendable {
    let format: BylineOutputFormat

    /// Appends one record for a valid (or repaired) line.
    func render(_ result: NormalizedLine, line: Int, invalidUTF8: Bool, carriageReturn: Bool, into out: inout [UInt8]) {
        switch format {
        case .text:
            out.append(contentsOf: result.output.utf8)
            if carriageReturn { out.append(0x0D) }
            out.append(0x0A)
        case .tsv:
            appendDecimal(line, to: &out)
            out.append(0x09)
            appendTSV(result.input.utf8, to: &out)
            out.append(0x09)
            appendTSV(result.output.utf8, to: &out)
            out.append(0x09)
            appendIDs(result, to: &out)
            out.append(0x0A)
        case .jsonl, .json:
            out.append(contentsOf: #"{"line":"#.utf8)
            appendDecimal(line, to: &out)
            out.append(contentsOf: #","input":"#.utf8)
            appendJSONString(result.input, to: &out)
            out.append(contentsOf: #","output":"#.utf8)
            appendJSONString(result.output, to: &out)
            out.append(contentsOf: #","names":["#.utf8)
            for (k, name) in result.names.enumerated() {
                if k > 0 { out.append(0x2C) }
                out.append(contentsOf: #"{"start":"#.utf8)
                appendDecimal(name.start, to: &out)
                out.append(contentsOf: #","end":"#.utf8)
                appendDecimal(name.end, to: &out)
                out.append(contentsOf: #","text":"#.utf8)
                appendJSONString(name.text, to: &out)
                out.append(contentsOf: #","id":"#.utf8)
                if let id = name.id { appendJSONString(id, to: &out) } else { out.append(contentsOf: "null".utf8) }
                out.append(contentsOf: #","canonical":"#.utf8)
                if let c = name.canonical { appendJSONString(c, to: &out) } else { out.append(contentsOf: "null".utf8) }
                out.append(contentsOf: #","score":"#.utf8)
                if let s = name.score { out.append(contentsOf: Self.formatScore(s).utf8) } else { out.append(contentsOf: "null".utf8) }
                if let m = name.method {
                    out.append(contentsOf: #","method":"#.utf8)
                    appendJSONString(m, to: &out)
                }
                if !name.homographs.isEmpty {
                    out.append(contentsOf: (name.id == nil ? #","candidates":["# : #","homographs":["#).utf8)
                    for (k, id) in name.homographs.enumerated() {
                        if k > 0 { out.append(0x2C) }
                        appendJSONString(id, to: &out)
                    }
                    out.append(0x5D)
                }
                if name.id == nil && !name.isAmbiguous {
                    out.append(contentsOf: #","suggestion":"#.utf8)
                    if let s = name.suggestion { appendJSONString(s, to: &out) } else { out.append(contentsOf: "null".utf8) }
                }
                out.append(0x7D)
            }
            out.append(0x5D)
            if invalidUTF8 { out.append(contentsOf: #","invalidUTF8":true"#.utf8) }
            out.append(contentsOf: "}\n".utf8)
        }
    }

    /// Appends one record for a line passed through byte for byte.
    func renderPassThrough(_ bytes: ArraySlice<UInt8>, line: Int, carriageReturn: Bool, into out: inout [UInt8]) {
        switch format {
        case .text:
            out.append(contentsOf: bytes)
            if carriageReturn { out.append(0x0D) }
            out.append(0x0A)
        case .tsv:
            appendDecimal(line, to: &out)
            out.append(0x09)
            appendTSV(bytes, to: &out)
            out.append(0x09)
            appendTSV(bytes, to: &out)
            out.append(contentsOf: "\t\n".utf8)
        case .jsonl, .json:
            let text = String(decoding: bytes, as: UTF8.self)
            render(NormalizedLine(input: text, output: text, names: []), line: line, invalidUTF8: true, carriageReturn: false, into: &out)
        }
    }

    /// Scores as JSON numbers: "1.0" for exact, otherwise the shortest form ("0.94").
    static func formatScore(_ score: Double) -> String {
        score == score.rounded() ? String(format1: score) : "\(score)"
    }

    private func appendIDs(_ result: NormalizedLine, to out: inout [UInt8]) {
        var first = true
        for name in result.names {
            guard let id = name.id else { continue }
            if !first { out.append(0x2C) }
            first = false
            out.append(contentsOf: id.utf8)
        }
    }

    private func appendTSV(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for b in bytes {
            switch b {
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            default: out.append(b)
            }
        }
    }

    private func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}

func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    if value == 0 { out.append(0x30); return }
    var v = value
    if v < 0 { out.append(0x2D); v = -v }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    withUnsafeMutableBytes(of: &digits) { buf in
        while v > 0 { buf[n] = UInt8(0x30 + v % 10); v /= 10; n += 1 }
        for k in stride(from: n - 1, through: 0, by: -1) { out.append(buf[k]) }
    }
}

extension String {
    /// An integral double with one decimal: 1 → "1.0".
    init(format1 value: Double) {
        self = "\(Int(value)).0"
    }
}
