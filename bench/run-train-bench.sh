#!/usr/bin/env bash
# The training rows of docs/BENCHMARKS.md (issues #4, #14), re-runnable by anyone: prints the machine (CPU
# model, the flags the engine found, its kernel set, float32/bfloat16 matmul peaks, read bandwidth), then
# runs bench-train and its eager-PyTorch peer bench/peer-train.py in turn, ROUNDS times (torch threads =
# cores in both), and prints a Markdown table of medians, the median of the per-round ratios, and MFU
# against the peaks printed above. bf16 rows run only where the CPU has AVX-512 BF16 or AMX: elsewhere
# torch 1.13's bf16 products fall back to a scalar loop about 100x slower than float32.
# Usage: [THREADS=N] [CONFIGS=mode:dtype,...] bench/run-train-bench.sh [BUILD_DIR] [ROUNDS] [STEPS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
rounds="${2:-3}"
steps="${3:-3}"
threads="${THREADS:-$(nproc)}"  # THREADS=1 for a steadier figure on a shared machine
export OMP_NUM_THREADS="$threads"
configs="full:fp32,lora:fp32"
if grep -q -w -E "avx512_bf16|amx_bf16" /proc/cpuinfo; then configs="$configs,full:bf16,lora:bf16"; fi
configs="${CONFIGS:-$configs}"  # CONFIGS=lora:bf16 reruns one row
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
"$build/bench/bench-machine" --threads "$threads" | tee -a "$out"
# srllm restarts itself with OPENBLAS_CORETYPE set where OpenBLAS does not know the CPU
# (core/kernels/blas-core.h); the peer gets the same kernels, so the ratios compare the engines alone.
core="$(/usr/bin/python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print(r["openblas_core"] if r["openblas_chose"] else "")' <"$out")"
if [ -n "$core" ]; then export OPENBLAS_CORETYPE="$core"; echo "OPENBLAS_CORETYPE=$core for both programs"; fi
for round in $(seq "$rounds"); do
  "$build/bench/bench-train" --threads "$threads" --steps "$steps" --configs "$configs" | sed "s/^{/{\"round\":$round,/" | tee -a "$out"
  /usr/bin/python3 "$here/peer-train.py" --threads "$threads" --steps "$steps" --configs "$configs" | sed "s/^{/{\"round\":$round,/" | tee -a "$out"
done
/usr/bin/python3 "$here/bench-table.py" train "$out"
