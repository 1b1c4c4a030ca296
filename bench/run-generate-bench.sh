#!/usr/bin/env bash
# Runs the C++ generation benchmark and its eager-PyTorch peer in one invocation, torch threads = cores
# in both, and prints a Markdown table (issue #4). Usage: bench/run-generate-bench.sh [BUILD_DIR] [BATCH]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
batch="${2:-1}"
threads="$(nproc)"
export OMP_NUM_THREADS="$threads"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$build/bench/bench-generate" --threads "$threads" --batch "$batch" | tee -a "$out"
/usr/bin/python3 "$here/peer-generate.py" --threads "$threads" --batch "$batch" | tee -a "$out"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {(r["impl"], r["config"]): r for r in rows}
print("\n| greedy, batch %d | srllm tokens/s | peer tokens/s | speed-up |" % rows[0]["batch"])
print("|---|---|---|---|")
for config in ("cache", "no-cache"):
    s, p = by.get(("srllm", config)), by.get(("peer", config))
    if s and p:
        print(f"| {config} | {s['tokens_per_s']:.1f} | {p['tokens_per_s']:.1f} | {s['tokens_per_s']/p['tokens_per_s']:.2f}x |")
PY
