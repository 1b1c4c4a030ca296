#!/usr/bin/env bash
# The generation rows of docs/BENCHMARKS.md (issues #4, #14), re-runnable by anyone: prints the machine
# (CPU model, the flags the engine found, its kernel set, float32/bfloat16 matmul peaks, read bandwidth),
# then runs bench-generate and its eager-PyTorch peer bench/peer-generate.py in turn, ROUNDS times for
# batch 1, 8 and 32 (torch threads = cores in both), and prints a Markdown table of medians, the median of
# the per-round ratios, and batch 1 against the GEMV bound measured in the same runs.
# Usage: bench/run-generate-bench.sh [BUILD_DIR] [ROUNDS] [NEW_TOKENS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
rounds="${2:-3}"
tokens="${3:-256}"
threads="${THREADS:-$(nproc)}"  # THREADS=1 for a steadier figure on a shared machine
export OMP_NUM_THREADS="$threads"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "date: $(date -u +%Y-%m-%d), $(nproc --all) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
"$build/bench/bench-machine" --threads "$threads" | tee -a "$out"
# srllm restarts itself with OPENBLAS_CORETYPE set where OpenBLAS does not know the CPU
# (core/kernels/blas-core.h); the peer gets the same kernels, so the ratios compare the engines alone.
core="$(/usr/bin/python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print(r["openblas_core"] if r["openblas_chose"] else "")' <"$out")"
if [ -n "$core" ]; then export OPENBLAS_CORETYPE="$core"; echo "OPENBLAS_CORETYPE=$core for both programs"; fi
# BATCHES="1" BATCH1_CONFIGS="gemv,cpu,cache" for a quick decoding-only run (the no-cache rows take minutes).
batch1_configs="${BATCH1_CONFIGS:-gemv,cpu,int8,int8-quality,cache,no-cache}"
no_cache="$(echo ",$batch1_configs," | grep -o ',no-cache,' || true)"
for round in $(seq "$rounds"); do
  for batch in ${BATCHES:-1 8 32}; do
    srllm_configs="cpu,cache" peer_configs="cache"
    if [ "$batch" = 1 ]; then srllm_configs="$batch1_configs" peer_configs="cache${no_cache:+,no-cache}"; fi
    "$build/bench/bench-generate" --threads "$threads" --batch "$batch" --new-tokens "$tokens" --configs "$srllm_configs" |
      sed "s/^{/{\"round\":$round,/" | tee -a "$out"
    /usr/bin/python3 "$here/peer-generate.py" --threads "$threads" --batch "$batch" --new-tokens "$tokens" --configs "$peer_configs" |
      sed "s/^{/{\"round\":$round,/" | tee -a "$out"
  done
done
/usr/bin/python3 "$here/bench-table.py" generate "$out"
