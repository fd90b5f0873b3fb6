import ArgumentParser
import OnomaKit

struct DictFormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "Rewrite glossaries in canonical form (indentation, attribute order); idempotent.",
        discussion: "Text, comments, entry order and unknown elements are kept. --check changes nothing and exits 1 if a file is not formatted."
    )

    @Argument(help: "The glossaries to format.")
    var files: [String] = []

    @Flag(help: "List the files that are not formatted and exit 1 if there are any; write nothing.")
    var check = false

    @OptionGroup var write: WriteFlags

    func run() throws {
        guard !files.isEmpty else { throw UsageError("format needs at least one FILE") }
        var unformatted = 0
        for file in files {
            if check {
                let bytes: [UInt8]
                do { bytes = try GlossaryFile.read(file) } catch { Output.error.write(line: "onoma: \(error)"); throw CommandExit(code: 2) }
                do {
                    let editor = try GlossaryEditor(bytes: bytes, path: file)
                    editor.format()
                    if editor.serialized() != bytes { unformatted += 1; Output.standard.write(line: file) }
                } catch {
                    try DictEditRunner.fail(.edit(error), path: file)
                }
                continue
            }
            try DictEditRunner.run(file, write) { editor throws(GlossaryEditError) in editor.format() }
        }
        if unformatted > 0 { throw CommandExit(code: 1) }
    }
}
