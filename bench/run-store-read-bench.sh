#!/usr/bin/env bash
# The store's read path (#12, docs/RELIABILITY.md "What a read costs"): the project-file fuzz target's cost
# per valid input (each seed run 100 times, CPU seconds of the whole process) and bench-store-read (opening a
# project and loading the annotate view; refreshing it). With a second build folder (another commit, built the
# same way) both run in turn, A then B, ROUNDS times, so a noisy machine drifts both alike.
# Usage: bench/run-store-read-bench.sh [BUILD_DIR] [BASELINE_BUILD_DIR] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builds=("${1:-$root/build}")
[ -n "${2:-}" ] && builds+=("$2")
rounds=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for build in "${builds[@]}"; do
  cmake --build "$build" --target bench-store-read srllm_fuzz >/dev/null
done
fuzz=${builds[0]}/fuzz/tests/fuzz/fuzz-project-file
SRLLM_FUZZ_SEED_DIR=$work/seeds "$fuzz" -runs=0 "$work/seeds" >/dev/null 2>&1  # writes the two seeds
"${builds[0]}/bench/bench-store-read" --dir "$work/gui" --repeats 1 >/dev/null  # makes the project once
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
TIMEFORMAT='%U %S'
for round in $(seq "$rounds"); do
  for build in "${builds[@]}"; do
    for seed in project package; do
      cpu=$( { time "$build/fuzz/tests/fuzz/fuzz-project-file" -runs=100 "$work/seeds/$seed.srllm" >/dev/null 2>&1; } 2>&1)
      echo "round $round $build fuzz-project-file $seed.srllm x100: $(awk '{printf "%.2f s CPU", $1 + $2}' <<<"$cpu")"
    done
    "$build/bench/bench-store-read" --dir "$work/gui" --repeats 100 | sed "s|^|round $round $build |" | tail -n 2
  done
done
