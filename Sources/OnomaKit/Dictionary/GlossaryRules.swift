/// The semantic rules of the glossary format: what a well-formed, schema-valid dictionary can
/// still get wrong. Each diagnostic has a stable ``GlossaryCode``.
///
/// Not thread-safe (it holds an ICU spoof checker and caches); use one per validation.
public final class GlossaryRules {
    private let spoofChecker: ICU.SpoofChecker?
    /// Parsed language tags: a glossary uses a handful of distinct tags for many names.
    private var tagCache: [(text: String, tag: LanguageTag?)] = []

    private func languageTag(_ text: String) -> LanguageTag? {
        if let hit = tagCache.first(where: { $0.text == text }) { return hit.tag }
        let tag = LanguageTag(text)
        if tagCache.count < 64 { tagCache.append((text, tag)) }
        return tag
    }

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
        let total = glossaries.reduce(0) { $0 + $1.entries.count }
        // Where each id and each name key was first seen: (id, location), no entry copies.
        var firstByID: [RawKey: SourceLocation?] = [:]
        firstByID.reserveCapacity(total)
        var firstByName: [RawKey: (id: String, location: SourceLocation?)] = [:]
        firstByName.reserveCapacity(total * 5)
        for (g, glossary) in glossaries.enumerated() {
            var out: [Diagnostic] = []
            for entry in glossary.entries {
                let entryLocation = entry.location ?? SourceLocation(file: glossary.source ?? glossary.name, line: 0, column: 0)
                if !entry.id.isEmpty {
                    let key = RawKey(entry.id)
                    if let first = firstByID[key] {
                        out.append(Self.duplicateID(entry, firstLocation: first))
                    } else {
                        firstByID[key] = entry.location
                    }
                }
                checkEntry(entry, at: entryLocation, into: &out)
                // Ambiguity: one written form naming two entries.
                var keysInEntry: [RawKey] = []
                for name in entry.names {
                    let key = RawKey(Self.matchKey(name.text))
                    guard !key.string.isEmpty, !keysInEntry.contains(key) else { continue }
                    keysInEntry.append(key)
                    if let first = firstByName[key] {
                        if first.id != entry.id {
                            out.append(Diagnostic(.ambiguousName, at: name.location ?? entryLocation,
                                "\"\(name.text)\" also names entry '\(first.id)' (\(first.location.map(\.description) ?? "?")); lookups of it will be ambiguous: check that both entries are meant, or mark the less usual one deprecated"))
                        }
                    } else {
                        firstByName[key] = (entry.id, name.location)
                    }
                }
            }
            perFile[g] = out
        }
        return perFile.flatMap { $0.sorted { ($0.line, $0.column) < ($1.line, $1.column) } }
    }

    /// The diagnostic for an entry whose id was already used by `first`.
    static func duplicateID(_ entry: GlossaryEntry, first: GlossaryEntry) -> Diagnostic {
        duplicateID(entry, firstLocation: first.location)
    }

    static func duplicateID(_ entry: GlossaryEntry, firstLocation: SourceLocation?) -> Diagnostic {
        let here = entry.location ?? SourceLocation(file: "?", line: 0, column: 0)
        let there = firstLocation.map(\.description) ?? "another entry"
        return Diagnostic(.duplicateID, at: here, "duplicate id '\(entry.id)': already used at \(there); ids must be unique across every dictionary loaded together, so rename one")
    }

    // MARK: One entry

    private func checkEntry(_ entry: GlossaryEntry, at location: SourceLocation, into out: inout [Diagnostic]) {
        if entry.names.isEmpty {
            out.append(Diagnostic(.noName, at: location, "entry '\(entry.id)' has no <name>; add at least one"))
        }
        var preferred: [(language: String, name: NameForm)] = []
        var hasPreferredEnglish = false
        for (index, name) in entry.names.enumerated() {
            let here = name.location ?? location
            if name.status == .preferred {
                let language = Self.asciiLowercased(name.language)
                if let first = preferred.first(where: { $0.language == language })?.name {
                    out.append(Diagnostic(.duplicatePreferred, at: here,
                        "entry '\(entry.id)' already has a preferred name in \(name.language) (\"\(first.text)\" at line \(first.location?.line ?? 0)); at most one per language: make this one admitted"))
                } else {
                    preferred.append((language, name))
                }
                if language == "en" || language.hasPrefix("en-") { hasPreferredEnglish = true }
            }
            if entry.names[..<index].contains(where: { $0.text == name.text && Self.asciiLowercased($0.language) == Self.asciiLowercased(name.language) }) {
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
                out.append(Diagnostic(.notNFC, at: here, "the \(what) \"\(value)\" is not in Unicode NFC (it has decomposed accents or compatibility characters); save it NFC-normalized (e.g. with `uconv -x any-nfc`), or lookups may miss it"))
            }
        }
        checkSplit(name, at: here, into: &out)
        guard !name.language.isEmpty else { return }  // missing-language was reported.
        guard let tag = languageTag(name.language) else {
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
            if Self.trimmed(family).isEmpty || Self.trimmed(given).isEmpty { return }  // empty-name said it.
            composes = text == family + given || text == family + " " + given || text == given + " " + family
        case let (family?, nil):
            if Self.trimmed(family).isEmpty { return }
            composes = text.hasPrefix(family) || text.hasSuffix(family)
        case let (nil, given?):
            if Self.trimmed(given).isEmpty { return }
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
        // Fast path: ASCII, Hangul syllables and unified ideographs are NFKC-stable and only
        // ASCII letters have case, so folding is ASCII lowercasing and space collapsing.
        var fast = true
        for s in text.unicodeScalars where s.value >= 0x80 && !(0xAC00...0xD7A3).contains(s.value) && !(0x4E00...0x9FFF).contains(s.value) {
            fast = false
            break
        }
        if fast {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for b in text.utf8 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return ICU.normalize(trimmed(text), .nfkcCasefold).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Unicode's White_Space property (the complete list, so no property lookup is needed).
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
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
                if isWhitespace(scalar) { return true }
                previousSpace = false
            }
        }
        return false
    }

    static func asciiLowercased(_ text: String) -> String {
        text.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? text.lowercased() : text
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

/// A String compared and hashed by its UTF-8 bytes: no Unicode normalization on every hash
/// (the keys are normalized already, or, for ids, compared as XML compares them).
struct RawKey: Hashable {
    let string: String

    init(_ string: String) {
        var s = string
        s.makeContiguousUTF8()
        self.string = s
    }

    static func == (a: RawKey, b: RawKey) -> Bool {
        a.string.utf8.elementsEqual(b.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
