import Foundation

/// Rewrites the names of one line (a byline, a credit line, a caption) to their canonical form.
///
/// Spans come from `BylineSpanExtractor` (the credit-line grammar); each is resolved with a
/// `NameResolver`. A resolved span is replaced by the entry's canonical form; an unresolved
/// credited span stays as written and is reported with a suggested spelling. Nothing else in
/// the line changes.
public struct BylineNormalizer: Sendable {
    /// Thresholds and limits.
    public struct Options: Sendable, Hashable {
        /// The lowest score that rewrites a credited span ("By ___"). Default 0.8.
        public var minimumCreditScore: Double
        /// The lowest score that rewrites a span outside the credit (a place, running text,
        /// a part of a longer run). Higher, because nothing in the grammar says it is a name.
        /// Default 0.95.
        public var minimumOtherScore: Double
        /// Spans longer than this (in scalars) are not looked up whole. Default 64.
        public var maximumSpanLength: Int

        /// Creates options.
        public init(minimumCreditScore: Double = 0.8, minimumOtherScore: Double = 0.95, maximumSpanLength: Int = 64) {
            self.minimumCreditScore = minimumCreditScore
            self.minimumOtherScore = minimumOtherScore
            self.maximumSpanLength = maximumSpanLength
        }
    }

    /// Resolves spans to entries.
    public let resolver: any NameResolver
    /// Suggests spellings for credited names no dictionary knows; nil: no suggestions.
    public let suggester: (any NameSuggester)?
    /// Finds the spans.
    public let extractor: BylineSpanExtractor
    /// Thresholds and limits.
    public let options: Options

    /// Creates a normalizer.
    public init(resolver: any NameResolver, suggester: (any NameSuggester)? = nil,
                extractor: BylineSpanExtractor = BylineSpanExtractor(), options: Options = Options()) {
        self.resolver = resolver
        self.suggester = suggester
        self.extractor = extractor
        self.options = options
    }

    /// Normalizes one line (without its line break).
    /// - Complexity: O(n) in the line's length, plus one resolver call per span.
    public func normalize(_ line: String) -> NormalizedLine {
        var memo = ResolutionMemo()
        return normalize(line, memo: &memo)
    }

    /// Normalizes one line, remembering resolutions in `memo` so that a name repeated across
    /// lines is resolved once. Use one memo per thread.
    public func normalize(_ line: String, memo: inout ResolutionMemo) -> NormalizedLine {
        let scalars = Array(line.unicodeScalars)
        // Hangul written as jamo is read composed; names are reported and replaced where, and
        // as, they were written.
        let read = ReadLine(scalars)
        var names: [BylineName] = []
        for candidate in extractor.candidates(in: read.scalars) {
            resolveCandidate(candidate, read, memo: &memo, into: &names)
        }
        if read.origin != nil {
            for k in names.indices {
                let r = read.writtenRange(names[k].start..<names[k].end)
                names[k].start = r.lowerBound; names[k].end = r.upperBound
            }
        }
        if names.isEmpty { return NormalizedLine(input: line, output: line, names: []) }
        // Built as UTF-8 bytes: appending to a String.UnicodeScalarView copies the whole string
        // on each append, which is quadratic on long lines.
        var output: [UInt8] = []
        var changed = false
        var position = 0
        for name in names {
            guard let canonical = name.canonical, canonical != name.text else { continue }
            if !changed { output.reserveCapacity(line.utf8.count + 64) }
            appendUTF8(scalars[position..<name.start], to: &output)
            output.append(contentsOf: canonical.utf8)
            position = name.end
            changed = true
        }
        if !changed { return NormalizedLine(input: line, output: line, names: names) }
        appendUTF8(scalars[position...], to: &output)
        return NormalizedLine(input: line, output: String(decoding: output, as: UTF8.self), names: names)
    }

    private func resolveCandidate(_ c: BylineCandidate, _ line: ReadLine, memo: inout ResolutionMemo, into names: inout [BylineName]) {
        let threshold = c.role == .credit ? options.minimumCreditScore : options.minimumOtherScore
        if let articleStart = c.articleStart, c.range.upperBound - articleStart <= options.maximumSpanLength {
            // "The Korea Herald": the article belongs to the name when the entry says so.
            if let found = resolved(articleStart..<c.range.upperBound, line, threshold: options.minimumOtherScore, memo: &memo) {
                names.append(found)
                return
            }
        }
        if c.range.count <= options.maximumSpanLength, let found = resolved(c.range, line, threshold: threshold, memo: &memo) {
            names.append(found)
            return
        }
        // A Korean word with a particle: "한국광물자원공사가", "고영아씨", or an honorific and
        // a particle: "박찬욱씨와", "고영아님께서".
        if c.script == .hangul, c.length >= 3 {
            for particle in extractor.lexicon.hangulParticleScalars where c.length - particle.count >= 2 {
                let cut = c.range.upperBound - particle.count
                guard line.scalars[cut..<c.range.upperBound].elementsEqual(particle) else { continue }
                let r = c.range.lowerBound..<cut
                if let found = resolved(r, line, threshold: threshold, memo: &memo) {
                    names.append(found)
                    return
                }
                // The honorific before the particle (a name of two syllables at least stays).
                let honorific = line.scalars[r.upperBound - 1]
                guard r.count >= 3, honorific == "씨" || honorific == "님" else { continue }
                if let found = resolved(r.lowerBound..<(r.upperBound - 1), line, threshold: threshold, memo: &memo) {
                    names.append(found)
                    return
                }
            }
        }
        // A known entry inside a longer run: "Koh Young-aah Kim Shin-jong", "国务院总理李克强".
        let found = searchWindows(c, line, memo: &memo, into: &names)
        if found { return }
        guard c.role == .credit, isPlausibleName(c) else { return }
        let t = line.text(c.range)
        let suggestion = suggester.flatMap { memo.suggest(t, with: $0) }
        names.append(BylineName(range: c.range, text: t, suggestion: suggestion))
    }

    /// The span `r` as a resolved name, when its resolution reaches `threshold`.
    private func resolved(_ r: Range<Int>, _ line: ReadLine, threshold: Double, memo: inout ResolutionMemo) -> BylineName? {
        let t = line.text(r)
        guard let res = memo.resolve(t, with: resolver), res.score >= threshold else { return nil }
        return name(r, t, res, line)
    }

    /// A resolved name; a final period the canonical form ends with ("Corp.") takes the
    /// period that follows the span in the line, so that it is not doubled.
    private func name(_ r: Range<Int>, _ t: String, _ res: NameResolution, _ line: ReadLine) -> BylineName {
        if res.ambiguous {
            // Namesakes spelled differently: which one is meant is unknown; leave it as written.
            return BylineName(range: r, text: t, ambiguousAmong: [res.id] + res.homographs, score: res.score)
        }
        if res.canonical.hasSuffix("."), !t.hasSuffix("."), r.upperBound < line.scalars.count, line.scalars[r.upperBound] == "." {
            let wider = r.lowerBound..<(r.upperBound + 1)
            return BylineName(range: wider, text: t + ".", resolution: res)
        }
        return BylineName(range: r, text: t, resolution: res)
    }

    private func isPlausibleName(_ c: BylineCandidate) -> Bool {
        switch c.script {
        case .latin: return (2...4).contains(c.length)
        case .hangul: return (2...5).contains(c.length)
        case .han: return (2...4).contains(c.length)
        }
    }

    /// Greedy left-to-right search for known entries in sub-spans of an unresolved span:
    /// 2 to 4 words (Latin) or 2 to 4 characters (Han). Only exact or near-exact matches count.
    private func searchWindows(_ c: BylineCandidate, _ line: ReadLine, memo: inout ResolutionMemo, into names: inout [BylineName]) -> Bool {
        var units: [Range<Int>] = []
        switch c.script {
        case .hangul:
            return false
        case .han:
            guard c.length >= 3 else { return false }
            units = c.range.map { $0..<($0 + 1) }
        case .latin:
            guard c.length >= 3 else { return false }
            var i = c.range.lowerBound
            while i < c.range.upperBound {
                while i < c.range.upperBound, ScalarKind.isSpace(line.scalars[i]) { i += 1 }
                let start = i
                while i < c.range.upperBound, !ScalarKind.isSpace(line.scalars[i]) { i += 1 }
                if i > start { units.append(start..<i) }
            }
        }
        var found = false
        var u = 0
        outer: while u < units.count {
            var size = min(4, units.count - u)
            if u == 0 && size == units.count { size -= 1 } // the whole span was tried already
            while size >= 2 {
                let r = units[u].lowerBound..<units[u + size - 1].upperBound
                if let name = resolved(r, line, threshold: options.minimumOtherScore, memo: &memo) {
                    names.append(name)
                    found = true
                    u += size
                    continue outer
                }
                size -= 1
            }
            u += 1
        }
        return found
    }
}

/// A line as the extractor reads it — Hangul written as conjoining jamo composed into
/// syllables — and as it was written: spans are found in ``scalars``, and their text (what is
/// resolved and reported) and offsets are those of what was written.
struct ReadLine {
    /// The scalars read.
    let scalars: [Unicode.Scalar]
    /// The scalars written.
    let written: [Unicode.Scalar]
    /// For each of ``scalars``, and for their end, the offset in ``written``; nil when the two
    /// are the same (a line without jamo, nearly every line).
    let origin: [Int]?

    /// Reads a line written as `written`.
    init(_ written: [Unicode.Scalar]) {
        self.written = written
        if HangulComposition.mayCompose(written) {
            let composed = HangulComposition.compose(written)
            scalars = composed.scalars
            origin = composed.origin
        } else {
            scalars = written
            origin = nil
        }
    }

    /// Where a span of ``scalars`` was written.
    func writtenRange(_ r: Range<Int>) -> Range<Int> { origin.map { $0[r.lowerBound]..<$0[r.upperBound] } ?? r }

    /// The text of a span of ``scalars``, as written.
    func text(_ r: Range<Int>) -> String {
        var bytes: [UInt8] = []
        let w = writtenRange(r)
        bytes.reserveCapacity(w.count * 3)
        appendUTF8(written[w], to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Appends the UTF-8 encoding of `scalars`.
func appendUTF8(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout [UInt8]) {
    for c in scalars {
        let v = c.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

/// The result of normalizing one line.
public struct NormalizedLine: Sendable, Hashable {
    /// The line as read.
    public var input: String
    /// The line with every resolved name in canonical form.
    public var output: String
    /// The names found, in order: resolved ones (with `id`) and unresolved credited ones
    /// (without).
    public var names: [BylineName]

    /// Whether the output differs from the input.
    public var changed: Bool { output != input }

    /// Creates a result.
    public init(input: String, output: String, names: [BylineName]) {
        self.input = input
        self.output = output
        self.names = names
    }
}

/// One name found in a line.
public struct BylineName: Sendable, Hashable {
    /// Offset of the first scalar in the input line.
    public var start: Int
    /// Offset after the last scalar (end exclusive).
    public var end: Int
    /// The span as written.
    public var text: String
    /// The entry, or nil when no dictionary knows the name.
    public var id: String?
    /// The canonical form that replaced the span (nil when unresolved).
    public var canonical: String?
    /// The match score (nil when unresolved).
    public var score: Double?
    /// How the span matched, when the resolver says.
    public var method: String?
    /// A suggested spelling of an unresolved name.
    public var suggestion: String?
    /// Other entries that match as well as `id` (namesakes with the same canonical form), or,
    /// when `id` is nil, every entry the span may denote (namesakes spelled differently).
    public var homographs: [String] = []

    /// Whether the span denotes several entries with different canonical forms.
    public var isAmbiguous: Bool { id == nil && !homographs.isEmpty }

    /// Creates a resolved name.
    public init(range: Range<Int>, text: String, resolution: NameResolution) {
        start = range.lowerBound
        end = range.upperBound
        self.text = text
        id = resolution.id
        canonical = resolution.canonical
        score = resolution.score
        method = resolution.method
        homographs = resolution.homographs
    }

    /// Creates a name that denotes several entries with different canonical forms.
    public init(range: Range<Int>, text: String, ambiguousAmong ids: [String], score: Double) {
        start = range.lowerBound
        end = range.upperBound
        self.text = text
        self.score = score
        homographs = ids
    }

    /// Creates an unresolved name.
    public init(range: Range<Int>, text: String, suggestion: String?) {
        start = range.lowerBound
        end = range.upperBound
        self.text = text
        self.suggestion = suggestion
    }
}

/// Resolutions and suggestions already computed by one worker. Bylines repeat the same few
/// thousand names, so most spans are answered from here, without a lock. Workers of one run
/// share a `SharedResolutionCache` behind their own memos, so that a name is resolved once per
/// run rather than once per worker.
///
/// Keys are hashed once, with a cheap hash of their scalars, and compared byte for byte: a
/// span's answer depends on its exact bytes (the exact-form path does), and hashing a `String`
/// itself normalizes non-ASCII text, which cost more than a tenth of a run. Bounded: a table
/// starts over when full.
public struct ResolutionMemo: Sendable {
    enum Cached: Sendable { case resolved(NameResolution), unresolved }

    struct Key: Hashable, Sendable {
        let text: String
        let hash: UInt64
        init(_ text: String) {
            self.text = text
            hash = StableHash.of(text.unicodeScalars)
        }
        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.text.utf8.elementsEqual(b.text.utf8) }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    private var resolutions: [Key: Cached] = [:]
    private var suggestions: [Key: String?] = [:]
    private let shared: SharedResolutionCache?
    /// The most names kept (resolutions and suggestions, each) before the memo starts over.
    public let capacity: Int

    /// Creates an empty memo.
    /// - Parameters:
    ///   - capacity: names kept before the memo starts over.
    ///   - shared: a cache shared with the other workers of the run, asked on a miss.
    public init(capacity: Int = 200_000, shared: SharedResolutionCache? = nil) {
        self.capacity = capacity
        self.shared = shared
    }

    mutating func resolve(_ text: String, with resolver: any NameResolver) -> NameResolution? {
        let key = Key(text)
        let cached: Cached
        if let hit = resolutions[key] {
            cached = hit
        } else {
            if let shared, let hit = shared.resolution(key) {
                cached = hit
            } else {
                cached = resolver.resolve(text).map(Cached.resolved) ?? .unresolved
                shared?.store(cached, for: key)
            }
            if resolutions.count >= capacity { resolutions.removeAll(keepingCapacity: true) }
            resolutions[key] = cached
        }
        if case .resolved(let r) = cached { return r }
        return nil
    }

    mutating func suggest(_ text: String, with suggester: any NameSuggester) -> String? {
        let key = Key(text)
        if let hit = suggestions[key] { return hit }
        let suggestion = suggester.suggest(text)
        if suggestions.count >= capacity { suggestions.removeAll(keepingCapacity: true) }
        suggestions[key] = .some(suggestion)
        return suggestion
    }
}

/// Resolutions shared by the workers of one run, asked only when a worker's own memo misses.
/// Split into stripes, each behind its own lock, so that two workers seldom wait for each
/// other. Two workers that miss the same name at once both resolve it and store the same
/// answer (resolution is deterministic), so the output never depends on the timing.
/// Bounded: a stripe starts over when full.
public final class SharedResolutionCache: @unchecked Sendable {
    // @unchecked: every access to a stripe's table holds that stripe's lock.
    private final class Stripe: @unchecked Sendable {
        let lock = NSLock()
        var table: [ResolutionMemo.Key: ResolutionMemo.Cached] = [:]
    }

    private static let stripeCount = 64
    private let stripes: [Stripe]
    private let stripeCapacity: Int

    /// Creates an empty cache holding at most about `capacity` names.
    public init(capacity: Int = 500_000) {
        stripeCapacity = max(1, capacity / SharedResolutionCache.stripeCount)
        stripes = (0..<SharedResolutionCache.stripeCount).map { _ in Stripe() }
    }

    @inline(__always) private func stripe(_ key: ResolutionMemo.Key) -> Stripe {
        stripes[Int(truncatingIfNeeded: (key.hash &* 0x9E37_79B9_7F4A_7C15) >> 58)]
    }

    func resolution(_ key: ResolutionMemo.Key) -> ResolutionMemo.Cached? {
        let stripe = stripe(key)
        stripe.lock.lock()
        defer { stripe.lock.unlock() }
        return stripe.table[key]
    }

    func store(_ cached: ResolutionMemo.Cached, for key: ResolutionMemo.Key) {
        let stripe = stripe(key)
        stripe.lock.lock()
        defer { stripe.lock.unlock() }
        if stripe.table.count >= stripeCapacity { stripe.table.removeAll(keepingCapacity: true) }
        stripe.table[key] = cached
    }
}
