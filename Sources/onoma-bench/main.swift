import Foundation
import OnomaKit

// onoma-bench NAME [ARGS...]: run with `swift run -c release onoma-bench NAME`.
// Each benchmark prints one line per measurement; `all` runs every in-process benchmark.
let benchmarks: [(name: String, about: String, run: ([String]) throws -> Void)] = [
    ("romanize", "names/s per scheme, in process", romanizeBench),
    ("korean", "Korean engine per core: name/text modes, reverse parsing", koreanEngineBench),
    ("chinese", "Chinese engine per core: table load, names/s per scheme, parse", chineseBench),
    ("romanize-cli", "onoma romanize vs uconv over 1,000,000 names, whole process", romanizeCLIBench),
    ("lookup", "index build, lookups/s per query kind on a synthetic glossary [ENTRIES] [QUERIES] [KIND]", lookupBench),
    ("lookup-cli", "onoma lookup whole process over stdin, synthetic glossary [ENTRIES] [QUERIES]", lookupCLIBench),
    ("normalize", "onoma normalize: mixed bylines, synthetic glossary [DIR] [ENTRIES] [LINES]", normalizeBench),
    ("dictionary", "load, lint and validate a generated 100,000-entry glossary, in process", dictionaryBench),
    ("dictionary-cli", "onoma dict stats/lint/validate vs xmllint --schema on it, whole process, time and peak RSS", dictionaryCLIBench),
    ("editing", "dict add/remove/set/format and TBX/CSV/JSON import/export on N entries (default 100,000)", { runEditingBench(arguments: $0) }),
]

let args = Array(CommandLine.arguments.dropFirst())
guard let name = args.first, name != "--help" else {
    print("usage: onoma-bench NAME [ARGS...]\n")
    for b in benchmarks { print("  \(b.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(b.about)") }
    exit(0)
}
print("onoma-bench \(name) — ICU \(ICU.version), \(ProcessInfo.processInfo.activeProcessorCount) cores")
if name == "all" {
    for b in benchmarks where !b.name.hasSuffix("-cli") { try b.run([]) }
} else if let b = benchmarks.first(where: { $0.name == name }) {
    try b.run(Array(args.dropFirst()))
} else {
    FileHandle.standardError.write(Data("onoma-bench: unknown benchmark '\(name)'; run without arguments for the list\n".utf8))
    exit(2)
}
