package dev.cloudbench.functions.aws;

import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.RemoteShellPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidCommandIdException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * SSM Run Command as the remote shell. The script goes to the instance gzipped and base64-encoded
 * (so no character of it is ever read by another shell than the bash that runs it), is written to a file
 * and run with bash in {@value #WORK_DIR}; stdout and stderr go to the results bucket under the
 * target's logs prefix.
 *
 * <p>AWS operations: DescribeInstanceInformation, SendCommand (document AWS-RunShellScript),
 * GetCommandInvocation, ListCommands; {@code s3:GetObject} on the logs for stderr's tail.
 */
public final class SsmShell implements RemoteShellPort {
    static final String DOCUMENT = "AWS-RunShellScript";
    static final String WORK_DIR = "/var/lib/cloudbench";
    /** How long after SendCommand a missing invocation still means "not delivered yet". */
    static final Duration DELIVERY_GRACE = Duration.ofMinutes(2);
    /** SSM gives up on delivering a command that has not started by then. */
    static final int DELIVERY_TIMEOUT_SECONDS = 600;
    private static final int TAIL_BYTES = 4096;

    private final SsmClient ssm;
    private final S3ResultStore logs;
    private final Clock clock;

    /** @param logs the result store the command output goes to (its bucket) */
    public SsmShell(SsmClient ssm, S3ResultStore logs, Clock clock) {
        this.ssm = ssm;
        this.logs = logs;
        this.clock = clock;
    }

    @Override
    public boolean isReady(String instanceId) {
        return ssm.describeInstanceInformationPaginator(r -> r.filters(InstanceInformationStringFilter.builder()
                        .key("InstanceIds").values(instanceId).build()))
                .instanceInformationList().stream()
                .anyMatch(i -> instanceId.equals(i.instanceId()) && i.pingStatus() == PingStatus.ONLINE);
    }

    @Override
    public String start(String instanceId, String script, int timeoutSeconds, String logPrefix) {
        String prefix = logPrefix.endsWith("/") ? logPrefix.substring(0, logPrefix.length() - 1) : logPrefix;
        try {
            return ssm.sendCommand(r -> r.instanceIds(instanceId)
                            .documentName(DOCUMENT)
                            .comment(comment(prefix))
                            .timeoutSeconds(DELIVERY_TIMEOUT_SECONDS)
                            .parameters(Map.of("commands", commands(script),
                                    "executionTimeout", List.of(Integer.toString(timeoutSeconds))))
                            .outputS3BucketName(logs.bucket())
                            .outputS3KeyPrefix(prefix))
                    .command().commandId();
        } catch (InvalidInstanceIdException e) {
            throw new InstanceInterruptedException("instance " + instanceId + " cannot take commands: "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }

    /**
     * AWS-RunShellScript hands its lines to {@code sh}; these lines only unpack the script and
     * hand it to bash. SSM runs commands without HOME, which git and many build tools need.
     * {@code CB_CONFINE=1} tells the script it runs on the AWS path: as root on an instance whose role
     * it must keep from the suite, so it runs the suite as an unprivileged user or not at all.
     */
    static List<String> commands(String script) {
        return commands(script, WORK_DIR);
    }

    /** As {@link #commands(String)}, in {@code workDir} (tests run the real lines in a directory of their own). */
    static List<String> commands(String script, String workDir) {
        return List.of("set -e",
                "export HOME=\"${HOME:-/root}\"",
                "export CB_CONFINE=1",
                "mkdir -p " + workDir + " && chmod 755 " + workDir + " && cd " + workDir,
                "echo '" + gzipBase64(script) + "' | base64 -d | gunzip > cloudbench.sh",
                "exec bash cloudbench.sh");
    }

    /** Compressed, since SendCommand limits the size of its parameters and scripts compress well. */
    private static String gzipBase64(String script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String comment(String prefix) {
        String c = "cloudbench " + prefix;
        return c.length() <= 100 ? c : c.substring(c.length() - 100);
    }

    /**
     * @throws InstanceInterruptedException the instance is gone, or stopped answering before the
     *                                      command reached it
     */
    @Override
    public CommandStatus status(String instanceId, String commandId) {
        GetCommandInvocationResponse invocation;
        try {
            invocation = ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId));
        } catch (InvocationDoesNotExistException e) {
            return notYetDelivered(instanceId, commandId);
        } catch (InvalidInstanceIdException e) {
            throw new InstanceInterruptedException("instance " + instanceId + " is gone: "
                    + e.awsErrorDetails().errorMessage(), e);
        }
        String details = invocation.statusDetails() == null ? "" : invocation.statusDetails();
        if (details.equals("Undeliverable") || details.equals("DeliveryTimedOut")) {
            throw new InstanceInterruptedException("instance " + instanceId + " stopped answering SSM ("
                    + details + ")");
        }
        Integer exit = invocation.responseCode() == null || invocation.responseCode() < 0 ? null
                : invocation.responseCode();
        return switch (invocation.statusAsString()) {
            case "Pending", "Delayed" -> new CommandStatus(CommandStatus.State.PENDING, null, "");
            case "InProgress", "Cancelling" -> new CommandStatus(CommandStatus.State.RUNNING, null, "");
            case "Success" -> new CommandStatus(CommandStatus.State.SUCCEEDED, exit, "");
            case "Cancelled" -> new CommandStatus(CommandStatus.State.CANCELLED, exit, "");
            case "TimedOut" -> new CommandStatus(CommandStatus.State.TIMED_OUT, exit, stderrTail(invocation));
            case "Failed" -> new CommandStatus(CommandStatus.State.FAILED, exit, stderrTail(invocation));
            default -> throw new IllegalStateException("SSM reported an unknown status '"
                    + invocation.statusAsString() + "' for command " + commandId);
        };
    }

    /** GetCommandInvocation lags SendCommand a little: a fresh command is still pending. */
    private CommandStatus notYetDelivered(String instanceId, String commandId) {
        List<Command> commands;
        try {
            commands = ssm.listCommands(r -> r.commandId(commandId)).commands();
        } catch (InvalidCommandIdException e) {
            commands = List.of();
        }
        Instant sent = commands.isEmpty() ? null : commands.get(0).requestedDateTime();
        if (sent != null && sent.plus(DELIVERY_GRACE).isAfter(clock.instant())) {
            return new CommandStatus(CommandStatus.State.PENDING, null, "");
        }
        throw new InstanceInterruptedException("command " + commandId + " never reached instance " + instanceId
                + (sent == null ? " (SSM does not know the command)" : " (sent " + sent + ")"));
    }

    /**
     * SSM's StandardErrorContent holds the first 8,000 characters; the cause of a failure is at the
     * end, so the tail is read from the complete output in S3 when it is there.
     */
    private String stderrTail(GetCommandInvocationResponse invocation) {
        String inline = invocation.standardErrorContent() == null ? "" : invocation.standardErrorContent();
        return keyInBucket(invocation.standardErrorUrl()).flatMap(key -> logs.tail(key, TAIL_BYTES)).orElse(inline);
    }

    /** The key of an S3 URL of the results bucket, path-style as SSM writes them. */
    Optional<String> keyInBucket(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String host = uri.getHost() == null ? "" : uri.getHost();
        String marker = "/" + logs.bucket() + "/";
        if (path.startsWith(marker)) {
            return Optional.of(path.substring(marker.length()));
        }
        if (host.startsWith(logs.bucket() + ".s3") && path.length() > 1) {
            return Optional.of(path.substring(1));
        }
        return Optional.empty();
    }
}
