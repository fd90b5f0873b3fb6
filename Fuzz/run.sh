#!/usr/bin/env bash
# Builds Onoma's libFuzzer targets (Fuzz/Package.swift) with -sanitize=fuzzer,address and runs
# each for a bounded time over its seed corpus. Prints one summary line per target and fails
# (exit 1) when any target finds a crash, a leak, a time-out or a broken invariant.
#
# Usage: Fuzz/run.sh [--seconds N] [--no-build] [target ...]
#   --seconds N   time per target (default: $FUZZ_SECONDS or 45)
#   --no-build    use the binaries already in Fuzz/.build-fuzz
#   target        run only these (default: every target in Fuzz/Sources/fuzz-*)
# Environment: FUZZ_RSS_MB (default 2048), FUZZ_WORK (default Fuzz/.build-fuzz/work).
# Artifacts (crashing inputs) go to Fuzz/.build-fuzz/artifacts/<target>/; minimize one with
#   Fuzz/.build-fuzz/release/<target> -minimize_crash=1 -runs=10000 <crash-file>
# and keep it in Fuzz/Corpus/<target>/ and as a regression test in the root package.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-45}"
build=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    for dir in Fuzz/Sources/fuzz-*; do targets+=("$(basename "$dir")"); done
fi

scratch=Fuzz/.build-fuzz
bin="$scratch/release"
work="${FUZZ_WORK:-$scratch/work}"
rss="${FUZZ_RSS_MB:-2048}"
# Swift's backtracer would hold a crashing process for up to 30 s and print its own report;
# libFuzzer's handler already reports and saves the input.
export SWIFT_BACKTRACE=enable=no
# Leaks are reported (libFuzzer's -detect_leaks=1 default); ASan must not stop at first leak only.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:handle_abort=1}"

# The libFuzzer runtime must be in the toolchain: say so plainly rather than skip.
resource_dir="$(dirname "$(dirname "$(command -v swiftc)")")/lib"
if ! find -L "$resource_dir" -name 'libclang_rt.fuzzer*-x86_64.a' -o -name 'libclang_rt.fuzzer*-aarch64.a' 2>/dev/null | grep -q .; then
    echo "fuzz: FAILED: this Swift toolchain has no libFuzzer runtime (libclang_rt.fuzzer) under $resource_dir" >&2
    exit 1
fi

if [ "$build" = 1 ]; then
    start=$(date +%s)
    # -Xcc: the C shims (ICU, libxml2 glue) get coverage and ASan too.
    # Release (-O): 2-2.5x the executions per second of a debug build, for 50 s more building.
    swift build -c release --package-path Fuzz --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol" | tail -n 3
    echo "fuzz: built ${#targets[@]} targets in $(( $(date +%s) - start )) s"
fi

failed=0
total_execs=0
total_crashes=0
for target in "${targets[@]}"; do
    exe="$bin/$target"
    [ -x "$exe" ] || { echo "fuzz: FAILED: $exe was not built" >&2; exit 1; }
    seeds="Fuzz/Corpus/$target"
    [ -d "$seeds" ] || { echo "fuzz: FAILED: no seed corpus $seeds" >&2; exit 1; }
    corpus="$work/$target"
    artifacts="$scratch/artifacts/$target"
    rm -rf "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    extra=()
    case "$target" in
        fuzz-glossary-loader) extra+=(-dict=Fuzz/xml.dict -max_len=24576) ;;
        fuzz-interchange) extra+=(-dict=Fuzz/xml.dict -max_len=4096) ;;
        # Each input is loaded, written and loaded twice, formatted twice: smaller files.
        fuzz-glossary-roundtrip) extra+=(-dict=Fuzz/xml.dict -max_len=8192) ;;
        *) extra+=(-max_len=512) ;;
    esac
    [ -f "Fuzz/$target.dict" ] && extra+=("-dict=Fuzz/$target.dict")
    seeds_n=$(find "$seeds" -type f | wc -l)
    log="$scratch/$target.log"
    set +e
    # FUZZ_SEED fixes libFuzzer's random seed (CI sets it so that a run is repeatable); unset,
    # every run explores differently, which is what longer local runs want.
    seed_args=()
    [ -n "${FUZZ_SEED:-}" ] && seed_args=(-seed="$FUZZ_SEED")
    "$exe" -max_total_time="$seconds" -rss_limit_mb="$rss" -timeout=60 -print_final_stats=1 \
        "${seed_args[@]}" -artifact_prefix="$artifacts/" "${extra[@]}" "$corpus" "$seeds" >"$log" 2>&1
    status=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
    corpus_n=$(find "$corpus" -type f | wc -l)
    crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
    if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
    execs=${execs:-0}
    total_execs=$(( total_execs + execs ))
    total_crashes=$(( total_crashes + crashes ))
    echo "fuzz: $target: ${execs} executions (inputs tried) in ${secs:-?} s, seeds ${seeds_n}, corpus now ${corpus_n}, crashes ${crashes}"
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "fuzz: $target FAILED (exit $status); log $log; artifacts in $artifacts:" >&2
        grep -E "==onoma-fuzz==|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|SUMMARY" "$log" | head -n 20 >&2 || true
        ls "$artifacts" >&2 || true
    fi
done
echo "fuzz: all targets: ${total_execs} executions, ${total_crashes} crashes"
exit "$failed"
