#!/usr/bin/env bash
# Makes the screenshots of the Evaluate and Review modes in docs/images/ from scratch: the demo project
# (scripts/make-demo.sh), a tokenizer and a tiny random model trained for a few steps on the demo's gold
# rewrites, generation runs (original texts, the base model, the fine-tune), a risk scorer, `srllm eval`,
# a review session, then the GUI under Xvfb driven by xdotool and captured with `import -window root`.
# The models are tiny and random, so their outputs are nonsense: the pictures show the workbench, not a
# result. Needs an engine build (generate-run, train) and xvfb-run, xdotool, ImageMagick (install-deps.sh --gui).
# Usage: scripts/make-screenshots.sh [BUILD_DIR (default build)] [OUT_DIR (default docs/images)]
# SRLLM=path picks another `srllm` with the engine (e.g. when BUILD_DIR was configured with SRLLM_ENGINE=OFF).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build=$(cd "${1:-$root/build}" && pwd)
out=${2:-$root/docs/images}
bin=${SRLLM:-$build/app/srllm}
gui=$build/app/srllm-workbench
for tool in "$bin" "$gui"; do
  [ -x "$tool" ] || { echo "make-screenshots: '$tool' is missing (hint: cmake --build $build)" >&2; exit 1; }
done
"$bin" --help | grep -E '^\s+generate-run\b' >/dev/null || { echo "make-screenshots: $bin has no engine (build with SRLLM_ENGINE=ON)" >&2; exit 1; }
for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "make-screenshots: '$tool' is missing (hint: bash scripts/install-deps.sh --gui)" >&2; exit 1; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
quiet() { "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }; }

echo "make-screenshots: building the project in $work"
bash "$root/scripts/make-demo.sh" "$bin" demo.srllm >/dev/null
quiet "$bin" adjudicate demo.srllm --auto majority
quiet "$bin" snapshot create demo.srllm gold
quiet "$bin" tokenizer train --project demo.srllm --vocab-size 600 --out tokenizer
quiet "$bin" model new base --arch llama --layers 2 --dim 64 --heads 4 --tokenizer tokenizer --seed 1
quiet "$bin" job new demo.srllm job --model base --snapshot gold --template paper --max-steps 30 --batch-size 8 \
  --grad-accum 1 --lr 3e-3 --eval-steps 10 --save-steps 30 --device cpu
quiet "$bin" train job
# The demo has too few items for a held-out split worth showing: the runs cover its training split.
quiet "$bin" generate-run demo.srllm --name original --original --snapshot gold --split train
quiet "$bin" generate-run demo.srllm --name base --model base --template paper --snapshot gold --split train --max-new-tokens 24
quiet "$bin" generate-run demo.srllm --name tuned --run job --snapshot gold --split train --max-new-tokens 24
quiet "$bin" scorer train demo.srllm scorer
quiet "$bin" eval demo.srllm --runs original,base,tuned --scorer scorer
quiet "$bin" review new demo.srllm --name blind --runs base,tuned --items 20 --seed 7
quiet "$bin" review assign demo.srllm --session blind --reviewers rev
quiet "$bin" annotator add demo.srllm lead --role expert
quiet "$bin" stats demo.srllm  # checkpoints the WAL

# One GUI session per picture: Ctrl+N picks mode N (Evaluate is the 6th, Review the 7th).
shoot() {  # PERSON "KEYS" FILE ["X Y X Y …" of clicks after the keys]
  export SRLLM_GUI_BIN="$gui" SRLLM_PROJECT="$work/demo.srllm" SRLLM_WHO="$1" SRLLM_KEY="$2" SRLLM_SHOT="$work/$3" SRLLM_CLICK="${4:-}"
  HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" xvfb-run -a -s '-screen 0 1400x900x24' bash -c '
    "$SRLLM_GUI_BIN" --annotator "$SRLLM_WHO" "$SRLLM_PROJECT" & pid=$!
    for _ in $(seq 60); do
      window=$(xdotool search --onlyvisible --name "SR-LLM" 2>/dev/null | head -1) && [ -n "$window" ] && break
      sleep 0.5
    done
    xdotool windowmove "$window" 0 0 windowsize "$window" 1400 900 windowfocus --sync "$window"
    sleep 2
    xdotool key --delay 1500 $SRLLM_KEY
    set -- $SRLLM_CLICK
    while [ $# -ge 2 ]; do sleep 1; xdotool mousemove "$1" "$2" click 1; shift 2; done
    sleep 4
    import -window root "$SRLLM_SHOT"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  '
  # 256 colours keep a screenshot of widgets and plots sharp and well under 300 kB.
  convert "$work/$3" -colors 256 "PNG8:$out/$3"
  echo "make-screenshots: $out/$3 ($(du -k "$out/$3" | cut -f1) kB)"
}
shoot lead ctrl+6 evaluate-mode.png
# The Figures tab of a 1400x900 window at 0,0, then its second figure (flagged % per risk: the demo's
# texts are mild, so toxic % alone is zero for every run).
shoot lead ctrl+6 evaluate-figures.png "389 76 350 110"
shoot rev ctrl+7 review-mode.png
