package dev.cloudbench.cli.cloud;

import dev.cloudbench.functions.aws.AwsClients;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * How the cloud commands reach AWS and the person running them. Production reads everything from
 * the process's environment; tests point the clients at stand-ins, answer the questions and poll
 * without waiting.
 *
 * @param clients      the SDK clients for a region given with --region, or for the default region
 *                     (null)
 * @param prompt       yes/no questions, given where the answers' log goes (the command's error writer)
 * @param pollInterval between two looks at a running execution
 * @param goneTimeout  how long to wait for a stopped run's instances to be terminated
 * @param clock        the time
 */
public record CloudEnvironment(Function<String, AwsClients> clients, Function<PrintWriter, Prompt> prompt,
                               Duration pollInterval, Duration goneTimeout, Clock clock) {

    /**
     * The SDK's own defaults: region from --region, else AWS_REGION or the profile; the default
     * credentials chain; AWS_ENDPOINT_URL[_SERVICE] honoured. Questions go to the terminal.
     */
    public static CloudEnvironment system() {
        return new CloudEnvironment(region -> new AwsClients(builder -> {
            if (region != null) {
                builder.region(Region.of(region));
            }
        }), Prompt::terminal, Duration.ofSeconds(5), Duration.ofMinutes(3), Clock.systemUTC());
    }
}
