import ArgumentParser
import Foundation
import OnomaKit

/// The `onoma` command: parses arguments and hands the work to OnomaKit.
struct Onoma: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onoma",
        abstract: "Transliterate, look up and normalize Korean and Chinese names across scripts.",
        version: "0.1.0 (ICU \(ICU.version))",
        subcommands: [RomanizeCommand.self, LookupCommand.self, NormalizeCommand.self, DictCommand.self]
    )
}
