import Foundation
import FuzzSupport
import OnomaKit

// Fuzzes the lookup engine (`LookupEngine.lookup(_:options:)`) over two glossaries: the shipped
// Dictionaries/onoma-default.xml and a seeded `SyntheticGlossary` of 400 entries (Zipf-weighted
// surnames, so many true homographs).
//
// Input: byte 0 options — bits 0–3 the limit (1…16), bits 4–5 the language of the canonical
// name (en, ko, zh-Hans, ja), bit 6 the synthetic glossary; byte 1 the minimum score
// (byte % 101 / 100); bytes 2–3 pick one stored name form; the rest is the query (decoded as
// UTF-8, ill-formed sequences replaced: `lookup` takes a `String`).
//
// Invariants, for the query with and without fuzzy matching:
// - scores in 0…1, sorted best first; no entry twice; every id is an entry of the glossary,
//   with its kind; the matched form is one of the entry's names; explanation and canonical name
//   non-empty; `deprecated` only when the matched text is a deprecated name of the entry;
// - at most `limit` matches, none below the minimum score; a smaller limit gives a prefix of
//   a larger one; without fuzzy matching a higher minimum score gives exactly the matches of a
//   lower one that reach it;
// - without fuzzy matching no match is `fuzzy`; with it, when the strict lookup found
//   something, the answer is the strict one (fuzzy is tried only when nothing better is found);
// - deterministic (the same query twice gives the same answer);
// - an engine loaded from the compiled index cache (`LookupIndexCache`, a hit on a cache
//   written at startup) answers exactly as the engine built from the glossary;
// - the picked stored name form, looked up as it is, finds its entry with score 1.0 (0.98 when
//   every name of the entry with that text is deprecated) and method `exact`. At startup this
//   is checked for every stored form of both glossaries.

struct Subject {
    let name: String
    let engine: LookupEngine
    /// An engine from the compiled index cache (nil for the synthetic glossary, which has no file).
    let cached: LookupEngine?
    let entries: [String: GlossaryEntry]
    /// Every stored name form: (entry id, text).
    let forms: [(id: String, text: String)]

    init(name: String, glossaries: [Glossary], engine: LookupEngine, cached: LookupEngine?) {
        self.name = name
        self.engine = engine
        self.cached = cached
        var entries: [String: GlossaryEntry] = [:]
        var forms: [(id: String, text: String)] = []
        for g in glossaries {
            for e in g.entries {
                entries[e.id] = e
                for n in e.names { forms.append((e.id, n.text)) }
            }
        }
        self.entries = entries
        self.forms = forms
    }

    /// The score an exact lookup of `text` must give entry `id`.
    func exactScore(id: String, text: String) -> Double {
        entries[id]!.names.contains { $0.text == text && $0.status != .deprecated } ? 1.0 : 0.98
    }
}

let shipped: Subject = {
    let file = Fuzz.dictionaries.appendingPathComponent("onoma-default.xml")
    do {
        let glossaries = try GlossarySet.load(files: [file]).glossaries
        let engine = try LookupEngine(glossaries: glossaries, dataDirectory: Fuzz.dictionaries)
        // A fresh cache folder: the first load builds and writes the cache, the second must hit it.
        let cacheDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("onoma-fuzz-lookup-\(getpid())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let (_, first) = try LookupIndexCache.engine(files: [file], dataDirectory: Fuzz.dictionaries, cacheDirectory: cacheDirectory)
        Fuzz.check(first == .rebuilt, "the first load through an empty cache folder was \(first), not rebuilt")
        let (cached, second) = try LookupIndexCache.engine(files: [file], dataDirectory: Fuzz.dictionaries, cacheDirectory: cacheDirectory)
        Fuzz.check(second == .hit, "the second load through the cache was \(second), not a hit")
        Fuzz.check(cached.entries == engine.entries.map { e in
            var e = e
            e.location = nil
            e.names = e.names.map { n in var n = n; n.location = nil; return n }
            return e
        }, "the cached engine holds other entries than the fresh one")
        Fuzz.check(cached.formCount == engine.formCount, "the cached engine has \(cached.formCount) forms, the fresh one \(engine.formCount)")
        return Subject(name: "onoma-default", glossaries: glossaries, engine: engine, cached: cached)
    } catch {
        Fuzz.fail("cannot build the lookup engine over the shipped dictionary: \(error)")
    }
}()

let synthetic: Subject = {
    do {
        let generated = try SyntheticGlossary(count: 400, seed: 7, dataDirectory: Fuzz.dictionaries)
        let engine = try LookupEngine(glossaries: [generated.glossary], dataDirectory: Fuzz.dictionaries)
        return Subject(name: "synthetic", glossaries: [generated.glossary], engine: engine, cached: nil)
    } catch {
        Fuzz.fail("cannot build the lookup engine over a synthetic glossary: \(error)")
    }
}()

let languages = ["en", "ko", "zh-Hans", "ja"]

/// Checks what one answer must satisfy on its own.
func checkAnswer(_ matches: [LookupMatch], _ query: String, _ options: LookupOptions, _ subject: Subject) {
    let context = "query \(query.debugDescription) in \(subject.name) (\(options))"
    Fuzz.check(matches.count <= max(0, options.limit), "\(matches.count) matches over the limit: \(context)")
    var seen = Set<String>()
    var previous = Double.infinity
    for m in matches {
        Fuzz.check(m.score >= 0 && m.score <= 1, "score \(m.score) outside 0…1 for \(m.id): \(context)")
        Fuzz.check(m.score <= previous, "scores not sorted best first (\(matches.map(\.score))): \(context)")
        Fuzz.check(m.score >= options.minScore, "score \(m.score) below the minimum \(options.minScore) for \(m.id): \(context)")
        Fuzz.check(seen.insert(m.id).inserted, "entry \(m.id) twice: \(context)")
        previous = m.score
        guard let entry = subject.entries[m.id] else { Fuzz.fail("id \(m.id) is not in the glossary: \(context)") }
        Fuzz.check(m.kind == entry.kind, "kind \(m.kind) of \(m.id) is not the entry's \(entry.kind): \(context)")
        Fuzz.check(entry.names.contains { $0.text == m.matched }, "matched form \(m.matched.debugDescription) is not a name of \(m.id): \(context)")
        if m.deprecated {
            Fuzz.check(entry.names.contains { $0.text == m.matched && $0.status == .deprecated },
                       "\(m.id) marked deprecated but \(m.matched.debugDescription) is no deprecated name of it: \(context)")
        }
        Fuzz.check(!m.explanation.isEmpty, "empty explanation for \(m.id): \(context)")
        Fuzz.check(!m.canonical.isEmpty, "empty canonical name for \(m.id): \(context)")
        if !options.fuzzy { Fuzz.check(m.method != .fuzzy, "a fuzzy match without fuzzy matching: \(context)") }
    }
}

/// Looks `query` up with `options` on the subject's engine, and checks the answer, its
/// determinism and (when there is one) the cached engine's answer.
func lookUp(_ query: String, _ options: LookupOptions, _ subject: Subject) -> [LookupMatch] {
    let matches = subject.engine.lookup(query, options: options)
    checkAnswer(matches, query, options, subject)
    Fuzz.check(subject.engine.lookup(query, options: options) == matches, "lookup not deterministic: query \(query.debugDescription) (\(options))")
    if let cached = subject.cached {
        let fromCache = cached.lookup(query, options: options)
        if fromCache != matches {
            Fuzz.fail("the engine from the index cache answers differently: query \(query.debugDescription) (\(options))\n fresh:  \(matches)\n cached: \(fromCache)")
        }
    }
    return matches
}

/// The stored form `text` of entry `id`, looked up as it is, finds that entry exactly.
func checkExact(_ id: String, _ text: String, _ subject: Subject, language: String) {
    // Every entry with that text must fit: use a limit above any homograph count.
    let options = LookupOptions(language: language, minScore: 0, limit: 10_000, fuzzy: false)
    let matches = lookUp(text, options, subject)
    guard let m = matches.first(where: { $0.id == id }) else {
        Fuzz.fail("the stored form \(text.debugDescription) of \(id) does not find it in \(subject.name): \(matches.map(\.id))")
    }
    let expected = subject.exactScore(id: id, text: text)
    Fuzz.check(m.score == expected && m.method == .exact,
               "the stored form \(text.debugDescription) of \(id) scores \(m.score) (\(m.method)), not \(expected) (exact), in \(subject.name)")
}

/// Checks every stored form once, before the first input.
let startupChecked: Bool = {
    for subject in [shipped, synthetic] {
        for (id, text) in subject.forms { checkExact(id, text, subject, language: "en") }
    }
    return true
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLookup(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard startupChecked, size >= 4, let data else { return 0 }
    let flags = data[0]
    let subject = flags & 0x40 != 0 ? synthetic : shipped
    let language = languages[Int(flags >> 4) & 3]
    let limit = 1 + Int(flags & 15)
    let minScore = Double(Int(data[1]) % 101) / 100
    let pick = (Int(data[2]) << 8 | Int(data[3])) % subject.forms.count
    let query = String(decoding: UnsafeBufferPointer(start: data + 4, count: size - 4), as: UTF8.self)

    let strict = lookUp(query, LookupOptions(language: language, minScore: minScore, limit: limit, fuzzy: false), subject)
    let fuzzy = lookUp(query, LookupOptions(language: language, minScore: minScore, limit: limit, fuzzy: true), subject)
    if !strict.isEmpty {
        Fuzz.check(fuzzy == strict, "fuzzy matching changed an answer the strict lookup had: query \(query.debugDescription)\n strict: \(strict)\n fuzzy:  \(fuzzy)")
    }
    // A larger limit and a lower minimum score: the answers above are its prefix / its filter.
    let wide = lookUp(query, LookupOptions(language: language, minScore: 0, limit: 64, fuzzy: false), subject)
    let filtered = wide.filter { $0.score >= minScore }
    Fuzz.check(Array(filtered.prefix(limit)) == strict,
               "limit \(limit), min score \(minScore) is not the top of the wide answer: query \(query.debugDescription)\n wide:   \(wide)\n narrow: \(strict)")
    let wideFuzzy = lookUp(query, LookupOptions(language: language, minScore: minScore, limit: 64, fuzzy: true), subject)
    Fuzz.check(Array(wideFuzzy.prefix(limit)) == fuzzy, "limit \(limit) is not a prefix of limit 64 (fuzzy): query \(query.debugDescription)")

    let form = subject.forms[pick]
    checkExact(form.id, form.text, subject, language: language)
    return 0
}

/// The entry point SwiftPM links as `main` (see CFuzzDriver): libFuzzer's driver.
@_cdecl("fuzz_lookup_main")
public func fuzzLookupMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    Fuzz.run(argc, argv) { fuzzLookup($0, $1) }
}
