import Foundation
import OnomaKit

// Minimal dispatcher on the dictionary branch; the shared harness on main replaces it (the
// `// wire:` lines at the top of DictionaryBench.swift give the entries to add).
let args = Array(CommandLine.arguments.dropFirst())
print("onoma-bench: ICU \(ICU.version), libxml2 \(XML.libraryVersion)")
switch args.first {
case "dictionary": try dictionaryBench(Array(args.dropFirst()))
case "dictionary-cli": try dictionaryCLIBench(Array(args.dropFirst()))
default: print("usage: onoma-bench dictionary|dictionary-cli [ENTRIES]")
}
