package dev.cloudbench.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.functions.Priming;
import dev.cloudbench.functions.aws.AwsSettings;
import dev.cloudbench.functions.aws.ImageSources;
import dev.cloudbench.functions.aws.OfflineClients;
import dev.cloudbench.functions.handler.TaskHandler;
import dev.cloudbench.functions.wiring.Functions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * What Lambda constructs and calls for one function. template.yaml's {@code Handler} names a
 * subclass in this package that bears the function's name ({@code PlanRun} for the function
 * {@code PlanRun}) and nothing else: which function it is comes from that name, and everything
 * about the function from the registry ({@link Functions}).
 *
 * <p>Its no-argument constructor — the one Lambda calls, once per container and outside
 * {@code handleRequest}, so that SnapStart snapshots what it builds — wires the function's handler
 * to AWS adapters configured from the environment, and registers SnapStart priming with a second
 * copy of the handler that sends nothing.
 */
public abstract class LambdaFunction implements RequestStreamHandler {
    private final TaskHandler<?, ?> handler;
    /** Held here, never read: the CRaC context holds its resources weakly. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Priming priming;

    /** @throws IllegalArgumentException when the subclass's name is no function of the registry */
    protected LambdaFunction() {
        Functions.Entry function = Functions.get(getClass().getSimpleName());
        handler = function.onAws();
        AwsSettings settings = AwsSettings.fromEnvironment(System.getenv());
        ImageSources sources = ImageSources.fromClasspath();
        priming = Priming.register(function.name(), () -> offline(function, settings, sources));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.handleRequest(input, output, context);
    }

    /**
     * The function's handler on the same adapters and SDK clients as in production, but an HTTP
     * client that answers in-process ({@link OfflineClients}): what priming runs.
     */
    public static TaskHandler<?, ?> offline(Functions.Entry function, AwsSettings settings, ImageSources sources) {
        return function.handler(function.awsPorts(settings, OfflineClients.create(), Clock.systemUTC(), sources));
    }
}
