/// Finds the spans of a line that may be names, and whether the credit-line grammar puts them
/// in the credit ("By ___", "___ 기자", "记者 ___") or elsewhere ("in ___", "(___)").
///
/// The extractor knows no dictionary: it proposes spans; the normalizer resolves them.
/// - Complexity: O(n) in the number of scalars of the line.
public struct BylineSpanExtractor: Sendable {
    /// The credit-line vocabulary.
    public var lexicon: BylineLexicon

    /// Creates an extractor.
    public init(lexicon: BylineLexicon = .standard) {
        self.lexicon = lexicon
    }

    /// The candidate name spans of `scalars`, in order, not overlapping.
    public func candidates(in scalars: [Unicode.Scalar]) -> [BylineCandidate] {
        // A line written all in lower case ("by koh young-aah") has no capitals to tell names
        // from words: its Latin words are all candidates, but only in the role `.other`
        // (rewritten when they are a dictionary entry, never reported when unknown).
        let tokens = tokenize(scalars)
        let lowerCase = BylineSpanExtractor.isLowerCase(tokens, scalars)
        var candidates = group(classify(tokens, scalars, lowerCaseNames: lowerCase))
        if lowerCase {
            for k in candidates.indices where candidates[k].script == .latin { candidates[k].role = .other }
        }
        return candidates
    }

    /// Whether a line has Latin words and no capital in them (only its Latin tokens are
    /// read: a Korean or Chinese line costs nothing).
    static func isLowerCase(_ tokens: [BylineToken], _ scalars: [Unicode.Scalar]) -> Bool {
        var letters = false
        for t in tokens where t.kind == .latin {
            for c in scalars[t.range] where ScalarKind.isLatinLetter(c) {
                if ScalarKind.isUpper(c) { return false }
                letters = true
            }
        }
        return letters
    }

    /// The candidate name spans of `line`; offsets count Unicode scalars.
    public func candidates(in line: String) -> [BylineCandidate] {
        candidates(in: Array(line.unicodeScalars))
    }
}

/// A span of a line that may be a name.
public struct BylineCandidate: Sendable, Hashable {
    /// Scalar offsets in the line, end exclusive.
    public var range: Range<Int>
    /// The script of the span.
    public var script: BylineScript
    /// Where the credit-line grammar puts the span.
    public var role: BylineRole
    /// Number of words (Latin) or characters (Hangul, Han) in the span.
    public var length: Int
    /// Where a preceding "The" starts, when the span follows one: "The Korea Herald" is the
    /// name, not "Korea Herald".
    public var articleStart: Int?

    /// Creates a candidate.
    public init(range: Range<Int>, script: BylineScript, role: BylineRole, length: Int, articleStart: Int? = nil) {
        self.range = range
        self.script = script
        self.role = role
        self.length = length
        self.articleStart = articleStart
    }
}

/// The script of a candidate span.
public enum BylineScript: String, Sendable, Hashable {
    case latin, hangul, han
}

/// Where a candidate sits in the credit-line grammar.
public enum BylineRole: String, Sendable, Hashable {
    /// Credited: introduced by "By", "记者", a title, or followed by "기자", "报道"... An
    /// unresolved credited name is reported so that an editor can add it.
    case credit
    /// Anywhere else (a place after "in", a parenthesis, running text): rewritten only when it
    /// is a known entry, never reported when unknown.
    case other
}

// MARK: - Tokens

struct BylineToken {
    enum Kind { case latin, hangul, han, space, separator, colon, email, other }
    var range: Range<Int>
    var kind: Kind
}

enum ScalarKind {
    static func isHangul(_ s: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(s.value) }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x20 || v == 0x09 || v == 0x0D || v == 0xA0 || v == 0x3000 || (0x2000...0x200B).contains(v)
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2C, 0xFF0C, 0x26, 0xFF06, 0xB7, 0x30FB, 0x2022, 0x3001, 0x2F, 0x3B, 0xFF1B: return true
        default: return false
        }
    }

    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v < 0xC0 { return false }
        if v == 0xD7 || v == 0xF7 { return false }
        return v <= 0x24F || (0x1E00...0x1EFF).contains(v) || (0x300...0x36F).contains(v)
            || (0x2B0...0x2FF).contains(v)
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isEmailLocal(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 && (isLatinLetter(s) || isDigit(s) || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2B || v == 0x2D)
    }

    static func isEmailDomain(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 && (isLatinLetter(s) || isDigit(s) || v == 0x2E || v == 0x2D)
    }

    /// Apostrophes and hyphens inside a name: Young-aah, O'Brien, Ch'oe.
    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x2D || s.value == 0x27 || s.value == 0x2019 || s.value == 0x2010 || s.value == 0x2BC
    }
}

extension BylineSpanExtractor {
    func tokenize(_ s: [Unicode.Scalar]) -> [BylineToken] {
        var tokens: [BylineToken] = []
        tokens.reserveCapacity(s.count / 3 + 2)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            let start = i
            if ScalarKind.isEmailLocal(c), c.value != 0x2E, let end = emailEnd(s, from: i) {
                tokens.append(BylineToken(range: start..<end, kind: .email))
                i = end
            } else if ScalarKind.isLatinLetter(c) {
                i += 1
                while i < n {
                    if ScalarKind.isLatinLetter(s[i]) { i += 1; continue }
                    if ScalarKind.isJoiner(s[i]), i + 1 < n, ScalarKind.isLatinLetter(s[i + 1]) { i += 2; continue }
                    break
                }
                // An initial keeps its period: "Y." in "Koh Y. A.".
                if i - start == 1, i < n, s[i] == "." { i += 1 }
                tokens.append(BylineToken(range: start..<i, kind: .latin))
            } else if ScalarKind.isHangul(c) {
                i += 1
                while i < n, ScalarKind.isHangul(s[i]) { i += 1 }
                tokens.append(BylineToken(range: start..<i, kind: .hangul))
            } else if ScalarKind.isHan(c) {
                i += 1
                while i < n, ScalarKind.isHan(s[i]) { i += 1 }
                tokens.append(BylineToken(range: start..<i, kind: .han))
            } else if ScalarKind.isSpace(c) {
                i += 1
                while i < n, ScalarKind.isSpace(s[i]) { i += 1 }
                tokens.append(BylineToken(range: start..<i, kind: .space))
            } else if ScalarKind.isSeparator(c) {
                i += 1
                tokens.append(BylineToken(range: start..<i, kind: .separator))
            } else if c == ":" || c == "\u{FF1A}" {
                i += 1
                tokens.append(BylineToken(range: start..<i, kind: .colon))
            } else if ScalarKind.isDigit(c) {
                i += 1
                while i < n, ScalarKind.isDigit(s[i]) || ScalarKind.isLatinLetter(s[i]) { i += 1 }
                tokens.append(BylineToken(range: start..<i, kind: .other))
            } else {
                i += 1
                tokens.append(BylineToken(range: start..<i, kind: .other))
            }
        }
        return tokens
    }

    /// The end of an e-mail address starting at `i`, or nil when there is none.
    private func emailEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i
        let n = s.count
        while j < n, ScalarKind.isEmailLocal(s[j]) { j += 1 }
        guard j < n, s[j] == "@", j + 1 < n, ScalarKind.isEmailDomain(s[j + 1]) else { return nil }
        j += 1
        while j < n, ScalarKind.isEmailDomain(s[j]) { j += 1 }
        while j > i, s[j - 1] == "." { j -= 1 }
        return j
    }
}

// MARK: - Pieces

struct BylinePiece {
    enum Kind: Equatable {
        case name(BylineScript)
        case keyword(BylineLexicon.Role)
        case space
        case separator
        /// "By: Kim": transparent between a credit word and the names.
        case colon
        /// "The", which may begin an organization's name.
        case article
        /// Punctuation, digits, e-mails, lower-case words: ends a group of names.
        case other
    }
    var range: Range<Int>
    var kind: Kind
}

extension BylineSpanExtractor {
    func classify(_ tokens: [BylineToken], _ s: [Unicode.Scalar], lowerCaseNames: Bool = false) -> [BylinePiece] {
        var pieces: [BylinePiece] = []
        pieces.reserveCapacity(tokens.count)
        for token in tokens {
            let r = token.range
            switch token.kind {
            case .space: pieces.append(BylinePiece(range: r, kind: .space))
            case .separator: pieces.append(BylinePiece(range: r, kind: .separator))
            case .colon: pieces.append(BylinePiece(range: r, kind: .colon))
            case .email, .other: pieces.append(BylinePiece(range: r, kind: .other))
            case .latin: pieces.append(BylinePiece(range: r, kind: classifyLatin(s[r], lowerCaseNames: lowerCaseNames)))
            case .hangul: classifyHangul(r, s, into: &pieces)
            case .han: classifyHan(r, s, into: &pieces)
            }
        }
        return pieces
    }

    private static let theKey = LatinKey(Array("the".unicodeScalars)[...])!

    /// - Parameter lowerCaseNames: a word in lower case may be a name (the line has no capitals).
    private func classifyLatin(_ word: ArraySlice<Unicode.Scalar>, lowerCaseNames: Bool) -> BylinePiece.Kind {
        var allLower = true, allUpper = true, ascii = true
        for c in word {
            if c.value >= 0x80 { ascii = false }
            if ScalarKind.isLatinLetter(c) {
                if ScalarKind.isUpper(c) { allLower = false } else { allUpper = false }
            }
        }
        if ascii, let key = LatinKey(word) {
            if key == Self.theKey { return .article }
            if let role = lexicon.latinKeyed[key] {
                // "In", "An", "So" are Korean surnames: a place marker or joiner must be written in
                // lower case, or in capitals in an all-capitals line ("KIM SHIN-JONG IN SEOUL").
                switch role {
                case .place, .separator:
                    if allLower || allUpper { return .keyword(role) }
                default:
                    return .keyword(role)
                }
            }
        }
        guard let first = word.first, ScalarKind.isUpper(first) || (lowerCaseNames && ScalarKind.isLatinLetter(first)) else { return .other }
        return .name(.latin)
    }

    private func hasSuffix(_ s: [Unicode.Scalar], _ r: Range<Int>, _ suffix: [Unicode.Scalar]) -> Bool {
        guard r.count >= suffix.count else { return false }
        return s[(r.upperBound - suffix.count)..<r.upperBound].elementsEqual(suffix)
    }

    private func equals(_ s: [Unicode.Scalar], _ r: Range<Int>, _ word: [Unicode.Scalar]) -> Bool {
        r.count == word.count && s[r].elementsEqual(word)
    }

    private func classifyHangul(_ r: Range<Int>, _ s: [Unicode.Scalar], into pieces: inout [BylinePiece]) {
        for (word, role) in lexicon.hangulWords where equals(s, r, word) {
            pieces.append(BylinePiece(range: r, kind: .keyword(role)))
            return
        }
        for suffix in lexicon.hangulSuffixScalars where hasSuffix(s, r, suffix) {
            if r.count == suffix.count {
                pieces.append(BylinePiece(range: r, kind: .keyword(.suffix)))
                return
            }
            if r.count - suffix.count >= 2 {
                let cut = r.upperBound - suffix.count
                pieces.append(BylinePiece(range: r.lowerBound..<cut, kind: .name(.hangul)))
                pieces.append(BylinePiece(range: cut..<r.upperBound, kind: .keyword(.suffix)))
                return
            }
        }
        pieces.append(BylinePiece(range: r, kind: .name(.hangul)))
    }

    private func classifyHan(_ r: Range<Int>, _ s: [Unicode.Scalar], into pieces: inout [BylinePiece]) {
        for (word, role) in lexicon.hanWords where equals(s, r, word) {
            pieces.append(BylinePiece(range: r, kind: .keyword(role)))
            return
        }
        var rest = r
        // The last credit word wins: "新华社记者杨占峰" is agency, prefix, name.
        if let (kwStart, kwEnd) = lastHanPrefix(in: r, s) {
            if kwStart > r.lowerBound { pieces.append(BylinePiece(range: r.lowerBound..<kwStart, kind: .other)) }
            pieces.append(BylinePiece(range: kwStart..<kwEnd, kind: .keyword(.prefix)))
            rest = kwEnd..<r.upperBound
            if rest.isEmpty { return }
        }
        var suffixPiece: BylinePiece?
        for suffix in lexicon.hanSuffixScalars where hasSuffix(s, rest, suffix) {
            if rest.count == suffix.count {
                pieces.append(BylinePiece(range: rest, kind: .keyword(.suffix)))
                return
            }
            if rest.count - suffix.count >= 2 {
                let cut = rest.upperBound - suffix.count
                suffixPiece = BylinePiece(range: cut..<rest.upperBound, kind: .keyword(.suffix))
                rest = rest.lowerBound..<cut
                break
            }
        }
        // "杨占峰和张三": a joiner between two names of 2 to 4 characters.
        var split = false
        if rest.count >= 5 {
            for cut in (rest.lowerBound + 2)..<(rest.upperBound - 2)
            where rest.upperBound - cut - 1 >= 2 && cut - rest.lowerBound <= 4 && rest.upperBound - cut - 1 <= 4 {
                if lexicon.hanWords.contains(where: { $0.1 == .separator && $0.0.count == 1 && $0.0[0] == s[cut] }) {
                    pieces.append(BylinePiece(range: rest.lowerBound..<cut, kind: .name(.han)))
                    pieces.append(BylinePiece(range: cut..<(cut + 1), kind: .separator))
                    pieces.append(BylinePiece(range: (cut + 1)..<rest.upperBound, kind: .name(.han)))
                    split = true
                    break
                }
            }
        }
        if !split { pieces.append(BylinePiece(range: rest, kind: .name(.han))) }
        if let suffixPiece { pieces.append(suffixPiece) }
    }

    private func lastHanPrefix(in r: Range<Int>, _ s: [Unicode.Scalar]) -> (Int, Int)? {
        var best: (Int, Int)?
        for prefix in lexicon.hanPrefixScalars where prefix.count <= r.count {
            var i = r.upperBound - prefix.count
            while i >= r.lowerBound {
                if s[i..<(i + prefix.count)].elementsEqual(prefix) {
                    // Prefer the occurrence that ends last, then the longest ("本报记者" over "记者").
                    if best == nil || i + prefix.count > best!.1 || (i + prefix.count == best!.1 && i < best!.0) {
                        best = (i, i + prefix.count)
                    }
                    break
                }
                i -= 1
            }
        }
        return best
    }
}

// MARK: - Groups

extension BylineSpanExtractor {
    /// Groups names joined by separators (or, for Hangul and Han, by spaces), then gives each
    /// group its role from what precedes and follows it.
    func group(_ pieces: [BylinePiece]) -> [BylineCandidate] {
        var result: [BylineCandidate] = []
        var i = 0
        let n = pieces.count
        // Only names, spaces and separators: the line is one group of names, a byline.
        let onlyNames = pieces.allSatisfy { piece in
            switch piece.kind {
            case .name, .space, .separator, .keyword(.separator): return true
            default: return false
            }
        }
        while i < n {
            guard case .name(let firstScript) = pieces[i].kind else { i += 1; continue }
            var members = [BylineCandidate(range: pieces[i].range, script: firstScript, role: .other,
                                           length: firstScript == .latin ? 1 : pieces[i].range.count,
                                           articleStart: firstScript == .latin ? article(before: i, pieces) : nil)]
            var lastMember = i
            var sawSeparator = false
            var j = i + 1
            scan: while j < n {
                switch pieces[j].kind {
                case .space:
                    j += 1
                case .separator, .keyword(.separator):
                    sawSeparator = true
                    j += 1
                case .name(let script):
                    let last = members.count - 1
                    if !sawSeparator, script == .latin, members[last].script == .latin {
                        // Words of one Latin name: "Koh" "Young-aah".
                        members[last].range = members[last].range.lowerBound..<pieces[j].range.upperBound
                        members[last].length += 1
                    } else {
                        // Hangul and Han names are one word each: a space also separates them.
                        members.append(BylineCandidate(range: pieces[j].range, script: script, role: .other,
                                                       length: script == .latin ? 1 : pieces[j].range.count,
                                                       articleStart: script == .latin ? article(before: j, pieces) : nil))
                    }
                    lastMember = j
                    sawSeparator = false
                    j += 1
                default:
                    break scan
                }
            }
            let role = self.role(pieces, groupStart: i, lastMember: lastMember, onlyNames: onlyNames)
            for var m in members {
                m.role = role
                result.append(m)
            }
            i = lastMember + 1
        }
        return result
    }

    /// The start of "The " just before piece `k`, if any.
    private func article(before k: Int, _ pieces: [BylinePiece]) -> Int? {
        if k >= 2, pieces[k - 1].kind == .space, pieces[k - 2].kind == .article { return pieces[k - 2].range.lowerBound }
        return nil
    }

    private func role(_ pieces: [BylinePiece], groupStart: Int, lastMember: Int, onlyNames: Bool) -> BylineRole {
        // Before: the nearest piece that is not a space or a colon.
        var b = groupStart - 1
        while b >= 0, pieces[b].kind == .space || pieces[b].kind == .colon { b -= 1 }
        if b >= 0, case .keyword(let role) = pieces[b].kind, role == .prefix || role == .title { return .credit }
        // After: skipping spaces, separators and stop words ("Kim, Staff Reporter").
        var a = lastMember + 1
        while a < pieces.count {
            switch pieces[a].kind {
            case .space, .separator, .keyword(.stop), .keyword(.separator), .article: a += 1; continue
            default: break
            }
            break
        }
        if a < pieces.count, case .keyword(let role) = pieces[a].kind, role == .suffix || role == .title { return .credit }
        // A line that is only names ("Koh Young-aah, Kim Shin-jong") is a byline.
        return onlyNames ? .credit : .other
    }

}
