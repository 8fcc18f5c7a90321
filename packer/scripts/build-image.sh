#!/usr/bin/env bash
# CodeBuild's build step: builds the image for the one architecture StartBuild asked for, tagged
# with the fingerprint. Skips the build when an available image with that fingerprint already
# exists (a retried or duplicated build must not make a second image).
#
# Environment: ARCHITECTURE (x86_64 | arm64), FINGERPRINT (hex SHA-256), STACK_NAME, AWS_REGION;
# optional BUILDER_SUBNET_ID for accounts without a default VPC. Runs from the packer/ directory.
set -euo pipefail

fail() {
  echo "build-image: $*" >&2
  exit 2
}

case "${ARCHITECTURE:-}" in
  x86_64) source_name=amazon-ebs.x86-build ;;
  arm64) source_name=amazon-ebs.arm-build ;;
  *) fail "ARCHITECTURE must be x86_64 or arm64, not '${ARCHITECTURE:-}'" ;;
esac
[[ "${FINGERPRINT:-}" =~ ^[0-9a-f]{64}$ ]] || fail "FINGERPRINT must be a lowercase hex SHA-256, not '${FINGERPRINT:-}'"
[[ "${STACK_NAME:-}" =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]] || fail "STACK_NAME must be a CloudFormation stack name, not '${STACK_NAME:-}'"
[[ -n "${AWS_REGION:-}" ]] || fail "AWS_REGION is not set"

existing="$(aws ec2 describe-images --region "$AWS_REGION" --owners self \
  --filters "Name=tag:cloudbench:fingerprint,Values=$FINGERPRINT" \
  "Name=tag:cloudbench:architecture,Values=$ARCHITECTURE" "Name=state,Values=available" \
  --query 'Images[0].ImageId' --output text)"
if [[ "$existing" == ami-* ]]; then
  echo "build-image: $existing already holds $ARCHITECTURE image $FINGERPRINT; nothing to build"
  exit 0
fi

args=(
  -color=false
  -timestamp-ui
  "-only=$source_name"
  -var "region=$AWS_REGION"
  -var "architecture=$ARCHITECTURE"
  -var "fingerprint=$FINGERPRINT"
  -var "stack_name=$STACK_NAME"
)
if [[ -n "${BUILDER_SUBNET_ID:-}" ]]; then
  args+=(-var "subnet_id=$BUILDER_SUBNET_ID")
fi

echo "build-image: building $source_name for $FINGERPRINT in $AWS_REGION (stack $STACK_NAME)"
exec packer build "${args[@]}" .
