import ArgumentParser
import OnomaKit

struct DictRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove entries by id (comments around them are kept)."
    )

    @Argument(help: "The glossary to change.")
    var file: String

    @Argument(help: "The ids of the entries to remove.")
    var ids: [String] = []

    @OptionGroup var write: WriteFlags

    func run() throws {
        guard !ids.isEmpty else { throw UsageError("remove needs at least one entry id") }
        try DictEditRunner.run(file, write) { editor throws(GlossaryEditError) in try editor.remove(ids: ids) }
    }
}
