package dev.cloudbench.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.error.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeServerTest {
    private static final RequestStreamHandler ECHO = (in, out, ctx) -> {
        byte[] body = in.readAllBytes();
        out.write(("{\"function\":\"" + ctx.getFunctionName() + "\",\"got\":" + new String(body, StandardCharsets.UTF_8) + "}")
                .getBytes(StandardCharsets.UTF_8));
    };
    private static final RequestStreamHandler FAILS = (in, out, ctx) -> {
        throw new BadInputException("suite.runs: must be at least 2");
    };

    private static HttpResponse<String> invoke(InvokeServer server, String function, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/2015-03-31/functions/"
                        + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invoke_routesAnArnOrAName_toItsHandler() throws Exception {
        try (InvokeServer server = new InvokeServer(Map.of("PlanRun", ECHO), e -> { })) {
            String arn = "arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3APlanRun%3Alive";
            HttpResponse<String> byArn = invoke(server, arn, "{\"a\":1}");
            assertThat(byArn.statusCode()).isEqualTo(200);
            assertThat(byArn.body()).isEqualTo("{\"function\":\"PlanRun\",\"got\":{\"a\":1}}");
            assertThat(byArn.headers().firstValue("X-Amz-Function-Error")).isEmpty();
            assertThat(invoke(server, "PlanRun", "2").body()).contains("\"got\":2");
        }
    }

    @Test
    void invoke_reportsAHandlerException_asLambdaReportsAnUnhandledError() throws Exception {
        try (InvokeServer server = new InvokeServer(Map.of("PlanRun", FAILS), e -> { })) {
            HttpResponse<String> response = invoke(server, "PlanRun", "{}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
            assertThat(response.body()).contains("\"errorType\":\"dev.cloudbench.core.error.BadInputException\"",
                    "\"errorMessage\":\"suite.runs: must be at least 2\"");
        }
    }

    @Test
    void invoke_answersResourceNotFound_forAnUnknownFunction() throws Exception {
        try (InvokeServer server = new InvokeServer(Map.of(), e -> { })) {
            HttpResponse<String> response = invoke(server, "Nope", "{}");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        }
    }
}
