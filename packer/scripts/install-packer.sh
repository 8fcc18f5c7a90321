#!/usr/bin/env bash
# Installs the Packer release pinned in buildspec.yml into /usr/local/bin, after checking the
# download against the pinned SHA-256 (HashiCorp's SHA256SUMS for that release). Runs in CodeBuild
# on an x86_64 or arm64 build image.
set -euo pipefail

: "${PACKER_VERSION:?set in buildspec.yml}"
: "${PACKER_SHA256_LINUX_AMD64:?set in buildspec.yml}"
: "${PACKER_SHA256_LINUX_ARM64:?set in buildspec.yml}"
BIN_DIR="${BIN_DIR:-/usr/local/bin}"

fail() {
  echo "install-packer: $*" >&2
  exit 1
}

if installed="$("$BIN_DIR/packer" version 2>/dev/null)" && [[ "$installed" == "Packer v$PACKER_VERSION"* ]]; then
  echo "install-packer: Packer $PACKER_VERSION already installed"
  exit 0
fi

case "$(uname -m)" in
  x86_64) platform=linux_amd64 sha256="$PACKER_SHA256_LINUX_AMD64" ;;
  aarch64) platform=linux_arm64 sha256="$PACKER_SHA256_LINUX_ARM64" ;;
  *) fail "no pinned Packer checksum for $(uname -m)" ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
zip="$work/packer_${PACKER_VERSION}_${platform}.zip"
curl --fail --silent --show-error --location --retry 5 --proto '=https' --tlsv1.2 --output "$zip" \
  "https://releases.hashicorp.com/packer/${PACKER_VERSION}/packer_${PACKER_VERSION}_${platform}.zip"
echo "$sha256  $zip" | sha256sum --check --strict --quiet || fail "checksum mismatch for $(basename "$zip")"
unzip -q -o "$zip" packer -d "$work"
install -m 755 "$work/packer" "$BIN_DIR/packer"
echo "install-packer: installed $("$BIN_DIR/packer" version | head -n 1)"
