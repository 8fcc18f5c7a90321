package dev.cloudbench.cli.cloud;

import dev.cloudbench.functions.aws.Ec2Fleet;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * What Ctrl-C does to a run the CLI follows: asks whether to stop it (or stops it without asking),
 * stops the execution, and then watches the run's instances go. StopExecution runs no Catch: the
 * stack's own cleanup layers terminate the instances — the execution-status rule's function at once,
 * the sweeper as the backstop — and this only confirms it, by the run's tag.
 */
public final class RunStopper {
    private final CloudOptions cloud;
    private final String runId;
    private final boolean withoutAsking;
    private final PrintWriter err;

    public RunStopper(CloudOptions cloud, String runId, boolean withoutAsking, PrintWriter err) {
        this.cloud = cloud;
        this.runId = runId;
        this.withoutAsking = withoutAsking;
        this.err = err;
    }

    /** @return whether the run was stopped */
    public boolean interrupted() {
        Stack stack = cloud.stack();
        String arn = stack.executionArn(runId);
        boolean stop = withoutAsking || cloud.prompt(err).confirm("Stop run " + runId
                + "? The stack's cleanup then terminates its instances. [y/N]");
        if (!stop) {
            say("Run " + runId + " goes on in AWS. Follow it: cloudbench status " + runId + " --follow;"
                    + " stop it in the console: " + stack.executionConsoleUrl(arn));
            return false;
        }
        cloud.executions().stop(runId, "cloudbench.Interrupted", "stopped from the cloudbench CLI")
                .ifPresent(refusal -> say("cloudbench: could not stop run " + runId + ": " + refusal));
        say("Stopped run " + runId + ". A stopped execution runs no Catch: the stack's cleanup terminates its"
                + " instances (the execution-status rule at once, the sweeper as a backstop).");
        confirmGone(cloud.fleet());
        return true;
    }

    /** Waits until no instance tagged with the run is live, or the environment's timeout passed. */
    boolean confirmGone(Ec2Fleet fleet) {
        CloudEnvironment env = cloud.environment();
        Instant deadline = env.clock().instant().plus(env.goneTimeout());
        boolean told = false;
        while (true) {
            List<String> live = fleet.findLive(runId, null);
            if (live.isEmpty()) {
                say("No instance of run " + runId + " is left (DescribeInstances by its cloudbench:run-id tag).");
                return true;
            }
            if (!env.clock().instant().isBefore(deadline)) {
                say("cloudbench: still live after " + env.goneTimeout().toSeconds() + " s: " + String.join(", ", live)
                        + ". Terminate them now: cloudbench cleanup --run " + runId);
                return false;
            }
            if (!told) {
                say("Waiting for " + String.join(", ", live) + " to terminate ...");
                told = true;
            }
            try {
                Thread.sleep(Math.max(10, env.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void say(String line) {
        err.println(line);
        err.flush();
    }
}
