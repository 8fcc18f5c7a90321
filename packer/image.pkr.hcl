# The cloudbench benchmark image: Ubuntu LTS from Canonical plus the pinned toolchains the suites
# need (scripts/install-deps.sh), tuned for quiet measurements (scripts/tune-for-benchmarks.sh).
#
# Built by CodeBuild (buildspec.yml) for one architecture at a time:
#   packer build -only=amazon-ebs.x86-build|amazon-ebs.arm-build -var fingerprint=... .
# The state machine finds the result with DescribeImages: owner self, state available, tag
# cloudbench:fingerprint = the fingerprint of these sources.

packer {
  required_version = ">= 1.10.0"
  required_plugins {
    amazon = {
      # Exact pin: `packer init` checks the download against the release's SHA256SUMS.
      version = "1.3.6"
      source  = "github.com/hashicorp/amazon"
    }
  }
}

variable "region" {
  type        = string
  description = "AWS region to build in (CodeBuild passes AWS_REGION)."
  default     = "us-east-1"
}

variable "architecture" {
  type        = string
  description = "The architecture this build was asked for: x86_64 or arm64. Each source checks that it builds this one."
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "The architecture must be x86_64 or arm64."
  }
}

variable "fingerprint" {
  type        = string
  description = "Hex SHA-256 of the Packer sources; the AMI is tagged with it and found by it."

  validation {
    # trim() rather than regex(): Packer before 1.7 (Debian's, used by the offline tests) has no regex.
    condition     = length(var.fingerprint) == 64 && trim(var.fingerprint, "0123456789abcdef") == ""
    error_message = "The fingerprint must be a lowercase hex SHA-256 (64 characters)."
  }
}

variable "stack_name" {
  type        = string
  description = "The SAM stack that owns the image and the builder (tag cloudbench:stack)."
  default     = "cloudbench"
}

variable "x86_instance_type" {
  type        = string
  description = "Instance type of the temporary x86_64 builder."
  default     = "c7i.large"
}

variable "arm_instance_type" {
  type        = string
  description = "Instance type of the temporary arm64 (Graviton) builder."
  default     = "c7g.large"
}

variable "encrypted" {
  type        = bool
  description = "Encrypt the builder's root volume, and so the AMI's snapshot."
  default     = true
}

variable "kms_key_id" {
  type        = string
  description = "KMS key for the encrypted volume; empty means the account's default EBS key."
  default     = ""
}

variable "volume_size" {
  type        = number
  description = "Root volume size in GiB (toolchains plus room for the suites' builds). CodeBuild sets the stack's RootVolumeGiB (PKR_VAR_volume_size)."
  default     = 30
}

variable "vpc_id" {
  type        = string
  description = "VPC of the builder; empty means the default VPC. CodeBuild sets the stack's VpcId (PKR_VAR_vpc_id)."
  default     = ""
}

variable "subnet_id" {
  type        = string
  description = "Subnet for the builder, in vpc_id; empty means a default subnet of the default VPC. CodeBuild sets the stack's first subnet (PKR_VAR_subnet_id)."
  default     = ""
}

variable "builder_lifetime_minutes" {
  type        = number
  description = "How long the builder may live: its cloudbench:deadline for the sweeper, and its own shutdown timer."
  default     = 180
}

locals {
  started_at = timestamp()
  # ISO-8601 UTC instant (RFC 3339, e.g. 2026-01-01T03:00:00Z): the sweeper terminates any
  # builder still running after it, whatever happened to Packer or CodeBuild.
  deadline = timeadd(local.started_at, "${var.builder_lifetime_minutes}m")
  suffix   = formatdate("YYYYMMDDhhmmss", local.started_at)

  canonical_owner = "099720109477"
  ubuntu_release  = "ubuntu-noble-24.04"

  # Tags of the temporary builder instance and its volumes, for the sweeper. The amazon plugin
  # also puts run_tags on everything else it creates (the network interface, the temporary key
  # pair and security group, the AMI and snapshot at CreateImage): the CodeBuild role may create
  # only what carries cloudbench:stack, and change or delete only what already does.
  builder_tags = {
    "cloudbench:stack"       = var.stack_name
    "cloudbench:role"        = "image-build"
    "cloudbench:deadline"    = local.deadline
    "cloudbench:fingerprint" = var.fingerprint
  }

  # Tags of the AMI and its snapshots: how the state machine finds the image. The plugin copies
  # run_tags onto the AMI too, so cloudbench:role is overridden here; a stale cloudbench:deadline
  # on an AMI is harmless (the sweeper only looks at instances).
  image_tags = {
    "cloudbench:stack"       = var.stack_name
    "cloudbench:role"        = "benchmark-image"
    "cloudbench:fingerprint" = var.fingerprint
    "cloudbench:base-ami"    = "{{ .SourceAMIName }}"
  }

  # Builder access: Packer's own temporary key pair and a temporary security group that admits
  # SSH only from the public address CodeBuild connects from, both deleted at the end of the
  # build (the key is also removed from the image). Session Manager (ssh_interface =
  # "session_manager") would avoid the inbound rule, but needs the session-manager-plugin
  # installed unverified in CodeBuild, an instance profile passed to the builder, and
  # ssm:StartSession for CodeBuild; for a builder that lives minutes and never runs a benchmark,
  # the narrower rule is the better trade. Benchmark instances get no key and no inbound rule,
  # and sshd is disabled in the image (scripts/tune-for-benchmarks.sh).
  ssh_username = "ubuntu"

  # Second line of defence behind the sweeper: the builder powers itself off at its deadline,
  # and shutdown_behavior = "terminate" turns that into a termination. The timer lives in /run,
  # so it does not reach the image.
  builder_user_data = <<-EOT
    #!/bin/sh
    shutdown -h +${var.builder_lifetime_minutes} "cloudbench: image builder deadline"
  EOT
}

# One source per architecture, written out in full: CodeBuild picks one by name (-only), and each
# reads on its own. They differ in instance type, AMI filter and the architecture in names and tags.
source "amazon-ebs" "x86-build" {
  region        = var.region
  instance_type = var.x86_instance_type
  vpc_id        = var.vpc_id
  subnet_id     = var.subnet_id
  # CodeBuild reaches the builder over SSH from outside the VPC: a subnet of a non-default VPC
  # does not hand out public addresses by default.
  associate_public_ip_address = true

  source_ami_filter {
    filters = {
      name                = "ubuntu/images/hvm-ssd-gp3/${local.ubuntu_release}-amd64-server-*"
      architecture        = "x86_64"
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    owners      = [local.canonical_owner]
    most_recent = true
  }

  ami_name        = "cloudbench-x86_64-${var.fingerprint}-${local.suffix}"
  ami_description = "cloudbench benchmark image (x86_64), sources ${var.fingerprint}"
  imds_support    = "v2.0"
  tags            = merge(local.image_tags, { "cloudbench:architecture" = "x86_64", Name = "cloudbench-x86_64" })
  snapshot_tags   = merge(local.image_tags, { "cloudbench:architecture" = "x86_64", Name = "cloudbench-x86_64" })

  run_tags        = merge(local.builder_tags, { "cloudbench:architecture" = "x86_64", Name = "cloudbench-image-build-x86_64" })
  run_volume_tags = merge(local.builder_tags, { "cloudbench:architecture" = "x86_64", Name = "cloudbench-image-build-x86_64" })

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  # Encrypting the launch volume encrypts the AMI's snapshot with the same key, without the
  # extra copy that encrypt_boot would make. gp3 baseline IOPS and throughput, stated so that
  # every instance launched from the image gets the same disk.
  launch_block_device_mappings {
    device_name           = "/dev/sda1"
    volume_type           = "gp3"
    volume_size           = var.volume_size
    iops                  = 3000
    throughput            = 125
    encrypted             = var.encrypted
    kms_key_id            = var.kms_key_id
    delete_on_termination = true
  }

  shutdown_behavior = "terminate"
  user_data         = local.builder_user_data

  communicator                              = "ssh"
  ssh_username                              = local.ssh_username
  ssh_timeout                               = "10m"
  ssh_clear_authorized_keys                 = true
  temporary_security_group_source_public_ip = true
}

source "amazon-ebs" "arm-build" {
  region        = var.region
  instance_type = var.arm_instance_type
  vpc_id        = var.vpc_id
  subnet_id     = var.subnet_id
  # CodeBuild reaches the builder over SSH from outside the VPC: a subnet of a non-default VPC
  # does not hand out public addresses by default.
  associate_public_ip_address = true

  source_ami_filter {
    filters = {
      name                = "ubuntu/images/hvm-ssd-gp3/${local.ubuntu_release}-arm64-server-*"
      architecture        = "arm64"
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    owners      = [local.canonical_owner]
    most_recent = true
  }

  ami_name        = "cloudbench-arm64-${var.fingerprint}-${local.suffix}"
  ami_description = "cloudbench benchmark image (arm64), sources ${var.fingerprint}"
  imds_support    = "v2.0"
  tags            = merge(local.image_tags, { "cloudbench:architecture" = "arm64", Name = "cloudbench-arm64" })
  snapshot_tags   = merge(local.image_tags, { "cloudbench:architecture" = "arm64", Name = "cloudbench-arm64" })

  run_tags        = merge(local.builder_tags, { "cloudbench:architecture" = "arm64", Name = "cloudbench-image-build-arm64" })
  run_volume_tags = merge(local.builder_tags, { "cloudbench:architecture" = "arm64", Name = "cloudbench-image-build-arm64" })

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  launch_block_device_mappings {
    device_name           = "/dev/sda1"
    volume_type           = "gp3"
    volume_size           = var.volume_size
    iops                  = 3000
    throughput            = 125
    encrypted             = var.encrypted
    kms_key_id            = var.kms_key_id
    delete_on_termination = true
  }

  shutdown_behavior = "terminate"
  user_data         = local.builder_user_data

  communicator                              = "ssh"
  ssh_username                              = local.ssh_username
  ssh_timeout                               = "10m"
  ssh_clear_authorized_keys                 = true
  temporary_security_group_source_public_ip = true
}

build {
  sources = [
    "source.amazon-ebs.x86-build",
    "source.amazon-ebs.arm-build",
  ]

  # Scripts run as root with the build's facts in the environment; install-deps.sh refuses to
  # run on a machine of another architecture than CLOUDBENCH_ARCHITECTURE.
  provisioner "shell" {
    execute_command = "sudo env {{ .Vars }} bash '{{ .Path }}'"
    environment_vars = [
      "CLOUDBENCH_ARCHITECTURE=${var.architecture}",
      "CLOUDBENCH_FINGERPRINT=${var.fingerprint}",
      "CLOUDBENCH_SOURCE=${source.name}",
    ]
    scripts = [
      "${path.root}/scripts/install-deps.sh",
      "${path.root}/scripts/tune-for-benchmarks.sh",
      "${path.root}/scripts/finalize-image.sh",
    ]
  }
}
