extension LookupEngine {
    /// Explanations already written during one lookup: the forms of one reading group share
    /// their syllable-by-syllable reason, and a query returns several of them (namesakes
    /// stored with the same spelling) more often than not.
    struct ExplanationMemo {
        private var items: [(group: Int32, form: String, derivation: String?, storedText: String, storedLanguage: String, text: String)] = []

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
        let entry = index.entries.summary(Int(c.entry), name: Int(form.name), language: options.language)
            ?? EntrySummary(id: "?", kind: .person, canonical: "?", name: nil)
        let stored = entry.name ?? NameForm(language: "und", text: form.text)
        let canonical = entry.canonical
        let deprecated = stored.status == .deprecated
        var explanation = ""
        if options.explain {
            if case .syllables(_, _, _, _, _, let group) = c.reason {
                explanation = memo.explanation(group: group, form: form, stored: stored) { explain(c, form: form, stored: stored) }
            } else {
                explanation = explain(c, form: form, stored: stored)
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

    private func explain(_ c: Candidate, form: IndexedForm, stored: NameForm) -> String {
        switch c.reason {
        // Bytes, not interpolation: one of these is written for nearly every match returned.
        case .exact:
            var out: [UInt8] = []
            out.reserveCapacity(64)
            if form.derivation != nil {
                ExplanationText.append(derivedPrefix(form, stored), to: &out)
                ExplanationText.append(form.text, to: &out)
                ExplanationText.appendLiteral(" = query", to: &out)
            } else {
                ExplanationText.appendLiteral("exact: the stored ", to: &out)
                ExplanationText.append(stored.language, to: &out)
                ExplanationText.appendLiteral(" form '", to: &out)
                ExplanationText.append(stored.text, to: &out)
                out.append(UInt8(ascii: "'"))
            }
            return String(decoding: out, as: UTF8.self)
        case let .normalized(swapped, organization):
            var out: [UInt8] = []
            out.reserveCapacity(128)
            if form.derivation != nil {
                ExplanationText.append(derivedPrefix(form, stored), to: &out)
                out.append(UInt8(ascii: "'"))
                ExplanationText.append(form.text, to: &out)
            } else {
                ExplanationText.appendLiteral("the stored ", to: &out)
                ExplanationText.append(stored.language, to: &out)
                ExplanationText.appendLiteral(" form '", to: &out)
                ExplanationText.append(stored.text, to: &out)
            }
            ExplanationText.appendLiteral("' = query", to: &out)
            ExplanationText.appendLiteral(form.script == .latin ? " (case, spacing, punctuation, tone marks ignored)"
                : " (case, spacing, punctuation ignored)", to: &out)
            if swapped { ExplanationText.appendLiteral("; name order reversed (given name first)", to: &out) }
            if organization { ExplanationText.appendLiteral("; organization words folded (&/and, The, abbreviations)", to: &out) }
            return String(decoding: out, as: UTF8.self)
        case let .syllables(result, units, latinLetters, queryIsHangul, swapped, _):
            return explainSyllables(result, units: units, latinLetters: latinLetters, queryIsHangul: queryIsHangul, swapped: swapped, form: form, stored: stored)
        case let .fuzzy(distance, reference, wellFormed):
            var text = "\(reference) is within \(distance) slip\(distance == 1 ? "" : "s") of the query (dropped, doubled or swapped letters)"
            if wellFormed { text += "; but the query is itself a well-formed name, so it may be another person" }
            return text
        }
    }

    /// The explanation of a romanization match, built as bytes: it is written for every
    /// returned romanization match, and with strings (pieces, joins, interpolations,
    /// `uppercased()`) it was half the work of a romanized lookup. Every piece (as written, RR,
    /// MR, MR folded to ASCII) goes into one scratch buffer and is named by its range, so the
    /// whole explanation costs a handful of allocations.
    private func explainSyllables(_ result: SyllableMatcher.Result, units: [MatchUnit], latinLetters: [UInt8], queryIsHangul: Bool,
                                  swapped: Bool, form: IndexedForm, stored: NameForm) -> String {
        // The letters each unit was matched with, from the side written in Latin letters
        // (for a Latin query, its folded tokens concatenated; for a stored Latin form, its
        // packed letters without the token marks).
        let letters: [UInt8] = queryIsHangul
            ? (index.forms.withPackedLatin(form.number) { $0.map { $0 & 0x7F } } ?? [])
            : latinLetters
        let pieceCount = result.pieces.count, unitCount = units.count
        var buf: [UInt8] = []
        buf.reserveCapacity(16 * (pieceCount + 3 * unitCount))
        // Ranges in `buf`: written piece i at i; RR of unit u at pieceCount + u; MR at
        // pieceCount + unitCount + u; MR folded to ASCII at pieceCount + 2 × unitCount + u.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pieceCount + 3 * unitCount)
        for p in result.pieces {
            let start = buf.count
            if p.end <= letters.count { buf.append(contentsOf: letters[p.start..<p.end]) } else { buf.append(UInt8(ascii: "?")) }
            ranges.append(start..<buf.count)
        }
        for u in units {
            let start = buf.count
            u.forEachSyllable { HangulSpelling.appendRR($0, into: &buf) }
            ranges.append(start..<buf.count)
        }
        let rr = pieceCount, mr = pieceCount + unitCount, ascii = pieceCount + 2 * unitCount
        // MR writes a plain consonant voiced inside a word (Kyŏng-hwa but Chŏng Ho-yŏn, Sŏngjin).
        // Only needed when the query is not plain RR.
        var needMR = pieceCount != unitCount
        if !needMR {
            for i in 0..<pieceCount where !ExplanationText.same(buf, ranges[i], ranges[rr + i]) { needMR = true; break }
        }
        if needMR {
            var voicedASCII: [UInt8] = []
            var mrRanges: [Range<Int>] = [], asciiRanges: [Range<Int>] = []
            mrRanges.reserveCapacity(unitCount)
            asciiRanges.reserveCapacity(unitCount)
            for (i, u) in units.enumerated() {
                let mrStart = buf.count
                var asciiPiece: [UInt8] = []
                var j = 0
                u.forEachSyllable { s in
                    var voiced = false
                    if (i > 0 || j > 0) && i < pieceCount {
                        voicedASCII.removeAll(keepingCapacity: true)
                        HangulSpelling.appendMR(s, voiced: true, ascii: true, into: &voicedASCII)
                        voiced = buf[ranges[i]].elementsEqual(voicedASCII)
                    }
                    HangulSpelling.appendMR(s, voiced: voiced, ascii: false, into: &buf)
                    HangulSpelling.appendMR(s, voiced: voiced, ascii: true, into: &asciiPiece)
                    j += 1
                }
                mrRanges.append(mrStart..<buf.count)
                let asciiStart = buf.count
                buf.append(contentsOf: asciiPiece)
                asciiRanges.append(asciiStart..<buf.count)
            }
            ranges.append(contentsOf: mrRanges)
            ranges.append(contentsOf: asciiRanges)
        }
        var out: [UInt8] = []
        out.reserveCapacity(160)
        // Source: "query Hangul 고영아", "Hangul 고영아" or "<script> <stored> → <derivation> <form>".
        if queryIsHangul {
            ExplanationText.appendLiteral("query Hangul ", to: &out)
            for u in units { u.forEachSyllable { ExplanationText.appendHangul($0, to: &out) } }
        } else {
            let prefix = derivedPrefix(form, stored)
            if prefix.isEmpty { ExplanationText.appendLiteral("Hangul ", to: &out) } else { ExplanationText.append(prefix, to: &out) }
            ExplanationText.append(form.text, to: &out)
        }
        let target = queryIsHangul ? "'" + form.text + "'" : "query"
        var writtenIsMR = needMR && pieceCount == unitCount
        if writtenIsMR {
            for i in 0..<pieceCount where !ExplanationText.same(buf, ranges[i], ranges[ascii + i]) { writtenIsMR = false; break }
        }
        if !needMR {
            ExplanationText.appendLiteral(" → Revised Romanization '", to: &out)
            ExplanationText.appendDisplay(buf, ranges, from: rr, units: units, swapped: swapped, to: &out)
            ExplanationText.appendLiteral("' = ", to: &out)
            ExplanationText.append(target, to: &out)
        } else if writtenIsMR {
            ExplanationText.appendLiteral(" → McCune–Reischauer '", to: &out)
            ExplanationText.appendDisplay(buf, ranges, from: mr, units: units, swapped: swapped, to: &out)
            ExplanationText.appendLiteral("' = ", to: &out)
            ExplanationText.append(target, to: &out)
        } else {
            ExplanationText.appendLiteral(" → Revised Romanization '", to: &out)
            ExplanationText.appendDisplay(buf, ranges, from: rr, units: units, swapped: swapped, to: &out)
            ExplanationText.appendLiteral("' ≈ ", to: &out)
            ExplanationText.append(target, to: &out)
            var first = true
            for (i, p) in result.pieces.enumerated() {
                let u = units[p.unit]
                if ExplanationText.same(buf, ranges[i], ranges[rr + p.unit]) || ExplanationText.same(buf, ranges[i], ranges[ascii + p.unit]) { continue }
                ExplanationText.appendLiteral(first ? "; " : ", ", to: &out)
                first = false
                if u.isFamily {
                    ExplanationText.appendLiteral("surname variant ", to: &out)
                    ExplanationText.appendCapitalized(buf[ranges[i]], to: &out)
                } else {
                    ExplanationText.appendLiteral("variant ", to: &out)
                    out.append(contentsOf: buf[ranges[i]])
                }
                ExplanationText.appendLiteral(" for ", to: &out)
                u.forEachSyllable { ExplanationText.appendHangul($0, to: &out) }
                ExplanationText.appendLiteral(" (RR ", to: &out)
                if u.isFamily { ExplanationText.appendCapitalized(buf[ranges[rr + p.unit]], to: &out) } else { out.append(contentsOf: buf[ranges[rr + p.unit]]) }
                out.append(UInt8(ascii: ")"))
            }
        }
        if swapped { ExplanationText.appendLiteral("; given name first", to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Byte-level pieces of explanations.
enum ExplanationText {
    /// Appends a literal's bytes, read in place (a `String`'s UTF-8 view is appended through
    /// a generic path, several times slower for these short pieces).
    @inline(__always) static func appendLiteral(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes, read in place.
    @inline(__always) static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Whether two ranges of `buf` hold the same bytes.
    @inline(__always) static func same(_ buf: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && buf[a].elementsEqual(buf[b])
    }

    /// Appends "Family Given-name" (or "Given-name Family" when `swapped`), each capitalized,
    /// from the pieces of `units` at `ranges[from + u]`: the last family unit is the family
    /// name, the others are joined with hyphens.
    static func appendDisplay(_ buf: [UInt8], _ ranges: [Range<Int>], from: Int, units: [MatchUnit], swapped: Bool,
                              to out: inout [UInt8]) {
        var family: Range<Int>? = nil
        var given: [UInt8] = []
        for (u, unit) in units.enumerated() {
            if unit.isFamily {
                family = ranges[from + u]
            } else {
                if !given.isEmpty { given.append(UInt8(ascii: "-")) }
                given.append(contentsOf: buf[ranges[from + u]])
            }
        }
        guard let family, !family.isEmpty else { appendCapitalized(given[...], to: &out); return }
        if swapped {
            appendCapitalized(given[...], to: &out)
            out.append(UInt8(ascii: " "))
            appendCapitalized(buf[family], to: &out)
        } else {
            appendCapitalized(buf[family], to: &out)
            out.append(UInt8(ascii: " "))
            appendCapitalized(given[...], to: &out)
        }
    }

    /// Appends a Hangul syllable (offset from U+AC00) as UTF-8: three bytes, as every syllable is.
    @inline(__always) static func appendHangul(_ s: UInt16, to out: inout [UInt8]) {
        let v = UInt32(s) + 0xAC00
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }

    /// Appends `text` with its first character upper-cased, as ``LookupEngine/capitalized(_:)``
    /// does (ASCII in place; any other first character through `String`, e.g. MR's ŏ → Ŏ).
    static func appendCapitalized(_ text: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard let first = text.first else { return }
        if first < 0x80 {
            out.append(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? first - 32 : first)
            out.append(contentsOf: text.dropFirst())
        } else {
            out.append(contentsOf: LookupEngine.capitalized(String(decoding: text, as: UTF8.self)).utf8)
        }
    }
}
