package dev.cloudbench.functions.aws;

import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The one place SDK clients are built, all the same way: {@code UrlConnectionHttpClient} (the
 * smallest and quickest to start; the Apache and Netty clients are not in the jar), the region
 * from the environment ({@code AWS_REGION}), the default credentials chain, and no endpoint of our
 * own — the SDK's {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} variables (and
 * the {@code aws.endpointUrl…} system properties) point any client at a stand-in.
 *
 * <p>Retries: throttling and transient faults are retried with the standard backoff, but capacity
 * errors never are — EC2 reports them as server errors, which the SDK would otherwise retry in the
 * same zone while the fleet should move on to the next zone or market.
 */
public final class AwsClients {
    /** EC2 error codes that mean "no capacity here and now", not "the service failed". */
    static final Set<String> CAPACITY_CODES = Set.of("InsufficientInstanceCapacity", "InsufficientCapacity",
            "InsufficientHostCapacity", "InsufficientReservedInstanceCapacity", "InsufficientAddressCapacity",
            "InsufficientFreeAddressesInSubnet", "InsufficientCapacityOnHost", "UnfulfillableCapacity",
            "MaxSpotInstanceCountExceeded", "SpotMaxPriceTooLow");

    private static final Set<Class<? extends Throwable>> TRANSIENT =
            Set.of(java.io.IOException.class, java.io.UncheckedIOException.class);
    private static final Set<Integer> TRANSIENT_STATUS = Set.of(500, 502, 503, 504);

    private final Consumer<AwsClientBuilder<?, ?>> customization;
    /** Shared by this factory's clients: building one per client (TLS context and all) is cold-start time. */
    private SdkHttpClient http;

    /**
     * @param customization applied to every builder last; tests set an endpoint, a region and static
     *                      credentials here. Production uses {@link #fromEnvironment()}.
     */
    public AwsClients(Consumer<AwsClientBuilder<?, ?>> customization) {
        this.customization = customization;
    }

    /** What is applied to every builder after the common settings. */
    public Consumer<AwsClientBuilder<?, ?>> customization() {
        return customization;
    }

    /** Clients configured from the environment alone. */
    public static AwsClients fromEnvironment() {
        return new AwsClients(builder -> { });
    }

    public Ec2Client ec2() {
        return configure(Ec2Client.builder()).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder()).build();
    }

    public S3Client s3() {
        return configure(S3Client.builder()).build();
    }

    public CodeBuildClient codeBuild() {
        return configure(CodeBuildClient.builder()).build();
    }

    public SfnClient sfn() {
        return configure(SfnClient.builder()).build();
    }

    public ServiceQuotasClient serviceQuotas() {
        return configure(ServiceQuotasClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClient(http());
        builder.overrideConfiguration(c -> c.retryStrategy(retryStrategy()));
        customization.accept(builder);
        return builder;
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder().build();
        }
        return http;
    }

    /** The standard strategy with our own predicate instead of the SDK's, which would retry capacity errors. */
    static RetryStrategy retryStrategy() {
        return StandardRetryStrategy.builder()
                .useClientDefaults(false)
                .retryOnException(AwsClients::retryable)
                .treatAsThrottling(t -> t instanceof SdkException e && RetryUtils.isThrottlingException(e))
                .build();
    }

    static boolean retryable(Throwable t) {
        if (isCapacityError(t)) {
            return false;
        }
        if (t instanceof SdkException e && (RetryUtils.isThrottlingException(e) || RetryUtils.isRetryableException(e)
                || RetryUtils.isClockSkewException(e))) {
            return true;
        }
        if (t instanceof SdkServiceException e && TRANSIENT_STATUS.contains(e.statusCode())) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (Class<? extends Throwable> type : TRANSIENT) {
                if (type.isInstance(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code t} is an EC2 error saying there is no capacity for the request. */
    static boolean isCapacityError(Throwable t) {
        return CAPACITY_CODES.contains(errorCode(t));
    }

    /** The service's error code of {@code t}, or "" when it is not a service error. */
    static String errorCode(Throwable t) {
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return "";
    }
}
