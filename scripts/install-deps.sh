#!/usr/bin/env bash
# Installs the Debian 12 packages the workbench needs. Idempotent: apt runs only when a package is missing.
# Usage: scripts/install-deps.sh [--gui|--core]   (default --gui: everything, including Qt and Xvfb)
set -euo pipefail

mode=${1:---gui}
core_pkgs=(
  build-essential cmake ninja-build pkg-config
  libtorch-dev libdnnl-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libsentencepiece-dev libcli11-dev libutf8proc-dev libdtl-dev libssl-dev
  libgtest-dev libgmock-dev
  libopenblas0-openmp
  libboost-math-dev libsphinxbase-dev pocketsphinx-en-us libhyphen-dev hyphen-en-us
  python3-torch python3-numpy python3-regex python3-scipy python3-nltk python3-sphinxbase
)
gui_pkgs=(
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqcustomplot-dev libqcustomplot2.1-qt6 libgl-dev
  xvfb xauth imagemagick xdotool fonts-noto-cjk
)
pkgs=("${core_pkgs[@]}")
[ "$mode" = "--gui" ] && pkgs+=("${gui_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# libtorch links the generic libblas.so.3; without OpenBLAS behind it matrix products are ~30x slower.
arch_dir=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for alt in libblas.so.3 liblapack.so.3 libopenblas.so.0; do
  name="$alt-$(basename "$arch_dir")"
  target=$(update-alternatives --list "$name" 2>/dev/null | grep openblas-openmp | head -n 1 || true)
  [ -n "$target" ] || continue
  current=$(update-alternatives --query "$name" 2>/dev/null | awk '/^Value:/ {print $2}')
  [ "$current" = "$target" ] || "${sudo_cmd[@]}" update-alternatives --set "$name" "$target" >/dev/null
done
