package dev.cloudbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.engine.EngineEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static String print(EngineEvent... events) {
        StringWriter out = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out, true));
        for (EngineEvent e : events) {
            printer.accept(e);
        }
        return out.toString().lines().map(l -> l.substring(l.indexOf(']') + 2)).reduce("", (a, b) -> a + b + "\n");
    }

    private static EngineEvent failed(String state, String error, String cause) {
        return new EngineEvent("StateFailed", 1_000L, state, null, null, error, cause, null);
    }

    @Test
    void failedTask_showsStateShortErrorNameAndMessage_notTheLambdaErrorDocument() {
        String printed = print(failed("Resolve Images", "dev.cloudbench.core.error.ImageBuildFailedException",
                "{\"errorType\":\"dev.cloudbench.core.error.ImageBuildFailedException\","
                        + "\"errorMessage\":\"missing on this host: hyperfine\",\"stackTrace\":[]}"));

        assertThat(printed).isEqualTo("Resolve Images: ImageBuildFailedException: missing on this host: hyperfine\n");
    }

    @Test
    void failureWhoseCauseRepeatsItsName_orIsPlainText_isShownOnce() {
        assertThat(print(failed("Run Failed", "dev.cloudbench.core.error.BadInputException",
                "dev.cloudbench.core.error.BadInputException: suite.runs: must be at least 2")))
                .isEqualTo("Run Failed: BadInputException: suite.runs: must be at least 2\n");
        assertThat(print(failed("Plan Run", "Lambda.ServiceException", "Rate Exceeded.")))
                .isEqualTo("Plan Run: Lambda.ServiceException: Rate Exceeded.\n");
        assertThat(print(failed("Plan Run", "States.Timeout", null))).isEqualTo("Plan Run: States.Timeout\n");
    }
}
