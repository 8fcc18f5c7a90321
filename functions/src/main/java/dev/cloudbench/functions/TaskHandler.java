package dev.cloudbench.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

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

    protected TaskHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        O result = handle(read(input.readAllBytes()));
        Json.payload().writeValue(output, result);
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
