#!/usr/bin/env bash
# Builds bench-eval (no libtorch, no Qt), trains a scorer on the public sets if none is given, and runs
# the benchmark on 1 and 2 threads over 100,000 texts (ParaDetox toxic sentences and their first neutral
# rewrites, cycled), then the Python peers. Usage: bench/run-eval-bench.sh [N] [SCORER_DIR] [BUILD_DIR]
# Results go into docs/BENCHMARKS.md ("Evaluation metrics and scorer (issue #9)") by hand.
set -euo pipefail
n=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
data=$root/../shared/data
scorer=${2:-}
build=${3:-$root/build-bench-eval}
[ -f "$build/CMakeCache.txt" ] ||
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSRLLM_ENGINE=OFF -DSRLLM_GUI=OFF -DSRLLM_TESTS=OFF
cmake --build "$build" --target bench-eval srllm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$data/paradetox/paradetox.tsv" "$work/texts.txt" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t")
with open(sys.argv[2], "w") as out:
    for r in rows:
        out.write(r["toxic"].replace("\n", " ") + "\n" + r["neutral1"].replace("\n", " ") + "\n")
PY
if [ -z "$scorer" ]; then
  scorer=$work/scorer
  "$build/app/srllm" scorer train - "$scorer" --data "$data/paradetox/paradetox.tsv" \
    --data "$data/toxic_spans/tsd_train.csv" --data "$data/srllm/train_500.csv" > /dev/null
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(. /etc/os-release; echo "$PRETTY_NAME")"
echo "date: $(date -u +%Y-%m-%d)   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
export SRLLM_VADER_LEXICON=${SRLLM_VADER_LEXICON:-$data/lexicons/vader_lexicon.txt}
for threads in 1 2; do "$build/bench/bench-eval" "$scorer" "$work/texts.txt" "$n" "$threads"; done
/usr/bin/python3 "$root/bench/peer-eval.py" "$SRLLM_VADER_LEXICON" "$work/texts.txt" 20000
