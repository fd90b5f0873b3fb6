import ArgumentParser
import Foundation
import OnomaKit

struct RomanizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "romanize",
        abstract: "Romanize or convert Korean and Chinese names (one output line per input line).",
        discussion: """
        Reads names from the arguments, or from standard input one per line. Name mode splits \
        the surname and capitalizes; --text romanizes running text with sound changes instead. \
        Schemes: rr, mr, mr-ascii, yale, popular (Korean); pinyin, pinyin-tones, pinyin-numbers, \
        wade-giles, hangul, sino-korean, simplified, traditional (Chinese); auto (the default).
        """
    )

    @Option(help: "The scheme (\(RomanizationScheme.allCases.map(\.rawValue).joined(separator: ", "))).")
    var scheme: RomanizationScheme = .auto

    @Flag(help: "Romanize running text (with sound changes) instead of personal names.")
    var text = false

    @Option(help: "How given-name syllables are joined: hyphen, joined or spaced (default: hyphen for Korean and Wade-Giles, joined for pinyin).")
    var given: GivenNameStyle?

    @Flag(help: "Wade-Giles: keep the breve and circumflex (ŭ, ê) instead of the printed u and e.")
    var strict = false

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Argument(help: "Names to romanize; without any, standard input is read one name per line.")
    var inputs: [String] = []

    func run() throws {
        let romanizer: Romanizer
        do {
            romanizer = try Romanizer.loadDefault()
        } catch {
            throw UsageError("onoma: \(error)")
        }
        let options = RomanizationOptions(scheme: scheme, given: given, text: text, strict: strict)
        var jsonItems: [String] = []
        let out = Output.standard
        try InputLines.forEach(arguments: inputs) { line, number in
            let result = romanizer.romanize(line, options: options)
            for warning in result.warnings {
                Output.error.write(line: "onoma: \(inputs.isEmpty ? "<stdin>:\(number)" : "argument \(number)"): warning: \(warning)")
            }
            switch format {
            case .text:
                out.write(line: result.output)
            case .jsonl, .json:
                var o = JSONObject()
                o.add("input", result.input)
                o.add("output", result.output)
                o.add("scheme", result.scheme.rawValue)
                o.add("family", result.family)
                o.add("given", result.given)
                if !result.warnings.isEmpty { o.add("warnings", strings: result.warnings) }
                if format == .jsonl { out.write(line: o.rendered) } else { jsonItems.append(o.rendered) }
            }
        }
        if format == .json { out.write(line: JSONObject.array(jsonItems)) }
    }
}

extension RomanizationScheme: ExpressibleByArgument {}
extension GivenNameStyle: ExpressibleByArgument {}
