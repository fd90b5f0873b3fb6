extension LookupEngine {
    /// Turns a candidate into a public match with its canonical name and explanation.
    func render(_ c: Candidate, options: LookupOptions) -> LookupMatch {
        // Text and labels only: the letters are decoded below when an explanation needs them.
        let form = index.forms.header(Int(c.form))
        // Only a damaged cache (which the checksum refuses) could fail these; never trap.
        let entry = index.entries[Int(c.entry)] ?? GlossaryEntry(id: "?", kind: .person)
        let stored = entry.names.indices.contains(Int(form.name)) ? entry.names[Int(form.name)] : NameForm(language: "und", text: form.text)
        let canonical = entry.canonicalName(language: options.language)?.text
            ?? entry.names.first { $0.status == .preferred }?.text
            ?? entry.names.first?.text ?? entry.id
        let deprecated = stored.status == .deprecated
        var explanation = ""
        if options.explain {
            explanation = explain(c, form: form, stored: stored)
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
        case .exact:
            if form.derivation != nil { return "\(derivedPrefix(form, stored))\(form.text) = query" }
            return "exact: the stored \(stored.language) form '\(stored.text)'"
        case let .normalized(swapped, organization):
            var what = ["case", "spacing", "punctuation"]
            if form.script == .latin { what.append("tone marks") }
            var text = form.derivation != nil
                ? "\(derivedPrefix(form, stored))'\(form.text)' = query"
                : "the stored \(stored.language) form '\(stored.text)' = query"
            text += " (\(what.joined(separator: ", ")) ignored)"
            if swapped { text += "; name order reversed (given name first)" }
            if organization { text += "; organization words folded (&/and, The, abbreviations)" }
            return text
        case let .syllables(result, units, latinLetters, queryIsHangul, swapped):
            return explainSyllables(result, units: units, latinLetters: latinLetters, queryIsHangul: queryIsHangul, swapped: swapped, form: form, stored: stored)
        case let .fuzzy(distance, reference, wellFormed):
            var text = "\(reference) is within \(distance) slip\(distance == 1 ? "" : "s") of the query (dropped, doubled or swapped letters)"
            if wellFormed { text += "; but the query is itself a well-formed name, so it may be another person" }
            return text
        }
    }

    private func explainSyllables(_ result: SyllableMatcher.Result, units: [MatchUnit], latinLetters: [UInt8], queryIsHangul: Bool,
                                  swapped: Bool, form: IndexedForm, stored: NameForm) -> String {
        // The letters each unit was matched with, from the side written in Latin letters
        // (for a Latin query, its folded tokens concatenated).
        let letters: [UInt8] = queryIsHangul ? (index.forms.latin(form.number)?.letters ?? []) : latinLetters
        func piece(_ p: SyllableMatcher.Piece) -> String {
            p.end <= letters.count ? String(decoding: letters[p.start..<p.end], as: UTF8.self) : "?"
        }
        func hangul(_ u: MatchUnit) -> String {
            String(String.UnicodeScalarView(u.syllables.compactMap { Unicode.Scalar(UInt32($0) + 0xAC00) }))
        }
        // Bytes, not string concatenation: this runs for every returned romanization match.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16)
        let rrPieces = units.map { u -> String in
            buffer.removeAll(keepingCapacity: true)
            for s in u.syllables { HangulSpelling.appendRR(s, into: &buffer) }
            return String(decoding: buffer, as: UTF8.self)
        }
        let written = result.pieces.map(piece)
        // MR writes a plain consonant voiced inside a word (Kyŏng-hwa but Chŏng Ho-yŏn, Sŏngjin).
        // Only needed when the query is not plain RR.
        let needMR = written != rrPieces
        var mrPieces: [String] = [], mrASCII: [String] = []
        if needMR {
            var voicedASCII: [UInt8] = [], written8: [UInt8] = [], ascii: [UInt8] = []
            for (i, u) in units.enumerated() {
                buffer.removeAll(keepingCapacity: true)
                ascii.removeAll(keepingCapacity: true)
                written8 = i < written.count ? Array(written[i].utf8) : []
                for (j, s) in u.syllables.enumerated() {
                    var voiced = false
                    if (i > 0 || j > 0) && i < written.count {
                        voicedASCII.removeAll(keepingCapacity: true)
                        HangulSpelling.appendMR(s, voiced: true, ascii: true, into: &voicedASCII)
                        voiced = voicedASCII == written8
                    }
                    HangulSpelling.appendMR(s, voiced: voiced, ascii: false, into: &buffer)
                    HangulSpelling.appendMR(s, voiced: voiced, ascii: true, into: &ascii)
                }
                mrPieces.append(String(decoding: buffer, as: UTF8.self))
                mrASCII.append(String(decoding: ascii, as: UTF8.self))
            }
        }
        func display(_ pieces: [String]) -> String {
            var family = "", given: [String] = []
            for (i, u) in units.enumerated() {
                if u.isFamily { family = LookupEngine.capitalized(pieces[i]) } else { given.append(pieces[i]) }
            }
            let g = LookupEngine.capitalized(given.joined(separator: "-"))
            if family.isEmpty { return g }
            return swapped ? "\(g) \(family)" : "\(family) \(g)"
        }
        let hangulText = queryIsHangul ? units.map(hangul).joined() : stored.text
        let source = queryIsHangul ? "query Hangul \(hangulText)" : "\(derivedPrefix(form, stored).isEmpty ? "Hangul \(form.text)" : derivedPrefix(form, stored) + form.text)"
        let target = queryIsHangul ? "'\(form.text)'" : "query"
        var text: String
        if !needMR {
            text = "\(source) → Revised Romanization '\(display(rrPieces))' = \(target)"
        } else if written == mrASCII {
            text = "\(source) → McCune–Reischauer '\(display(mrPieces))' = \(target)"
        } else {
            var variants: [String] = []
            for (i, p) in result.pieces.enumerated() {
                let u = units[p.unit]
                if written[i] == rrPieces[p.unit] || written[i] == mrASCII[p.unit] { continue }
                let what = u.isFamily ? "surname variant" : "variant"
                let shown = u.isFamily ? LookupEngine.capitalized(written[i]) : written[i]
                let rr = u.isFamily ? LookupEngine.capitalized(rrPieces[p.unit]) : rrPieces[p.unit]
                variants.append("\(what) \(shown) for \(hangul(u)) (RR \(rr))")
            }
            text = "\(source) → Revised Romanization '\(display(rrPieces))' ≈ \(target)"
            if !variants.isEmpty { text += "; " + variants.joined(separator: ", ") }
        }
        if swapped { text += "; given name first" }
        return text
    }
}
