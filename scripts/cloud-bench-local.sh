#!/usr/bin/env bash
# Runs the benchmark suite in AWS on the deployed cloudbench stack, from this machine: the seed's
# interface over `cloudbench run`, which starts the stack's state machine, follows it per target,
# and copies the results and reports into cloudbench-results/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cloudbench="${CLOUDBENCH:-$root/cloudbench}"
suite="${SUITE:-$root/examples/suites/guillotine-evm.json}"

usage() {
  cat <<USAGE
usage: $(basename "$0") [x86|arm64|both] [spot|ondemand]

Runs a benchmark suite in AWS on the deployed cloudbench stack (see README: Running in the cloud).

  x86|arm64|both   the architecture(s): one instance each, of the stack's default instance type
                   (default: x86)
  spot|ondemand    how instances are bought (default: spot)

Environment:
  AWS_REGION       the stack's region (default: the AWS profile's)
  NUM_RUNS         measured runs of every benchmark (default: the suite's)
  SUITE            the suite file (default: examples/suites/guillotine-evm.json)
  CLOUDBENCH_STACK the stack's name (default: cloudbench)

Exit codes are cloudbench's: 0 all ran, 5 some targets failed, 2 bad input, ... (cloudbench --help).
USAGE
}

fail() {
  echo "$(basename "$0"): $1" >&2
  echo "usage: $(basename "$0") [x86|arm64|both] [spot|ondemand]   (-h for help)" >&2
  exit 2
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[ $# -le 2 ] || fail "too many arguments: $*"

case "${1:-x86}" in
  x86|x86_64) arch=x86_64 ;;
  arm64) arch=arm64 ;;
  both) arch=both ;;
  *) fail "unknown architecture '$1' (expected x86, arm64 or both)" ;;
esac

case "${2:-spot}" in
  spot) market=spot ;;
  ondemand|on-demand) market=on-demand ;;
  *) fail "unknown market '$2' (expected spot or ondemand)" ;;
esac

args=(run "$suite" --arch "$arch" --market "$market")
if [ -n "${AWS_REGION:-}" ]; then
  args+=(--region "$AWS_REGION")
fi
if [ -n "${NUM_RUNS:-}" ]; then
  if ! [[ "$NUM_RUNS" =~ ^[0-9]+$ ]] || [ "$NUM_RUNS" -lt 2 ]; then
    fail "NUM_RUNS must be a whole number of at least 2, was '$NUM_RUNS'"
  fi
  args+=(--runs "$NUM_RUNS")
fi

exec "$cloudbench" "${args[@]}"
