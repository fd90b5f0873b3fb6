/// The phonetic skeleton of a romanized (or Hangul) name: the candidate key under which the
/// lookup index files every Korean-readable form.
///
/// It keeps the consonant frame and folds everything that romanizations and popular
/// spellings disagree on: every vowel run (a, eo, ŏ, u, oo, you, wee, y, w...) is one vowel
/// symbol; k/g/c/q, t/d, p/b/f/v, j/ch/tch/z, s/sh/x, r/l are one class each; doubled
/// consonants collapse; an h that does not start a syllable is dropped (Koh, Ahn, Young-aah);
/// `wh` is read as `hw` (Kyung-wha); `ng` is n + k-class, like ㅇ as a final.
/// Matching skeletons only make two names *candidates*: ``SyllableMatcher`` then verifies
/// them syllable by syllable, so "Seung-ho" and "Seung-hoon" (different skeletons anyway) or
/// "Min-ju" and "Min-ja" (same skeleton) stay apart.
enum PhoneticSkeleton {
    static let vowel: UInt8 = 1
    static let k: UInt8 = 2, t: UInt8 = 3, p: UInt8 = 4, j: UInt8 = 5, s: UInt8 = 6
    static let h: UInt8 = 7, n: UInt8 = 8, l: UInt8 = 9, m: UInt8 = 10
    /// Number of distinct symbols (for neighbourhood generation): 1...10.
    static let symbolCount: UInt8 = 10

    /// Appends a symbol, collapsing a repeat of the previous one.
    @inline(__always) static func push(_ symbol: UInt8, into out: inout [UInt8]) {
        if out.last != symbol { out.append(symbol) }
    }

    @inline(__always) private static func isVowelLetter(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x77 || c == 0x79  // a e i o u w y
    }

    /// Appends the skeleton of one token of folded ASCII lower-case letters.
    static func appendLatin(_ letters: some Collection<UInt8>, into out: inout [UInt8]) {
        let scanned: Void? = letters.withContiguousStorageIfAvailable { token in
            scanLatin(token) { symbol, _ in push(symbol, into: &out) }
        }
        if scanned == nil {
            Array(letters).withUnsafeBufferPointer { token in scanLatin(token) { symbol, _ in push(symbol, into: &out) } }
        }
    }

    /// The bit a vowel letter adds to a vowel run's mask (``VowelRuns``): a, e, i, o, u one bit
    /// each; w and y (vowel letters to the skeleton) none.
    @inline(__always) static func vowelBit(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x61: return 1
        case 0x65: return 2
        case 0x69: return 4
        case 0x6F: return 8
        case 0x75: return 16
        default: return 0
        }
    }

    /// Reads one token of folded ASCII lower-case letters (bit 7, a token mark, ignored) as the
    /// skeleton does, calling `emit(symbol, vowelBit)` for each symbol before any collapsing;
    /// `vowelBit` is the letter's ``vowelBit(_:)`` for a vowel symbol, 0 otherwise. The one
    /// reader of Latin letters, so that the skeleton and the vowel runs agree by construction.
    @inline(__always) static func scanLatin(_ a: UnsafeBufferPointer<UInt8>, _ emit: (UInt8, UInt8) -> Void) {
        var i = 0
        let count = a.count
        while i < count {
            let c = a[i] & 0x7F
            let next: UInt8 = i + 1 < count ? a[i + 1] & 0x7F : 0
            switch c {
            case 0x74 where next == 0x63 && i + 2 < count && a[i + 2] & 0x7F == 0x68:  // tch
                emit(j, 0); i += 3; continue
            case 0x63 where next == 0x68: emit(j, 0); i += 2; continue      // ch
            case 0x73 where next == 0x68: emit(s, 0); i += 2; continue      // sh
            case 0x70 where next == 0x68: emit(p, 0); i += 2; continue      // ph
            case 0x74 where next == 0x68: emit(t, 0); i += 2; continue      // th
            case 0x6B where next == 0x68, 0x67 where next == 0x68: emit(k, 0); i += 2; continue  // kh gh
            case 0x72 where next == 0x68: emit(l, 0); i += 2; continue      // rh (Rhee)
            case 0x77 where next == 0x68: emit(h, 0); emit(vowel, 0); i += 2; continue  // wh = hw
            case 0x68:
                if isVowelLetter(next) { emit(h, 0) }
                i += 1; continue
            default: break
            }
            let symbol: UInt8
            switch c {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x77, 0x79: symbol = vowel
            case 0x6B, 0x67, 0x63, 0x71: symbol = k
            case 0x74, 0x64: symbol = t
            case 0x70, 0x62, 0x66, 0x76: symbol = p
            case 0x6A, 0x7A: symbol = j
            case 0x73, 0x78: symbol = s
            case 0x72, 0x6C: symbol = l
            case 0x6E: symbol = PhoneticSkeleton.n
            case 0x6D: symbol = m
            default: i += 1; continue
            }
            emit(symbol, symbol == vowel ? vowelBit(c) : 0)
            i += 1
        }
    }

    /// Appends the skeleton of Hangul syllables (offsets from U+AC00).
    static func appendHangul(_ syllables: some Collection<UInt16>, into out: inout [UInt8]) {
        for s in syllables { HangulSpelling.skeleton(s, into: &out) }
    }

    /// Packs a skeleton into a 64-bit key: 4 bits a symbol up to 15 symbols, a hash with the
    /// top bit set beyond that.
    @inline(__always) static func key(_ symbols: some Collection<UInt8>) -> UInt64 {
        if symbols.count <= 15 {
            var key: UInt64 = 0
            for s in symbols { key = key << 4 | UInt64(s) }
            return key
        }
        var hash = StableHash()
        for s in symbols { hash.combine(UInt32(s)) }
        return hash.value | (1 << 63)
    }
}

/// FNV-1a-style 64-bit hash over 32-bit units; stable across runs and processes (the index
/// cache stores these values), unlike Swift's seeded `Hasher`.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    @inline(__always) mutating func combine(_ unit: UInt32) {
        value = (value ^ UInt64(unit)) &* 0x100000001b3
        value ^= value >> 29
    }

    /// Hash of a string's scalars.
    static func of(_ text: some Sequence<Unicode.Scalar>) -> UInt64 {
        var h = StableHash()
        for s in text { h.combine(s.value) }
        return h.value
    }
}
