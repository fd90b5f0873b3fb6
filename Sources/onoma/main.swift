import ArgumentParser
import Foundation

// The contract's exit codes: 0 success, 1 nothing found / validation errors, 2 usage or input
// error. ArgumentParser's own usage exit code is 64 (EX_USAGE), so map it here.
CLI.run(Onoma.self)
