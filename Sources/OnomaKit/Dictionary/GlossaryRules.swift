import Foundation

/// The semantic rules of the glossary format: what a well-formed, schema-valid dictionary can
/// still get wrong. Each diagnostic has a stable ``GlossaryCode``.
///
/// Not thread-safe (it holds an ICU spoof checker and caches); use one per validation.
public final class GlossaryRules {
    let spoofChecker: ICU.SpoofChecker?
    /// For the spelling and Chinese-script rules; nil when the reference data is missing.
    let romanizer: Romanizer?
    /// Surname spelling keys by Hangul surname (a glossary repeats few surnames many times).
    var surnameKeyCache: [String: [String]] = [:]
    /// Parsed language tags: a glossary uses a handful of distinct tags for many names.
    private var tagCache: [(text: String, tag: LanguageTag?)] = []

    func languageTag(_ text: String) -> LanguageTag? {
        if let hit = tagCache.first(where: { $0.text == text }) { return hit.tag }
        let tag = LanguageTag(text)
        if tagCache.count < 64 { tagCache.append((text, tag)) }
        return tag
    }

    /// The romanization schemes a Latin form's `scheme` may name.
    public static let knownSchemes: [String] = RomanizationScheme.allCases
        .filter { ![.auto, .hangul, .sinoKorean, .simplified, .traditional].contains($0) }
        .map(\.rawValue)

    /// Creates the rules.
    /// - Parameter romanizer: the engines for `unexplained-spelling`,
    ///   `traditional-in-simplified` and `simplified-in-traditional`; without one those rules
    ///   are skipped. Without ICU's spoof data the look-alike check is skipped (the rest runs).
    public init(romanizer: Romanizer?) {
        spoofChecker = Self.sharedSpoofChecker
        self.romanizer = romanizer
    }

    /// Opened once per process: it is thread-safe and costly to open.
    private static let sharedSpoofChecker: ICU.SpoofChecker? = try? ICU.SpoofChecker()
    /// Loaded once per process (editors validate every edit with a new validator).
    private static let defaultRomanizer: Romanizer? = try? Romanizer.loadDefault()

    /// A worker sharing the immutable engines (each worker has its own caches).
    init(romanizer: Romanizer?, spoofChecker: ICU.SpoofChecker?) {
        self.spoofChecker = spoofChecker
        self.romanizer = romanizer
    }

    /// Creates the rules with the default reference data (``Romanizer/loadDefault()``), or
    /// without the rules that need it when that data cannot be found.
    public convenience init() {
        self.init(romanizer: Self.defaultRomanizer)
    }

    /// Checks glossaries loaded together (ids and ambiguity are checked across all of them).
    /// - Returns: diagnostics grouped by file, in document order within each file.
    /// - Complexity: O(total number of names).
    /// - Parameter entryDiagnostics: the per-entry checks already run (one array per glossary,
    ///   from ``EntryCheckPipeline``), or nil to run them here.
    public func check(_ glossaries: [Glossary], entryDiagnostics: [[Diagnostic]]? = nil) -> [Diagnostic] {
        check(glossaries, entryDiagnostics: entryDiagnostics, crossDiagnostics: nil)
    }

    /// ``check(_:entryDiagnostics:)`` with, optionally, the rules across entries already run
    /// too (one array per glossary, from ``EntryCheckPipeline``).
    /// - Parameter concurrently: spread the per-entry checks over the processors (false: one
    ///   thread, the reference the concurrent paths are tested against).
    func check(_ glossaries: [Glossary], entryDiagnostics: [[Diagnostic]]?, crossDiagnostics: [[Diagnostic]]?,
               concurrently: Bool = true) -> [Diagnostic] {
        let perFile = crossDiagnostics ?? Self.checkAcrossEntries(glossaries)
        // The checks of one entry at a time, on every core: they are independent, and the
        // romanization of native forms is the costliest rule.
        let perEntry = entryDiagnostics ?? (concurrently ? checkEntriesConcurrently(glossaries) : checkEntriesSerially(glossaries))
        return glossaries.indices.flatMap { g in
            // Same place: the id's problem first, then the entry's own, then ambiguity.
            Self.merge(perFile[g], perEntry[g])
        }
    }

    /// `cross` and `own` in document order; at the same place the id's problem first, then the
    /// entry's own, then ambiguity, each list keeping its order. Sorts indexes, not diagnostics.
    static func merge(_ cross: [Diagnostic], _ own: [Diagnostic]) -> [Diagnostic] {
        if cross.isEmpty && own.isEmpty { return [] }
        // Only the entries' own: one rank, so the order is by place alone (and usually is already).
        if cross.isEmpty { return GlossaryLoader.inDocumentOrder(own) }
        let duplicateID = GlossaryCode.duplicateID.rawValue
        // (line, column, rank, offset), offset counting `cross` first as the list did.
        var keys: [(line: Int, column: Int, rank: Int, offset: Int)] = []
        keys.reserveCapacity(cross.count + own.count)
        for (i, d) in cross.enumerated() { keys.append((d.line, d.column, d.code == duplicateID ? 0 : 2, i)) }
        for (i, d) in own.enumerated() { keys.append((d.line, d.column, 1, cross.count + i)) }
        keys.sort { ($0.line, $0.column, $0.rank, $0.offset) < ($1.line, $1.column, $1.rank, $1.offset) }
        return keys.map { $0.offset < cross.count ? cross[$0.offset] : own[$0.offset - cross.count] }
    }

    /// `duplicate-id` and `ambiguous-name` over all the glossaries, one array per glossary.
    static func checkAcrossEntries(_ glossaries: [Glossary]) -> [[Diagnostic]] {
        var index = CrossEntryIndex()
        index.reserve(entries: glossaries.reduce(0) { $0 + $1.entries.count })
        return glossaries.map { glossary in
            var out: [Diagnostic] = []
            index.beginGlossary(fallbackFile: glossary.source ?? glossary.name, expectedEntries: glossary.entries.count)
            for entry in glossary.entries { index.add(entry, into: &out) }
            return out
        }
    }

    /// Runs ``checkEntry`` over every entry on this thread.
    private func checkEntriesSerially(_ glossaries: [Glossary]) -> [[Diagnostic]] {
        glossaries.map { glossary in
            let fallbackFile = glossary.source ?? glossary.name
            var out: [Diagnostic] = []
            for entry in glossary.entries {
                checkEntry(entry, at: entry.location ?? SourceLocation(file: fallbackFile, line: 0, column: 0), into: &out)
            }
            return out
        }
    }

    /// Runs ``checkEntry`` over every entry, in chunks spread over the processors.
    /// - Returns: the diagnostics per glossary, in entry order.
    private func checkEntriesConcurrently(_ glossaries: [Glossary]) -> [[Diagnostic]] {
        var jobs: [(glossary: Int, range: Range<Int>)] = []
        let chunk = 2048
        for g in glossaries.indices {
            let count = glossaries[g].entries.count
            for start in stride(from: 0, to: count, by: chunk) { jobs.append((g, start..<min(start + chunk, count))) }
        }
        let slots = ResultSlots<[Diagnostic]>(count: jobs.count)
        let jobList = jobs
        let romanizer = self.romanizer, spoofChecker = self.spoofChecker
        let work: @Sendable (Int) -> Void = { j in
            let worker = GlossaryRules(romanizer: romanizer, spoofChecker: spoofChecker)
            let (g, range) = jobList[j]
            let fallbackFile = glossaries[g].source ?? glossaries[g].name
            var out: [Diagnostic] = []
            glossaries[g].entries.withUnsafeBufferPointer { entries in
                for e in range {
                    worker.checkEntry(entries[e], at: entries[e].location ?? SourceLocation(file: fallbackFile, line: 0, column: 0), into: &out)
                }
            }
            slots.set(j, out)
        }
        if jobs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: work)
        } else if jobs.count == 1 {
            work(0)
        }
        var perGlossary = [[Diagnostic]](repeating: [], count: glossaries.count)
        for (j, job) in jobs.enumerated() { perGlossary[job.glossary] += slots[j] ?? [] }
        return perGlossary
    }

    /// FNV-1a over bytes (a hash for table keys, not for security).
    static func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The hash of ``matchKey(_:)`` of `text`, nil when the key is empty. For text on the fast
    /// path the folded bytes are hashed as they are produced, with no string built.
    static func matchKeyHash(_ text: String) -> UInt64? {
        var utf8 = text
        switch utf8.withUTF8({ foldFastHash($0) }) {
        case .hash(let h): return h
        case .emptyKey: return nil
        case .notFast: break
        }
        // `.notFast` means a character outside ASCII, Hangul syllables and unified ideographs
        // (the set of ``isFoldFast(_:)``): fold through the general key.
        let key = matchKey(text)
        return key.isEmpty ? nil : hash(key.utf8)
    }

    /// What ``foldFastHash(_:)`` found.
    enum FoldFastHash: Equatable { case hash(UInt64), emptyKey, notFast }

    /// ``matchKeyHash(_:)`` in one pass over the bytes when folding is ASCII lowercasing and
    /// space collapsing (see ``isFoldFast(_:)``); `.notFast` when the text has another character.
    static func foldFastHash(_ bytes: UnsafeBufferPointer<UInt8>) -> FoldFastHash {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var any = false, pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = any
                    continue
                }
                if pendingSpace {
                    h ^= 0x20
                    h = h &* 0x0000_0100_0000_01b3
                    pendingSpace = false
                }
                any = true
                h ^= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                h = h &* 0x0000_0100_0000_01b3
                continue
            }
            // Only three-byte sequences can be Hangul syllables or unified ideographs.
            guard b & 0xF0 == 0xE0, i + 2 < n else { return .notFast }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            guard (0xAC00...0xD7A3).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) else { return .notFast }
            if pendingSpace {
                h ^= 0x20
                h = h &* 0x0000_0100_0000_01b3
                pendingSpace = false
            }
            any = true
            for k in i..<(i + 3) {
                h ^= UInt64(bytes[k])
                h = h &* 0x0000_0100_0000_01b3
            }
            i += 3
        }
        return any ? .hash(h) : .emptyKey
    }

    /// Whether folding `text` for matching is ASCII lowercasing and space collapsing: ASCII,
    /// Hangul syllables and unified ideographs are NFKC-stable and caseless.
    static func isFoldFast(_ text: String) -> Bool {
        for s in text.unicodeScalars where s.value >= 0x80 && !(0xAC00...0xD7A3).contains(s.value) && !(0x4E00...0x9FFF).contains(s.value) {
            return false
        }
        return true
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

    func checkEntry(_ entry: GlossaryEntry, at location: SourceLocation, into out: inout [Diagnostic]) {
        if entry.names.isEmpty {
            out.append(Diagnostic(.noName, at: location, "entry '\(entry.id)' has no <name>; add at least one"))
        }
        // Indexes, not copies of the names.
        var preferred: [(language: String, index: Int)] = []
        var hasPreferredEnglish = false
        entry.names.withUnsafeBufferPointer { names in
        for index in names.indices {
            let name = names[index]
            let here = name.location ?? location
            if name.status == .preferred {
                let language = Self.asciiLowercased(name.language)
                if let first = preferred.first(where: { $0.language == language }).map({ names[$0.index] }) {
                    out.append(Diagnostic(.duplicatePreferred, at: here,
                        "entry '\(entry.id)' already has a preferred name in \(name.language) (\"\(first.text)\" at line \(first.location?.line ?? 0)); at most one per language: make this one admitted"))
                } else {
                    preferred.append((language, index))
                }
                if language == "en" || language.hasPrefix("en-") { hasPreferredEnglish = true }
            }
            if entry.names[..<index].contains(where: { $0.text == name.text && Self.asciiLowercased($0.language) == Self.asciiLowercased(name.language) }) {
                out.append(Diagnostic(.duplicateName, at: here, "\"\(name.text)\" is listed twice in \(name.language) in entry '\(entry.id)'; remove one"))
            }
            checkName(name, in: entry, at: here, into: &out)
        }
        }
        checkSpelling(entry, at: location, into: &out)
        if !entry.names.isEmpty && !hasPreferredEnglish {
            out.append(Diagnostic(.noPreferredEnglish, at: location,
                "entry '\(entry.id)' has no preferred English name; mark one xml:lang=\"en\" name status=\"preferred\" (lookups print it as the canonical form)"))
        }
    }

    // MARK: One name

    private func checkName(_ name: NameForm, in entry: GlossaryEntry, at here: SourceLocation, into out: inout [Diagnostic]) {
        let text = name.text
        let facts = TextFacts(text)
        if facts.blank {
            out.append(Diagnostic(.emptyName, at: here, "empty name in entry '\(entry.id)'; write the name or remove the <name> element"))
            return
        }
        if facts.untidy {
            out.append(Diagnostic(.untidyWhitespace, at: here, "\"\(text)\" has spaces around it, line breaks, tabs or double spaces; write it with single spaces"))
        }
        if facts.maybeNotNFC && !ICU.isNormalized(text, .nfc) {
            out.append(Self.notNFC("name", text, at: here))
        }
        /// Whether the part is blank (nil when absent).
        func checkPart(_ what: String, _ value: String?) -> Bool? {
            guard let value else { return nil }
            let part = TextFacts(value)
            if part.blank {
                out.append(Diagnostic(.emptyName, at: here, "empty \(what)=\"\(value)\" in entry '\(entry.id)'; remove the attribute or fill it in"))
            } else if part.maybeNotNFC && !ICU.isNormalized(value, .nfc) {
                out.append(Self.notNFC(what, value, at: here))
            }
            return part.blank
        }
        let familyBlank = checkPart("family", name.family)
        let givenBlank = checkPart("given", name.given)
        checkSplit(name, familyBlank: familyBlank == true, givenBlank: givenBlank == true, at: here, into: &out)
        guard !name.language.isEmpty else { return }  // missing-language was reported.
        guard let tag = languageTag(name.language) else {
            out.append(Diagnostic(.malformedLanguage, at: here, "xml:lang=\"\(name.language)\" is not a BCP 47 language tag; use e.g. ko, ko-Hani, zh-Hans, zh-Hant, zh, en, ko-Latn"))
            return
        }
        checkScript(name, facts: facts, tag: tag, at: here, into: &out)
        if facts.han > 0 { checkChineseScript(name, tag: tag, at: here, into: &out) }
        if let scheme = name.scheme, !Self.knownSchemes.contains(scheme) {
            out.append(Diagnostic(.unknownScheme, at: here, "unknown romanization scheme \"\(scheme)\"; Onoma knows \(Self.knownSchemes.joined(separator: ", "))"))
        }
    }

    static func notNFC(_ what: String, _ value: String, at here: SourceLocation) -> Diagnostic {
        Diagnostic(.notNFC, at: here, "the \(what) \"\(value)\" is not in Unicode NFC (it has decomposed accents or compatibility characters); save it NFC-normalized (e.g. with `uconv -x any-nfc`), or lookups may miss it")
    }

    /// What one pass over a text finds: blankness, untidy spacing, whether it may not be NFC,
    /// and how many letters of each script it has.
    struct TextFacts {
        var blank = true
        var untidy = false
        var maybeNotNFC = false
        var ascii = true
        var hangul = 0, han = 0, latin = 0, kana = 0

        init(_ text: String) {
            var previousSpace = false
            for s in text.unicodeScalars {
                let v = s.value
                if GlossaryRules.isWhitespace(s) {
                    // Leading, not a plain space, or a second space in a row.
                    if blank || v != 0x20 || previousSpace { untidy = true }
                    previousSpace = true
                    if v >= 0x80 { ascii = false }
                    continue
                }
                blank = false
                previousSpace = false
                if v < 0x80 {
                    if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1 }
                    continue
                }
                ascii = false
                if !(v < 0x300 || (0xAC00...0xD7A3).contains(v) || (0x4E00...0x9FFF).contains(v)) { maybeNotNFC = true }
                switch GlossaryRules.scriptClass(s) {
                case .hangul: hangul += 1
                case .han: han += 1
                case .latin: latin += 1
                case .kana: kana += 1
                case .other, .common: break
                }
            }
            if previousSpace && !blank { untidy = true }  // trailing
        }
    }

    /// `split-mismatch`. `familyBlank`, `givenBlank`: whether those parts are blank
    /// (`empty-name` said it; nothing to compare).
    private func checkSplit(_ name: NameForm, familyBlank: Bool, givenBlank: Bool, at here: SourceLocation, into out: inout [Diagnostic]) {
        guard name.family != nil || name.given != nil else { return }
        if (name.family != nil && familyBlank) || (name.given != nil && givenBlank) { return }
        // Byte comparisons (no concatenated strings): text is family+given, family given, or
        // given family; one part alone must begin or end the text.
        var text = name.text, family = name.family ?? "", given = name.given ?? ""
        let hasFamily = name.family != nil, hasGiven = name.given != nil
        let ok = text.withUTF8 { t in
            family.withUTF8 { f in
                given.withUTF8 { g in
                    func equal(_ a: UnsafeBufferPointer<UInt8>, _ at: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
                        b.isEmpty || memcmp(a.baseAddress! + at, b.baseAddress!, b.count) == 0
                    }
                    func composes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, spaced: Bool) -> Bool {
                        let gap = spaced ? 1 : 0
                        guard t.count == first.count + gap + second.count, equal(t, 0, first) else { return false }
                        if spaced && t[first.count] != 0x20 { return false }
                        return equal(t, first.count + gap, second)
                    }
                    func beginsOrEnds(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
                        t.count >= part.count && (equal(t, 0, part) || equal(t, t.count - part.count, part))
                    }
                    switch (hasFamily, hasGiven) {
                    case (true, true):
                        return composes(f, g, spaced: false) || composes(f, g, spaced: true) || composes(g, f, spaced: true)
                    case (true, false):
                        return beginsOrEnds(f)
                    default:
                        return beginsOrEnds(g)
                    }
                }
            }
        }
        if !ok {
            let parts = [name.family.map { "family=\"\($0)\"" }, name.given.map { "given=\"\($0)\"" }].compactMap { $0 }.joined(separator: " and ")
            out.append(Diagnostic(.splitMismatch, at: here,
                "\(parts) do not compose \"\(name.text)\"; the name must read family + given (\"Koh Young-aah\", \"고영아\") or given + family (\"Seong-Jin Cho\"): fix the text or the attributes"))
        }
    }

    private func checkScript(_ name: NameForm, facts: TextFacts, tag: LanguageTag, at here: SourceLocation, into out: inout [Diagnostic]) {
        guard let expected = tag.expectedScript else { return }
        let hangul = facts.hangul, han = facts.han, latin = facts.latin, kana = facts.kana
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
        if expected == .latin, let spoofChecker, !facts.ascii, spoofChecker.isSuspicious(name.text) {
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
        if isFoldFast(text) {
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
        let x = a.string.utf8, y = b.string.utf8
        guard x.count == y.count else { return false }
        return x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } ?? x.elementsEqual(y)
        } ?? x.elementsEqual(y)
    }

    func hash(into hasher: inout Hasher) {
        let bytes = string.utf8
        if bytes.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for b in bytes { hasher.combine(b) }
        }
    }
}
