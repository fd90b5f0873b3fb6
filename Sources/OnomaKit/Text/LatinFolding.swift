/// Folds accented Latin letters to their ASCII base letters (`ŏ` → `o`, `Ǎ` → `a`, `ß` → `ss`)
/// with a table built once from ICU's canonical decompositions, so that folding a query never
/// calls ICU.
enum LatinFolding {
    /// Ranges covered by the table: Latin-1 Supplement to Latin Extended-B, combining
    /// diacritics, and Latin Extended Additional (Vietnamese and pinyin tone letters).
    private static let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF]

    /// Letters without a canonical decomposition, folded by hand.
    private static let extra: [UInt32: String] = [
        0x00C6: "ae", 0x00E6: "ae", 0x00D8: "o", 0x00F8: "o", 0x00DF: "ss", 0x0110: "d", 0x0111: "d",
        0x0141: "l", 0x0142: "l", 0x0152: "oe", 0x0153: "oe", 0x0126: "h", 0x0127: "h", 0x0131: "i",
        0x00D0: "d", 0x00F0: "d", 0x00DE: "th", 0x00FE: "th", 0x0132: "ij", 0x0133: "ij",
    ]

    /// For each scalar in `ranges` (concatenated): nil when it is not a letter or mark,
    /// the folded ASCII bytes otherwise (empty for a combining mark).
    private static let table: [[UInt8]?] = {
        var out: [[UInt8]?] = []
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { out.append(nil); continue }
                if (0x0300...0x036F).contains(v) { out.append([]); continue }
                if let e = extra[v] { out.append(Array(e.utf8)); continue }
                guard s.properties.isAlphabetic else { out.append(nil); continue }
                let decomposed = ICU.normalize(String(s), .nfd)
                let letters = decomposed.unicodeScalars.compactMap { u -> UInt8? in
                    switch u.value {
                    case 0x41...0x5A: return UInt8(u.value + 32)
                    case 0x61...0x7A: return UInt8(u.value)
                    default: return nil
                    }
                }
                out.append(letters.isEmpty ? nil : letters)
            }
        }
        return out
    }()

    /// The folded ASCII letters of `v`, `[]` for a combining mark, nil when `v` is not a
    /// Latin letter the table covers.
    @inline(__always) static func fold(_ v: UInt32) -> [UInt8]? {
        var offset = 0
        for range in ranges {
            if range.contains(v) { return table[offset + Int(v - range.lowerBound)] }
            offset += range.count
        }
        return nil
    }
}
