import ArgumentParser

/// `--format`: how results are written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people (the default).
    case text
    /// One JSON array for the whole run.
    case json
    /// One JSON object per input line or item.
    case jsonl
}
