package dev.cloudbench.functions;

import dev.cloudbench.core.runid.RunIdSuffix;
import dev.cloudbench.functions.handler.TaskHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming of one function (one per Lambda entry point, registered by its constructor —
 * the one Lambda calls).
 *
 * <p>Before the snapshot: the function's sample event (packed into the jar from
 * {@code functions/events}) is read and written with the project's Jackson configuration, the
 * output type's serialiser is built, and then the whole task runs once on that event through the
 * second copy of the handler it was given — wired to {@code OfflineClients}: the same adapters and
 * SDK clients as in production, but an HTTP client that answers in-process. Nothing is sent, so no
 * AWS state changes and no credentials are resolved; the handler's own clients are never called.
 *
 * <p>After a restore, nothing of the checkpoint's time or randomness is reused: run-id suffixes get
 * a fresh generator ({@link RunIdSuffix#renew()}); the clock is read at each use; client tokens are
 * derived from the run, never random; credentials were never resolved before the snapshot, so the
 * default chain resolves them after it. (The SDK's invocation ids come from {@code UUID}'s
 * NativePRNG, which mixes fresh {@code /dev/urandom} bytes into every value.)
 */
public final class Priming implements Resource {
    static final String EVENTS = "/cloudbench/events/";

    private final String function;
    private final Supplier<TaskHandler<?, ?>> offline;

    /**
     * @param function the function's name, which names its sample event
     * @param offline  builds the copy of its handler that runs the sample event: wired to adapters
     *                 that send nothing
     */
    public Priming(String function, Supplier<TaskHandler<?, ?>> offline) {
        this.function = function;
        this.offline = offline;
    }

    /**
     * Registers priming for {@code function} with the global CRaC context. The caller keeps the
     * returned resource: the context holds it weakly.
     */
    public static Priming register(String function, Supplier<TaskHandler<?, ?>> offline) {
        Priming priming = new Priming(function, offline);
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
    public String prime() {
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
            TaskHandler<?, ?> handler = offline.get();
            handler.readAndWriteOnce(event);
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
            return "task completed offline";
        } catch (IOException | RuntimeException e) {
            return "offline run stopped at " + e.getClass().getSimpleName();
        }
    }
}
