/// The semantic rules of the glossary format: what a well-formed, schema-valid dictionary can
/// still get wrong. Each diagnostic has a stable ``GlossaryCode``.
///
/// Not thread-safe (it holds an ICU spoof checker and caches); use one per validation.
public final class GlossaryRules {
    private let spoofChecker: ICU.SpoofChecker?

    /// The romanization schemes a Latin form's `scheme` may name.
    public static let knownSchemes: [String] = RomanizationScheme.allCases
        .filter { ![.auto, .hangul, .sinoKorean, .simplified, .traditional].contains($0) }
        .map(\.rawValue)

    /// Creates the rules. Without ICU's spoof data the look-alike check is skipped (the rest
    /// still runs).
    public init() {
        spoofChecker = try? ICU.SpoofChecker()
    }

    /// Checks glossaries loaded together (ids and ambiguity are checked across all of them).
    /// - Returns: diagnostics grouped by file, in document order within each file.
    /// - Complexity: O(total number of names).
    public func check(_ glossaries: [Glossary]) -> [Diagnostic] {
        var perFile: [[Diagnostic]] = Array(repeating: [], count: glossaries.count)
        var firstEntryByID: [String: GlossaryEntry] = [:]
        var firstEntryByName: [String: (entry: GlossaryEntry, name: NameForm)] = [:]
        for (g, glossary) in glossaries.enumerated() {
            var out: [Diagnostic] = []
            for entry in glossary.entries {
                let entryLocation = entry.location ?? SourceLocation(file: glossary.source ?? glossary.name, line: 0, column: 0)
                if !entry.id.isEmpty {
                    if let first = firstEntryByID[entry.id] {
                        out.append(Self.duplicateID(entry, first: first))
                    } else {
                        firstEntryByID[entry.id] = entry
                    }
                }
                checkEntry(entry, at: entryLocation, into: &out)
                // Ambiguity: one written form naming two entries.
                var seenInEntry: Set<String> = []
                for name in entry.names {
                    let key = Self.matchKey(name.text)
                    guard !key.isEmpty, seenInEntry.insert(key).inserted else { continue }
                    if let first = firstEntryByName[key] {
                        if first.entry.id != entry.id {
                            out.append(Diagnostic(.ambiguousName, at: name.location ?? entryLocation,
                                "\"\(name.text)\" also names entry '\(first.entry.id)' (\(first.name.location.map(\.description) ?? "?")); lookups of it will be ambiguous: check that both entries are meant, or mark the less usual one deprecated"))
                        }
                    } else {
                        firstEntryByName[key] = (entry, name)
                    }
                }
            }
            perFile[g] = out
        }
        return perFile.flatMap { $0.sorted { ($0.line, $0.column) < ($1.line, $1.column) } }
    }

    /// The diagnostic for an entry whose id was already used by `first`.
    static func duplicateID(_ entry: GlossaryEntry, first: GlossaryEntry) -> Diagnostic {
        let here = entry.location ?? SourceLocation(file: "?", line: 0, column: 0)
        let there = first.location.map(\.description) ?? "another entry"
        return Diagnostic(.duplicateID, at: here, "duplicate id '\(entry.id)': already used at \(there); ids must be unique across every dictionary loaded together, so rename one")
    }

    // MARK: One entry

    private func checkEntry(_ entry: GlossaryEntry, at location: SourceLocation, into out: inout [Diagnostic]) {
        if entry.names.isEmpty {
            out.append(Diagnostic(.noName, at: location, "entry '\(entry.id)' has no <name>; add at least one"))
        }
        var preferred: [String: NameForm] = [:]
        var seen: Set<String> = []
        var hasPreferredEnglish = false
        for name in entry.names {
            let here = name.location ?? location
            if name.status == .preferred {
                let language = name.language.lowercased()
                if let first = preferred[language] {
                    out.append(Diagnostic(.duplicatePreferred, at: here,
                        "entry '\(entry.id)' already has a preferred name in \(name.language) (\"\(first.text)\" at line \(first.location?.line ?? 0)); at most one per language: make this one admitted"))
                } else {
                    preferred[language] = name
                }
                if language == "en" || language.hasPrefix("en-") { hasPreferredEnglish = true }
            }
            if !seen.insert(name.language.lowercased() + "\u{1}" + name.text).inserted {
                out.append(Diagnostic(.duplicateName, at: here, "\"\(name.text)\" is listed twice in \(name.language) in entry '\(entry.id)'; remove one"))
            }
            checkName(name, in: entry, at: here, into: &out)
        }
        if !entry.names.isEmpty && !hasPreferredEnglish {
            out.append(Diagnostic(.noPreferredEnglish, at: location,
                "entry '\(entry.id)' has no preferred English name; mark one xml:lang=\"en\" name status=\"preferred\" (lookups print it as the canonical form)"))
        }
    }

    // MARK: One name

    private func checkName(_ name: NameForm, in entry: GlossaryEntry, at here: SourceLocation, into out: inout [Diagnostic]) {
        let text = name.text
        let trimmed = Self.trimmed(text)
        if trimmed.isEmpty {
            out.append(Diagnostic(.emptyName, at: here, "empty name in entry '\(entry.id)'; write the name or remove the <name> element"))
            return
        }
        if trimmed.utf8.count != text.utf8.count || Self.hasUntidyInnerSpace(trimmed) {
            out.append(Diagnostic(.untidyWhitespace, at: here, "\"\(text)\" has spaces around it, line breaks, tabs or double spaces; write it with single spaces"))
        }
        for (what, value) in [("name", text), ("family", name.family), ("given", name.given)] {
            guard let value else { continue }
            if what != "name" && Self.trimmed(value).isEmpty {
                out.append(Diagnostic(.emptyName, at: here, "empty \(what)=\"\" in entry '\(entry.id)'; remove the attribute or fill it in"))
            } else if !Self.isNFC(value) {
                out.append(Diagnostic(.notNFC, at: here, "the \(what) \"\(value)\" is not in Unicode NFC (decomposed letters); save it normalized (e.g. `uconv -x any-nfc`), or lookups may miss it"))
            }
        }
        checkSplit(name, at: here, into: &out)
        guard !name.language.isEmpty else { return }  // missing-language was reported.
        guard let tag = LanguageTag(name.language) else {
            out.append(Diagnostic(.malformedLanguage, at: here, "xml:lang=\"\(name.language)\" is not a BCP 47 language tag; use e.g. ko, ko-Hani, zh-Hans, zh-Hant, zh, en, ko-Latn"))
            return
        }
        checkScript(name, tag: tag, at: here, into: &out)
        if let scheme = name.scheme, !Self.knownSchemes.contains(scheme) {
            out.append(Diagnostic(.unknownScheme, at: here, "unknown romanization scheme \"\(scheme)\"; Onoma knows \(Self.knownSchemes.joined(separator: ", "))"))
        }
    }

    private func checkSplit(_ name: NameForm, at here: SourceLocation, into out: inout [Diagnostic]) {
        let text = name.text
        let composes: Bool
        switch (name.family, name.given) {
        case let (family?, given?):
            composes = text == family + given || text == family + " " + given || text == given + " " + family
        case let (family?, nil):
            composes = text.hasPrefix(family) || text.hasSuffix(family)
        case let (nil, given?):
            composes = text.hasPrefix(given) || text.hasSuffix(given)
        case (nil, nil):
            return
        }
        if !composes {
            let parts = [name.family.map { "family=\"\($0)\"" }, name.given.map { "given=\"\($0)\"" }].compactMap { $0 }.joined(separator: " and ")
            out.append(Diagnostic(.splitMismatch, at: here,
                "\(parts) do not compose \"\(text)\"; the name must read family + given (\"Koh Young-aah\", \"고영아\") or given + family (\"Seong-Jin Cho\"): fix the text or the attributes"))
        }
    }

    private func checkScript(_ name: NameForm, tag: LanguageTag, at here: SourceLocation, into out: inout [Diagnostic]) {
        guard let expected = tag.expectedScript else { return }
        var hangul = 0, han = 0, latin = 0, kana = 0
        for scalar in name.text.unicodeScalars {
            switch Self.scriptClass(scalar) {
            case .hangul: hangul += 1
            case .han: han += 1
            case .latin: latin += 1
            case .kana: kana += 1
            case .other, .common: break
            }
        }
        var problem: String?
        switch expected {
        case .hangul:
            if han > 0 { problem = "Han characters (Hanja) in a name tagged \(name.language); tag Hanja forms ko-Hani" }
            else if kana > 0 { problem = "Japanese kana in a name tagged \(name.language)" }
            else if latin > 0 && hangul == 0 { problem = "a Latin-script name tagged \(name.language) (Hangul); tag romanized forms en or ko-Latn" }
        case .han:
            if hangul > 0 && tag.language != "ko" { problem = "Hangul in a name tagged \(name.language) (Chinese characters); tag Korean forms ko" }
            else if latin > 0 && han == 0 { problem = "a Latin-script name tagged \(name.language) (Chinese characters); tag romanized forms en or \(tag.language)-Latn" }
            else if hangul > 0 && han == 0 { problem = "a Hangul-only name tagged \(name.language); tag it ko" }
        case .latin:
            if hangul > 0 { problem = "Hangul in a name tagged \(name.language) (Latin script); tag it ko" }
            else if han > 0 { problem = "Chinese characters in a name tagged \(name.language) (Latin script); tag them zh-Hans, zh-Hant or ko-Hani" }
            else if kana > 0 { problem = "Japanese kana in a name tagged \(name.language) (Latin script)" }
        }
        if let problem {
            out.append(Diagnostic(.scriptMismatch, at: here, "\"\(name.text)\": \(problem)"))
            return
        }
        if expected == .latin, let spoofChecker, !name.text.utf8.allSatisfy({ $0 < 0x80 }), spoofChecker.isSuspicious(name.text) {
            let foreign = name.text.unicodeScalars.filter { Self.scriptClass($0) == .other }
                .map { "U+" + String($0.value, radix: 16, uppercase: true) + " " + ICU.scriptCode(of: $0) }
            out.append(Diagnostic(.suspiciousCharacters, at: here,
                "\"\(name.text)\" mixes scripts or uses look-alike letters\(foreign.isEmpty ? "" : " (\(foreign.joined(separator: ", ")))"); retype it with Latin letters"))
        }
    }

    // MARK: Helpers

    enum ScriptClass { case hangul, han, latin, kana, other, common }

    /// The script of a scalar, by ranges for the scripts names use (fast), ICU for the rest.
    static func scriptClass(_ scalar: Unicode.Scalar) -> ScriptClass {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF,
             0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .latin
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC:
            return .hangul
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3134F, 0xF900...0xFAFF, 0x2E80...0x2FDF, 0x3005, 0x3007:
            return .han
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x31F0...0x31FF, 0xFF66...0xFF9D:
            return .kana
        case 0...0x40, 0x5B...0x60, 0x7B...0xBF, 0x2000...0x206F, 0x3000...0x3004, 0x300C...0x303F, 0xFF01...0xFF20, 0x300...0x36F:
            return .common
        default:
            guard scalar.properties.isAlphabetic else { return .common }
            switch ICU.scriptCode(of: scalar) {
            case "Latn": return .latin
            case "Hang": return .hangul
            case "Hani": return .han
            case "Hira", "Kana": return .kana
            case "Zyyy", "Zinh": return .common
            default: return .other
            }
        }
    }

    /// The form two names are compared in for ambiguity: NFKC case-folded, spaces collapsed.
    static func matchKey(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lowercasing is the whole fold.
            return trimmed(text).lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        return ICU.normalize(trimmed(text), .nfkcCasefold).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    static func hasUntidyInnerSpace(_ text: String) -> Bool {
        var previousSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previousSpace { return true }
                previousSpace = true
            } else {
                if scalar.properties.isWhitespace { return true }
                previousSpace = false
            }
        }
        return false
    }

    /// NFC check with a fast path: text made only of characters that are NFC-stable starters
    /// (below U+0300, Hangul syllables, unified ideographs) is NFC without asking ICU.
    static func isNFC(_ text: String) -> Bool {
        let fast = text.unicodeScalars.allSatisfy { s in
            s.value < 0x300 || (0xAC00...0xD7A3).contains(s.value) || (0x4E00...0x9FFF).contains(s.value)
        }
        return fast || ICU.isNormalized(text, .nfc)
    }
}
