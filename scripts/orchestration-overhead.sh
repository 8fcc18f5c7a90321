#!/usr/bin/env bash
# Measures what cloudbench's orchestration costs on this host: the wall time of
# `cloudbench local SUITE` against the same instance script (setup + the same hyperfine
# commands) run directly with bash, in REPEATS pairs run back to back (direct, then local), so
# that a change in the machine's load touches both of a pair. Prints every pair, then the median
# of each, their difference (the fixed cost) and their ratio. Run by hand; figures go to
# docs/performance.md.
#
#   scripts/orchestration-overhead.sh [SUITE] [REPEATS]      REPEATS defaults to 5
#
# Before the pairs, one untimed `cloudbench local` run: it builds the CLI when its sources
# changed and writes the class-data-sharing archive (the first local run after a build does), so
# the pairs measure the steady state a user sees from the second run on.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-$root/examples/suites/quickstart.json}"
repeats="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/cloudbench" local "$suite" --output "$work/warm-up" >/dev/null
# The direct run needs hyperfine on its PATH, as `cloudbench local` provides it.
PATH="$("$root/scripts/provision-hyperfine.sh"):$PATH"
"$root/cloudbench" script "$suite" --store "$work/direct-store" > "$work/script.sh"

now() { date +%s.%N; }
: > "$work/pairs"
for i in $(seq 1 "$repeats"); do
  mkdir -p "$work/direct-$i"
  t0=$(now)
  (cd "$work/direct-$i" && bash "$work/script.sh" >/dev/null 2>&1)
  t1=$(now)
  "$root/cloudbench" local "$suite" --output "$work/local-$i" >/dev/null
  t2=$(now)
  awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v i="$i" \
    'BEGIN { d = t1 - t0; l = t2 - t1; printf "run %d: direct %.2f s, cloudbench local %.2f s, orchestration %.2f s (%.2fx)\n", i, d, l, l - d, l / d }'
  awk -v t0="$t0" -v t1="$t1" -v t2="$t2" 'BEGIN { printf "%.3f %.3f\n", t1 - t0, t2 - t1 }' >> "$work/pairs"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
direct="$(cut -d' ' -f1 "$work/pairs" | median)"
local_="$(cut -d' ' -f2 "$work/pairs" | median)"
awk -v d="$direct" -v l="$local_" -v n="$repeats" -v load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" \
  'BEGIN { printf "median of %d pairs: direct %.2f s, cloudbench local %.2f s, fixed cost %.2f s, ratio %.2fx (load average %s)\n", n, d, l, l - d, l / d, load }'
