package dev.cloudbench.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.functions.wiring.Functions;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Lambda's entry points are exactly the registry's functions, each constructible as Lambda does it. */
class LambdaEntryPointsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/cloudbench/functions/lambda");

    @Test
    void everyFunction_hasAnEntryPointOfItsName_withTheConstructorLambdaCalls() throws Exception {
        for (String name : Functions.names()) {
            Class<?> type = Class.forName(LambdaFunction.class.getPackageName() + "." + name);

            assertThat(type.getSuperclass()).as(name).isEqualTo(LambdaFunction.class);
            assertThat(RequestStreamHandler.class).isAssignableFrom(type);
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).as(name).isTrue();
        }
    }

    @Test
    void thePackageHoldsNoOtherEntryPoint() throws IOException {
        TreeSet<String> classes = new TreeSet<>();
        try (var files = Files.list(SOURCES)) {
            files.map(f -> f.getFileName().toString().replace(".java", "")).forEach(classes::add);
        }
        classes.remove(LambdaFunction.class.getSimpleName());

        assertThat(classes).isEqualTo(new TreeSet<>(Functions.names()));
    }
}
