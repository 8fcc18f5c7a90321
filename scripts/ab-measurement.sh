#!/usr/bin/env bash
# Measures how well interleaved rounds with paired statistics tell changes from noise on this
# machine, against the naive method (hyperfine's own order and its ± relative speed), side by side:
# false positives on A/A, detection of +2 % and +5 % more work, interval widths, machine time.
# Run by hand from a clone; figures go to docs/measurement.md. Needs hyperfine, sha256sum, a JDK 17+
# and Maven (the CLI jar is built on first use, as ./cloudbench does). The program is a test-scope
# main of the cli module (compiled, and smoke-tested by AbMeasurementSmokeTest, with the module's
# tests); here Java's source launcher runs it on the CLI jar, so no test build is needed.
#
#   scripts/ab-measurement.sh [--trials N] [--minutes M] [--target-ms MS] [--warmup W] [--runs R]
#                             [--rounds-min N] [--rounds-max N] [--naive-runs N] [--out DIR]
#                             [--scenarios aa,plus2,plus5]
#
# Defaults: as many trials as fit in 13 minutes (at most 40), a ~50 ms command, rounds of 1 warmup +
# 3 runs per variant, first look after 20 rounds, at most 60; naive 1 warmup + 60 runs per command.
# Per-trial rows go to DIR/trials.csv (default ab-measurement-results/), the table to DIR/summary.md.
#
#   scripts/ab-measurement.sh --metric instructions [--trials N] [--minutes M] [--iterations N]
#                             [--rounds N] [--runs R] [--out DIR]
#
# The instruction metric: each trial is one `cloudbench local` run of a suite with
# "metrics": ["wall-time", "instructions"] and three variants of an awk loop — base, same (A/A) and
# more (+1 % of the instructions: the loop's iterations raised so that start-up included the total
# grows by 1 %) — in rounds of R runs (default 2) per variant, N rounds (default 10, one look), the
# minimum effect at 0.5 % so that a 1 % change is above it. Instructions are counted by whatever the
# host has (perf's instructions:u, else callgrind: see docs/measurement.md). The verdicts on both
# metrics go to DIR/instructions-trials.csv, the rates to DIR/instructions-summary.md. Defaults: 40
# trials or 60 minutes, whichever ends first; 200,000 iterations.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# --metric instructions: trials of `cloudbench local` runs, judged from their results.json.
instruction_trials() {
  local trials=40 minutes=60 iterations=200000 rounds=10 runs=2 out=ab-measurement-results
  while [ $# -gt 0 ]; do
    case "$1" in
      --trials) trials="$2" ;;
      --minutes) minutes="$2" ;;
      --iterations) iterations="$2" ;;
      --rounds) rounds="$2" ;;
      --runs) runs="$2" ;;
      --out) out="$2" ;;
      *) echo "ab-measurement: unknown option $1 (with --metric instructions: --trials --minutes --iterations --rounds --runs --out)" >&2; exit 2 ;;
    esac
    shift 2
  done
  command -v jq >/dev/null 2>&1 || { echo "ab-measurement: jq is needed" >&2; exit 3; }
  mkdir -p "$out"
  local loop="awk -v n=\"\$N\" 'BEGIN { for (i = 0; i < n; i++) s += i * i % 7; print s }'"
  # Start-up (sh and awk) is a fixed share of the instructions: measure the loop's and the total's
  # counts once with callgrind, and raise the iterations so that the total grows by 1 %.
  local one more
  one=$(count_once "$loop" "$iterations")
  more=$(count_once "$loop" $((iterations * 2)))
  local per=$(((more - one) / iterations))
  local extra=$(((one / 100 + per - 1) / per))
  # The trials measure the verdicts on a shared host: its noisy-host mark must not replace them (not judged).
  local suite="$out/instructions-suite.json"
  jq -n --arg loop "$loop" --arg n "$iterations" --arg m "$((iterations + extra))" \
    --argjson rounds "$rounds" --argjson runs "$runs" '{
      name: "ab-instructions-trial", warmup: 1, runs: $runs, timeoutSeconds: 3600,
      metrics: ["wall-time", "instructions"],
      benchmarks: [{name: "loop", command: $loop}],
      variants: [{name: "base", env: {N: $n}}, {name: "same", env: {N: $n}}, {name: "more", env: {N: $m}}],
      rounds: {min: $rounds, max: $rounds, minEffectPercent: 0.5},
      canary: {excludeNoisy: false}}' >"$suite"
  echo "ab-measurement: base $iterations iterations ($one instructions), more $((iterations + extra)) (+1 %)" >&2
  local csv="$out/instructions-trials.csv" deadline=$(($(date +%s) + minutes * 60)) trial started
  echo "trial,metric,variant,verdict,ratio,noise,rounds,counter,seconds" >"$csv"
  for ((trial = 1; trial <= trials; trial++)); do
    [ "$(date +%s)" -lt "$deadline" ] || break
    started=$(date +%s)
    rm -rf "$out/trial"
    "$root/cloudbench" local "$suite" --output "$out/trial" >"$out/trial.log" 2>&1 || true
    local results
    results=$(find "$out/trial" -name results.json 2>/dev/null | head -1 || true)
    if [ -z "$results" ]; then
      echo "ab-measurement: trial $trial produced no results (see $out/trial.log)" >&2
      continue
    fi
    jq -r --argjson t "$trial" --argjson s "$(($(date +%s) - started))" '.targets[0] as $x
      | $x.variantComparisons[]
      | [$t, (.metric // "wall-time"), .variant, .verdict, .ratio, .noise, .rounds,
         ($x.environment.instructionCounter // ""), $s] | @csv' "$results" | tr -d '"' >>"$csv"
    echo "ab-measurement: trial $trial done in $(($(date +%s) - started)) s" >&2
  done
  summarise_instructions "$csv" >"$out/instructions-summary.md"
  cat "$out/instructions-summary.md"
}

# count_once COMMAND N: the instructions callgrind counts for one run of COMMAND with N=N.
count_once() {
  local dir
  dir=$(mktemp -d)
  N="$2" valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$dir/cg.%p" -- sh -c "$1" >/dev/null 2>&1
  awk '/^summary:/ { t += $2 } END { printf "%.0f\n", t }' "$dir"/cg.*
  rm -rf "$dir"
}

# The rates per metric and comparison, each with its Wilson 95 % interval.
summarise_instructions() {
  awk -F, 'NR > 1 {
      key = $2 " · " $3; n[key]++
      if (($3 == "same" && ($4 == "slower" || $4 == "faster")) || ($3 == "more" && $4 == "slower")) hit[key]++
      if ($4 == "unstable") unstable[key]++
      noise[key] = noise[key] " " $6; counter = $8; secs += $9; trials[$1] = 1
    }
    END {
      printf "| metric · variant | what counts | rate (Wilson 95 %%) | unstable | trials |\n|---|---|---:|---:|---:|\n"
      for (k in n) {
        p = hit[k] / n[k]; z = 1.96; d = 1 + z * z / n[k]
        c = (p + z * z / (2 * n[k])) / d; h = z * sqrt(p * (1 - p) / n[k] + z * z / (4 * n[k] * n[k])) / d
        what = (k ~ /same$/) ? "false positive (A/A)" : "1 % detected (slower)"
        printf "| %s | %s | %d/%d = %.0f %% (%.0f–%.0f %%) | %d | %d |\n", k, what, hit[k], n[k], 100 * p,
          100 * (c - h < 0 ? 0 : c - h), 100 * (c + h > 1 ? 1 : c + h), unstable[k], n[k]
      }
      nt = length(trials)
      printf "\nCounter: %s; %d trials, %.0f s per trial on average.\n", counter, nt, nt ? secs / (2 * nt) / 2 : 0
    }' "$1"
}

if [ "${1:-}" = --metric ]; then
  case "${2:-}" in
    instructions) shift 2; instruction_trials "$@"; exit 0 ;;
    wall-time) shift 2 ;;
    *) echo "ab-measurement: --metric is wall-time or instructions" >&2; exit 2 ;;
  esac
fi
for tool in hyperfine sha256sum java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ab-measurement: $tool is needed" >&2; exit 3; }
done
"$root/cloudbench" --version >/dev/null # builds cli/target/cloudbench-cli-app.jar when needed
exec java -XX:+UseSerialGC -cp "$root/cli/target/cloudbench-cli-app.jar" \
  "$root/cli/src/test/java/dev/cloudbench/cli/measurement/AbMeasurement.java" "$@"
