import Foundation
import OnomaKit

print("onoma-bench: ICU \(ICU.version)")
if CommandLine.arguments.dropFirst().first == "editing" { runEditingBench(arguments: Array(CommandLine.arguments.dropFirst(2))) }
