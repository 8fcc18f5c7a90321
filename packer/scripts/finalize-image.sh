#!/usr/bin/env bash
# Last step of the image build: records what the image holds in /etc/cloudbench/image-notes.txt
# (fingerprint, OS, kernel, tool versions, lscpu) and removes what must not reach instances
# launched from it (package caches, cloud-init state and logs, build leftovers). Runs as root on
# the Packer builder; idempotent.
set -euo pipefail

NOTES_DIR=/etc/cloudbench
NOTES="$NOTES_DIR/image-notes.txt"

# version COMMAND...: the first line COMMAND prints, or "missing".
version() {
  local out
  if out="$("$@" 2>&1)"; then
    head -n 1 <<<"$out"
  else
    echo "missing"
  fi
}

write_notes() {
  mkdir -p "$NOTES_DIR"
  {
    echo "# cloudbench benchmark image"
    echo "fingerprint:  ${CLOUDBENCH_FINGERPRINT:-unknown}"
    echo "architecture: ${CLOUDBENCH_ARCHITECTURE:-unknown} ($(uname -m))"
    echo "source:       ${CLOUDBENCH_SOURCE:-unknown}"
    echo "built:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "os:           $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release)"
    echo "kernel:       $(uname -srvm)"
    echo
    echo "## tools"
    echo "zig:          $(version zig version)"
    echo "rustc:        $(version rustc --version)"
    echo "cargo:        $(version cargo --version)"
    echo "go:           $(version go version)"
    echo "node:         $(version node --version)"
    echo "npm:          $(version npm --version)"
    echo "bun:          $(version bun --version)"
    echo "hyperfine:    $(version hyperfine --version)"
    echo "git:          $(version git --version)"
    echo "gcc:          $(version gcc --version)"
    echo "cmake:        $(version cmake --version)"
    echo "aws:          $(version aws --version)"
    echo "ssm agent:    $(snap list amazon-ssm-agent 2>/dev/null | awk 'NR == 2 { print $2 }')"
    echo
    echo "## hygiene"
    echo "snap refresh hold: $(version snap get system refresh.hold)"
    echo "apt-daily.timer:   $(systemctl is-enabled apt-daily.timer 2>&1 || true)"
    echo "cpu governor unit: $(systemctl is-enabled cloudbench-cpu-governor.service 2>&1 || true)"
    echo
    echo "## lscpu of the builder"
    echo "# The machine that built the image, not the one a benchmark runs on: every run records"
    echo "# its own instance's lscpu in its environment.json."
    lscpu
  } >"$NOTES.tmp"
  mv "$NOTES.tmp" "$NOTES"
  chmod 644 "$NOTES"
  cat "$NOTES"
}

clean_up() {
  apt-get clean
  # /tmp is left alone: Packer is running this script from there, and it is emptied at boot.
  rm -rf /var/lib/apt/lists/* /var/tmp/*
  # Instances launched from the image run cloud-init as a first boot, with their own logs.
  cloud-init clean --logs
  # Empty the journal so that an instance's logs start with its own boot.
  journalctl --rotate >/dev/null 2>&1 || true
  journalctl --vacuum-time=1s >/dev/null 2>&1 || true
  rm -f /root/.bash_history /home/ubuntu/.bash_history
}

main() {
  [ "$(id -u)" -eq 0 ] || {
    echo "finalize-image: run as root" >&2
    exit 1
  }
  write_notes
  clean_up
}

main "$@"
