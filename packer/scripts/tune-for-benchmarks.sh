#!/usr/bin/env bash
# Benchmark hygiene for the image: nothing the OS schedules by itself may run during a measurement.
# No package upgrades or snap refreshes, no periodic maintenance timers, the `performance` CPU
# governor wherever the instance exposes frequency scaling, and no SSH daemon (instances are reached
# through SSM only). Runs as root on the Packer builder; idempotent.
set -euo pipefail

# Units that wake up on a timer to download, upgrade or index: each can steal a core or the disk
# in the middle of a run. Masked, so that nothing (not even a package's postinst) starts them.
QUIET_UNITS=(
  unattended-upgrades.service
  apt-daily.timer apt-daily.service
  apt-daily-upgrade.timer apt-daily-upgrade.service
  motd-news.timer motd-news.service
  man-db.timer man-db.service
  update-notifier-download.timer update-notifier-motd.timer
  fwupd-refresh.timer
  ua-timer.timer
  ondemand.service
)

GOVERNOR_SCRIPT=/usr/local/sbin/cloudbench-cpu-governor
GOVERNOR_UNIT=/etc/systemd/system/cloudbench-cpu-governor.service

log() { echo "tune-for-benchmarks: $*"; }

disable_automatic_updates() {
  # Stopping can fail for units that do not exist on this release; masking cannot.
  systemctl stop "${QUIET_UNITS[@]}" 2>/dev/null || true
  systemctl disable "${QUIET_UNITS[@]}" 2>/dev/null || true
  systemctl mask "${QUIET_UNITS[@]}"
  # Belt and braces for anything that runs apt's periodic jobs without the timers.
  cat >/etc/apt/apt.conf.d/20auto-upgrades <<'EOF'
// cloudbench: no automatic package activity on benchmark machines.
APT::Periodic::Update-Package-Lists "0";
APT::Periodic::Download-Upgradeable-Packages "0";
APT::Periodic::AutocleanInterval "0";
APT::Periodic::Unattended-Upgrade "0";
EOF
  log "masked ${#QUIET_UNITS[@]} units; automatic apt activity off"
}

hold_snaps() {
  # Without a duration the hold lasts until released: snapd never refreshes a snap on its own.
  snap refresh --hold
  log "snap refreshes held: $(snap get system refresh.hold 2>/dev/null || echo forever)"
}

install_governor_unit() {
  cat >"$GOVERNOR_SCRIPT" <<'EOF'
#!/bin/sh
# cloudbench: sets the `performance` governor on every CPU that offers it, at boot.
set -eu
for cpufreq in /sys/devices/system/cpu/cpu[0-9]*/cpufreq; do
  [ -w "$cpufreq/scaling_governor" ] || continue
  if grep -qw performance "$cpufreq/scaling_available_governors" 2>/dev/null; then
    echo performance >"$cpufreq/scaling_governor"
  fi
done
EOF
  chmod 755 "$GOVERNOR_SCRIPT"
  cat >"$GOVERNOR_UNIT" <<EOF
[Unit]
Description=cloudbench: performance CPU governor for stable measurements
ConditionPathExists=/sys/devices/system/cpu/cpu0/cpufreq

[Service]
Type=oneshot
ExecStart=$GOVERNOR_SCRIPT
RemainAfterExit=yes

[Install]
WantedBy=multi-user.target
EOF
  systemctl daemon-reload
  systemctl enable cloudbench-cpu-governor.service
  # The builder itself may not expose frequency scaling: the condition makes this a no-op there.
  systemctl start cloudbench-cpu-governor.service
  log "cloudbench-cpu-governor.service enabled"
}

disable_ssh() {
  # Packer's session keeps running: disabling only affects the next boot, which is an instance
  # launched from the image. SSM Session Manager is the way in.
  systemctl disable ssh.service ssh.socket 2>/dev/null || true
  log "sshd disabled for instances of this image"
}

main() {
  [ "$(id -u)" -eq 0 ] || {
    echo "tune-for-benchmarks: run as root" >&2
    exit 1
  }
  disable_automatic_updates
  hold_snaps
  install_governor_unit
  disable_ssh
}

main "$@"
