import ArgumentParser
import OnomaKit

struct DictAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a glossary (validated, written atomically, under a lock).",
        discussion: """
        --name LANG:TEXT[:status][:type][:family=F][:given=G][:scheme=S] is repeatable; status is \
        preferred|admitted|deprecated (default admitted), type full|abbreviation|alias|former.
        Example: onoma dict add staff.xml --id koh-young-aah --kind person \\
          --name ko:고영아 --family ko:고 --given ko:영아 --name 'en:Koh Young-aah:preferred'
        """
    )

    @Argument(help: "The glossary to change.")
    var file: String

    @Option(help: "The new entry's id (an XML NCName, unique).")
    var id: String

    @Option(help: "person, organization, place or term.")
    var kind: EntryKind

    @Option(name: .customLong("name"), help: ArgumentHelp("A name: LANG:TEXT[:status][:type][:family=F][:given=G][:scheme=S].", valueName: "spec"))
    var names: [String] = []

    @Option(help: ArgumentHelp("Family part of the name in LANG.", valueName: "LANG:TEXT"))
    var family: [String] = []

    @Option(help: ArgumentHelp("Given part of the name in LANG.", valueName: "LANG:TEXT"))
    var given: [String] = []

    @Option(name: .customLong("note"), help: "A note (repeatable).")
    var notes: [String] = []

    @Flag(help: "Also add the standard romanizations of the native names as admitted names (Korean: RR and MR as ko-Latn; Chinese: pinyin and Wade-Giles as zh-Latn).")
    var romanize = false

    @OptionGroup var write: WriteFlags

    func run() throws {
        var updates = try names.map(NameSpec.parse)
        guard !updates.isEmpty else { throw UsageError("add needs at least one --name LANG:TEXT") }
        try NameSpec.attach(family, as: \.family, flag: "--family", to: &updates)
        try NameSpec.attach(given, as: \.given, flag: "--given", to: &updates)
        var entry = GlossaryEntry(id: id, kind: kind, names: updates.map(\.nameForm), notes: notes)
        if romanize {
            do {
                entry.names += entry.suggestedRomanizations(using: try Romanizer.loadDefault())
            } catch {
                throw UsageError("--romanize needs Onoma's reference data: \(error)")
            }
        }
        try DictEditRunner.run(file, write) { editor throws(GlossaryEditError) in try editor.add(entry) }
    }
}
