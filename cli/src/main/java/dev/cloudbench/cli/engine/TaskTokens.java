package dev.cloudbench.cli.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The task tokens of the local engine's callback tasks: the runner (statemachine/engine/run.mjs)
 * waits on a token through {@link InvokeServer}; the local executions port answers it, as
 * SendTaskSuccess does in AWS. An answer may come before the runner waits (the task's own function
 * can answer at once); a token answered twice keeps its first answer. Tokens are kept for the run:
 * one per wait, a few per target.
 */
public final class TaskTokens {
    private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();

    private CompletableFuture<String> of(String token) {
        return answers.computeIfAbsent(token, t -> new CompletableFuture<>());
    }

    /**
     * Answers the task waiting with {@code token}.
     *
     * @return false when the token was answered before
     */
    public boolean succeed(String token, String output) {
        return of(token).complete(output);
    }

    /**
     * Waits up to {@code millis} for the answer to {@code token}; the runner asks again while it
     * keeps waiting, so no request is held long.
     *
     * @return the task's output, or empty when no answer came in time
     */
    public Optional<String> await(String token, long millis) throws InterruptedException {
        try {
            return Optional.of(of(token).get(millis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task token is only ever completed normally", e);
        }
    }
}
