package dev.cloudbench.functions.aws;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.script.Shell;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The result store in one S3 bucket, keys as {@code StoreLayout} lays them out.
 *
 * <p>A run's {@code request.json} is written only if absent (a conditional {@code If-None-Match: *}
 * put), so two executions can never claim the same run prefix, even when they race past the
 * planner's own check.
 *
 * <p>AWS operations: PutObject, GetObject, ListObjectsV2 (ListBucket). On instances the upload
 * function uses {@code aws s3 cp - s3://…} (standard input), which needs PutObject on the instance's
 * inbox only: {@code inbox/${aws:userid}/*}, where {@code aws:userid} of an instance role session
 * is {@code ROLE-ID:INSTANCE-ID} (IAM User Guide, "Policy variables", table of principal values:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable).
 * The instance role's policy grants exactly that, so an instance can write its own inbox and never a
 * run's records; the tasks copy what passes validation into the run.
 */
public final class S3ResultStore implements ResultStorePort {
    private static final String REQUEST = "/request.json";

    private final S3Client s3;
    private final String bucket;
    private final String instanceRoleId;

    /** A store whose tasks never start scripts on instances (no inbox). */
    public S3ResultStore(S3Client s3, String bucket) {
        this(s3, bucket, "");
    }

    /**
     * @param bucket         the RESULTS_BUCKET
     * @param instanceRoleId the INSTANCE_ROLE_ID: the unique id ({@code AROA…}) of the instances' role,
     *                       the first half of their {@code aws:userid}
     */
    public S3ResultStore(S3Client s3, String bucket, String instanceRoleId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.instanceRoleId = instanceRoleId;
    }

    /** @throws IllegalStateException when RESULTS_BUCKET is not set */
    public String bucket() {
        return AwsSettings.required(bucket, "RESULTS_BUCKET");
    }

    /** @throws BadInputException when {@code key} is a run's request.json that already exists */
    @Override
    public void put(String key, byte[] content) {
        boolean claim = key.startsWith("runs/") && key.endsWith(REQUEST)
                && key.indexOf('/', "runs/".length()) == key.length() - REQUEST.length();
        if (claim && !putIfAbsent(key, content)) {
            throw new BadInputException("run prefix " + key.substring(0, key.length() - "request.json".length())
                    + " already exists; results are never overwritten");
        }
        if (!claim) {
            s3.putObject(request(key).build(), RequestBody.fromBytes(content));
        }
    }

    /** Writes {@code key} unless it exists; returns whether this call wrote it. */
    public boolean putIfAbsent(String key, byte[] content) {
        try {
            s3.putObject(request(key).ifNoneMatch("*").build(), RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }

    private PutObjectRequest.Builder request(String key) {
        return PutObjectRequest.builder().bucket(bucket()).key(key).contentType(contentType(key));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The last {@code maxBytes} of an object (a log's tail), or empty when it does not exist. */
    public Optional<String> tail(String key, int maxBytes) {
        try {
            ResponseBytes<GetObjectResponse> bytes =
                    s3.getObjectAsBytes(r -> r.bucket(bucket()).key(key).range("bytes=-" + maxBytes));
            return Optional.of(bytes.asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) { // an empty object has no last bytes
                return Optional.of("");
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket()).prefix(prefix).build())
                .contents().stream().map(S3Object::key).sorted().toList();
    }

    @Override
    public String shellUploadFunction() {
        // The instance's CLI has no region of its own; the bucket's is the client's.
        String region = s3.serviceClientConfiguration().region().id();
        return "aws s3 cp --only-show-errors --region " + Shell.quote(region) + " - "
                + Shell.quote("s3://" + bucket() + "/") + "\"$1\"";
    }

    /** @throws IllegalStateException when INSTANCE_ROLE_ID is not set */
    @Override
    public String inbox(String instanceId) {
        return StoreLayout.inbox(AwsSettings.required(instanceRoleId, "INSTANCE_ROLE_ID") + ":" + instanceId);
    }

    private static String contentType(String key) {
        if (key.endsWith(".json")) {
            return "application/json";
        }
        if (key.endsWith(".md")) {
            return "text/markdown; charset=utf-8";
        }
        if (key.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (key.endsWith(".zip")) {
            return "application/zip";
        }
        return "text/plain; charset=utf-8";
    }
}
