import Foundation

/// The standard deriver: romanizations and script conversions of Han forms, from the Chinese
/// engine (table-driven, no ICU per name).
///
/// - Chinese forms (`zh`, `zh-Hans`, `zh-Hant`, and Han text in any other non-Korean tag):
///   pinyin, Wade–Giles, the Korean orthography of the Mandarin reading (杨占峰 → 양잔펑), the
///   Sino-Korean reading (李白 → 이백), and the other character set (simplified ↔ traditional);
///   for a place, its postal romanization as well (北京 → Peking, 四川 → Szechwan).
/// - Hanja forms (`ko-Hani`, or Han text tagged `ko`): the Sino-Korean reading in Hangul
///   (金九 → 김구), which the engine then matches against any Korean romanization.
/// Personal names are read with the surname rules (单 Shan, 曾 Zeng); other kinds as text.
public struct RomanizationDeriver: NameFormDeriver {
    private let chinese: ChineseConverter
    private let postal: ChinesePostalNames

    /// Loads the Chinese engine's tables from a `Dictionaries/` folder.
    /// - Throws: ``LookupError/referenceData(_:)`` naming the table at fault.
    public init(dictionaries: URL) throws(LookupError) {
        do {
            chinese = try ChineseConverter(dictionaries: dictionaries)
            postal = try ChinesePostalNames(contentsOf: dictionaries.appendingPathComponent("reference").appendingPathComponent(ChinesePostalNames.fileName))
        } catch {
            throw .referenceData("\(error)")
        }
    }

    /// Uses an already loaded Chinese engine and postal names (none by default).
    public init(chinese: ChineseConverter, postal: ChinesePostalNames = ChinesePostalNames()) {
        self.chinese = chinese
        self.postal = postal
    }

    public func derivedForms(of form: NameForm, kind: EntryKind) -> [DerivedNameForm] {
        guard form.text.unicodeScalars.contains(where: { NameText.isHan($0.value) }) else { return [] }
        let korean = form.language == "ko" || form.language.hasPrefix("ko-")
        let person = kind == .person
        var out: [DerivedNameForm] = []
        func add(_ scheme: ChineseScheme, _ label: String) {
            if person {
                let r = chinese.romanizeName(form.text, scheme: scheme)
                if r.output != form.text { out.append(DerivedNameForm(text: r.output, family: r.family, given: r.given, label: label)) }
            } else {
                let text = chinese.romanizeText(form.text, scheme: scheme)
                if text != form.text { out.append(DerivedNameForm(text: text, label: label)) }
            }
        }
        if korean {
            add(.sinoKorean, "Sino-Korean reading")
            return out
        }
        add(.pinyin, "pinyin")
        add(.wadeGiles, "Wade–Giles")
        add(.hangul, "Korean orthography")
        add(.sinoKorean, "Sino-Korean reading")
        let simplified = chinese.toSimplified(form.text)
        if simplified != form.text { out.append(DerivedNameForm(text: simplified, label: "simplified characters")) }
        let traditional = chinese.toTraditional(form.text)
        if traditional != form.text { out.append(DerivedNameForm(text: traditional, label: "traditional characters")) }
        if kind == .place {
            for name in postal.names(of: form.text) where !out.contains(where: { $0.text == name }) {
                out.append(DerivedNameForm(text: name, label: "postal romanization"))
            }
        }
        return out
    }
}
