package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.output.Verbose;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.functions.aws.Ec2Fleet;
import dev.cloudbench.functions.aws.S3ResultStore;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every cloud command shares (a picocli mixin): the stack (--stack), its region (--region),
 * --verbose, and the way to AWS that goes with them. The stack is looked up once, on first use.
 */
public final class CloudOptions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

    @Option(names = "--stack", paramLabel = "NAME", defaultValue = "${env:CLOUDBENCH_STACK:-cloudbench}",
            description = "the cloudbench stack (default: ${DEFAULT-VALUE}; or CLOUDBENCH_STACK)")
    String stackName;

    @Option(names = "--region", paramLabel = "REGION",
            description = "the stack's region (default: AWS_REGION, or the AWS profile's region)")
    String region;

    @Mixin
    Verbose verbose;

    private final CloudEnvironment environment;
    private CloudClients clients;
    private Stack stack;

    public CloudOptions(CloudEnvironment environment) {
        this.environment = environment;
    }

    public CloudEnvironment environment() {
        return environment;
    }

    public synchronized CloudClients clients() {
        if (clients == null) {
            if (region != null && !REGION.matcher(region).matches()) {
                throw new BadInputException("--region: '" + region + "' is not an AWS region (like eu-west-1)");
            }
            clients = new CloudClients(environment.clients().apply(region));
        }
        return clients;
    }

    /** @throws StackNotDeployedException when the stack is not in the region */
    public synchronized Stack stack() {
        if (stack == null) {
            if (!STACK_NAME.matcher(stackName).matches()) {
                throw new BadInputException("--stack: '" + stackName + "' is not a CloudFormation stack name");
            }
            CloudClients c = clients();
            stack = StackLookup.describe(c.cloudFormation(), stackName, c.region());
        }
        return stack;
    }

    /** The stack's runs (its state machine's executions). */
    public Executions executions() {
        return new Executions(clients().sfn(), stack());
    }

    /** The stack as messages name it: {@code stack cloudbench (eu-west-1)}. */
    public String stackLabel() {
        return stack().label();
    }

    /** What to say when the stack has no run to show. */
    public String noRunsYet() {
        return "No runs in " + stackLabel() + " yet. Start one: cloudbench run SUITE";
    }

    /** The stack's results bucket. */
    public S3ResultStore store() {
        return new S3ResultStore(clients().s3(), stack().resultsBucket());
    }

    /** The stack's instances, for finding and terminating (never launching). */
    public Ec2Fleet fleet() {
        return Ec2Fleet.withoutLaunching(clients().ec2(), stack().name());
    }

    public Prompt prompt(PrintWriter log) {
        return environment.prompt().apply(log);
    }
}
