#!/usr/bin/env bash
# Data-parallel scaling on this machine (issue #13): tokens per second of `srllm train JOBDIR --nproc 1`
# and `--nproc 2` on the same job (the same global batch; the cores split between the processes), run in
# alternation, and the time of one all-reduce of the job's trainable gradients (bench-allreduce over gloo),
# for a full fine-tune and a LoRA run of a small Llama. Prints a Markdown table.
# Usage: bench/run-data-parallel-bench.sh [BUILD_DIR] [PAIRS] [STEPS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../build}" && pwd)"
pairs="${2:-3}"
steps="${3:-6}"
srllm="$build/app/srllm"
cores="$(nproc)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A tokenizer, a Llama of 4 layers x 256 (about 3.5 M weights), and a project of 64 items with gold rewrites.
python3 - "$work" <<'PY'
import json, random, sys
random.seed(13)
w = sys.argv[1]
subjects = ["old people", "young people", "women", "men", "immigrants", "students", "workers", "neighbours"]
claims = ["are slow", "are lazy", "cannot drive", "are rude", "never listen", "are bad at maths", "ruin everything"]
with open(f"{w}/corpus.txt", "w") as corpus, open(f"{w}/items.jsonl", "w") as items, open(f"{w}/ann.jsonl", "w") as ann:
    for i in range(64):
        s, c = random.choice(subjects), random.choice(claims)
        text = f"{s} {c} and everybody knows that {s} {random.choice(claims)} item {i}"
        rewrite = f"people differ; some {s} may be quick and careful, item {i}"
        corpus.write(text + "\n" + rewrite + "\n")
        items.write(json.dumps({"id": f"i{i}", "text": text, "split": "train"}) + "\n")
        for a in ("ann-1", "ann-2"):
            ann.write(json.dumps({"item": f"i{i}", "annotator": a, "labels": {"annotation": "Unsafe", "bias": "Yes"},
                                  "rewrite": rewrite}) + "\n")
PY
"$srllm" tokenizer train --corpus "$work/corpus.txt" --vocab-size 1000 --out "$work/tok" >/dev/null
"$srllm" model new "$work/base" --arch llama --layers 4 --dim 256 --heads 8 --kv-heads 8 --positions 256 \
  --tokenizer "$work/tok" >/dev/null
"$srllm" init "$work/p.srllm" >/dev/null
"$srllm" import "$work/p.srllm" "$work/items.jsonl" >/dev/null
"$srllm" import "$work/p.srllm" "$work/ann.jsonl" --format annotations >/dev/null
"$srllm" adjudicate "$work/p.srllm" --auto majority >/dev/null
"$srllm" snapshot create "$work/p.srllm" gold >/dev/null
for method in full lora; do
  "$srllm" job new "$work/p.srllm" "$work/$method" --model "$work/base" --snapshot gold --method "$method" \
    --template custom --custom-template $'Fix: {text}\n{rewrite}' \
    --lora-r 16 --lora-dropout 0 --batch-size 8 --grad-accum 1 --max-length 128 --max-steps "$steps" \
    --save-steps 100000 --eval-steps 100000 --no-queue >/dev/null
done

# One run: the job's step events as JSON lines, tagged with the method, processes and threads each.
run() {
  local method="$1" n="$2" threads="$3"
  "$srllm" job discard "$work/$method" >/dev/null
  "$srllm" train "$work/$method" --nproc "$n" --threads "$threads" 2>/dev/null |
    python3 -c "import json,sys; [print(json.dumps(dict(json.loads(l), method='$method', nproc=$n, threads=$threads))) for l in sys.stdin]"
}
# One process on every core, one process on one core (what each of two processes gets), two processes.
for pair in $(seq "$pairs"); do
  for method in full lora; do
    run "$method" 1 "$cores" >> "$work/steps.jsonl"
    run "$method" 1 1 >> "$work/steps.jsonl"
    run "$method" 2 $((cores / 2)) >> "$work/steps.jsonl"
  done
done
for method in full lora; do
  params="$(python3 -c "import json; print(next(json.loads(l)['trainable_params'] for l in open('$work/steps.jsonl') if '\"start\"' in l and '\"$method\"' in l))")"
  "$build/bench/bench-allreduce" --elements "$params" --nproc 2 --repeats 20 |
    python3 -c "import json,sys; print(json.dumps(dict(json.loads(sys.stdin.read()), method='$method', event='allreduce')))" >> "$work/steps.jsonl"
done

python3 - "$work/steps.jsonl" "$cores" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
cores = int(sys.argv[2])
print(f"\n| run | processes x threads | tokens/s (median of steps 2..) | vs 1 x {cores} | trainable weights | all-reduce of their gradients |")
print("|---|---|---|---|---|---|")
for method in ("full", "lora"):
    ar = next(r for r in rows if r.get("event") == "allreduce" and r["method"] == method)
    params = next(r["trainable_params"] for r in rows if r.get("event") == "start" and r["method"] == method)
    base = None
    for n, threads in ((1, cores), (1, 1), (2, cores // 2)):
        tps = [r["tokens_per_second"] for r in rows if r.get("event") == "step" and r["method"] == method
               and r["nproc"] == n and r["threads"] == threads and r["step"] > 1]
        med = statistics.median(tps)
        base = base or med
        print(f"| {method} | {n} x {threads} | {med:.0f} | {med / base:.2f}x | {params:,} "
              f"({4 * params / 1e6:.1f} MB) | {1e3 * ar['seconds']:.2f} ms ({ar['gbit_per_s']:.1f} Gbit/s) |")
PY
