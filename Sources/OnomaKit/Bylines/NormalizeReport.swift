/// What a normalize run did: the figures an editor needs to extend the glossary next.
public struct NormalizeReport: Sendable, Hashable {
    /// A name no dictionary knows, with how often it was credited.
    public struct UnresolvedName: Sendable, Hashable {
        /// The name as written.
        public var text: String
        /// Occurrences.
        public var count: Int
        /// A suggested spelling, when one could be made.
        public var suggestion: String?
    }

    /// A line that was not valid UTF-8.
    public struct InvalidLine: Sendable, Hashable {
        /// The input it came from ("-" for standard input).
        public var source: String
        /// Its line number in that input (1-based).
        public var line: Int

        /// Creates a record of an invalid line.
        public init(source: String, line: Int) {
            self.source = source
            self.line = line
        }
    }

    /// Lines read (= lines written).
    public var linesRead = 0
    /// Lines whose output differs from their input.
    public var linesChanged = 0
    /// Name occurrences resolved to an entry.
    public var namesResolved = 0
    /// Credited name occurrences that no dictionary knows.
    public var namesUnresolved = 0
    /// Name occurrences that denote several entries with different canonical forms
    /// (namesakes), left as written.
    public var namesAmbiguous = 0
    /// Lines that were not valid UTF-8.
    public var invalidLines = 0
    /// Input bytes read.
    public var bytesRead = 0
    /// Distinct unresolved names dropped from `unresolved` because it was full (see
    /// `NormalizePipeline.Configuration.maximumDistinctUnresolved`); their occurrences are
    /// still counted in `namesUnresolved`.
    public var unresolvedOverflow = 0

    var unresolvedTally: [String: (count: Int, suggestion: String?)] = [:]

    /// Creates an empty report.
    public init() {}

    /// Unresolved names, most frequent first (ties in code-point order of the text).
    public var unresolved: [UnresolvedName] {
        unresolvedTally.map { UnresolvedName(text: $0.key, count: $0.value.count, suggestion: $0.value.suggestion) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.unicodeScalars.lexicographicallyPrecedes($1.text.unicodeScalars) }
    }

    public static func == (a: NormalizeReport, b: NormalizeReport) -> Bool {
        a.linesRead == b.linesRead && a.linesChanged == b.linesChanged && a.namesResolved == b.namesResolved
            && a.namesUnresolved == b.namesUnresolved && a.namesAmbiguous == b.namesAmbiguous && a.invalidLines == b.invalidLines && a.bytesRead == b.bytesRead
            && a.unresolved == b.unresolved
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(linesRead)
        hasher.combine(linesChanged)
        hasher.combine(namesResolved)
    }

    mutating func merge(_ other: NormalizeReport, limit: Int) {
        linesRead += other.linesRead
        linesChanged += other.linesChanged
        namesResolved += other.namesResolved
        namesUnresolved += other.namesUnresolved
        namesAmbiguous += other.namesAmbiguous
        invalidLines += other.invalidLines
        bytesRead += other.bytesRead
        unresolvedOverflow += other.unresolvedOverflow
        for (text, tally) in other.unresolvedTally {
            if let existing = unresolvedTally[text] {
                unresolvedTally[text] = (existing.count + tally.count, existing.suggestion ?? tally.suggestion)
            } else if unresolvedTally.count < limit {
                unresolvedTally[text] = tally
            } else {
                unresolvedOverflow += 1
            }
        }
    }

    mutating func count(_ result: NormalizedLine) {
        linesRead += 1
        if result.changed { linesChanged += 1 }
        for name in result.names {
            if name.id != nil {
                namesResolved += 1
            } else if name.isAmbiguous {
                namesAmbiguous += 1
            } else {
                namesUnresolved += 1
                if let existing = unresolvedTally[name.text] {
                    unresolvedTally[name.text] = (existing.count + 1, existing.suggestion)
                } else {
                    unresolvedTally[name.text] = (1, name.suggestion)
                }
            }
        }
    }
}
