#!/usr/bin/env bash
# Generation-run throughput (issue #9): whole-process time of `srllm generate-run` (model load, test set,
# greedy decoding of at most 32 new tokens, outputs stored per batch in a project) over ParaDetox's first N
# toxic sentences, with the benchmark-shaped Llama (8 layers, dim 512, random weights, the Llama 2
# tokenizer), at batch 1 and 8. Beside it, the eager-PyTorch peer's decoder alone (bench/peer-generate.py,
# 24-token prompts, 32 new tokens, same batch): what the same work costs without a store or tokenizer.
# Usage: bench/run-generation-run-bench.sh [BUILD_DIR] [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
n="${2:-64}"
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
"$srllm" init "$work/p.srllm" > /dev/null
echo "| batch | texts | seconds (whole process) | texts/s |"
echo "|---|---|---|---|"
for batch in 1 8; do
    start=$(date +%s.%N)
    "$srllm" generate-run "$work/p.srllm" --name "b$batch" --model "$work/m" --input "$work/set.jsonl" \
        --max-new-tokens 32 --batch-size "$batch" > /dev/null 2>&1
    end=$(date +%s.%N)
    /usr/bin/python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'| {sys.argv[3]} | {sys.argv[4]} | {s:.1f} | {int(sys.argv[4])/s:.2f} |')" \
        "$start" "$end" "$batch" "$n"
done
for batch in 1 8; do
    /usr/bin/python3 "$here/peer-generate.py" --threads "$(nproc)" --prompt 24 --new-tokens 32 --batch "$batch" --configs cache |
        /usr/bin/python3 -c "import json,sys; r=json.loads(sys.stdin.readline()); print(f'| peer decoder, batch {r[\"batch\"]} | {r[\"tokens_per_s\"]/32:.2f} texts/s if every text runs 32 tokens ({r[\"tokens_per_s\"]:.1f} tokens/s) |')"
done
