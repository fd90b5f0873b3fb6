import ArgumentParser

/// `onoma dict`: the glossary commands.
struct DictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dict",
        abstract: "Check, edit, import and export glossaries.",
        subcommands: [DictValidateCommand.self, DictLintCommand.self, DictStatsCommand.self,
                      DictAddCommand.self, DictSetCommand.self, DictRemoveCommand.self, DictMergeCommand.self, DictFormatCommand.self,
                      DictImportCommand.self, DictExportCommand.self]
    )
}
