package dev.cloudbench.core.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads what people write — suites (JSON or YAML) and run requests — and turns every parse
 * problem into a one-line {@link BadInputException} naming the field, e.g.
 * {@code suite.benchmarks[1]: unknown field 'comand'}.
 */
public final class InputReader {
    private InputReader() {
    }

    /** Loads a suite file; YAML when the name ends in .yaml or .yml, JSON otherwise. */
    public static Suite suiteFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return read(yaml ? Json.strictYaml() : Json.strict(), bytes, Suite.class, "suite");
    }

    /** Parses a suite given as JSON text. */
    public static Suite suiteJson(String json) {
        return read(Json.strict(), json.getBytes(StandardCharsets.UTF_8), Suite.class, "suite");
    }

    /** Parses a run request given as JSON text. */
    public static RunRequest request(String json) {
        return read(Json.strict(), json.getBytes(StandardCharsets.UTF_8), RunRequest.class, "request");
    }

    private static <T> T read(ObjectMapper mapper, byte[] bytes, Class<T> type, String root) {
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new BadInputException(root + ": empty document");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException(location(root, e) + ": unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw new BadInputException(location(root, e) + ": invalid value '" + e.getValue() + "' (expected "
                    + describe(e.getTargetType()) + ")");
        } catch (ValueInstantiationException e) {
            // A record that reads its own shape (CanaryOptions) says what is wrong in its message.
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getOriginalMessage();
            throw new BadInputException(location(root, e) + ": " + why.lines().findFirst().orElse(""));
        } catch (MismatchedInputException e) {
            throw new BadInputException(location(root, e) + ": expected " + describe(e.getTargetType()));
        } catch (JsonParseException e) {
            throw new BadInputException(root + ": not valid " + (mapper == Json.strictYaml() ? "YAML" : "JSON")
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (JsonMappingException e) {
            throw new BadInputException(location(root, e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new BadInputException(root + ": cannot read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** The field path of a mapping problem, like {@code suite.benchmarks[1].runs}. */
    private static String location(String root, JsonMappingException e) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (ref == e.getPath().get(e.getPath().size() - 1) && e instanceof UnrecognizedPropertyException) {
                    break; // the unknown field itself is named in the message
                }
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }
}
