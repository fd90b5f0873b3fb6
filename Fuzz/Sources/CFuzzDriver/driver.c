#include "onoma_fuzz_driver.h"

// SwiftPM links every executable on Linux with `--defsym main=<module>_main` (so that tests
// can import executables), and with -parse-as-library no such symbol is emitted, so the link
// fails. Each fuzz target therefore defines `<module>_main` itself and calls libFuzzer's
// driver here: the same as libFuzzer's own main().
int onoma_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
