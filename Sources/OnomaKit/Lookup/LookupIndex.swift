import Foundation

/// One name form as the index sees it: a stored form, or a form derived from one.
struct IndexedForm: Sendable {
    /// Entry number in ``LookupIndex/entries``.
    var entry: Int32
    /// Index of the stored name in the entry's `names` (the form itself or the one it was derived from).
    var name: Int32
    /// nil for a stored form; the derivation ("pinyin", "Wade–Giles"...) for a derived one.
    var derivation: String?
    /// The form's text (derived text for a derived form).
    var text: String
    var script: NameText.Script
    /// Leading tokens (Latin) or syllables (Hangul) that are the family name; 0 when unknown
    /// or not a person.
    var familyUnits: Int
    /// Hangul syllables (offsets from U+AC00) when the form is Hangul.
    var hangul: [UInt16]
    /// Folded letters when the form is Latin.
    var latin: LatinLetters?
    /// The form's number in the index (-1 while it is being built).
    var number: Int = -1
}

/// Posting flags.
enum PostingFlag {
    static let swapped: UInt32 = 1
    static let organization: UInt32 = 2
    static let shift: UInt32 = 2
}

/// The lookup index: every stored and derived name form filed under its exact text, its
/// normalized key(s) and its phonetic skeleton(s). Immutable after ``init(glossaries:surnames:deriver:chunks:)``.
///
/// Everything is stored in flat arrays (``EntryTable``, ``FormTable``, ``ReadingGroups``,
/// ``PostingTable``), so the index cache restores an index with a few array copies and a
/// lookup decodes only the forms and entries it touches.
struct LookupIndex: Sendable {
    var entries: EntryTable
    var forms: FormTable
    /// First form of each entry (forms of one entry are contiguous); count = entries + 1.
    var entryForms: [Int32]
    var exact: PostingTable
    var normalized: PostingTable
    /// Skeleton key → reading group (value = group << 2 | flags), one table per script of the
    /// group, so that a Latin query walks only Hangul groups and a Hangul query only Latin ones.
    var skeletonHangul: PostingTable
    var skeletonLatin: PostingTable
    var groups: ReadingGroups
    /// The vowel runs of each Latin reading group's letters, and for a Hangul group the letters
    /// each of its runs may use (``VowelRuns/Latin``, ``VowelRuns/unions(_:)``): candidates
    /// are checked against these before the matcher.
    var groupVowels: [UInt64]
    /// The same for the units of each Hangul group given name first (``VowelRuns/Latin/unknown``
    /// for Latin groups and names without a surname).
    var groupVowelsRotated: [UInt64]
    /// The Hangul syllables, and the surnames (length-prefixed), of the Hangul reading groups:
    /// their spelling sets are prepared once per index.
    var syllablesInUse: [UInt16]
    var familiesInUse: [UInt16]
    var surnames: KoreanSurnameSpellings
    var spellings: SpellingTable

    /// Restores an index from its stored parts (the index cache).
    init(entries: EntryTable, forms: FormTable, entryForms: [Int32], exact: PostingTable, normalized: PostingTable,
         skeletonHangul: PostingTable, skeletonLatin: PostingTable, groups: ReadingGroups, groupVowels: [UInt64], groupVowelsRotated: [UInt64], syllablesInUse: [UInt16], familiesInUse: [UInt16], surnames: KoreanSurnameSpellings) {
        self.entries = entries
        self.forms = forms
        self.entryForms = entryForms
        self.exact = exact
        self.normalized = normalized
        self.skeletonHangul = skeletonHangul
        self.skeletonLatin = skeletonLatin
        self.groups = groups
        self.groupVowels = groupVowels
        self.groupVowelsRotated = groupVowelsRotated
        self.syllablesInUse = syllablesInUse
        self.familiesInUse = familiesInUse
        self.surnames = surnames
        spellings = SpellingTable(syllables: [], families: [], surnames: surnames)
        finish()
    }

    /// Prepares the spelling sets of every syllable and surname in use.
    private mutating func finish() {
        var families = Set<[UInt16]>()
        var i = 0
        while i < familiesInUse.count {
            let n = Int(familiesInUse[i])
            guard n > 0, i + 1 + n <= familiesInUse.count else { break }
            families.insert(Array(familiesInUse[(i + 1)...(i + n)]))
            i += 1 + n
        }
        spellings = SpellingTable(syllables: Set(syllablesInUse), families: families, surnames: surnames)
    }

    /// Calls `body` with every group posting of skeleton `key`, both scripts, newest first
    /// (groups are numbered in insertion order, so that is descending posting value).
    func forEachSkeletonPosting(_ key: UInt64, _ body: (UInt32) -> Void) {
        // Merge the two chains (each newest first) without collecting them.
        var a = skeletonHangul.head(key), b = skeletonLatin.head(key)
        while a != 0 || b != 0 {
            if b == 0 || (a != 0 && skeletonHangul.value(at: a) > skeletonLatin.value(at: b)) {
                body(skeletonHangul.value(at: a)); a = skeletonHangul.next(after: a)
            } else {
                body(skeletonLatin.value(at: b)); b = skeletonLatin.next(after: b)
            }
        }
    }

    /// The normalized-key hash of a folded name: its tokens' scalars in order, without
    /// separators (a query's key and the index's are this one function).
    @inline(__always) static func hash(_ folded: NameText) -> UInt64 {
        var h = StableHash()
        for t in folded.tokens { for s in t.scalars { h.combine(s.value) } }
        return h.value
    }

    /// The forms of entry `e`.
    func forms(ofEntry e: Int) -> Range<Int> { Int(entryForms[e])..<Int(entryForms[e + 1]) }
}
