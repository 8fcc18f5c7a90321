package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.testing.Hyperfine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's "Done when": a hostile suite on a real AWS-path script. Its setup and commands try to
 * take the instance's credentials from metadata, to read a root-only file (directly and through a
 * symlink that root uploads), and to overwrite this run's request.json and another target's results
 * in the bucket. The script runs as root, as SSM runs it, inside a network and mount namespace the
 * test makes ({@link HostileInstance}): the firewall rule is real but the namespace's, as are the
 * metadata address and /etc (for the user the script creates). Needs root, unshare, ip, iptables
 * and ip6tables, setpriv, useradd and curl (hyperfine is found or provisioned as for cloudbench local); without them the test is reported as not run,
 * loudly, never passed.
 */
class HostileSuiteTest {
    private static final String SECRET = "ROOT-ONLY-SECRET-" + Long.toHexString(System.nanoTime());
    private static final List<String> TOOLS = List.of("unshare", "ip", "iptables", "ip6tables", "setpriv", "useradd",
            "curl", "mount");

    @TempDir
    Path dir;

    @Test
    void aHostileSuite_leavesTheRunsRecordsIntact_takesNoCredentials_andItsOwnResultsArrive() throws Exception {
        preconditions();
        Files.writeString(dir.resolve("suite.json"), SUITE);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("aws"), FAKE_AWS);
        Files.setPosixFilePermissions(bin.resolve("aws"), PosixFilePermissions.fromString("rwxr-xr-x"));
        // hyperfine as cloudbench local finds it (PATH, else provisioned into root's cache); copied
        // where the suite's unprivileged user can run it, as the image's /usr/bin/hyperfine is.
        Files.copy(Hyperfine.dir().resolve("hyperfine"), bin.resolve("hyperfine"));
        Files.setPosixFilePermissions(bin.resolve("hyperfine"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String hostFirewall = hostFirewall();

        int exit = namespace();

        assertThat(hostFirewall()).as("the host's own firewall").isEqualTo(hostFirewall);
        String stdout = read("stdout.txt");
        String stderr = read("stderr.txt");
        assertThat(exit).as("harness exit; script stdout:%n%s%nstderr:%n%s", stdout, stderr).isZero();
        assertThat(read("exit.txt")).as("script exit; stdout:%n%s%nstderr:%n%s", stdout, stderr).isEqualTo("0");
        assertThat(stdout).contains("cloudbench: the suite runs as cbench");
        assertThat(read("iptables.txt")).contains("-d 169.254.169.254/32 -m owner --uid-owner",
                "-d fd00:ec2::254/128 -m owner --uid-owner");

        Map<String, byte[]> bucket = objects("bucket.json");
        // The records are byte for byte what they were: this run's request and plan, another
        // target's results, another run's request.
        Map<String, byte[]> seeded = objects("seeded.json");
        assertThat(seeded).containsKeys(StoreLayout.request(HostileInstance.RUN), StoreLayout.plan(HostileInstance.RUN),
                StoreLayout.raw(HostileInstance.RUN, HostileInstance.OTHER_TARGET, "first"),
                StoreLayout.request("another-run"));
        seeded.forEach((key, bytes) -> assertThat(bucket.get(key)).as(key).isEqualTo(bytes));
        assertThat(read("denied.txt")).as("the suite's writes, refused by the inbox policy")
                .contains("PUT runs/" + HostileInstance.RUN + "/request.json by null",
                        "PUT runs/" + HostileInstance.RUN + "/targets/" + HostileInstance.OTHER_TARGET
                                + "/raw/first.json by null");
        String inbox = StoreLayout.inbox(TestAws.INSTANCE_ROLE_ID + ":" + HostileInstance.INSTANCE);
        assertThat(bucket.keySet()).as("what the instance could write").filteredOn(k -> !k.startsWith("runs/")
                && !k.startsWith("logs/")).allMatch(k -> k.startsWith(inbox));

        // No credential, token or root-only byte anywhere in the bucket, the output or what the suite kept.
        List<String> secrets = List.of(HostileInstance.SECRET_KEY, HostileInstance.SESSION_TOKEN,
                HostileInstance.ACCESS_KEY, HostileInstance.IMDS_TOKEN, SECRET);
        bucket.forEach((key, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(key)
                .doesNotContain(secrets));
        assertThat(stdout + stderr).doesNotContain(secrets);
        Path work = dir.resolve("instance/cloudbench-work");
        for (String stolen : List.of("token.txt", "creds.txt", "secret.txt")) {
            assertThat(Files.readString(work.resolve(stolen))).as(stolen).doesNotContain(secrets);
        }
        // Root reached metadata (the spot notice), the suite did not; the symlink uploaded nothing.
        assertThat(bucket).containsKey(inbox + "env/spot-instance-action.txt");
        assertThat(bucket.get(inbox + "raw/zzz-secret.json")).as("the symlink to a root-only file, uploaded").isEmpty();
        assertThat(Files.readString(dir.resolve("instance/cloudbench-own/progress.json"))).doesNotContain("evil");

        // The suite's own results arrived, through the inbox, into the run.
        assertThat(bucket).containsKeys(inbox + "raw/first.json", inbox + "raw/steal.json",
                StoreLayout.raw(HostileInstance.RUN, HostileInstance.TARGET, "first"),
                StoreLayout.raw(HostileInstance.RUN, HostileInstance.TARGET, "steal"),
                StoreLayout.progress(HostileInstance.RUN, HostileInstance.TARGET));
        assertThat(bucket).doesNotContainKey(StoreLayout.target(HostileInstance.RUN, HostileInstance.TARGET)
                + "raw/zzz-secret.json");
    }

    /** Root, the tools, and namespaces this kernel lets us make; else a loud "not run". */
    private static void preconditions() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!"0".equals(capture("id", "-u").strip())) {
            missing.add("root (the test makes namespaces and a user; CI runs as root)");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty() && new ProcessBuilder("unshare", "--net", "--mount", "true").start().waitFor() != 0) {
            missing.add("permission to create network and mount namespaces");
        }
        String message = "NOT RUN: the hostile-suite boundary test needs " + missing
                + " (Debian: apt-get install iptables util-linux passwd iproute2 curl)";
        if (!missing.isEmpty()) {
            System.err.println("HostileSuiteTest " + message);
        }
        assumeTrue(missing.isEmpty(), message);
    }

    /** Runs {@link HostileInstance} in new network and mount namespaces, with a private copy of /etc. */
    private int namespace() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The copy of /etc lives outside the test's directory: its symlinks point out of it, and JUnit
        // warns about each when it cleans up.
        Path etc = Files.createTempDirectory("cloudbench-hostile-etc");
        String setup = String.join(" && ", "set -e",
                "cp -a /etc/. \"$ETC/\"", "mount --bind \"$ETC\" /etc", "mount -t tmpfs tmpfs /var/log",
                "printf '%s\\n' \"$SECRET\" > /etc/cloudbench-test-secret", "chmod 600 /etc/cloudbench-test-secret",
                "exec \"$JAVA\" -cp \"$CP\" " + HostileInstance.class.getName() + " \"$T\"");
        ProcessBuilder pb = new ProcessBuilder("unshare", "--net", "--mount", "--propagation", "private", "--fork",
                "sh", "-c", setup).redirectErrorStream(true).redirectOutput(dir.resolve("harness.txt").toFile());
        pb.environment().put("T", dir.toString());
        pb.environment().put("ETC", etc.toString());
        pb.environment().put("SECRET", SECRET);
        pb.environment().put("JAVA", java);
        pb.environment().put("CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        new ProcessBuilder("rm", "-rf", "--", etc.toString()).start().waitFor();
        if (!ended) {
            throw new AssertionError("the namespace did not end in 300 s: " + read("harness.txt"));
        }
        if (p.exitValue() != 0) {
            System.err.println(read("harness.txt"));
        }
        return p.exitValue();
    }

    private Map<String, byte[]> objects(String file) throws IOException {
        Map<String, String> encoded = Json.payload().readValue(dir.resolve(file).toFile(),
                new TypeReference<Map<String, String>>() { });
        Map<String, byte[]> out = new TreeMap<>();
        encoded.forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
        return out;
    }

    private String read(String file) throws IOException {
        Path f = dir.resolve(file);
        return Files.exists(f) ? Files.readString(f).strip() : "(no " + file + ")";
    }

    private static String hostFirewall() throws IOException, InterruptedException {
        return capture("iptables", "-S") + capture("ip6tables", "-S");
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)))
                || Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static String capture(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    /**
     * Setup and commands that try everything a suite should not manage. {@code @S3@} becomes the S3
     * stand-in's bucket URL, {@code @RUN@} the run, {@code @OTHER@} another target; each attempt ends
     * in {@code || true} so that the suite runs on and its own results can be checked.
     */
    private static final String SUITE = """
            {"name":"hostile","warmup":0,"runs":2,
             "setup":[
               "ln -sf /etc/cloudbench-test-secret raw/zzz-secret.json",
               "curl -s -m 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' http://169.254.169.254/latest/api/token > token.txt || true",
               "curl -s -m 2 http://169.254.169.254/latest/meta-data/iam/security-credentials/cb-test-instance-role > creds.txt || true",
               "cat /etc/cloudbench-test-secret /etc/shadow > secret.txt 2>/dev/null || true",
               "echo '{\\"hijacked\\":true}' > evil.json",
               "aws s3 cp - s3://@S3@/runs/@RUN@/request.json < evil.json || true",
               "curl -s -m 5 -X PUT --data-binary @evil.json @S3@/runs/@RUN@/request.json || true",
               "curl -s -m 5 -X PUT --data-binary @evil.json @S3@/runs/@RUN@/targets/@OTHER@/raw/first.json || true",
               "echo evil > ../cloudbench-own/progress.json 2>/dev/null || true",
               "sleep 7"],
             "benchmarks":[{"name":"first","command":"true"},
                           {"name":"steal","command":"cat /etc/cloudbench-test-secret 2>/dev/null; true"}]}""";

    /**
     * {@code aws s3 cp [options] - s3://BUCKET/KEY} as the real CLI does it on EC2: credentials from
     * instance metadata (IMDSv2), then one signed PUT — here to the S3 stand-in, whose policy reads
     * the access key id of the signature.
     */
    private static final String FAKE_AWS = """
            #!/bin/sh
            set -eu
            dest=""
            for a in "$@"; do case "$a" in s3://*) dest="${a#s3://}" ;; esac; done
            [ -n "$dest" ] || { echo "aws (test): no s3:// destination" >&2; exit 2; }
            case "$dest" in http*) url="$dest" ;; *) url="$AWS_ENDPOINT_URL_S3/$dest" ;; esac
            imds=http://169.254.169.254/latest
            token=$(curl -sf -m 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' "$imds/api/token") ||
              { echo "aws (test): unable to locate credentials" >&2; exit 253; }
            role=$(curl -sf -m 2 -H "X-aws-ec2-metadata-token: $token" "$imds/meta-data/iam/security-credentials/")
            creds=$(curl -sf -m 2 -H "X-aws-ec2-metadata-token: $token" "$imds/meta-data/iam/security-credentials/$role")
            key=$(printf '%s' "$creds" | sed -n 's/.*"AccessKeyId":"\\([^"]*\\)".*/\\1/p')
            curl -sf -m 10 -X PUT --data-binary @- -o /dev/null \\
              -H "Authorization: AWS4-HMAC-SHA256 Credential=$key/20260301/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0" \\
              "$url"
            """;
}
