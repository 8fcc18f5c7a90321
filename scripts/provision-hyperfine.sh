#!/usr/bin/env bash
# Finds hyperfine for cloudbench, provisioning it without root when it is missing, and prints the
# directory that holds it (the only thing this script writes on stdout). Used by `cloudbench local`
# (through scripts/prerequisites.sh) and by the tests, so that both find the same hyperfine.
#
#   1. hyperfine on the PATH: its directory.
#   2. the cache, ${CLOUDBENCH_CACHE:-${XDG_CACHE_HOME:-~/.cache}/cloudbench}/hyperfine-<version>/usr/bin.
#   3. Debian and Ubuntu: `apt-get download` of the package (no root needed: it only writes the .deb
#      into the working directory) and `dpkg-deb -x` into the cache; one line on stderr says what
#      was fetched and where. The version is pinned to Debian bookworm's; a distribution that does
#      not offer it (Ubuntu) gets its own version, and the line says so.
#   Otherwise: exit 3 with one line on stderr saying how to install hyperfine.
set -euo pipefail

pinned="${CLOUDBENCH_HYPERFINE_VERSION:-1.15.0-2}"
cache="${CLOUDBENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cloudbench}"
how="brew install hyperfine | cargo install --locked hyperfine@1.15.0 | a release from https://github.com/sharkdp/hyperfine/releases on the PATH"

if found="$(command -v hyperfine 2>/dev/null)"; then
  dirname "$found"
  exit 0
fi
for dir in "$cache/hyperfine-$pinned/usr/bin" "$cache"/hyperfine-*/usr/bin; do
  if [ -x "$dir/hyperfine" ]; then
    echo "$dir"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "cloudbench: missing prerequisite: hyperfine: not on the PATH and no apt-get to fetch it ($how)" >&2
  exit 3
fi

mkdir -p "$cache"
# Inside the cache, so that the final rename is atomic (two runs provisioning at once both end well).
work="$(mktemp -d "$cache/.provision.XXXXXX")"
trap 'rm -rf "$work"' EXIT
note=""
if ! (cd "$work" && apt-get download -q "hyperfine=$pinned") >"$work/apt.log" 2>&1; then
  if ! (cd "$work" && apt-get download -q hyperfine) >>"$work/apt.log" 2>&1; then
    reason="$(grep -E '^E:' "$work/apt.log" | tail -n 1 || true)"
    echo "cloudbench: missing prerequisite: hyperfine: apt-get download hyperfine failed${reason:+ ($reason)};" \
      "run 'sudo apt-get update' once, or 'sudo apt-get install hyperfine' ($how)" >&2
    exit 3
  fi
  note=" (this distribution does not offer the pinned $pinned)"
fi
deb="$(find "$work" -maxdepth 1 -name 'hyperfine_*.deb' -print -quit)"
if [ -z "$deb" ]; then
  echo "cloudbench: missing prerequisite: hyperfine: apt-get download wrote no hyperfine package ($how)" >&2
  exit 3
fi
version="$(dpkg-deb -f "$deb" Version)"
dpkg-deb -x "$deb" "$work/root"
if ! "$work/root/usr/bin/hyperfine" --version >/dev/null 2>&1; then
  echo "cloudbench: missing prerequisite: hyperfine: the fetched $(basename "$deb") does not run here ($how)" >&2
  exit 3
fi
dest="$cache/hyperfine-$version"
mv -T "$work/root" "$dest" 2>/dev/null || [ -x "$dest/usr/bin/hyperfine" ]
echo "cloudbench: fetched hyperfine $version$note with apt-get download (no root) into $dest" >&2
echo "$dest/usr/bin"
