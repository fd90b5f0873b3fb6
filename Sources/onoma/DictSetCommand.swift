import ArgumentParser
import OnomaKit

struct DictSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change an entry: kind, names (added, updated or removed), notes.",
        discussion: """
        A --name whose language and text match an existing name updates only the fields it states \
        (status, type, family=, given=, scheme=; an empty value such as family= removes it); \
        otherwise the name is added after the entry's other names in that language.
        Example: onoma dict set staff.xml koh-young-aah --name 'en:Ko Young-a:alias' --note 'Moved to Seoul desk'
        """
    )

    @Argument(help: "The glossary to change.")
    var file: String

    @Argument(help: "The id of the entry to change.")
    var id: String

    @Option(help: "A new kind: person, organization, place or term.")
    var kind: EntryKind?

    @Option(name: .customLong("name"), help: ArgumentHelp("Add or update a name: LANG:TEXT[:status][:type][:family=F][:given=G][:scheme=S].", valueName: "spec"))
    var names: [String] = []

    @Option(help: ArgumentHelp("Family part of the --name in LANG.", valueName: "LANG:TEXT"))
    var family: [String] = []

    @Option(help: ArgumentHelp("Given part of the --name in LANG.", valueName: "LANG:TEXT"))
    var given: [String] = []

    @Option(name: .customLong("remove-name"), help: ArgumentHelp("Remove the name LANG:TEXT.", valueName: "LANG:TEXT"))
    var removedNames: [String] = []

    @Option(name: .customLong("note"), help: "Append a note (repeatable).")
    var notes: [String] = []

    @Option(name: .customLong("remove-note"), help: "Remove the note with exactly this text.")
    var removedNotes: [String] = []

    @Flag(help: "Remove every note (before --note adds new ones).")
    var clearNotes = false

    @OptionGroup var write: WriteFlags

    func run() throws {
        var updates = try names.map(NameSpec.parse)
        try NameSpec.attach(family, as: \.family, flag: "--family", to: &updates)
        try NameSpec.attach(given, as: \.given, flag: "--given", to: &updates)
        let removed = try removedNames.map { spec -> NameKey in
            guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex else { throw UsageError("--remove-name '\(spec)': write LANG:TEXT") }
            return NameKey(language: String(spec[..<colon]), text: String(spec[spec.index(after: colon)...]))
        }
        let change = EntryChange(kind: kind, names: updates, removedNames: removed, addedNotes: notes, removedNotes: removedNotes, clearNotes: clearNotes)
        try DictEditRunner.run(file, write) { editor throws(GlossaryEditError) in try editor.update(id: id, change) }
    }
}
