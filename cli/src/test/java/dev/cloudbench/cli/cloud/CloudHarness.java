package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.Main;
import dev.cloudbench.functions.aws.AwsClients;
import dev.cloudbench.functions.aws.Ec2StandIn;
import dev.cloudbench.functions.aws.S3StandIn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * A deployed cloudbench stack made of stand-ins — CloudFormation, Step Functions, S3 and EC2 on
 * loopback — and the cloudbench command line wired to it, with scripted answers to its questions.
 */
public final class CloudHarness implements AutoCloseable {
    public static final String STACK = "cloudbench";
    public static final String BUCKET = "cloudbench-resultsbucket-1a2b3c";
    public static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:cloudbench-benchmark";
    /** "Now" for every command: an hour after the recorded run started. */
    public static final Instant NOW = Instant.parse("2026-01-01T13:00:00Z");

    public final CfnStandIn cfn = new CfnStandIn();
    public final SfnStandIn sfn = new SfnStandIn(MACHINE);
    public final S3StandIn s3 = new S3StandIn(BUCKET);
    public final Ec2StandIn ec2 = new Ec2StandIn();
    /** Answers the prompt gives, in order; no answer left means no. */
    public final Deque<Boolean> answers = new ArrayDeque<>();
    /** The questions asked. */
    public final List<String> questions = new ArrayList<>();
    /** How long a stopped run's instances are waited for. */
    public Duration goneTimeout = Duration.ofSeconds(2);

    /** Output and exit code of one command. */
    public record Result(int exit, String out, String err) {
    }

    public CloudHarness() {
        deploy(Map.of("X86InstanceType", "c7i.large", "ArmInstanceType", "c7g.large"));
    }

    /** (Re)deploys the stack with these parameters. */
    public void deploy(Map<String, String> parameters) {
        cfn.stacks.put(STACK, new CfnStandIn.DeployedStack("CREATE_COMPLETE", Map.of(
                "StateMachineArn", MACHINE, "ResultsBucketName", BUCKET,
                "ConsoleUrl", "https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/statemachines/view/"
                        + MACHINE), parameters));
    }

    public CloudEnvironment environment() {
        return new CloudEnvironment(region -> new AwsClients(this::configure), log -> question -> {
            questions.add(question);
            Boolean yes = answers.poll();
            log.println(question + (Boolean.TRUE.equals(yes) ? " y" : " n"));
            return Boolean.TRUE.equals(yes);
        }, Duration.ZERO, goneTimeout, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void configure(AwsClientBuilder<?, ?> builder) {
        builder.region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTEST", "secret")));
        builder.endpointOverride(endpointFor(builder));
    }

    private URI endpointFor(AwsClientBuilder<?, ?> builder) {
        if (builder instanceof SfnClientBuilder) {
            return sfn.server().endpoint();
        }
        if (builder instanceof CloudFormationClientBuilder) {
            return cfn.server().endpoint();
        }
        if (builder instanceof S3ClientBuilder) {
            return s3.server().endpoint();
        }
        if (builder instanceof Ec2ClientBuilder) {
            return ec2.server().endpoint();
        }
        throw new IllegalArgumentException("no stand-in for " + builder.getClass());
    }

    /** Runs {@code cloudbench ARGS} in this process against the stand-ins. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(environment());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Every request any stand-in received. */
    public int requestCount() {
        return cfn.server().requests().size() + sfn.server().requests().size() + s3.server().requests().size()
                + ec2.server().requests().size();
    }

    @Override
    public void close() {
        cfn.close();
        sfn.close();
        s3.close();
        ec2.close();
    }
}
