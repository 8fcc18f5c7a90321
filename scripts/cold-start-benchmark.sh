#!/usr/bin/env bash
# Cold start of every function, each in a fresh JVM with the Lambda runtime's flags, against the
# floor of a bare AWS SDK client of its slowest service; plus the shipped jar's size and the classes
# each JVM loads. Stand-ins on 127.0.0.1 answer every AWS call: no network, no account.
# Figures and how to read them: docs/performance.md.
#
#   scripts/cold-start-benchmark.sh [--repeat N] [--functions PlanRun,Sweep] [--markdown FILE]
#
# JAVA=/path/to/bin/java picks the JVM the functions run on (default: java on the PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin="${JAVA:-$(command -v java)}"

# The shipped jar, the launcher (test classes) and the bare SDK's classpath, in one build.
mvn -B -q -pl core,functions -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime

# A copy to measure, so that a build during the run changes nothing under it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp functions/target/cloudbench-functions-lambda.jar "$work/"
cp -r functions/target/test-classes "$work/launcher"
jar="$work/cloudbench-functions-lambda.jar"
sdk_classpath="$work/launcher:$(cat functions/target/runtime-classpath.txt)"

"$java_bin" -cp "$jar:$work/launcher" dev.cloudbench.functions.bench.ColdStartBenchmark \
  --jar "$jar" --launcher-classpath "$work/launcher" --sdk-classpath "$sdk_classpath" \
  --events functions/events --java "$java_bin" "$@"
