/// The two TBX dialects Onoma reads and writes.
///
/// Mapping (both versions; documented in the README):
/// - entry → `termEntry` (v2) / `conceptEntry` (v3) with the same `id`;
/// - kind → `<admin type="x-onoma-kind">` (private extension; translate-toolkit ignores admin);
/// - note → `<note>` on the entry;
/// - names grouped by language → `langSet`/`langSec` with one `tig`/`termSec` per name, in order;
/// - status → `<termNote type="administrativeStatus">` preferredTerm-admn-sts,
///   admittedTerm-admn-sts, deprecatedTerm-admn-sts;
/// - type → `<termNote type="termType">` fullForm, abbreviation, variant (alias); `former`
///   is written as variant plus `<termNote type="x-onoma-type">former</termNote>`;
/// - family, given, scheme → `<termNote type="x-onoma-family|x-onoma-given|x-onoma-scheme">`;
/// - glossary name → `<sourceDesc><p>onoma-glossary: NAME</p></sourceDesc>`; title → `titleStmt/title`.
public enum TBXVersion: String, Sendable, CaseIterable {
    /// TBX v2 (ISO 30042:2008): `martif`/`termEntry`/`langSet`/`tig`, no namespace. What
    /// translate-toolkit, Weblate and older MultiTerm/memoQ read and write.
    case v2 = "2"
    /// TBX v3 (ISO 30042:2019) TBX-Basic, DCA style: `tbx`/`conceptEntry`/`langSec`/`termSec`,
    /// namespace `urn:iso:std:iso:30042:ed-2`.
    case v3 = "3"

    /// The TBX v3 namespace.
    public static let v3Namespace = "urn:iso:std:iso:30042:ed-2"
}

extension NameStatus {
    /// The TBX `administrativeStatus` value.
    var tbxAdministrativeStatus: String { rawValue + "Term-admn-sts" }
}

extension NameType {
    /// The TBX `termType` value.
    var tbxTermType: String {
        switch self {
        case .full: "fullForm"
        case .abbreviation: "abbreviation"
        case .alias, .former: "variant"
        }
    }
}
