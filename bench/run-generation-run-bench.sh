#!/usr/bin/env bash
# Generation-run throughput (issue #9): whole-process time of `srllm generate-run` (model load, test set,
# greedy decoding of at most 32 new tokens, outputs stored per batch in a fresh project) over ParaDetox's
# first N toxic sentences with the benchmark-shaped Llama (8 layers, dim 512, random weights, the Llama 2
# tokenizer: vocabulary 32,000), against its peer: the eager-PyTorch decoder (bench/peer-generate.py) with
# the same shape and vocabulary, 24-token prompts, 32 new tokens, N/BATCH batches of BATCH (one process
# each). Paired and alternating (srllm, peer, srllm, peer, ...) ROUNDS times, so a machine whose load
# drifts moves both; prints every pair, then the medians and the median of the pairs' ratios.
# Usage: bench/run-generation-run-bench.sh [BUILD_DIR] [N] [BATCH] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
n="${2:-16}"
batch="${3:-8}"
rounds="${4:-3}"
shared="$here/../../shared/data"
srllm="$build/app/srllm"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$srllm" tokenizer convert --model "$shared/tokenizers/llama2/tokenizer.model" --out "$work/tok" > /dev/null
"$srllm" model new "$work/m" --arch llama --layers 8 --dim 512 --heads 8 --ffn 1376 --positions 256 \
    --tokenizer "$work/tok" > /dev/null
/usr/bin/python3 - "$shared/paradetox/paradetox.tsv" "$n" > "$work/set.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))[1:int(sys.argv[2]) + 1]
for r in rows:
    print(json.dumps({"text": r[0], "references": [x for x in r[1:] if x]}))
PY
seconds() {  # whole-process wall seconds of the command
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    /usr/bin/python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$end"
}
peer() {
    for _ in $(seq 1 $(( (n + batch - 1) / batch ))); do
        /usr/bin/python3 "$here/peer-generate.py" --threads "$(nproc)" --vocab 32000 --prompt 24 --new-tokens 32 \
            --batch "$batch" --configs cache
    done
}
echo "| round | srllm generate-run s | peer s | ratio |"
echo "|---|---|---|---|"
results=()
for round in $(seq 1 "$rounds"); do
    rm -f "$work/p.srllm"*
    "$srllm" init "$work/p.srllm" > /dev/null
    a=$(seconds "$srllm" generate-run "$work/p.srllm" --name run --model "$work/m" --input "$work/set.jsonl" \
        --max-new-tokens 32 --batch-size "$batch")
    b=$(seconds peer)
    echo "| $round | $a | $b | $(/usr/bin/python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$a" "$b") |"
    results+=("$a,$b")
done
/usr/bin/python3 - "$n" "${results[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
pairs = [tuple(map(float, p.split(","))) for p in sys.argv[2:]]
a, b = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
ratio = statistics.median(p[0] / p[1] for p in pairs)
print(f"median: srllm {a:.2f} s ({n / a:.2f} texts/s), peer {b:.2f} s ({n / b:.2f} texts/s), ratio {ratio:.2f}")
PY
