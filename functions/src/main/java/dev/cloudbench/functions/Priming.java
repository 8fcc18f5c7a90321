package dev.cloudbench.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.runid.RunIdSuffix;
import dev.cloudbench.functions.aws.AwsPorts;
import dev.cloudbench.functions.aws.AwsSettings;
import dev.cloudbench.functions.aws.ImageSources;
import dev.cloudbench.functions.aws.OfflineClients;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming of one function (one per handler instance, registered by its no-argument
 * constructor — the one Lambda calls).
 *
 * <p>Before the snapshot: the function's sample event (packed into the jar from
 * {@code functions/events}) is read and written with the project's Jackson configuration, the
 * output type's serialiser is built, and then the whole task runs once on that event through a
 * second copy of the handler wired to {@link OfflineClients} — the same adapters and SDK clients as
 * in production, but an HTTP client that answers in-process. Nothing is sent, so no AWS state
 * changes and no credentials are resolved; the handler's own clients are never called.
 *
 * <p>After a restore, nothing of the checkpoint's time or randomness is reused: run-id suffixes get
 * a fresh generator ({@link RunIdSuffix#renew()}); the clock is read at each use; client tokens are
 * derived from the run, never random; credentials were never resolved before the snapshot, so the
 * default chain resolves them after it. (The SDK's invocation ids come from {@code UUID}'s
 * NativePRNG, which mixes fresh {@code /dev/urandom} bytes into every value.)
 */
final class Priming implements Resource {
    static final String EVENTS = "/cloudbench/events/";

    private final String function;
    private final AwsSettings settings;
    private final ImageSources sources;

    Priming(String function, AwsSettings settings, ImageSources sources) {
        this.function = function;
        this.settings = settings;
        this.sources = sources;
    }

    /**
     * Registers priming for {@code function} with the global CRaC context. The caller keeps the
     * returned resource: the context holds it weakly.
     */
    static Priming register(String function) {
        Priming priming = new Priming(function, AwsSettings.fromEnvironment(System.getenv()),
                ImageSources.fromClasspath());
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        String stop = prime();
        System.out.println("priming " + function + ": " + stop);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        RunIdSuffix.renew();
    }

    /** Runs the priming; returns how the offline run of the task ended (it usually ends early). */
    String prime() {
        byte[] event;
        try (InputStream in = Priming.class.getResourceAsStream(EVENTS + function + ".json")) {
            if (in == null) {
                return "no sample event in the jar";
            }
            event = in.readAllBytes();
        } catch (IOException e) {
            return "sample event unreadable: " + e;
        }
        try {
            Map<String, RequestStreamHandler> offline = new HashMap<>();
            var ports = AwsPorts.forTask(function, settings, OfflineClients.create(), Clock.systemUTC(), sources);
            offline.putAll(Tasks.wire(ports));
            offline.putAll(Tasks.wireEventFunctions(ports));
            TaskHandler<?, ?> handler = (TaskHandler<?, ?>) offline.get(function);
            Json.payload().writeValueAsBytes(handler.read(event));
            Json.payload().writerFor(Json.payload().constructType(outputType(handler)));
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
            return "task completed offline";
        } catch (IOException | RuntimeException e) {
            return "offline run stopped at " + e.getClass().getSimpleName();
        }
    }

    /** The {@code O} of {@code TaskHandler<I, O>}. */
    private static Type outputType(TaskHandler<?, ?> handler) {
        return ((ParameterizedType) handler.getClass().getGenericSuperclass()).getActualTypeArguments()[1];
    }
}
