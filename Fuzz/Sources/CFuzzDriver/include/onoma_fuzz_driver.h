#ifndef ONOMA_FUZZ_DRIVER_H
#define ONOMA_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (compiler-rt, linked by -sanitize=fuzzer).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer's driver with the process's arguments.
int onoma_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
