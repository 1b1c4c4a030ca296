#!/usr/bin/env bash
# The training rows of docs/BENCHMARKS.md (issues #4, #14), re-runnable by anyone: prints the machine (CPU
# model, the flags the engine found, its kernel set, float32/bfloat16 matmul peaks, read bandwidth), then
# runs bench-train and its eager-PyTorch peer bench/peer-train.py in turn, ROUNDS times (torch threads =
# cores in both), and prints a Markdown table of medians, the median of the per-round ratios, and MFU
# against the peaks printed above. bf16 rows run only where the CPU has AVX-512 BF16 or AMX: elsewhere
# torch 1.13's bf16 products fall back to a scalar loop about 100x slower than float32.
# Usage: bench/run-train-bench.sh [BUILD_DIR] [ROUNDS] [STEPS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
rounds="${2:-3}"
steps="${3:-3}"
threads="$(nproc)"
export OMP_NUM_THREADS="$threads"
configs="full:fp32,lora:fp32"
if grep -q -w -E "avx512_bf16|amx_bf16" /proc/cpuinfo; then configs="$configs,full:bf16,lora:bf16"; fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
"$build/bench/bench-machine" --threads "$threads" | tee -a "$out"
for round in $(seq "$rounds"); do
  "$build/bench/bench-train" --threads "$threads" --steps "$steps" --configs "$configs" | sed "s/^{/{\"round\":$round,/" | tee -a "$out"
  /usr/bin/python3 "$here/peer-train.py" --threads "$threads" --steps "$steps" --configs "$configs" | sed "s/^{/{\"round\":$round,/" | tee -a "$out"
done
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
machine = next(r for r in rows if "cpu" in r)
print(f"\nCPU: {machine['cpu']}; flags: {machine['flags']}; kernels: {machine['kernels']}; threads: {machine['threads']}")
bf16 = machine["bf16_matmul_gflops"]
print(f"peaks: fp32 matmul {machine['fp32_matmul_gflops']:.0f} GFLOP/s, bf16 matmul "
      f"{'n/a' if bf16 is None else f'{bf16:.0f} GFLOP/s'}, read {machine['read_gbps']:.1f} GB/s")
print("\n| config | srllm tokens/s | peer tokens/s | ratio (median of rounds) | srllm MFU | peer MFU |")
print("|---|---|---|---|---|---|")
for mode, dtype in [("full", "fp32"), ("lora", "fp32"), ("full", "bf16"), ("lora", "bf16")]:
    def runs(impl):
        return {r["round"]: r for r in rows if r.get("impl") == impl and r.get("mode") == mode and r.get("dtype") == dtype}
    s, p = runs("srllm"), runs("peer")
    paired = sorted(set(s) & set(p))
    if not paired:
        continue
    ratios = [s[k]["tokens_per_s"] / p[k]["tokens_per_s"] for k in paired]
    sm = statistics.median(r["tokens_per_s"] for r in s.values())
    pm = statistics.median(r["tokens_per_s"] for r in p.values())
    # MFU against the machine's peak for this dtype: 6N FLOPs a token for full fine-tuning, 4N for LoRA
    peak = machine["fp32_matmul_gflops" if dtype == "fp32" else "bf16_matmul_gflops"]
    flops = (6 if mode == "full" else 4) * next(iter(s.values()))["n_matmul"]
    print(f"| {mode} {dtype} | {sm:.0f} | {pm:.0f} | {statistics.median(ratios):.2f}x ({', '.join(f'{x:.2f}' for x in ratios)}) "
          f"| {100 * sm * flops / (peak * 1e9):.0f}% | {100 * pm * flops / (peak * 1e9):.0f}% |")
PY
