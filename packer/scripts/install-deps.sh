#!/usr/bin/env bash
# Installs the benchmark toolchains into the image, each at a pinned version and checked against a
# pinned SHA-256 before it is unpacked. Runs as root on the Packer builder (Ubuntu 24.04, x86_64 or
# aarch64). Idempotent: a tool already at its pinned version is left alone, so a re-run only
# repairs what is missing.
#
# Where the checksums come from: each publisher's own list (ziglang.org/download/index.json,
# go.dev/dl, nodejs.org SHASUMS256.txt, static.rust-lang.org rustup-init.sha256, the Bun and
# hyperfine GitHub releases). The AWS CLI publishes no checksum; its zip is checked against AWS's
# PGP signature instead (key fingerprint below). Rust toolchains are verified by rustup itself.
set -euo pipefail

ZIG_VERSION=0.14.1
ZIG_SHA256_X86_64=24aeeec8af16c381934a6cd7d95c807a8cb2cf7df9fa40d359aa884195c4716c
ZIG_SHA256_AARCH64=f7a654acc967864f7a050ddacfaa778c7504a0eca8d2b678839c21eea47c992b

RUSTUP_VERSION=1.28.2
RUSTUP_SHA256_X86_64=20a06e644b0d9bd2fbdbfd52d42540bdde820ea7df86e92e533c073da0cdd43c
RUSTUP_SHA256_AARCH64=e3853c5a252fca15252d07cb23a1bdd9377a8c6f3efa01531109281ae47f841c
RUST_TOOLCHAIN=1.88.0

GO_VERSION=1.25.5
GO_SHA256_X86_64=9e9b755d63b36acf30c12a9a3fc379243714c1c6d3dd72861da637f336ebb35b
GO_SHA256_AARCH64=b00b694903d126c588c378e72d3545549935d3982635ba3f7a964c9fa23fe3b9

NODE_VERSION=22.14.0 # LTS "Jod"
NODE_SHA256_X86_64=69b09dba5c8dcb05c4e4273a4340db1005abeafe3927efda2bc5b249e80437ec
NODE_SHA256_AARCH64=08bfbf538bad0e8cbb0269f0173cca28d705874a67a22f60b57d99dc99e30050

BUN_VERSION=1.2.2
BUN_SHA256_X86_64=3f4efb8afd1f84ac2a98c04661c898561d1d35527d030cb4571e99b7c85f5079
BUN_SHA256_AARCH64=d1dbaa3e9af24549fad92bdbe4fb21fa53302cd048a8f004e85a240984c93d4d

HYPERFINE_VERSION=1.19.0
HYPERFINE_SHA256_X86_64=d5550bbdc240d2aaa8f43ea2dc8b03a306afb30ea8464cd8b2faa9486ed1019e
HYPERFINE_SHA256_AARCH64=7f9c0522e1acf869e0558e085c43f2cea3e30e4f7a4b7bc3d5540cbdee7b4273

AWSCLI_VERSION=2.22.35
AWSCLI_KEY_FINGERPRINT=FB5DB77FD5C118B80511ADA8A6310ACC4672475C

# Distribution packages: compilers and build tools the suites' setup steps use.
# iptables: the benchmark script's owner-match rule that keeps the suite's user from instance metadata.
# Instruction counts (a suite's "metrics": ["wall-time", "instructions"]): perf for the instructions:u
# counter where the instance exposes it (linux-tools-aws follows the AMI's linux-aws kernel; -common
# holds the perf wrapper), valgrind (callgrind) where it does not. Both exist for amd64 and arm64.
APT_PACKAGES=(build-essential cmake git curl ca-certificates gnupg unzip xz-utils jq pkg-config iptables
  valgrind linux-tools-common linux-tools-aws)

TOOLS=/opt/cloudbench
BIN=/usr/local/bin
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

log() { echo "install-deps: $*"; }
fail() {
  echo "install-deps: $*" >&2
  exit 1
}

# x86_64 | aarch64, the names most publishers use; refuses a machine of the wrong architecture.
detect_arch() {
  local machine expected
  machine="$(uname -m)"
  case "${CLOUDBENCH_ARCHITECTURE:-}" in
    x86_64) expected=x86_64 ;;
    arm64) expected=aarch64 ;;
    "") expected="$machine" ;;
    *) fail "CLOUDBENCH_ARCHITECTURE must be x86_64 or arm64, not '${CLOUDBENCH_ARCHITECTURE}'" ;;
  esac
  case "$machine" in
    x86_64 | aarch64) ;;
    *) fail "unsupported machine: $machine" ;;
  esac
  [ "$machine" = "$expected" ] ||
    fail "this builder is $machine but the build was asked for ${CLOUDBENCH_ARCHITECTURE} (use packer build -only=...)"
  ARCH="$machine"
}

# pick X86_64_VALUE AARCH64_VALUE: the value for this machine.
pick() { if [ "$ARCH" = x86_64 ]; then echo "$1"; else echo "$2"; fi; }

# fetch URL SHA256: downloads into $work and prints the file's path once its checksum matched.
fetch() {
  local url="$1" sha256="$2" file
  file="$work/$(basename "$url")"
  curl --fail --silent --show-error --location --retry 5 --retry-connrefused \
    --proto '=https' --tlsv1.2 --output "$file" "$url"
  echo "$sha256  $file" | sha256sum --check --strict --quiet ||
    fail "checksum mismatch for $url"
  echo "$file"
}

# has_version TEXT COMMAND...: COMMAND runs and prints TEXT (the tool is at its pinned version).
has_version() {
  local text="$1" out
  shift
  out="$("$@" 2>/dev/null)" || return 1
  [[ "$out" == *"$text"* ]]
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  # First boot may still be running apt (cloud-init, apt-daily): wait for its lock, don't fail.
  local apt=(apt-get -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confold -y -q)
  "${apt[@]}" update
  "${apt[@]}" install --no-install-recommends "${APT_PACKAGES[@]}"
}

install_zig() {
  local dir="$TOOLS/zig-$ARCH-linux-$ZIG_VERSION" archive
  if ! has_version "$ZIG_VERSION" "$dir/zig" version; then
    archive="$(fetch "https://ziglang.org/download/$ZIG_VERSION/zig-$ARCH-linux-$ZIG_VERSION.tar.xz" \
      "$(pick "$ZIG_SHA256_X86_64" "$ZIG_SHA256_AARCH64")")"
    rm -rf "$dir"
    tar -xJf "$archive" -C "$TOOLS"
  fi
  ln -sfn "$dir/zig" "$BIN/zig"
  log "zig $("$BIN/zig" version)"
}

install_rust() {
  local triple="$ARCH-unknown-linux-gnu" rustup_init toolchain_bin tool
  export RUSTUP_HOME="$TOOLS/rustup" CARGO_HOME="$TOOLS/cargo"
  if ! [ -x "$CARGO_HOME/bin/rustup" ]; then
    rustup_init="$(fetch "https://static.rust-lang.org/rustup/archive/$RUSTUP_VERSION/$triple/rustup-init" \
      "$(pick "$RUSTUP_SHA256_X86_64" "$RUSTUP_SHA256_AARCH64")")"
    chmod +x "$rustup_init"
    "$rustup_init" -y --no-modify-path --profile minimal --default-toolchain none
  fi
  # rustup verifies every component against the channel manifest's SHA-256.
  "$CARGO_HOME/bin/rustup" toolchain install "$RUST_TOOLCHAIN" --profile minimal --component rustfmt,clippy
  "$CARGO_HOME/bin/rustup" default "$RUST_TOOLCHAIN"
  # The toolchain's own binaries, not rustup's proxies: they need no RUSTUP_HOME, so they work
  # from any shell, including SSM Run Command's.
  toolchain_bin="$RUSTUP_HOME/toolchains/$RUST_TOOLCHAIN-$triple/bin"
  for tool in cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
    if [ -x "$toolchain_bin/$tool" ]; then ln -sfn "$toolchain_bin/$tool" "$BIN/$tool"; fi
  done
  printf '#!/bin/sh\nRUSTUP_HOME=%s CARGO_HOME=%s exec %s "$@"\n' \
    "$RUSTUP_HOME" "$CARGO_HOME" "$CARGO_HOME/bin/rustup" >"$BIN/rustup"
  chmod 755 "$BIN/rustup"
  log "$("$BIN/rustc" --version)"
}

install_go() {
  local goarch archive
  goarch="$(pick amd64 arm64)"
  if ! has_version "go$GO_VERSION " /usr/local/go/bin/go version; then
    archive="$(fetch "https://go.dev/dl/go$GO_VERSION.linux-$goarch.tar.gz" \
      "$(pick "$GO_SHA256_X86_64" "$GO_SHA256_AARCH64")")"
    rm -rf /usr/local/go
    tar -xzf "$archive" -C /usr/local
  fi
  ln -sfn /usr/local/go/bin/go "$BIN/go"
  ln -sfn /usr/local/go/bin/gofmt "$BIN/gofmt"
  log "$("$BIN/go" version)"
}

install_node() {
  local name archive tool
  name="node-v$NODE_VERSION-linux-$(pick x64 arm64)"
  if ! has_version "v$NODE_VERSION" "$TOOLS/$name/bin/node" --version; then
    archive="$(fetch "https://nodejs.org/dist/v$NODE_VERSION/$name.tar.xz" \
      "$(pick "$NODE_SHA256_X86_64" "$NODE_SHA256_AARCH64")")"
    rm -rf "${TOOLS:?}/$name"
    tar -xJf "$archive" -C "$TOOLS"
  fi
  for tool in node npm npx corepack; do
    ln -sfn "$TOOLS/$name/bin/$tool" "$BIN/$tool"
  done
  log "node $("$BIN/node" --version)"
}

install_bun() {
  local name dir archive
  name="bun-linux-$(pick x64 aarch64)"
  dir="$TOOLS/bun-$BUN_VERSION"
  if ! has_version "$BUN_VERSION" "$dir/bun" --version; then
    archive="$(fetch "https://github.com/oven-sh/bun/releases/download/bun-v$BUN_VERSION/$name.zip" \
      "$(pick "$BUN_SHA256_X86_64" "$BUN_SHA256_AARCH64")")"
    rm -rf "$dir" "${work:?}/$name"
    unzip -q "$archive" -d "$work"
    install -D -m 755 "$work/$name/bun" "$dir/bun"
  fi
  ln -sfn "$dir/bun" "$BIN/bun"
  ln -sfn "$dir/bun" "$BIN/bunx"
  log "bun $("$BIN/bun" --version)"
}

install_hyperfine() {
  local name archive
  name="hyperfine-v$HYPERFINE_VERSION-$ARCH-unknown-linux-gnu"
  if ! has_version "hyperfine $HYPERFINE_VERSION" "$BIN/hyperfine" --version; then
    archive="$(fetch "https://github.com/sharkdp/hyperfine/releases/download/v$HYPERFINE_VERSION/$name.tar.gz" \
      "$(pick "$HYPERFINE_SHA256_X86_64" "$HYPERFINE_SHA256_AARCH64")")"
    tar -xzf "$archive" -C "$work"
    install -m 755 "$work/$name/hyperfine" "$BIN/hyperfine"
  fi
  log "$("$BIN/hyperfine" --version)"
}

# AWS's public key for the AWS CLI (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html).
# Only its fingerprint is trusted: the signature must be a valid one by exactly that key.
awscli_public_key() {
  cat <<'KEY'
-----BEGIN PGP PUBLIC KEY BLOCK-----

mQINBF2Cr7UBEADJZHcgusOJl7ENSyumXh85z0TRV0xJorM2B/JL0kHOyigQluUG
ZMLhENaG0bYatdrKP+3H91lvK050pXwnO/R7fB/FSTouki4ciIx5OuLlnJZIxSzx
PqGl0mkxImLNbGWoi6Lto0LYxqHN2iQtzlwTVmq9733zd3XfcXrZ3+LblHAgEt5G
TfNxEKJ8soPLyWmwDH6HWCnjZ/aIQRBTIQ05uVeEoYxSh6wOai7ss/KveoSNBbYz
gbdzoqI2Y8cgH2nbfgp3DSasaLZEdCSsIsK1u05CinE7k2qZ7KgKAUIcT/cR/grk
C6VwsnDU0OUCideXcQ8WeHutqvgZH1JgKDbznoIzeQHJD238GEu+eKhRHcz8/jeG
94zkcgJOz3KbZGYMiTh277Fvj9zzvZsbMBCedV1BTg3TqgvdX4bdkhf5cH+7NtWO
lrFj6UwAsGukBTAOxC0l/dnSmZhJ7Z1KmEWilro/gOrjtOxqRQutlIqG22TaqoPG
fYVN+en3Zwbt97kcgZDwqbuykNt64oZWc4XKCa3mprEGC3IbJTBFqglXmZ7l9ywG
EEUJYOlb2XrSuPWml39beWdKM8kzr1OjnlOm6+lpTRCBfo0wa9F8YZRhHPAkwKkX
XDeOGpWRj4ohOx0d2GWkyV5xyN14p2tQOCdOODmz80yUTgRpPVQUtOEhXQARAQAB
tCFBV1MgQ0xJIFRlYW0gPGF3cy1jbGlAYW1hem9uLmNvbT6JAlQEEwEIAD4WIQT7
Xbd/1cEYuAURraimMQrMRnJHXAUCXYKvtQIbAwUJB4TOAAULCQgHAgYVCgkICwIE
FgIDAQIeAQIXgAAKCRCmMQrMRnJHXJIXEAChLUIkg80uPUkGjE3jejvQSA1aWuAM
yzy6fdpdlRUz6M6nmsUhOExjVIvibEJpzK5mhuSZ4lb0vJ2ZUPgCv4zs2nBd7BGJ
MxKiWgBReGvTdqZ0SzyYH4PYCJSE732x/Fw9hfnh1dMTXNcrQXzwOmmFNNegG0Ox
au+VnpcR5Kz3smiTrIwZbRudo1ijhCYPQ7t5CMp9kjC6bObvy1hSIg2xNbMAN/Do
ikebAl36uA6Y/Uczjj3GxZW4ZWeFirMidKbtqvUz2y0UFszobjiBSqZZHCreC34B
hw9bFNpuWC/0SrXgohdsc6vK50pDGdV5kM2qo9tMQ/izsAwTh/d/GzZv8H4lV9eO
tEis+EpR497PaxKKh9tJf0N6Q1YLRHof5xePZtOIlS3gfvsH5hXA3HJ9yIxb8T0H
QYmVr3aIUes20i6meI3fuV36VFupwfrTKaL7VXnsrK2fq5cRvyJLNzXucg0WAjPF
RrAGLzY7nP1xeg1a0aeP+pdsqjqlPJom8OCWc1+6DWbg0jsC74WoesAqgBItODMB
rsal1y/q+bPzpsnWjzHV8+1/EtZmSc8ZUGSJOPkfC7hObnfkl18h+1QtKTjZme4d
H17gsBJr+opwJw/Zio2LMjQBOqlm3K1A4zFTh7wBC7He6KPQea1p2XAMgtvATtNe
YLZATHZKTJyiqA==
=vYOk
-----END PGP PUBLIC KEY BLOCK-----
KEY
}

# verify_awscli ZIP SIG: the signature is valid and made by the pinned key. The key's own expiry
# date is not what matters here, so the check reads VALIDSIG rather than gpg's exit status.
verify_awscli() {
  local zip="$1" sig="$2" gnupg status
  gnupg="$work/gnupg"
  mkdir -m 700 "$gnupg"
  awscli_public_key | gpg --homedir "$gnupg" --batch --quiet --import
  status="$(gpg --homedir "$gnupg" --batch --status-fd 1 --verify "$sig" "$zip" 2>/dev/null || true)"
  grep -Eq "^\[GNUPG:\] VALIDSIG .* $AWSCLI_KEY_FINGERPRINT\$" <<<"$status" ||
    fail "the AWS CLI download is not signed by $AWSCLI_KEY_FINGERPRINT"
}

install_awscli() {
  local url
  if ! has_version "aws-cli/$AWSCLI_VERSION " "$BIN/aws" --version; then
    url="https://awscli.amazonaws.com/awscli-exe-linux-$ARCH-$AWSCLI_VERSION.zip"
    curl --fail --silent --show-error --location --retry 5 --proto '=https' --tlsv1.2 \
      --output "$work/awscli.zip" "$url"
    curl --fail --silent --show-error --location --retry 5 --proto '=https' --tlsv1.2 \
      --output "$work/awscli.zip.sig" "$url.sig"
    verify_awscli "$work/awscli.zip" "$work/awscli.zip.sig"
    unzip -q "$work/awscli.zip" -d "$work"
    "$work/aws/install" --install-dir /usr/local/aws-cli --bin-dir "$BIN" --update
  fi
  log "$("$BIN/aws" --version)"
}

# The unprivileged user benchmark suites run as (core's SuiteBoundary.USER). The benchmark script
# creates it too when an image lacks it; here it exists before the first run, with no login shell
# and no home of its own (the script gives it one in its work directory).
ensure_suite_user() {
  if ! id -u cbench >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin cbench
  fi
  log "suite user cbench (uid $(id -u cbench))"
}

# perf as the suite's (unprivileged) user: Ubuntu's kernels default to perf_event_paranoid 4, which
# refuses every counter to such users; 2 allows counting their own processes in user space only,
# which is all instructions:u needs (the kernel's documented meaning of 2: no kernel profiling).
allow_user_counters() {
  echo 'kernel.perf_event_paranoid = 2' >/etc/sysctl.d/60-cloudbench-perf.conf
  sysctl -q -p /etc/sysctl.d/60-cloudbench-perf.conf || true
  command -v valgrind >/dev/null || fail "valgrind is missing"
  log "$(valgrind --version); perf: $(perf --version 2>/dev/null || echo 'no perf for this kernel (callgrind counts)')"
}

# Ubuntu's AMIs ship the SSM agent as a snap; benchmarks reach the instance only through it.
ensure_ssm_agent() {
  if ! snap list amazon-ssm-agent >/dev/null 2>&1; then
    snap install amazon-ssm-agent --classic
  fi
  snap start --enable amazon-ssm-agent
  systemctl is-enabled --quiet snap.amazon-ssm-agent.amazon-ssm-agent.service ||
    fail "the SSM agent is not enabled"
  log "amazon-ssm-agent $(snap list amazon-ssm-agent | awk 'NR == 2 { print $2 }') enabled"
}

main() {
  detect_arch
  [ "$(id -u)" -eq 0 ] || fail "run as root"
  mkdir -p "$TOOLS"
  apt_install
  install_zig
  install_rust
  install_go
  install_node
  install_bun
  install_hyperfine
  install_awscli
  allow_user_counters
  ensure_suite_user
  ensure_ssm_agent
}

main "$@"
