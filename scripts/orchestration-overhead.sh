#!/usr/bin/env bash
# Measures what cloudbench's orchestration costs on this host: the wall time of
# `cloudbench local SUITE` against the same instance script (setup + the same hyperfine
# commands) run directly with bash. Run by hand; figures go to docs/performance.md.
#
#   scripts/orchestration-overhead.sh [SUITE] [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-$root/examples/suites/quickstart.json}"
repeats="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/cloudbench" --version >/dev/null # build first, outside the measurement
"$root/cloudbench" script "$suite" --store "$work/direct-store" > "$work/script.sh"

now() { date +%s.%N; }
for i in $(seq 1 "$repeats"); do
  mkdir -p "$work/direct-$i"
  t0=$(now)
  (cd "$work/direct-$i" && bash "$work/script.sh" >/dev/null 2>&1)
  t1=$(now)
  "$root/cloudbench" local "$suite" --output "$work/local-$i" >/dev/null
  t2=$(now)
  awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v i="$i" \
    'BEGIN { d = t1 - t0; l = t2 - t1; printf "run %d: direct %.2f s, cloudbench local %.2f s, orchestration %.2f s (%.0f%%)\n", i, d, l, l - d, 100 * (l - d) / l }'
done
