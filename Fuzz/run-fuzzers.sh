#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (Fuzz/Package.swift) with coverage and
# AddressSanitizer, then runs each of FUZZ_TARGETS for FUZZ_SECONDS.
#
# Everything it writes is under .fuzz/<target>/ (ignored by git): corpus/ (grows across runs),
# seeds/ (copied afresh each run from the demo and Tests/Conformance), crashes/ (libFuzzer's
# crash-*, timeout-* and oom-* inputs), logs/ and executions.tsv (one line per run: the date,
# seconds, executions and result, so totals add up across runs).
#
#   FUZZ_TARGETS  space-separated short names (default: all, listed below)
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_TIMEOUT  seconds one input may take before it counts as a hang (default 10)
#   FUZZ_NICE     niceness of the fuzzing processes (default 19: the machine is shared)
#   FUZZ_ARGS     more libFuzzer flags, e.g. "-jobs=2" or "-runs=1000"
#   FUZZ_BUILD    "no" runs the fuzzers already built, without building first (default: build)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

ALL_TARGETS="yaml catalog cel events sarif checkov conftest opa policyreport config markdown"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TIMEOUT=${FUZZ_TIMEOUT:-10}
NICENESS=${FUZZ_NICE:-19}
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz

# The largest input each fuzzer makes: room for real files of that kind, small enough to stay fast.
# A docs page costs in proportion to its length (cmark-gfm, highlighting, link rewriting), and
# 32 KB pages ran at a third of the speed of 8 KB ones while reaching 3% more edges; SARIF and
# checkov files up to 64 KB ran at half the speed of 16 KB ones and reached no more edges (files
# with a million results are the hostile corpus's job, Tests/Fixtures/hostile/).
max_len() {
  case $1 in
    cel | config) echo 4096 ;;
    markdown) echo 8192 ;;
    events) echo 32768 ;;
    *) echo 16384 ;;
  esac
}

# The catalog, events and docs harnesses call async loaders: the task that ran them is freed on
# Swift's thread pool after the harness has its value, so libFuzzer's per-input count of mallocs
# and frees never balances and it would run a whole-heap leak scan after nearly every input.
# Leaks there are left to `make test-sanitize`, which checks them at exit (so these fuzzers skip
# the exit check too: see asan_options).
extra_flags() {
  case $1 in
    catalog | events | markdown) echo "-detect_leaks=0" ;;
  esac
}

# AddressSanitizer checks every access either way; these make each input cheaper. Freed memory
# waits in a 16 MB quarantine (use-after-free detection) instead of 256 MB. The targets without
# leak checks also record no stack for each malloc and free (a tenth of a harness's time): the
# leak suppressions match those stacks, so the other targets keep them. To see where a block in
# a report was allocated or freed, replay the saved input by hand (AddressSanitizer's defaults).
asan_options() {
  case $1 in
    catalog | events | markdown) echo "quarantine_size_mb=16:detect_leaks=0:malloc_context_size=0" ;;
    *) echo "quarantine_size_mb=16" ;;
  esac
}

for target in $TARGETS; do
  case " $ALL_TARGETS " in
    *" $target "*) ;;
    *) echo "unknown fuzz target '$target'; the targets are: $ALL_TARGETS" >&2; exit 2 ;;
  esac
done

# libFuzzer without its main() lives beside the toolchain's clang runtime libraries.
swift_bin=$(dirname "$(readlink -f "$(command -v "$SWIFT")")")
runtime=$("$swift_bin/clang" -print-file-name=libclang_rt.fuzzer_no_main-x86_64.a)
if [ ! -f "$runtime" ]; then
  echo "libFuzzer (libclang_rt.fuzzer_no_main-x86_64.a) is not in this Swift toolchain; fuzzing needs Swift on Linux" >&2
  exit 3
fi
[ "${FUZZ_BUILD:-yes}" = no ] || nice -n "$NICENESS" "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c release --sanitize address \
  -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer -Xlinker -L"$(dirname "$runtime")" || exit 3
bin=$("$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c release --show-bin-path)

failed=()
for target in $TARGETS; do
  dir=.fuzz/$target
  mkdir -p "$dir/corpus" "$dir/crashes" "$dir/logs"
  rm -rf "$dir/seeds" "$dir/tmp" && mkdir -p "$dir/tmp"
  python3 Fuzz/Seeds/collect_seeds.py "$target" "$dir/seeds" >/dev/null
  log=$dir/logs/$(date -u +%Y%m%dT%H%M%SZ).log
  echo "fuzz-$target: ${SECONDS_EACH}s, corpus $dir/corpus, log $log"
  # The Swift runtime's own backtracer would catch a trap before libFuzzer could save the input.
  # shellcheck disable=SC2086
  # shellcheck disable=SC2046
  run() {
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-$(asan_options "$target")} LSAN_OPTIONS="suppressions=$PWD/Tests/Sanitizers/lsan.supp:print_suppressions=0" TMPDIR="$PWD/$dir/tmp" nice -n "$NICENESS" "$bin/fuzz-$target" \
      -timeout="$TIMEOUT" -rss_limit_mb=2048 $(extra_flags "$target") "$@"
  }
  # shellcheck disable=SC2086
  run "$dir/corpus" "$dir/seeds" -dict="Fuzz/Dictionaries/$target.dict" -max_len="$(max_len "$target")" \
    -max_total_time="$SECONDS_EACH" -artifact_prefix="$dir/crashes/" -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1
  status=$?
  # A fuzzer stopped with SIGSTOP (benchmarks on this shared machine pause them) finds the input it
  # was running when stopped took as long as the pause, and reports a timeout. A timeout counts
  # only if its input, replayed alone, takes over FUZZ_TIMEOUT again; one that does not is moved to
  # crashes/unreproduced/ and the run is clean (the executions before it were).
  note=
  unit=$(sed -n 's/^artifact_prefix=.*; Test unit written to //p' "$log" | tail -1)
  if [ "$status" != 0 ] && grep -q '^SUMMARY: libFuzzer: timeout' "$log" && [ -f "$unit" ]; then
    if run "$unit" >>"$log" 2>&1; then
      mkdir -p "$dir/crashes/unreproduced" && mv "$unit" "$dir/crashes/unreproduced/"
      status=0
      note=" (a timeout that did not reproduce on replay: crashes/unreproduced/$(basename "$unit"))"
    fi
  fi
  rm -rf "$dir/tmp"
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=$([ "$status" = 0 ] && echo "clean$note" || echo "failed ($status)")
  printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$SECONDS_EACH" "${executions:-0}" "$result" >>"$dir/executions.tsv"
  total=$(awk -F'\t' '{ sum += $3 } END { print sum + 0 }' "$dir/executions.tsv")
  echo "fuzz-$target: $result, ${executions:-0} executions (${speed:-0}/s), $total in all runs, $(ls "$dir/corpus" | wc -l) corpus inputs"
  if [ "$status" != 0 ]; then
    failed+=("$target")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error)' "$log" | head -5
    ls -t "$dir/crashes" | head -3 | sed "s|^|  $dir/crashes/|"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]} (inputs in .fuzz/<target>/crashes/, logs in .fuzz/<target>/logs/)" >&2
  exit 1
fi
