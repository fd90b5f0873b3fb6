/// Why a lookup engine could not be built or a cache not used.
public enum LookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Reference data the engine always needs is missing or malformed.
    case referenceData(String)
    /// Two entries share an id across the glossaries loaded together.
    case duplicateID(id: String, first: String, second: String)

    public var description: String {
        switch self {
        case .referenceData(let message):
            return "reference data: \(message)"
        case let .duplicateID(id, first, second):
            return "duplicate entry id '\(id)' (\(first) and \(second)); ids must be unique across every dictionary loaded together — rename one of them"
        }
    }
}
