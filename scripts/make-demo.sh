#!/usr/bin/env bash
# Builds the demo project from resources/demo/ once: init, import items and annotations, and adjudicate
# by majority when the CLI has that command. An existing PROJECT is left as it is.
# Usage: scripts/make-demo.sh BIN PROJECT
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 SRLLM_BINARY PROJECT" >&2
  exit 2
fi
bin=$1
project=$2
demo_dir="$(cd "$(dirname "$0")/.." && pwd)/resources/demo"
if [ -e "$project" ]; then
  echo "demo project $project exists; left as it is"
  exit 0
fi
mkdir -p "$(dirname "$project")"
# Build beside the target and move into place at the end, so a failed step never leaves half a demo.
tmp="$project.building"
rm -f "$tmp" "$tmp-wal" "$tmp-shm"
trap 'rm -f "$tmp" "$tmp-wal" "$tmp-shm"' EXIT
"$bin" init "$tmp"
"$bin" import "$tmp" "$demo_dir/demo-items.jsonl" --format jsonl --dataset demo
"$bin" import "$tmp" "$demo_dir/demo-annotations.jsonl" --format annotations
if "$bin" --help 2>/dev/null | grep -qE '^\s+adjudicate\b'; then
  "$bin" adjudicate "$tmp" --auto majority
fi
# Checkpoint the WAL so the single project file is complete before it moves.
"$bin" stats "$tmp" >/dev/null
mv "$tmp" "$project"
echo "demo project ready: $project"
