import Foundation
@testable import OnomaKit
import Testing

/// Jamo composed as Unicode's canonical composition composes them (ICU's NFC is the reference),
/// with each composed scalar traced back to where it was written.
@Suite struct HangulCompositionTests {
    @Test(arguments: ["고영아", "김연아 기자", "By 한국광물자원공사", "각 닭 뷁 힣 가"])
    func composesLikeNFC(_ text: String) {
        let decomposed = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        #expect(!HangulComposition.mayCompose(Array(text.unicodeScalars)))
        let (scalars, origin) = HangulComposition.compose(decomposed)
        #expect(String(String.UnicodeScalarView(scalars)) == ICU.normalize(text, .nfc))
        #expect(origin.count == scalars.count + 1 && origin.last == decomposed.count)
        // Each composed syllable starts where its initial was written.
        for (k, s) in scalars.enumerated() where s.value >= 0xAC00 && s.value <= 0xD7A3 {
            #expect(decomposed[origin[k]].value >= 0x1100 && decomposed[origin[k]].value <= 0x1112)
        }
    }

    /// Every modern syllable, decomposed and recomposed, against ICU's NFC.
    @Test func everySyllable() {
        var wrong = 0
        for v in UInt32(0xAC00)...0xD7A3 {
            let text = String(Unicode.Scalar(v)!)
            let decomposed = Array(ICU.normalize(text, .nfd).unicodeScalars)
            if HangulComposition.compose(decomposed).scalars != [Unicode.Scalar(v)!] { wrong += 1 }
        }
        #expect(wrong == 0)
    }

    /// A syllable of initial and medial followed by a final jamo takes it; lone jamo, old
    /// jamo and everything else stay as written; a text without jamo has nothing to compose.
    @Test func partialAndOtherJamo() {
        let ga: Unicode.Scalar = "가", final: Unicode.Scalar = "\u{11A8}", initial: Unicode.Scalar = "\u{1100}"
        #expect(HangulComposition.compose([ga, final]).scalars == ["각"])
        #expect(HangulComposition.compose([ga, final]).origin == [0, 2])
        #expect(HangulComposition.compose([initial]).scalars == [initial])
        #expect(HangulComposition.compose([initial, "a", final]).scalars == [initial, "a", final])
        #expect(HangulComposition.compose(["각", final]).scalars == ["각", final])  // already has a final
        #expect(HangulComposition.compose(["\u{A960}", "\u{1161}"]).scalars == ["\u{A960}", "\u{1161}"])
        // Scalars next to the jamo block are not jamo.
        func may(_ text: String) -> Bool { HangulComposition.mayCompose(Array(text.unicodeScalars)) }
        #expect(!may("고영아 Koh Young-aah Nguyễn ἀ ሀ \u{10FF} \u{1200}") && !may(""))
        #expect(may("\u{1100}") && may("x\u{11FF}") && may("ễ\u{1161}"))
        #expect(HangulComposition.compose([]).origin == [0])
    }
}
