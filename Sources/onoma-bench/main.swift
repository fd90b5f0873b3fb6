import Foundation
import OnomaKit

print("onoma-bench: ICU \(ICU.version)")
// Until the coordinator wires the benchmark table: `onoma-bench lookup|lookup-cli [ARGS]`.
let benchArgs = Array(CommandLine.arguments.dropFirst())
if benchArgs.first == "lookup" { try lookupBench(Array(benchArgs.dropFirst())) }
if benchArgs.first == "lookup-cli" { try lookupCLIBench(Array(benchArgs.dropFirst())) }
