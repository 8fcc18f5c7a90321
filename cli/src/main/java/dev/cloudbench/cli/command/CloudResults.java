package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ResultsTable;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.functions.aws.S3ResultStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cloud run's results: read from the stack's bucket, copied to a local directory laid out as the
 * bucket is (so {@code cloudbench report} and {@code cloudbench local}'s habits work on them), and
 * printed as {@code cloudbench local} prints them.
 */
final class CloudResults {
    private final S3ResultStore store;
    private final String runId;

    CloudResults(S3ResultStore store, String runId) {
        this.store = store;
        this.runId = runId;
    }

    Optional<RunResults> read() {
        return store.get(StoreLayout.results(runId)).map(b -> Json.read(b, RunResults.class));
    }

    /**
     * Copies results.json and the reports — or, with {@code everything}, every object of the run
     * (raw hyperfine exports, environments) — under {@code output}, at their keys.
     *
     * @return the files written
     */
    List<Path> download(Path output, boolean everything) throws IOException {
        List<String> keys = everything ? store.list(StoreLayout.run(runId))
                : List.of(StoreLayout.results(runId), StoreLayout.reportMarkdown(runId), StoreLayout.reportHtml(runId));
        Path root = output.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        for (String key : keys) {
            Path file = root.resolve(key).normalize();
            if (!file.startsWith(root.resolve(StoreLayout.run(runId)))) {
                throw new BadInputException("the bucket holds a key outside the run: " + key);
            }
            Optional<byte[]> content = store.get(key);
            if (content.isPresent()) {
                Files.createDirectories(file.getParent());
                Files.write(file, content.get());
                written.add(file);
            }
        }
        return written;
    }

    /** The table of {@code cloudbench local}, then where the results are, here and in S3. */
    static void print(RunResults results, Path runDir, String s3Uri, PrintWriter out) {
        ResultsTable.print(results, out);
        out.println();
        out.println("Results: " + runDir.resolve("results.json"));
        out.println("Report:  " + runDir.resolve("report.md"));
        out.println("         " + runDir.resolve("report.html"));
        out.println("In S3:   " + s3Uri);
    }
}
