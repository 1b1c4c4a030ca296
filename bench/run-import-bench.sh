#!/usr/bin/env bash
# Builds bench-import without libtorch or Qt and runs it.
# Usage: bench/run-import-bench.sh [ROWS] [BUILD_DIR] [CASES, e.g. shell-plain,shell-project,ours-plain]
# Results go into docs/BENCHMARKS.md ("Import (issue #2)") by hand, with the machine and the date.
set -euo pipefail
rows=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build-bench-import}
[ -f "$build/CMakeCache.txt" ] ||
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSRLLM_ENGINE=OFF -DSRLLM_GUI=OFF -DSRLLM_TESTS=OFF
cmake --build "$build" --target bench-import
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1)   date: $(date -u +%Y-%m-%d)"
"$build/bench/bench-import" --rows "$rows" --cases "${3:-shell-plain,shell-fts,ours-plain,ours-fts}"
