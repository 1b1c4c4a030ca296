#!/usr/bin/env bash
# Runs one fuzz target for a set time and prints one summary line:
#   run-fuzz.sh NAME SECONDS FUZZ_BIN_DIR WORK_DIR [extra libFuzzer flags...]
# Seeds (tests/fuzz/targets.txt) are linked, never copied, into WORK_DIR/NAME/seeds; inputs that add coverage
# go to WORK_DIR/NAME/corpus and are kept for the next run; a crash, leak, timeout or sanitizer report lands
# in WORK_DIR/NAME/findings/ and makes the run fail (exit status of libFuzzer), with the end of the log shown.
set -uo pipefail
if [ $# -lt 4 ]; then echo "usage: $0 NAME SECONDS FUZZ_BIN_DIR WORK_DIR [libFuzzer flags...]" >&2; exit 2; fi
name=$1 seconds=$2 bin=$3 work=$4
shift 4
root=$(cd "$(dirname "$0")/../.." && pwd)
line=$(grep -E "^$name[[:space:]]" "$root/tests/fuzz/targets.txt") || { echo "unknown fuzz target '$name'" >&2; exit 2; }
read -r _ maxlen seeds <<<"$line"

dir=$work/$name
mkdir -p "$dir/corpus" "$dir/seeds" "$dir/findings"
link_seed() {  # a flat link name from the path, so config.json of two model folders do not collide
  local flat=${1#"$root"/}
  ln -sfn "$1" "$dir/seeds/${flat//\//_}"
}
for seed in $seeds; do
  [ "$seed" = "-" ] && continue
  path=$root/$seed
  if [ -d "$path" ]; then
    for file in "$path"/*; do [ -f "$file" ] && link_seed "$file"; done
  elif [ -f "$path" ]; then
    link_seed "$path"
  fi
done

log=$dir/last-run.log
start=$dir/.run-started
touch "$start"
export SRLLM_FUZZ_SEED_DIR=$dir/seeds
SECONDS=0
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$bin/fuzz-$name" "$dir/corpus" "$dir/seeds" -max_len="$maxlen" -max_total_time="$seconds" -timeout=30 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/findings/" "$@" >"$log" 2>&1
status=$?
elapsed=$SECONDS

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
edges=$(sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -n 1)
# -a: a mutated input echoed into the log can hold NUL bytes, and grep would then only say "binary file matches".
last=$(grep -aE '^#[0-9]+.*cov: ' "$log" | tail -n 1)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
corpus=$(find "$dir/corpus" -type f | wc -l)
findings=$(find "$dir/findings" -type f -newer "$start" | wc -l)
echo "fuzz $name: ${runs:-0} runs in ${elapsed} s, cov ${cov:-?} of ${edges:-?} edges, ft ${ft:-?}," \
  "corpus $corpus, findings $findings (exit $status)"
if [ $status -ne 0 ]; then
  echo "--- end of $log:"
  tail -n 60 "$log"
fi
exit $status
