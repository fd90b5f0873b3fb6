import Foundation

/// The postal romanization of Chinese place names (北京 Peking, 广州 Canton, 四川 Szechwan),
/// read from `Dictionaries/reference/chinese-postal-names.tsv`, where its sources are stated.
/// Immutable after loading.
public struct ChinesePostalNames: Sendable {
    /// The file's name in `Dictionaries/reference/`.
    public static let fileName = "chinese-postal-names.tsv"

    /// Postal names by place name, simplified and traditional characters alike.
    private let names: [String: [String]]

    /// No names (a deriver without the table).
    public init() { names = [:] }

    /// Reads the table.
    /// - Throws: `ReferenceDataError` naming the file and line of a missing or malformed table.
    public init(contentsOf url: URL) throws {
        var names: [String: [String]] = [:]
        let file = try ReferenceTSV(url: url)
        try file.forEachRow(expectedHeader: ["simplified", "traditional", "postal"]) { row, file in
            let postal = file.string(row.fields[2]).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !postal.isEmpty else {
                throw ReferenceDataError(file: file.path, line: row.line, message: "a place without a postal name; give one or remove the row")
            }
            for place in Set([file.string(row.fields[0]), file.string(row.fields[1])]) {
                guard !place.isEmpty, place.unicodeScalars.allSatisfy({ NameText.isHan($0.value) }) else {
                    throw ReferenceDataError(file: file.path, line: row.line, message: "'\(place)' is not written in Chinese characters; the first two columns are the place in simplified and traditional characters")
                }
                names[place, default: []].append(contentsOf: postal.filter { !(names[place] ?? []).contains($0) })
            }
        }
        self.names = names
    }

    /// The postal names of a place written in Chinese characters (empty when the table does
    /// not know it).
    public func names(of place: String) -> [String] { names[place] ?? [] }

    /// Number of places known (simplified and traditional counted once each when they differ).
    public var count: Int { names.count }
}
