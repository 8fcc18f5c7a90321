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
     * Body of a bash function {@code upload FILE KEY} that copies a file from an instance into
     * this store. Benchmark scripts call it as soon as each result exists, so that an interrupted
     * instance loses at most the benchmark in progress.
     */
    String shellUploadFunction();
}
