extension GlossaryEntry {
    /// The standard romanizations of the entry's native forms, as `admitted` names to add
    /// (`onoma dict add --romanize`):
    /// - Hangul (`ko`), or Hanja (`ko-Hani`) when there is no Hangul form: `ko-Latn` in Revised
    ///   Romanization (`scheme="rr"`) and McCune–Reischauer (`scheme="mr"`);
    /// - Chinese (`zh-Hans`, `zh-Hant`, `zh`; the first one only): `zh-Latn` in pinyin
    ///   (`scheme="pinyin"`) and Wade–Giles (`scheme="wade-giles"`).
    /// People get name mode (surname split, `family`/`given` filled in); other kinds are
    /// romanized as text, each word capitalised. A form the entry already has (same language and text), or the same
    /// spelling from two schemes, is added once.
    /// - Complexity: O(total length of the native names).
    public func suggestedRomanizations(using romanizer: Romanizer) -> [NameForm] {
        func language(_ n: NameForm) -> String { n.language.lowercased() }
        var sources: [(NameForm, String, [RomanizationScheme])] = []
        if let hangul = names.first(where: { language($0) == "ko" }) ?? names.first(where: { language($0) == "ko-hani" }) {
            sources.append((hangul, "ko-Latn", [.rr, .mr]))
        }
        if let chinese = names.first(where: { ["zh-hans", "zh-hant", "zh"].contains(language($0)) }) {
            sources.append((chinese, "zh-Latn", [.pinyin, .wadeGiles]))
        }
        var existing = Set(names.map { language($0) + "\u{0}" + $0.text })
        var out: [NameForm] = []
        for (source, tag, schemes) in sources {
            for scheme in schemes {
                var r = romanizer.romanize(source.text, options: RomanizationOptions(scheme: scheme, text: kind != .person))
                // Text mode writes lower case; an organization's or place's name is a proper noun.
                if kind != .person { r.output = r.output.split(separator: " ", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") }
                guard r.output != source.text, existing.insert(tag.lowercased() + "\u{0}" + r.output).inserted else { continue }
                let split = kind == .person && r.family != nil && r.given != nil
                out.append(NameForm(language: tag, text: r.output, status: .admitted, type: .full,
                                    family: split ? r.family : nil, given: split ? r.given : nil, scheme: scheme.rawValue))
            }
        }
        return out
    }
}
