package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the functions module's IamOperationsTest recorded while every handler ran on the AWS
 * stand-ins (functions/target/iam/). The reactor builds functions before deploy, so the record
 * is fresh in {@code mvn verify}; alone, deploy's tests need the functions tests run first.
 */
final class IamRecord {
    static final Path DIR = Template.ROOT.resolve("functions/target/iam");

    private IamRecord() {
    }

    /** {@code {function: [IAM action, ...]}}. */
    static Map<String, Set<String>> operations() {
        return read("operations.json", new TypeReference<>() { });
    }

    /** {@code {function: {action: [resource, ...]}}}: S3 key prefixes ({@code runs/*}) and SSM documents. */
    static Map<String, Map<String, Set<String>>> resources() {
        return read("resources.json", new TypeReference<>() { });
    }

    /** Every RunInstances request the functions sent, as form parameters on the wire. */
    static List<Map<String, String>> runInstances() {
        return read("run-instances.json", new TypeReference<>() { });
    }

    private static <T> T read(String name, TypeReference<T> type) {
        Path file = DIR.resolve(name);
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: it is written by the functions module's IamOperationsTest. Run the "
                    + "functions tests first (mvn verify -pl functions,deploy -am).");
        }
        try {
            return Json.payload().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + file, e);
        }
    }
}
