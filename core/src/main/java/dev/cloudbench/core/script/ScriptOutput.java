package dev.cloudbench.core.script;

import dev.cloudbench.core.layout.StoreLayout;

/**
 * Where a generated script sends what it writes.
 *
 * @param prefix      the store prefix every upload goes under: the instance's inbox
 *                    ({@code StoreLayout.inbox}) on a run, the target's own prefix for a script run
 *                    by hand ({@link #byHand})
 * @param putFunction body of {@code store_put KEY} (stores standard input under KEY), from
 *                    {@code ResultStorePort.shellUploadFunction}
 */
public record ScriptOutput(String prefix, String putFunction) {

    /**
     * A script a person runs by hand ({@code cloudbench script}): no task copies an inbox there, so
     * it writes the target's keys directly, into a store that person owns.
     */
    public static ScriptOutput byHand(String runId, String targetId, String putFunction) {
        return new ScriptOutput(StoreLayout.target(runId, targetId), putFunction);
    }
}
