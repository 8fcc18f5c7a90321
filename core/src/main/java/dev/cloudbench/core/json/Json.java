package dev.cloudbench.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The project's Jackson mappers, configured once. {@link #strict()} reads what people write
 * (suites, run requests): unknown fields are errors. {@link #payload()} reads state-machine
 * payloads, which the engine may decorate with fields a task does not use (Catch results).
 */
public final class Json {
    // Each mapper is built on first use (holder classes): a function reads and writes payloads
    // only, and building the others — the YAML one above all — is cold-start time it never uses.
    // java.time values (Instant) as ISO-8601 text, exactly as their toString() writes them: the
    // payloads kept that text when their times were still strings.
    private static final ObjectMapper PAYLOAD = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Shares the payload mapper's serialisers: a function writing both builds each only once. */
    private static final ObjectWriter PRETTY = PAYLOAD.writer(SerializationFeature.INDENT_OUTPUT);

    private static final class StrictJson {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // "replicas": 1.5 is a mistake to report, not a 1 to run with.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    private static final class StrictYaml {
        static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    private Json() {
    }

    public static ObjectMapper strict() {
        return StrictJson.MAPPER;
    }

    public static ObjectMapper strictYaml() {
        return StrictYaml.MAPPER;
    }

    public static ObjectMapper payload() {
        return PAYLOAD;
    }

    /** Compact JSON of any value. */
    public static String write(Object value) {
        try {
            return PAYLOAD.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Indented JSON, for files people read. */
    public static byte[] writePretty(Object value) {
        try {
            return PRETTY.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a payload leniently; a payload that does not parse is a bug, not bad input. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return PAYLOAD.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
