import ArgumentParser
import Foundation
import OnomaKit

struct RomanizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "romanize",
        abstract: "Romanize or convert Korean and Chinese names (one output line per input line)."
    )

    @Option(help: "Scheme: \(RomanizationScheme.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scheme: RomanizationScheme = .auto

    func run() throws {
        throw UsageError("romanize is not built yet")
    }
}

extension RomanizationScheme: ExpressibleByArgument {}
