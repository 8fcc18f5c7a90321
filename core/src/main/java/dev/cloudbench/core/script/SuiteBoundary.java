package dev.cloudbench.core.script;

import static dev.cloudbench.core.script.ExitCodes.EXIT_SETUP;

/**
 * The part of every generated script that decides who runs the suite, and keeps the suite away
 * from what the instance holds.
 *
 * <p>On the AWS path (SSM runs the script as root and sets {@code CB_CONFINE=1}), and whenever the
 * script runs as root on EC2, the clone, the setup and every benchmark run as {@value #USER}, an
 * unprivileged system user the script creates if the image lacks it, with a clean environment (no
 * {@code AWS_*} variables). An owner-match firewall rule drops that user's packets to the instance
 * metadata service (169.254.169.254 and fd00:ec2::254), so the suite cannot fetch the instance
 * role's credentials, which exist nowhere else on the machine (the CLI takes them from IMDS). The
 * script checks that the rule holds before it runs anything of the suite's, and refuses to run the
 * suite as root when it cannot confine it.
 *
 * <p>Uploads stay with root, but root never opens a path the suite controls: {@code upload FILE KEY}
 * reads FILE as the suite's user ({@code as_suite cat}), so a symlink to a root-only file uploads
 * nothing, and root writes only under {@code $CB_OWN}, a directory the suite cannot write.
 *
 * <p>Anywhere else (a laptop, CI, {@code cloudbench local}) the suite runs as the caller, as it always
 * did, and the script says so.
 *
 * <p>On a spot instance a background watcher (root) polls the two-minute interruption notice
 * ({@code spot/instance-action}) every {@value #WATCH_SECONDS} s and, when it appears, uploads the
 * notice, the progress and every export that exists, so the task that sees the reclaim has them.
 */
final class SuiteBoundary {
    /** The suite's user on instances; packer/scripts/install-deps.sh creates it in the image too. */
    static final String USER = "cbench";
    static final int WATCH_SECONDS = 5;

    private SuiteBoundary() {
    }

    /** Functions {@code as_suite}, {@code upload} and {@code imds}; to be followed by {@link #decide}. */
    static void functions(StringBuilder s) {
        s.append("# as_suite COMMAND...: runs COMMAND as the suite's user when confined, else as the caller;\n")
                .append("# CB_ENV holds a variant's variables.\n")
                .append("as_suite() {\n")
                .append("  if [ -n \"$CB_UID\" ]; then\n")
                .append("    setpriv --reuid=\"$CB_UID\" --regid=\"$CB_GID\" --init-groups --no-new-privs -- env -i"
                        + " PATH=\"$PATH\" HOME=\"$CB_HOME\" USER=" + USER + " LOGNAME=" + USER + " LC_ALL=C"
                        + " ${CB_ENV[@]+\"${CB_ENV[@]}\"} \"$@\"\n")
                .append("  else\n")
                .append("    env ${CB_ENV[@]+\"${CB_ENV[@]}\"} \"$@\"\n")
                .append("  fi\n")
                .append("}\n")
                .append("# upload FILE KEY: FILE is read as the suite's user, so root never follows the suite's symlinks;\n")
                .append("# store_put runs outside the suite's directories.\n")
                .append("upload() { as_suite cat -- \"$1\" | (cd / && store_put \"$2\"); }\n")
                .append("# imds PATH: a GET through an IMDSv2 token, one-second timeouts.\n")
                .append("imds() {\n")
                .append("  local token\n")
                .append("  token=$(curl -sf -m 1 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60'"
                        + " http://169.254.169.254/latest/api/token) &&\n")
                .append("    curl -sf -m 1 -H \"X-aws-ec2-metadata-token: $token\" \"http://169.254.169.254/latest/$1\"\n")
                .append("}\n")
                .append("on_ec2() { grep -qs 'Amazon EC2' /sys/devices/virtual/dmi/id/sys_vendor"
                        + " || grep -qs '^ec2' /sys/hypervisor/uuid; }\n");
    }

    /** Creates the user and the firewall rule, checks them, and starts the interruption watcher. */
    static void decide(StringBuilder s) {
        s.append("# block_metadata TOOL ADDRESS: drop the suite user's packets to instance metadata (idempotent).\n")
                .append("block_metadata() {\n")
                .append("  \"$1\" -w -C OUTPUT -d \"$2\" -m owner --uid-owner \"$CB_UID\" -j DROP 2>/dev/null ||\n")
                .append("    \"$1\" -w -I OUTPUT 1 -d \"$2\" -m owner --uid-owner \"$CB_UID\" -j DROP\n")
                .append("}\n")
                .append("confine() {\n")
                .append("  [ \"$(id -u)\" -eq 0 ] || { echo 'cloudbench: confining the suite needs root' >&2; return 1; }\n")
                .append("  id -u " + USER + " >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent"
                        + " --shell /usr/sbin/nologin " + USER + " || return 1\n")
                .append("  CB_UID=$(id -u " + USER + ") && CB_GID=$(id -g " + USER + ") && [ \"$CB_UID\" -ne 0 ] || return 1\n")
                .append("  block_metadata iptables 169.254.169.254 || return 1\n")
                .append("  if [ -e /proc/net/if_inet6 ]; then block_metadata ip6tables fd00:ec2::254 || return 1; fi\n")
                .append("  install -d -o \"$CB_UID\" -g \"$CB_GID\" -m 0755 \"$CB_WORK\" \"$CB_HOME\" || return 1\n")
                .append("  if as_suite curl -s -m 1 -o /dev/null -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 1'"
                        + " http://169.254.169.254/latest/api/token; then\n")
                .append("    echo 'cloudbench: the suite user still reaches instance metadata' >&2\n")
                .append("    return 1\n")
                .append("  fi\n")
                .append("}\n")
                .append("# watch_spot: the two-minute notice of a spot reclaim; uploads what exists when it comes.\n")
                .append("watch_spot() {\n")
                .append("  local action=\"$CB_OWN/env/spot-instance-action.txt\" f\n")
                .append("  while sleep ").append(WATCH_SECONDS).append("; do\n")
                .append("    if imds meta-data/spot/instance-action > \"$action\"; then\n")
                .append("      upload \"$action\" \"${CB_PREFIX}env/spot-instance-action.txt\"\n")
                .append("      upload \"$CB_OWN/progress.json\" \"${CB_PREFIX}progress.json\"\n")
                .append("      for f in \"$CB_WORK\"/raw/*.json \"$CB_WORK\"/raw/*/*.json; do\n")
                .append("        if [ -f \"$f\" ]; then upload \"$f\" \"${CB_PREFIX}${f#\"$CB_WORK\"/}\"; fi\n")
                .append("      done\n")
                .append("      return 0\n")
                .append("    fi\n")
                .append("  done\n")
                .append("}\n")
                .append("if [ \"${CB_CONFINE:-0}\" = 1 ] || { [ \"$(id -u)\" -eq 0 ] && on_ec2; }; then\n")
                .append("  confine || fail failed setup ").append(EXIT_SETUP)
                .append(" 'cannot run the suite as an unprivileged user without instance metadata; refusing to run it as root'\n")
                .append("  echo \"cloudbench: the suite runs as " + USER + " (uid $CB_UID), without instance metadata\"\n")
                .append("  if [ \"$(imds meta-data/instance-life-cycle)\" = spot ]; then\n")
                .append("    watch_spot </dev/null >/dev/null 2>&1 &\n")
                .append("    CB_WATCHER=$!\n")
                .append("    trap 'kill \"$CB_WATCHER\" 2>/dev/null' EXIT\n")
                .append("  fi\n")
                .append("else\n")
                .append("  echo \"cloudbench: the suite runs as $(id -un), not confined (confined only as root on EC2)\"\n")
                .append("fi\n");
    }
}
