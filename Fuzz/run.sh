#!/bin/sh
# Fuzz one target for SECONDS: Fuzz/run.sh expression|loader|client-line SECONDS [libFuzzer options…]
# Leak detection is off: lazily built globals (schemas, the fuzzed engine) live until exit by design.
# Builds with libFuzzer and AddressSanitizer into .build-fuzz, seeds from Fuzz/corpus/TARGET, keeps new
# inputs in Fuzz/work/TARGET (not committed) and crashes in Fuzz/crashes/TARGET.
set -eu
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh expression|loader|client-line SECONDS}
seconds=${2:-600}
shift 2 || shift $#
case $target in
    expression) product=ExpressionFuzz ;;
    loader) product=LoaderFuzz ;;
    client-line) product=ClientLineFuzz ;;
    *) echo "unknown target $target (expression, loader, client-line)" >&2; exit 2 ;;
esac
export ADVISER_FUZZ=1
# LeakSanitizer would still run at exit and report the lazily built globals as a "crash".
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
# --sanitize=fuzzer links libFuzzer and instruments C (libyaml) for coverage, but not Swift code:
# without -sanitize-coverage the fuzzer is blind to everything that matters here.
flags="--sanitize=fuzzer --sanitize=address --scratch-path .build-fuzz -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp"
swift build $flags --product "$product"
binary=$(swift build $flags --show-bin-path)/$product
mkdir -p "Fuzz/work/$target" "Fuzz/crashes/$target"
# The Swift backtracer would hold the terminal on a crash; libFuzzer reports it instead.
SWIFT_BACKTRACE=enable=no exec "$binary" "Fuzz/work/$target" "Fuzz/corpus/$target" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 "$@"
