#!/usr/bin/env bash
# Runs the C++ training benchmark and its eager-PyTorch peer in one invocation, with torch threads =
# cores in both, and prints a Markdown table (issue #4). Usage: bench/run-train-bench.sh [BUILD_DIR] [STEPS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
steps="${2:-3}"
threads="$(nproc)"
export OMP_NUM_THREADS="$threads"
# bf16 matmuls run natively only with AVX-512 BF16 (or AMX); elsewhere torch 1.13 falls back to a
# scalar kernel that is ~100x slower, so the bf16 rows are measured only where the CPU has it.
configs="full:fp32,lora:fp32"
if grep -q -w -E "avx512_bf16|amx_bf16" /proc/cpuinfo; then configs="$configs,full:bf16,lora:bf16"; fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$build/bench/bench-train" --threads "$threads" --steps "$steps" --configs "$configs" | tee -a "$out"
/usr/bin/python3 "$here/peer-train.py" --threads "$threads" --steps "$steps" --configs "$configs" | tee -a "$out"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {(r["impl"], r["mode"], r["dtype"]): r for r in rows}
print("\n| config | srllm tokens/s | srllm MFU | peer tokens/s | peer MFU | speed-up | peak GFLOP/s (srllm / peer) |")
print("|---|---|---|---|---|---|---|")
for mode, dtype in [("full", "fp32"), ("lora", "fp32"), ("full", "bf16"), ("lora", "bf16")]:
    s, p = by.get(("srllm", mode, dtype)), by.get(("peer", mode, dtype))
    if not s or not p:
        continue
    print(f"| {mode} {dtype} | {s['tokens_per_s']:.0f} | {100*s['mfu']:.0f}% | {p['tokens_per_s']:.0f} | "
          f"{100*p['mfu']:.0f}% | {s['tokens_per_s']/p['tokens_per_s']:.2f}x | {s['peak_gflops']:.0f} / {p['peak_gflops']:.0f} |")
PY
