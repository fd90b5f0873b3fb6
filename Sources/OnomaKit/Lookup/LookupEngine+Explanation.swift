extension LookupEngine {
    /// Explanations already written during one lookup: the forms of one reading group share
    /// their syllable-by-syllable reason, and a query returns several of them (namesakes
    /// stored with the same spelling) more often than not.
    struct ExplanationMemo {
        private var items: [(group: Int32, form: String, derivation: String?, storedText: String, storedLanguage: String, text: String)] = []
        private var buffers: ExplanationScratch?

        /// The lookup's scratch buffers, made when the first explanation is written.
        mutating func scratch() -> ExplanationScratch {
            if let buffers { return buffers }
            let made = ExplanationScratch()
            buffers = made
            return made
        }

        mutating func explanation(group: Int32, form: IndexedForm, stored: NameForm, make: () -> String) -> String {
            for i in items where i.group == group && i.form == form.text && i.derivation == form.derivation
                && i.storedText == stored.text && i.storedLanguage == stored.language { return i.text }
            let text = make()
            items.append((group, form.text, form.derivation, stored.text, stored.language, text))
            return text
        }
    }

    /// Turns a candidate into a public match with its canonical name and explanation.
    func render(_ c: Candidate, options: LookupOptions, memo: inout ExplanationMemo) -> LookupMatch {
        // Text and labels only: the letters are decoded below when an explanation needs them.
        let form = index.forms.header(Int(c.form))
        // Only a damaged cache (which the checksum refuses) could fail these; never trap.
        // A stored (not derived) form's text is the name's text: not decoded twice.
        let derived = form.derivation != nil
        let entry = index.entries.summary(Int(c.entry), name: Int(form.name), language: options.language, nameText: derived)
            ?? EntrySummary(id: "?", kind: .person, canonical: "?", name: nil)
        var stored = entry.name ?? NameForm(language: "und", text: form.text)
        if !derived { stored.text = form.text }
        let canonical = entry.canonical
        let deprecated = stored.status == .deprecated
        var explanation = ""
        if options.explain {
            let scratch = memo.scratch()
            if case .syllables(_, _, _, _, _, let group) = c.reason {
                explanation = memo.explanation(group: group, form: form, stored: stored) { explain(c, form: form, stored: stored, scratch: scratch) }
            } else {
                explanation = explain(c, form: form, stored: stored, scratch: scratch)
            }
            if deprecated { explanation += "; '\(stored.text)' is a deprecated form" }
        }
        return LookupMatch(id: entry.id, kind: entry.kind, canonical: canonical, score: (c.score * 100).rounded() / 100,
                           method: c.method, matched: stored.text, explanation: explanation, deprecated: deprecated)
    }

    /// Upper-cases the first letter only ("yeong-a" → "Yeong-a").
    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    /// "Hangul", "Hanja", "Hanzi" or "Latin", after the stored form's language and script.
    static func scriptName(_ form: NameForm, _ script: NameText.Script) -> String {
        switch script {
        case .hangul: return "Hangul"
        case .han: return form.language.hasPrefix("ko") ? "Hanja" : "Hanzi"
        default: return "'\(form.language)'"
        }
    }

    private func derivedPrefix(_ form: IndexedForm, _ stored: NameForm) -> String {
        guard let label = form.derivation else { return "" }
        let storedScript = NameText(stored.text).script
        return "\(LookupEngine.scriptName(stored, storedScript)) \(stored.text) → \(label) "
    }

    private func explain(_ c: Candidate, form: IndexedForm, stored: NameForm, scratch: ExplanationScratch) -> String {
        // Bytes, not interpolation: one of these is written for nearly every match returned.
        let out = scratch.text
        out.removeAll()
        switch c.reason {
        case .exact:
            if form.derivation != nil {
                out.append(derivedPrefix(form, stored))
                out.append(form.text)
                out.append(" = query")
            } else {
                out.append("exact: the stored ")
                out.append(stored.language)
                out.append(" form '")
                out.append(stored.text)
                out.append(UInt8(ascii: "'"))
            }
        case let .normalized(swapped, organization):
            if form.derivation != nil {
                out.append(derivedPrefix(form, stored))
                out.append(UInt8(ascii: "'"))
                out.append(form.text)
            } else {
                out.append("the stored ")
                out.append(stored.language)
                out.append(" form '")
                out.append(stored.text)
            }
            out.append("' = query")
            out.append(form.script == .latin ? " (case, spacing, punctuation, tone marks ignored)" : " (case, spacing, punctuation ignored)")
            if swapped { out.append("; name order reversed (given name first)") }
            if organization { out.append("; organization words folded (&/and, The, abbreviations)") }
        case let .syllables(result, units, latinLetters, queryIsHangul, swapped, _):
            explainSyllables(result, units: units, latinLetters: latinLetters, queryIsHangul: queryIsHangul, swapped: swapped,
                             form: form, stored: stored, scratch: scratch)
        case let .fuzzy(distance, reference, wellFormed):
            var text = "\(reference) is within \(distance) slip\(distance == 1 ? "" : "s") of the query (dropped, doubled or swapped letters)"
            if wellFormed { text += "; but the query is itself a well-formed name, so it may be another person" }
            return text
        }
        return out.string()
    }

    /// The explanation of a romanization match, written into `scratch.text`. It is written for
    /// every returned romanization match: every piece (as written, RR, MR, MR folded to ASCII)
    /// goes once into one scratch buffer and is named by its range, and both buffers are reused
    /// across the matches of a lookup (with `[UInt8]`, the per-byte appends alone were a third
    /// of the cost).
    private func explainSyllables(_ result: SyllableMatcher.Result, units: [MatchUnit], latinLetters: [UInt8], queryIsHangul: Bool,
                                  swapped: Bool, form: IndexedForm, stored: NameForm, scratch: ExplanationScratch) {
        // No closures below: a closure capturing the buffers or counters made them boxed
        // variables, checked for exclusive access at run time.
        var buf = scratch.pieces
        let out = scratch.text
        buf.removeAll()
        let pieceCount = result.pieces.count, unitCount = units.count
        // Ranges in `buf`: written piece i at i; RR of unit u at pieceCount + u; MR at
        // pieceCount + unitCount + u; MR folded to ASCII at pieceCount + 2 × unitCount + u.
        // Taken out of the scratch (and put back at the end) so that it is not copied on write.
        var ranges: [Range<Int>] = []
        swap(&ranges, &scratch.ranges)
        ranges.removeAll(keepingCapacity: true)
        ranges.reserveCapacity(pieceCount + 3 * unitCount)
        // The letters each unit was matched with, from the side written in Latin letters (for a
        // Latin query, its folded tokens concatenated; for a stored Latin form, its packed
        // letters without the token marks), copied once to the end of `buf`.
        let lettersStart = buf.count
        if queryIsHangul {
            let b = buf
            _ = index.forms.withPackedLatin(form.number) { packed in for c in packed { b.append(c & 0x7F) } }
        } else {
            latinLetters.withUnsafeBufferPointer { buf.append(contentsOf: $0) }
        }
        let lettersCount = buf.count - lettersStart
        for p in result.pieces {
            let start = buf.count
            if p.end <= lettersCount { buf.append(lettersStart + p.start..<lettersStart + p.end) } else { buf.append(UInt8(ascii: "?")) }
            ranges.append(start..<buf.count)
        }
        for u in units {
            let start = buf.count
            for i in 0..<u.syllableCount { HangulSpelling.appendRR(u.syllable(i), into: &buf) }
            ranges.append(start..<buf.count)
        }
        let rr = pieceCount, mr = pieceCount + unitCount, ascii = pieceCount + 2 * unitCount
        // MR writes a plain consonant voiced inside a word (Kyŏng-hwa but Chŏng Ho-yŏn, Sŏngjin).
        // Only needed when the query is not plain RR.
        var needMR = pieceCount != unitCount
        if !needMR {
            for i in 0..<pieceCount where !buf.same(ranges[i], ranges[rr + i]) { needMR = true; break }
        }
        if needMR {
            // MR of each unit, then the same folded to ASCII (after all the MR pieces).
            var voicedFlags: UInt64 = 0  // bit n: syllable n (counted across units) written voiced
            var n = 0
            for (k, u) in units.enumerated() {
                let start = buf.count
                for j in 0..<u.syllableCount {
                    let s = u.syllable(j)
                    var voiced = false
                    if (k > 0 || j > 0) && k < pieceCount {
                        // Written voiced when the piece is the voiced MR folded to ASCII.
                        let probe = buf.count
                        HangulSpelling.appendMR(s, voiced: true, ascii: true, into: &buf)
                        voiced = buf.same(ranges[k], probe..<buf.count)
                        buf.truncate(to: probe)
                    }
                    if voiced && n < 64 { voicedFlags |= 1 << UInt64(n) }
                    HangulSpelling.appendMR(s, voiced: voiced, ascii: false, into: &buf)
                    n += 1
                }
                ranges.append(start..<buf.count)
            }
            n = 0
            for u in units {
                let start = buf.count
                for j in 0..<u.syllableCount {
                    HangulSpelling.appendMR(u.syllable(j), voiced: n < 64 && voicedFlags & (1 << UInt64(n)) != 0, ascii: true, into: &buf)
                    n += 1
                }
                ranges.append(start..<buf.count)
            }
        }
        // Source: "query Hangul 고영아", "Hangul 고영아" or "<script> <stored> → <derivation> <form>".
        if queryIsHangul {
            out.append("query Hangul ")
            for u in units { for j in 0..<u.syllableCount { ExplanationText.appendHangul(u.syllable(j), to: out) } }
        } else {
            let prefix = derivedPrefix(form, stored)
            if prefix.isEmpty { out.append("Hangul ") } else { out.append(prefix) }
            out.append(form.text)
        }
        var writtenIsMR = needMR && pieceCount == unitCount
        if writtenIsMR {
            for i in 0..<pieceCount where !buf.same(ranges[i], ranges[ascii + i]) { writtenIsMR = false; break }
        }
        let approximate = needMR && !writtenIsMR
        out.append(writtenIsMR ? " → McCune–Reischauer '" : " → Revised Romanization '")
        ExplanationText.appendDisplay(buf, ranges, from: writtenIsMR ? mr : rr, units: units, swapped: swapped, to: out)
        out.append(approximate ? "' ≈ " : "' = ")
        if queryIsHangul { out.append(UInt8(ascii: "'")); out.append(form.text); out.append(UInt8(ascii: "'")) } else { out.append("query") }
        if approximate {
            var first = true
            for (i, p) in result.pieces.enumerated() {
                let u = units[p.unit]
                if buf.same(ranges[i], ranges[rr + p.unit]) || buf.same(ranges[i], ranges[ascii + p.unit]) { continue }
                out.append(first ? "; " : ", ")
                first = false
                if u.isFamily {
                    out.append("surname variant ")
                    ExplanationText.appendCapitalized(buf.bytes(ranges[i]), to: out)
                } else {
                    out.append("variant ")
                    out.append(contentsOf: buf.bytes(ranges[i]))
                }
                out.append(" for ")
                for j in 0..<u.syllableCount { ExplanationText.appendHangul(u.syllable(j), to: out) }
                out.append(" (RR ")
                if u.isFamily { ExplanationText.appendCapitalized(buf.bytes(ranges[rr + p.unit]), to: out) } else { out.append(contentsOf: buf.bytes(ranges[rr + p.unit])) }
                out.append(UInt8(ascii: ")"))
            }
        }
        if swapped { out.append("; given name first") }
        swap(&ranges, &scratch.ranges)
    }
}

/// The buffers one lookup's explanations are written in, reused from match to match.
final class ExplanationScratch {
    /// Pieces of a romanization explanation (what was written, RR, MR...), named by range.
    let pieces = ByteBuffer(capacity: 256)
    /// The explanation being written.
    let text = ByteBuffer(capacity: 256)
    @exclusivity(unchecked) var ranges: [Range<Int>] = []
}

/// Byte-level pieces of explanations.
enum ExplanationText {
    /// Appends "Family Given-name" (or "Given-name Family" when `swapped`), each capitalized,
    /// from the pieces of `units` at `ranges[from + u]`: the last family unit is the family
    /// name, the others are joined with hyphens.
    static func appendDisplay(_ buf: ByteBuffer, _ ranges: [Range<Int>], from: Int, units: [MatchUnit], swapped: Bool, to out: ByteBuffer) {
        var family: Range<Int>? = nil
        for (u, unit) in units.enumerated() where unit.isFamily { family = ranges[from + u] }
        func appendGiven() {
            var first = true
            for (u, unit) in units.enumerated() where !unit.isFamily {
                let piece = buf.bytes(ranges[from + u])
                if first { appendCapitalized(piece, to: out) } else { out.append(UInt8(ascii: "-")); out.append(contentsOf: piece) }
                first = false
            }
        }
        guard let family, !family.isEmpty else { appendGiven(); return }
        if swapped {
            appendGiven()
            out.append(UInt8(ascii: " "))
            appendCapitalized(buf.bytes(family), to: out)
        } else {
            appendCapitalized(buf.bytes(family), to: out)
            out.append(UInt8(ascii: " "))
            appendGiven()
        }
    }

    /// Appends a Hangul syllable (offset from U+AC00) as UTF-8: three bytes, as every syllable is.
    @inline(__always) static func appendHangul(_ s: UInt16, to out: ByteBuffer) {
        let v = UInt32(s) + 0xAC00
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }

    /// Appends `text` with its first character upper-cased, as ``LookupEngine/capitalized(_:)``
    /// does (ASCII in place; any other first character through `String`, e.g. MR's ŏ → Ŏ).
    static func appendCapitalized(_ text: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        guard let first = text.first else { return }
        if first < 0x80 {
            out.append(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? first - 32 : first)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text.dropFirst()))
        } else {
            out.append(LookupEngine.capitalized(String(decoding: text, as: UTF8.self)))
        }
    }
}
