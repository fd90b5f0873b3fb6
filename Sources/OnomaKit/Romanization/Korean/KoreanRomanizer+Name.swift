/// Name mode: surname split, capitals, given-name syllables hyphenated (or joined/spaced).
extension KoreanRomanizer {
    /// Romanizes a Korean personal name.
    ///
    /// The surname is split off (see ``split(_:)``) and romanized as one word; the given-name
    /// syllables are joined by `given`. RR and Yale write each given-name syllable as read on
    /// its own (RR ch. 3 art. 4: no assimilation: 민용하 Min Yong-ha, 박찬욱 Bak Chan-uk). MR
    /// follows ALA-LC: the sound changes of the given name are written on either side of the
    /// hyphen (안중근 An Chung-gŭn, 박목월 Pak Mog-wŏl) and 李 (이/리) is Yi. `popular` uses the most
    /// frequent real spelling of the surname and the given-name syllable table (고영아 Ko Young-a).
    ///
    /// Characters other than Hangul syllables are passed through unchanged and named in
    /// `warnings`; conjoining (NFD) jamo are composed first. Empty input gives empty output.
    /// - Parameters:
    ///   - name: the name in Hangul ("고영아", or "고 영아" with an explicit split).
    ///   - scheme: the romanization.
    ///   - given: how given-name syllables are joined (hyphen by default: "Yong-ha").
    /// - Complexity: O(n); no allocation beyond the result strings for names of ≤ 8 syllables.
    public func romanizeName(_ name: String, scheme: KoreanScheme, given style: GivenNameStyle = .hyphen) -> RomanizedName {
        var indices: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0, space = -1, pure = true
        for scalar in name.unicodeScalars {
            if let s = HangulSyllable(scalar) {
                guard count < 8 else { pure = false; break }
                withUnsafeMutableBytes(of: &indices) { $0.storeBytes(of: s.index, toByteOffset: count * MemoryLayout<Int>.stride, as: Int.self) }
                count += 1
            } else if scalar == " " {
                if count == 0 { continue }                      // leading space
                if space == -1 { space = count } else if space != count { pure = false; break }
            } else {
                pure = false
                break
            }
        }
        if space == count { space = -1 }                         // trailing space
        guard pure, count > 0 else {
            return count == 0 && pure ? RomanizedName(input: name, output: "", scheme: scheme.romanizationScheme)
                                      : romanizeMixedName(name, scheme: scheme, given: style)
        }
        return withUnsafeBytes(of: &indices) { raw in
            let syllables = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: Int.self), count: count)
            let cut: Int
            if space > 0 {
                guard space <= 2 else { return romanizeMixedName(name, scheme: scheme, given: style) }
                cut = space
            } else if count == 1 {
                cut = 1
            } else {
                cut = familyLength(first: syllables[0], second: syllables[1], count: count)
            }
            if scheme == .rr || scheme == .yale {
                let (output, family, given) = byteName(syllables, cut: cut, table: scheme == .rr ? rrBytes : yaleBytes, style: style)
                return RomanizedName(input: name, output: output, scheme: scheme.romanizationScheme, family: family, given: given)
            }
            let family = familyName(syllables[0..<cut], scheme: scheme)
            guard cut < count else {
                return RomanizedName(input: name, output: family, scheme: scheme.romanizationScheme, family: family, given: nil)
            }
            let givenName = givenName(syllables[cut...], scheme: scheme, style: style)
            return RomanizedName(input: name, output: family + " " + givenName, scheme: scheme.romanizationScheme, family: family, given: givenName)
        }
    }

    /// The surname as one capitalized word.
    func familyName(_ syllables: Slice<UnsafeBufferPointer<Int>>, scheme: KoreanScheme) -> String {
        let first = syllables[syllables.startIndex]
        switch scheme {
        case .rr:
            return syllables.count == 1 ? rrSyllableCapitalized[first] : rrSyllableCapitalized[first] + rrSyllable[syllables[syllables.startIndex + 1]]
        case .popular:
            if syllables.count == 1, let p = popularSurname1[first] { return p }
            if syllables.count == 2, let p = popularSurname2[first * Int(HangulSyllable.count) + syllables[syllables.startIndex + 1]] { return p }
            return syllables.map { rrSyllable[$0] }.joined().capitalizedFirst
        case .yale:
            return syllables.count == 1 ? yaleSyllableCapitalized[first] : yaleSyllableCapitalized[first] + yaleSyllable[syllables[syllables.startIndex + 1]]
        case .mr:
            return syllables.count == 1 ? mrTable.surname[first] : KoreanRomanizer.mrFamily(Array(syllables))
        case .mrASCII:
            return syllables.count == 1 ? mrTable.surnameASCII[first] : KoreanRomanizer.stripMR(KoreanRomanizer.mrFamily(Array(syllables)))
        }
    }

    /// The MR (ALA-LC) form of a surname given as syllable indices.
    static func mrFamily(_ syllables: [Int]) -> String {
        // ALA-LC: the surnames 李 and 異, written 이 or 리, are always Yi.
        if syllables.count == 1 && (syllables[0] == syllableI || syllables[0] == syllableRi) { return "Yi" }
        var parts = syllables.map { HangulSyllable(index: $0) }
        // ALA-LC reads a surname written with ㄹ by the initial-sound rule (류 Yu, 라 Na).
        if parts[0].initial == Jamo.r { parts[0].initial = KoreanSoundChanges.isIotized(parts[0].vowel) || parts[0].vowel == Jamo.vYe ? Jamo.null : Jamo.n }
        return renderMR(KoreanSoundChanges.apply(parts), hyphenated: false).capitalizedFirst
    }

    static let syllableI = HangulSyllable("이")!.index
    static let syllableRi = HangulSyllable("리")!.index

    /// The given name, syllables joined by `style`.
    func givenName(_ syllables: Slice<UnsafeBufferPointer<Int>>, scheme: KoreanScheme, style: GivenNameStyle) -> String {
        switch scheme {
        case .rr:
            return KoreanRomanizer.join(syllables, style: style, lower: { rrSyllable[$0] }, upper: { rrSyllableCapitalized[$0] })
        case .yale:
            return KoreanRomanizer.join(syllables, style: style, lower: { yaleSyllable[$0] }, upper: { yaleSyllableCapitalized[$0] })
        case .popular:
            return KoreanRomanizer.join(syllables, style: style,
                                        lower: { popularGivenLower[$0] ?? rrSyllable[$0] },
                                        upper: { popularGiven[$0] ?? rrSyllableCapitalized[$0] })
        case .mr, .mrASCII:
            switch style {
            case .hyphen: return mrTable.given(syllables, hyphen: true, ascii: scheme == .mrASCII)
            case .joined: return mrTable.given(syllables, hyphen: false, ascii: scheme == .mrASCII)
            case .spaced:
                return mrTable.given(syllables, hyphen: true, ascii: scheme == .mrASCII)
                    .split(separator: "-").map { String($0).capitalizedFirst }.joined(separator: " ")
            }
        }
    }

    @inline(__always)
    static func join(_ syllables: Slice<UnsafeBufferPointer<Int>>, style: GivenNameStyle, lower: (Int) -> String, upper: (Int) -> String) -> String {
        var out = upper(syllables[syllables.startIndex])
        for i in syllables.indices.dropFirst() {
            switch style {
            case .hyphen: out += "-"; out += lower(syllables[i])
            case .joined: out += lower(syllables[i])
            case .spaced: out += " "; out += upper(syllables[i])
            }
        }
        return out
    }

    /// MR without diacritics: ŏ → o, ŭ → u, apostrophes dropped.
    static func stripMR(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "ŏ": out.append("o")
            case "ŭ": out.append("u")
            case "Ŏ": out.append("O")
            case "Ŭ": out.append("U")
            case "'": continue
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// A name that is not pure Hangul: the Hangul runs are romanized (as a name when a run is a
    /// plausible name, else syllable by syllable), everything else is passed through and named
    /// in the warnings.
    func romanizeMixedName(_ name: String, scheme: KoreanScheme, given style: GivenNameStyle) -> RomanizedName {
        let scalars = KoreanRomanizer.composeJamo(Array(name.unicodeScalars))
        if scalars.allSatisfy({ HangulSyllable.isSyllable($0) || $0 == " " }), scalars.contains(where: HangulSyllable.isSyllable) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let composed = String(view)
            if composed != name {
                var result = romanizeName(composed, scheme: scheme, given: style)
                result.input = name
                return result
            }
        }
        var out = "", run = [Unicode.Scalar](), passed = [Unicode.Scalar]()
        func flush() {
            guard !run.isEmpty else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: run)
            if run.count >= 2 && run.count <= 8 {
                out += romanizeName(String(view), scheme: scheme, given: style).output
            } else {
                out += romanizeText(String(view), scheme: scheme).capitalizedFirst
            }
            run.removeAll()
        }
        for c in scalars {
            if HangulSyllable.isSyllable(c) {
                run.append(c)
            } else {
                flush()
                out.unicodeScalars.append(c)
                if !c.properties.isWhitespace && !passed.contains(c) { passed.append(c) }
            }
        }
        flush()
        return RomanizedName(input: name, output: out, scheme: scheme.romanizationScheme, warnings: KoreanRomanizer.passThroughWarning(passed))
    }

    /// One warning naming the characters passed through (at most ten shown).
    static func passThroughWarning(_ passed: [Unicode.Scalar]) -> [String] {
        guard !passed.isEmpty else { return [] }
        let shown = passed.prefix(10).map { "'\($0)' (U+\(String($0.value, radix: 16, uppercase: true).leftPadded(4)))" }
        let more = passed.count > 10 ? " and \(passed.count - 10) more" : ""
        return ["passed through unchanged, not Hangul syllables: \(shown.joined(separator: ", "))\(more)"]
    }

    /// Composes conjoining jamo (U+1100 L, U+1161 V, U+11A8 T; what NFD Hangul is made of)
    /// into precomposed syllables, arithmetically.
    static func composeJamo(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { (0x1100...0x11FF).contains($0.value) }) else { return scalars }
        var out = [Unicode.Scalar]()
        var i = 0
        while i < scalars.count {
            let l = scalars[i].value
            if (0x1100..<0x1113).contains(l), i + 1 < scalars.count, (0x1161..<0x1176).contains(scalars[i + 1].value) {
                var index = (Int(l) - 0x1100) * 588 + (Int(scalars[i + 1].value) - 0x1161) * 28
                i += 2
                if i < scalars.count, (0x11A8..<0x11C3).contains(scalars[i].value) {
                    index += Int(scalars[i].value) - 0x11A7
                    i += 1
                }
                out.append(HangulSyllable(index: index).scalar)
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return out
    }
}


extension KoreanRomanizer {
    /// Romanizes with the shared options: name mode, or text mode when `options.text`.
    /// - Returns: nil when `options.scheme` is not a Korean scheme (`auto` included: the
    ///   caller decides what `auto` means for the input's script).
    public func romanize(_ input: String, options: RomanizationOptions) -> RomanizedName? {
        guard let scheme = KoreanScheme(options.scheme) else { return nil }
        return options.text ? romanizeTextResult(input, scheme: scheme) : romanizeName(input, scheme: scheme, given: options.given ?? .hyphen)
    }
}
