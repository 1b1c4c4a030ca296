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
threads="$(nproc)"
export OMP_NUM_THREADS="$threads"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
"$build/bench/bench-machine" --threads "$threads" | tee -a "$out"
for round in $(seq "$rounds"); do
  for batch in 1 8 32; do
    srllm_configs="cpu,cache" peer_configs="cache"
    if [ "$batch" = 1 ]; then srllm_configs="gemv,cpu,int8,cache,no-cache" peer_configs="cache,no-cache"; fi
    "$build/bench/bench-generate" --threads "$threads" --batch "$batch" --new-tokens "$tokens" --configs "$srllm_configs" |
      sed "s/^{/{\"round\":$round,/" | tee -a "$out"
    /usr/bin/python3 "$here/peer-generate.py" --threads "$threads" --batch "$batch" --new-tokens "$tokens" --configs "$peer_configs" |
      sed "s/^{/{\"round\":$round,/" | tee -a "$out"
  done
done
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
machine = next(r for r in rows if "cpu" in r)
print(f"\nCPU: {machine['cpu']}; flags: {machine['flags']}; kernels: {machine['kernels']}; threads: {machine['threads']}")
bf16 = machine["bf16_matmul_gflops"]
print(f"peaks: fp32 matmul {machine['fp32_matmul_gflops']:.0f} GFLOP/s, bf16 matmul "
      f"{'n/a' if bf16 is None else f'{bf16:.0f} GFLOP/s'}, read {machine['read_gbps']:.1f} GB/s")
def runs(impl, config, batch):
    return {r["round"]: r for r in rows if r.get("impl") == impl and r.get("config") == config and r.get("batch") == batch}
bound = runs("bound", "gemv", 1)
if bound:
    b = statistics.median(r["tokens_per_s"] for r in bound.values())
    print(f"GEMV bound (batch 1, {next(iter(bound.values()))['weight_mb']:.0f} MB of weights): "
          f"{statistics.median(r['gbps'] for r in bound.values()):.1f} GB/s = {b:.0f} tokens/s")
print("\n| batch | srllm | peer | srllm tokens/s | peer tokens/s | ratio (median of rounds) | of GEMV bound |")
print("|---|---|---|---|---|---|---|")
cases = [(1, "cpu", "cache"), (1, "int8", "cache"), (1, "cache", "cache"), (1, "no-cache", "no-cache"),
         (8, "cpu", "cache"), (8, "cache", "cache"), (32, "cpu", "cache"), (32, "cache", "cache")]
names = {"cpu": "CPU decoder", "int8": "CPU decoder, int8 weights", "cache": "KV cache (tensor path)",
         "no-cache": "no cache"}
for batch, ours, theirs in cases:
    s, p = runs("srllm", ours, batch), runs("peer", theirs, batch)
    paired = sorted(set(s) & set(p))
    if not paired:
        continue
    ratios = [s[k]["tokens_per_s"] / p[k]["tokens_per_s"] for k in paired]
    sm = statistics.median(r["tokens_per_s"] for r in s.values())
    pm = statistics.median(r["tokens_per_s"] for r in p.values())
    share = f"{100 * sm / b:.0f}%" if bound and batch == 1 else ""
    print(f"| {batch} | {names[ours]} | {names[theirs]} | {sm:.1f} | {pm:.1f} | {statistics.median(ratios):.2f}x "
          f"({', '.join(f'{x:.2f}' for x in ratios)}) | {share} |")
PY
