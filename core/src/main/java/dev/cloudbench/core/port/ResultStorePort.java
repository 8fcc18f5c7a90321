package dev.cloudbench.core.port;

import java.util.List;
import java.util.Optional;

/**
 * Where every result of every run is kept (S3 in AWS; a directory locally), under the layout of
 * {@code StoreLayout}. Keys are relative, '/'-separated.
 */
public interface ResultStorePort {

    void put(String key, byte[] content);

    Optional<byte[]> get(String key);

    /** All keys under {@code prefix}, in lexical order, across every page. */
    List<String> list(String prefix);

    /**
     * Body of a bash function {@code store_put KEY} that stores its standard input under
     * {@code KEY} in this store, run on the instance by root (or the local caller). Benchmark
     * scripts call it as soon as each result exists, so that an interrupted instance loses at most
     * the benchmark in progress; they feed it what the suite's own user can read, so the function
     * never opens a path the suite controls. Keys are always under the instance's {@link #inbox}.
     */
    String shellUploadFunction();

    /**
     * The one prefix instance {@code instanceId} can write in this store ({@code StoreLayout.inbox}):
     * in S3 the instance role's {@code aws:userid} inbox, which its policy grants and nothing else.
     *
     * @throws IllegalStateException when the store does not know its instances' principal (a
     *                               deployment without {@code INSTANCE_ROLE_ID})
     */
    String inbox(String instanceId);
}
