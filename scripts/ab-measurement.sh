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
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in hyperfine sha256sum java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ab-measurement: $tool is needed" >&2; exit 3; }
done
"$root/cloudbench" --version >/dev/null # builds cli/target/cloudbench-cli-app.jar when needed
exec java -XX:+UseSerialGC -cp "$root/cli/target/cloudbench-cli-app.jar" \
  "$root/cli/src/test/java/dev/cloudbench/cli/measurement/AbMeasurement.java" "$@"
