package dev.cloudbench.functions.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Clients that never leave the process, for SnapStart priming: built like the real ones (same
 * factory, region and endpoint rules, signing), but their HTTP client answers every request itself
 * with an empty success in the service's format, and their credentials are a fixed fake pair. So a
 * task run on them marshals, signs and unmarshals its requests — loading and compiling that code —
 * while nothing is sent, no AWS state can change, and no real credentials are resolved (the ones
 * resolved before a snapshot would be reused after every restore).
 *
 * <p>Answers are empty, so a task usually stops early with a domain error; priming expects that.
 */
public final class OfflineClients {
    private OfflineClients() {
    }

    public static AwsClients create() {
        return new AwsClients(builder -> {
            Function<SdkHttpRequest, String> body = builder instanceof Ec2ClientBuilder ? r -> "<Response/>"
                    : builder instanceof S3ClientBuilder ? OfflineClients::s3
                    : r -> "{}";
            ((SdkSyncClientBuilder<?, ?>) builder).httpClient(new Answering(body));
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDPRIMING", "priming")));
            // A failed answer is the end of the priming run, not something to wait for and retry.
            builder.overrideConfiguration(c -> c.retryStrategy(
                    AwsClients.retryStrategy().toBuilder().maxAttempts(1).build()));
        });
    }

    /** S3: an empty listing for ListObjectsV2, an empty JSON object for GetObject (every object we read is JSON). */
    private static String s3(SdkHttpRequest request) {
        return request.rawQueryParameters().containsKey("list-type") ? "<ListBucketResult/>" : "{}";
    }

    /** Answers every request with 200 and {@code body}; sends nothing. */
    private record Answering(Function<SdkHttpRequest, String> body) implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] bytes = body.apply(request.httpRequest()).getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Length", Integer.toString(bytes.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
