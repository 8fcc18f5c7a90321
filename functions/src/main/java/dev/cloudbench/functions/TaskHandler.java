package dev.cloudbench.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Base of every state-machine task: JSON in, one typed call, JSON out, with the project's own
 * Jackson configuration (the same in Lambda and in the local runner). Exceptions propagate: the
 * Lambda runtime reports their class name as the error, which Retry and Catch clauses name.
 *
 * @param <I> the task's input record
 * @param <O> the task's output record
 */
public abstract class TaskHandler<I, O> implements RequestStreamHandler {
    private final Class<I> inputType;
    /** Held here: the CRaC context holds its resources weakly. Set only on Lambda's construction path. */
    private Priming priming;

    protected TaskHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        O result = handle(read(input.readAllBytes()));
        Json.payload().writeValue(output, result);
    }

    /**
     * Registers SnapStart priming for this function; each handler's no-argument constructor (the one
     * Lambda calls) does, and only it — handlers wired to other ports are never primed.
     */
    protected final void primeForSnapStart(String function) {
        priming = Priming.register(function);
    }

    /** The priming registered for this handler, if any. */
    final Optional<Priming> priming() {
        return Optional.ofNullable(priming);
    }

    /** The record this task reads. */
    final Class<I> inputType() {
        return inputType;
    }

    /** Reads the payload; tasks whose input comes from people read it strictly instead. */
    protected I read(byte[] payload) {
        return Json.read(payload, inputType);
    }

    protected abstract O handle(I input);
}
