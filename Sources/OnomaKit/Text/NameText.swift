/// A name split into tokens and folded for matching: the one pass over a name's scalars that
/// every match key is computed from.
///
/// Folding (no ICU on the common path; see ``NameText/init(_:)``):
/// - Latin letters: lower case, diacritics removed (`Ŏ` → `o`, `ǎ` → `a`, `ü` → `u`), full-width
///   forms mapped to ASCII; apostrophes (MR `Ch'an`, pinyin `Xi'an`) are dropped *inside* a
///   token so they never split a syllable;
/// - tone numbers (a digit 1-5 right after a Latin letter, `Zhan4feng1`) are dropped and end
///   the syllable;
/// - spaces, hyphens, dots, commas, slashes, brackets and other punctuation separate tokens;
///   `&` becomes the word `and`;
/// - Hangul syllables and Han characters are kept as they are (NFC); each Hangul run is one
///   token, each Han run is one token.
///
/// Anything else that is a compatibility character (ligatures, circled letters...), and Hangul
/// written as conjoining jamo, makes the whole text go once through ICU NFKC_Casefold first.
public struct NameText: Sendable, Hashable {
    /// What a token is made of.
    public enum Script: UInt8, Sendable, Hashable {
        case latin, hangul, han, digits, other
    }

    /// One token of a name.
    public struct Token: Sendable, Hashable {
        /// The token's script.
        public var script: Script
        /// The folded scalars: ASCII lower-case letters for Latin, digits for digits, the
        /// Hangul/Han characters themselves for those scripts.
        public var scalars: [Unicode.Scalar]
        /// Whether a comma follows the token ("Koh, Young-aah").
        public var commaAfter: Bool
        /// Whether the token was followed by a hyphen (given-name syllables "Young-aah").
        public var hyphenAfter: Bool

        /// The folded token as a string.
        public var text: String { String(String.UnicodeScalarView(scalars)) }
    }

    /// The tokens in reading order.
    public var tokens: [Token]

    /// Folds `text` into tokens.
    /// - Complexity: O(n) in the number of scalars; one ICU call only for compatibility
    ///   characters outside the Latin, full-width, Hangul and Han ranges.
    public init(_ text: String) {
        var tokens: [Token] = []
        tokens.reserveCapacity(4)
        if !NameText.fold(text, into: &tokens) {
            tokens.removeAll(keepingCapacity: true)
            _ = NameText.fold(ICU.normalize(text, .nfkcCasefold), into: &tokens, compatibilityDone: true)
        }
        self.tokens = tokens
    }

    /// True when there is no token.
    public var isEmpty: Bool { tokens.isEmpty }

    /// The script of the whole name: the common script of its letter tokens, `.other` when
    /// they mix (digit tokens do not count).
    public var script: Script {
        var found: Script?
        for t in tokens where t.script != .digits {
            if let f = found, f != t.script { return .other }
            found = t.script
        }
        return found ?? .digits
    }

    /// The normalized key: all tokens concatenated without separators.
    public var normalizedKey: String {
        var view = String.UnicodeScalarView()
        for t in tokens { view.append(contentsOf: t.scalars) }
        return String(view)
    }

    // MARK: folding

    /// Returns false when a compatibility character needs ICU NFKC first.
    private static func fold(_ text: String, into tokens: inout [Token], compatibilityDone: Bool = false) -> Bool {
        var current: [Unicode.Scalar] = []
        var currentScript: Script = .other
        func flush(comma: Bool = false, hyphen: Bool = false) {
            if !current.isEmpty {
                tokens.append(Token(script: currentScript, scalars: current, commaAfter: comma, hyphenAfter: hyphen))
                current.removeAll(keepingCapacity: true)
            } else if comma, !tokens.isEmpty {
                tokens[tokens.count - 1].commaAfter = true
            } else if hyphen, !tokens.isEmpty {
                tokens[tokens.count - 1].hyphenAfter = true
            }
        }
        func append(_ s: Unicode.Scalar, _ script: Script) {
            if script != currentScript, !current.isEmpty { flush() }
            currentScript = script
            current.append(s)
        }
        var previousWasLatinLetter = false
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                switch v {
                case 0x41...0x5A: append(Unicode.Scalar(v + 32)!, .latin); previousWasLatinLetter = true; continue
                case 0x61...0x7A: append(s, .latin); previousWasLatinLetter = true; continue
                case 0x30...0x39:
                    if previousWasLatinLetter && currentScript == .latin && v >= 0x31 && v <= 0x35 {
                        // A tone number ends the syllable.
                        flush(); previousWasLatinLetter = false; continue
                    }
                    append(s, .digits); previousWasLatinLetter = false; continue
                case 0x27, 0x60: continue  // apostrophes: drop without splitting (Ch'an, Xi'an)
                case 0x2C: flush(comma: true)
                case 0x2D: flush(hyphen: true)
                case 0x26:
                    flush(); tokens.append(Token(script: .latin, scalars: ["a", "n", "d"], commaAfter: false, hyphenAfter: false))
                default: flush()
                }
                previousWasLatinLetter = false
                continue
            }
            if v >= 0xAC00 && v <= 0xD7A3 { append(s, .hangul); previousWasLatinLetter = false; continue }
            // Hangul written as conjoining jamo (decomposed): NFKC composes it into syllables.
            // (Each jamo is normalized on its own, so the check below would not catch it.)
            if !compatibilityDone && v >= 0x1100 && v <= 0x11FF { return false }
            if isHan(v) { append(s, .han); previousWasLatinLetter = false; continue }
            if let folded = LatinFolding.fold(v) {
                if folded.isEmpty { continue }  // a combining mark or a modifier apostrophe
                for f in folded { append(Unicode.Scalar(f), .latin) }
                previousWasLatinLetter = true
                continue
            }
            switch v {
            case 0xFF21...0xFF3A: append(Unicode.Scalar(v - 0xFEE0 + 32)!, .latin); previousWasLatinLetter = true; continue
            case 0xFF41...0xFF5A: append(Unicode.Scalar(v - 0xFEE0)!, .latin); previousWasLatinLetter = true; continue
            case 0xFF10...0xFF19: append(Unicode.Scalar(v - 0xFEE0)!, .digits); previousWasLatinLetter = false; continue
            case 0x2010...0x2015, 0x2212, 0xFF0D: flush(hyphen: true)   // hyphens and dashes
            case 0xFF0C, 0x3001: flush(comma: true)                    // full-width and ideographic commas
            case 0x2018, 0x2019, 0x02BB, 0x02BC, 0xFF07: continue      // typographic apostrophes
            case 0xFF06: flush(); tokens.append(Token(script: .latin, scalars: ["a", "n", "d"], commaAfter: false, hyphenAfter: false))
            default:
                let p = s.properties
                if !compatibilityDone && !p.isWhitespace && !ICU.isNormalized(String(s), .nfkcCasefold) { return false }
                if p.isWhitespace || isPunctuationOrSymbol(p.generalCategory) { flush() }
                else if p.isAlphabetic || p.numericType != nil { append(s, .other) }
                else { flush() }
            }
            previousWasLatinLetter = false
        }
        flush()
        return true
    }

    /// Han ideographs: the URO, extensions A-H and the compatibility block.
    @inline(__always) static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F) || (v >= 0xF900 && v <= 0xFAFF)
    }

    private static func isPunctuationOrSymbol(_ c: Unicode.GeneralCategory) -> Bool {
        switch c {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
            return true
        default:
            return false
        }
    }
}
