/// The writing systems Onoma tells apart, by fast code-point ranges (no ICU call per scalar).
public enum Script: String, Sendable, Hashable, CaseIterable {
    case hangul, han, latin, other

    /// The script of one scalar; spaces, digits and punctuation are `other`.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: return .hangul
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x323AF: return .han
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin  // full-width Latin letters
        default: return .other
        }
    }

    /// Counts of letters per script in `text`.
    public struct Profile: Sendable, Hashable {
        public var hangul = 0, han = 0, latin = 0, other = 0

        /// The script with most letters, ignoring `other`; nil when there are no letters.
        public var dominant: Script? {
            let best = max(hangul, han, latin)
            if best == 0 { return nil }
            return hangul == best ? .hangul : han == best ? .han : .latin
        }

        /// True when letters of more than one of Hangul, Han and Latin occur.
        public var isMixed: Bool { [hangul, han, latin].filter { $0 > 0 }.count > 1 }
    }

    /// The letter counts of `text`. - Complexity: O(n).
    public static func profile(of text: String) -> Profile {
        var p = Profile()
        for s in text.unicodeScalars {
            switch of(s) {
            case .hangul: p.hangul += 1
            case .han: p.han += 1
            case .latin: p.latin += 1
            case .other: if s.properties.isAlphabetic { p.other += 1 }
            }
        }
        return p
    }
}
