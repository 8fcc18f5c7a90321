package dev.cloudbench.functions.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Base of every function: JSON in, one typed call, JSON out, with the project's own Jackson
 * configuration (the same in Lambda and in the local runner). Exceptions propagate: the Lambda
 * runtime reports their class name as the error, which Retry and Catch clauses name.
 *
 * @param <I> the function's input record
 * @param <O> the function's output record
 */
public abstract class TaskHandler<I, O> implements RequestStreamHandler {
    private final Class<I> inputType;
    private final ObjectMapper inputMapper;

    /** A function whose input is a state-machine payload: read with the project's payload mapper. */
    protected TaskHandler(Class<I> inputType) {
        this(inputType, Json.payload());
    }

    /** A function whose input needs a mapper of its own (the events EventBridge sends). */
    protected TaskHandler(Class<I> inputType, ObjectMapper inputMapper) {
        this.inputType = inputType;
        this.inputMapper = inputMapper;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        O result = handle(read(input.readAllBytes()));
        Json.payload().writeValue(output, result);
    }

    /** The record this function reads. */
    public final Class<I> inputType() {
        return inputType;
    }

    /**
     * Reads {@code payload} as this function does and writes it back, and builds the serialiser of
     * its output type: the JSON work of an invocation, done once (SnapStart priming does it before
     * the snapshot). Returns the input as it was written back.
     */
    public final byte[] readAndWriteOnce(byte[] payload) throws IOException {
        byte[] input = inputMapper.writeValueAsBytes(read(payload));
        Json.payload().writerFor(Json.payload().constructType(outputType()));
        return input;
    }

    /** The {@code O} of {@code TaskHandler<I, O>}. */
    private Type outputType() {
        return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[1];
    }

    /**
     * Reads the payload leniently (the engine and EventBridge may add fields); a payload that does
     * not parse is a bug, not bad input. Functions whose input comes from people read it strictly
     * instead.
     */
    protected I read(byte[] payload) {
        try {
            return inputMapper.readValue(payload, inputType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + inputType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    protected abstract O handle(I input);
}
