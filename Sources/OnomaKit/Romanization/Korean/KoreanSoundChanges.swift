/// A syllable's final consonant as pronounced (the seven representative sounds of standard
/// pronunciation, 표준 발음법 제8–11항), after neutralization.
enum CodaSound: UInt8, Sendable {
    case none, k, n, t, l, m, p, ng
}

/// One syllable as pronounced: what the romanizers that follow pronunciation (RR text, MR)
/// write. `onset` is an initial-jamo index (see ``Jamo``).
struct SurfaceSyllable: Sendable, Hashable {
    var onset: Int
    var vowel: Int
    var coda: CodaSound
    /// The onset is the previous syllable's final consonant moved over (연음, liaison);
    /// ALA-LC writes such a consonant before the hyphen in given names (Mog-wŏl).
    var liaison: Bool
}

/// The sound-change rules of standard Korean pronunciation that RR (ch. 3 art. 1) and MR
/// write: liaison, neutralization of finals, nasalization, liquidization (ㄴ+ㄹ, ㄹ+ㄴ → ll),
/// ㄹ → ㄴ after other consonants, palatalization (ㄷ/ㅌ + 이), aspiration with a final ㅎ, and
/// n-insertion where the caller says so (it is lexical: 학여울 has it, 금요일 does not).
/// Tensing is not written by either system, so it is not modelled. Applied within one word
/// (a run of Hangul syllables), never across spaces.
enum KoreanSoundChanges {
    /// The representative sound of a final jamo index when no vowel follows.
    static let codaClass: [CodaSound] = [
        .none, .k, .k, .k, .n, .n, .n, .t, .l, .k, .m, .l, .l, .l, .p, .l, .m, .p, .p, .t, .t, .ng, .t, .t, .k, .t, .p, .t,
    ]

    /// Liaison: what stays in the coda (a final index) and which initial moves to the next
    /// syllable (nil: nothing is pronounced, as for a final ㅎ) when a vowel follows.
    static let liaisonSplit: [(stay: Int, moved: Int?)] = [
        (0, nil), (0, Jamo.g), (0, Jamo.kk), (Jamo.fG, Jamo.s), (0, Jamo.n), (Jamo.fN, Jamo.j), (0, Jamo.n), (0, Jamo.d),
        (0, Jamo.r), (Jamo.fL, Jamo.g), (Jamo.fL, Jamo.m), (Jamo.fL, Jamo.b), (Jamo.fL, Jamo.s), (Jamo.fL, Jamo.t),
        (Jamo.fL, Jamo.p), (0, Jamo.r), (0, Jamo.m), (0, Jamo.b), (Jamo.fB, Jamo.s), (0, Jamo.s), (0, Jamo.ss),
        (Jamo.fNG, nil), (0, Jamo.j), (0, Jamo.ch), (0, Jamo.k), (0, Jamo.t), (0, Jamo.p), (0, nil),
    ]

    /// Vowels before which n-insertion can happen (ㅣ ㅑ ㅕ ㅛ ㅠ).
    @inline(__always)
    static func isIotized(_ vowel: Int) -> Bool {
        vowel == Jamo.vI || vowel == Jamo.vYa || vowel == Jamo.vYeo || vowel == Jamo.vYo || vowel == Jamo.vYu
    }

    /// Applies the rules to one word.
    /// - Parameters:
    ///   - syllables: the word's syllables, in order.
    ///   - nInsertion: called for a boundary `i` (between `i-1` and `i`) where syllable `i` has
    ///     no initial consonant, an iotized vowel, and the previous syllable a final consonant;
    ///     returns true when ㄴ is inserted there.
    /// - Complexity: O(n).
    ///   - nasalLN: called for a boundary where ㄴ meets ㄹ; returns true when it is pronounced
    ///     [ㄴㄴ] (신문로 Sinmunno) rather than [ㄹㄹ] (신라 Silla).
    static func apply(_ syllables: [HangulSyllable], nInsertion: (Int) -> Bool = { _ in false }, nasalLN: (Int) -> Bool = { _ in false }) -> [SurfaceSyllable] {
        var out = [SurfaceSyllable]()
        out.reserveCapacity(syllables.count)
        for s in syllables {
            out.append(SurfaceSyllable(onset: s.initial, vowel: s.vowel, coda: .none, liaison: false))
        }
        guard !syllables.isEmpty else { return out }
        for i in 0..<syllables.count {
            var final = syllables[i].final
            guard i + 1 < syllables.count else {
                out[i].coda = codaClass[final]
                break
            }
            var onset = out[i + 1].onset
            let vowel = out[i + 1].vowel
            if onset == Jamo.null && final != 0 {
                if isIotized(vowel) && nInsertion(i + 1) {
                    onset = Jamo.n
                } else if final == Jamo.fNG {
                    out[i].coda = .ng
                    continue
                } else {
                    let split = liaisonSplit[final]
                    if var moved = split.moved {
                        if vowel == Jamo.vI && moved == Jamo.d { moved = Jamo.j }        // 해돋이 haedoji
                        if vowel == Jamo.vI && moved == Jamo.t { moved = Jamo.ch }       // 같이 gachi
                        out[i + 1].onset = moved
                        out[i + 1].liaison = true
                    }
                    out[i].coda = codaClass[split.stay]
                    continue
                }
            }
            // A final ㅎ (alone or in ㄶ ㅀ) aspirates a following ㄱ ㄷ ㅈ (좋고 joko) and is
            // otherwise silent before a consonant.
            if final == Jamo.fH || final == Jamo.fNH || final == Jamo.fLH {
                let rest = final == Jamo.fH ? 0 : (final == Jamo.fNH ? Jamo.fN : Jamo.fL)
                switch onset {
                case Jamo.g: onset = Jamo.k; final = rest
                case Jamo.d: onset = Jamo.t; final = rest
                case Jamo.j: onset = Jamo.ch; final = rest
                case Jamo.n where final == Jamo.fH: final = Jamo.fN     // 놓는 [논는]
                default: final = rest
                }
            }
            // ㄷ + 히 → 치 (굳히다 [구치다]); other finals before ㅎ keep the h (RR: 묵호 Mukho).
            if final == Jamo.fD && onset == Jamo.h && vowel == Jamo.vI {
                final = 0
                onset = Jamo.ch
            }
            var coda = codaClass[final]
            if final == Jamo.fLG && onset == Jamo.g { coda = .l }             // 맑게 [말께] malge (표준 발음법 제11항 붙임)
            if onset == Jamo.r {
                switch coda {
                case .l, .none: break
                case .n: if nasalLN(i + 1) { onset = Jamo.n } else { coda = .l }   // 신라 Silla, 신문로 Sinmunno
                default: onset = Jamo.n                                 // 종로 Jongno, 왕십리
                }
            } else if onset == Jamo.n && coda == .l {
                onset = Jamo.r                                          // 별내 Byeollae
            }
            if onset == Jamo.n || onset == Jamo.m {
                switch coda {                                           // nasalization
                case .k: coda = .ng
                case .t: coda = .n
                case .p: coda = .m
                default: break
                }
            }
            out[i].coda = coda
            out[i + 1].onset = onset
        }
        return out
    }
}
