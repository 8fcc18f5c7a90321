package dev.cloudbench.functions.aws;

import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.port.ImagePort;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.LogsLocation;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * Machine images built by Packer inside CodeBuild, found again by their fingerprint tag.
 *
 * <p>The contract with the image build (packer/buildspec.yml): it gets {@code ARCHITECTURE} and
 * {@code FINGERPRINT} as environment variables and tags the AMI it registers with
 * {@value #TAG_FINGERPRINT}{@code =FINGERPRINT}.
 *
 * <p>AWS operations: {@code ec2:DescribeImages} (find), {@code s3:PutObject} on
 * {@code images/*} (upload of the sources, once per fingerprint), {@code codebuild:StartBuild},
 * {@code codebuild:BatchGetBuilds}.
 */
public final class CodeBuildImages implements ImagePort {
    public static final String TAG_FINGERPRINT = "cloudbench:fingerprint";
    private static final Set<String> FAILED = Set.of("FAILED", "FAULT", "TIMED_OUT", "STOPPED");

    private final CodeBuildClient codeBuild;
    private final Ec2Client ec2;
    private final S3ResultStore store;
    private final ImageSources sources;
    private final String project;

    /**
     * @param store   the results bucket, which also holds {@code images/<fingerprint>.zip}
     * @param project the IMAGE_BUILD_PROJECT; checked when a build starts, since finding an image
     *                does not need it
     */
    public CodeBuildImages(CodeBuildClient codeBuild, Ec2Client ec2, S3ResultStore store, ImageSources sources,
                           String project) {
        this.codeBuild = codeBuild;
        this.ec2 = ec2;
        this.store = store;
        this.sources = sources;
        this.project = project;
    }

    /** Where the sources of {@code fingerprint} are uploaded. */
    public static String sourcesKey(String fingerprint) {
        return "images/" + fingerprint + ".zip";
    }

    @Override
    public String fingerprint(Architecture architecture) {
        return sources.fingerprint(architecture);
    }

    @Override
    public Optional<String> find(Architecture architecture, String fingerprint) {
        List<Image> images = ec2.describeImagesPaginator(r -> r.owners("self").filters(
                        Ec2Fleet.filter("tag:" + TAG_FINGERPRINT, fingerprint),
                        Ec2Fleet.filter("state", "available"),
                        Ec2Fleet.filter("architecture", architecture.id())))
                .images().stream().toList();
        return images.stream().max(Comparator.comparing(i -> i.creationDate() == null ? "" : i.creationDate()))
                .map(Image::imageId);
    }

    @Override
    public String startBuild(Architecture architecture, String fingerprint) {
        String projectName = AwsSettings.required(project, "IMAGE_BUILD_PROJECT");
        String key = sourcesKey(fingerprint);
        store.putIfAbsent(key, sources.zip());
        return codeBuild.startBuild(r -> r.projectName(projectName)
                        .sourceTypeOverride(SourceType.S3)
                        .sourceLocationOverride(store.bucket() + "/" + key)
                        .environmentVariablesOverride(variable("ARCHITECTURE", architecture.id()),
                                variable("FINGERPRINT", fingerprint))
                        // A retried start within CodeBuild's five-minute window returns the same build.
                        .idempotencyToken(architecture.id() + "-"
                                + fingerprint.substring(0, Math.min(32, fingerprint.length()))))
                .build().id();
    }

    private static EnvironmentVariable variable(String name, String value) {
        return EnvironmentVariable.builder().name(name).value(value).type(EnvironmentVariableType.PLAINTEXT).build();
    }

    /** @throws ImageBuildFailedException the build failed, faulted, timed out, was stopped or is unknown */
    @Override
    public BuildStatus buildStatus(String buildId) {
        var response = codeBuild.batchGetBuilds(r -> r.ids(buildId));
        Build build = response.builds().stream().filter(b -> buildId.equals(b.id())).findFirst()
                .orElseThrow(() -> new ImageBuildFailedException("CodeBuild does not know build " + buildId));
        String status = build.buildStatusAsString();
        if ("SUCCEEDED".equals(status)) {
            return BuildStatus.SUCCEEDED;
        }
        if (FAILED.contains(status)) {
            throw new ImageBuildFailedException("image build " + buildId + " ended " + status
                    + (build.currentPhase() == null ? "" : " in phase " + build.currentPhase())
                    + "; log: " + logLocation(build.logs()));
        }
        return BuildStatus.IN_PROGRESS;
    }

    private static String logLocation(LogsLocation logs) {
        if (logs == null) {
            return "none recorded";
        }
        if (logs.deepLink() != null) {
            return logs.deepLink();
        }
        return "CloudWatch Logs " + logs.groupName() + " / " + logs.streamName();
    }
}
