package dev.cloudbench.functions.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The deployment's settings, read from the function's environment variables (the SAM template sets
 * them). The region, credentials and endpoints are not here: the SDK reads {@code AWS_REGION}, the
 * default credentials chain and {@code AWS_ENDPOINT_URL[_<SERVICE>]} itself.
 *
 * <p>Reading never fails; each adapter checks, when it is built, the variables it needs
 * ({@link #required}), so a function is only asked for what its task uses.
 *
 * @param stackName          {@code STACK_NAME}: the stack's name, tagged on everything it launches as
 *                           {@code cloudbench:stack}; cleanup, sweeper and IAM conditions key on it
 * @param resultsBucket      {@code RESULTS_BUCKET}: the bucket of every run's results, the SSM command
 *                           output and the image sources ({@code images/<fingerprint>.zip})
 * @param subnetIds          {@code SUBNET_IDS}: comma-separated subnets, one per availability zone, that
 *                           instances are spread over on capacity errors (in this order)
 * @param securityGroupId    {@code SECURITY_GROUP_ID}: the stack's security group for instances (no
 *                           inbound rules)
 * @param instanceProfileArn {@code INSTANCE_PROFILE_ARN}: the instance profile of benchmark instances
 *                           (SSM core and {@code s3:PutObject} on the results prefix)
 * @param imageBuildProject  {@code IMAGE_BUILD_PROJECT}: the CodeBuild project that runs Packer
 * @param rootVolumeGib      {@code ROOT_VOLUME_GIB}: size of the instances' gp3 root volume, at least
 *                           the image's own size (default {@value #DEFAULT_ROOT_VOLUME_GIB})
 * @param stateMachineArn    {@code STATE_MACHINE_ARN}: the benchmark state machine, whose executions the
 *                           sweeper asks about
 * @param allowedInstanceTypes {@code ALLOWED_INSTANCE_TYPES}: the stack's {@code AllowedInstanceTypes},
 *                           comma-separated IAM StringLike patterns, that "Plan Run" holds targets to
 *                           (IAM holds RunInstances to the same list)
 * @param instanceRoleId     {@code INSTANCE_ROLE_ID}: the unique id of the instances' role
 *                           ({@code !GetAtt InstanceRole.RoleId}); with an instance id it names the one
 *                           inbox prefix that instance may write
 */
public record AwsSettings(String stackName, String resultsBucket, List<String> subnetIds, String securityGroupId,
                          String instanceProfileArn, String imageBuildProject, int rootVolumeGib,
                          String stateMachineArn, List<String> allowedInstanceTypes,
                          String instanceRoleId) {

    public static final int DEFAULT_ROOT_VOLUME_GIB = 30;

    public AwsSettings {
        subnetIds = List.copyOf(subnetIds);
        allowedInstanceTypes = List.copyOf(allowedInstanceTypes);
    }

    /** Settings without allowed instance types: for every adapter but the capacity check's. */
    public AwsSettings(String stackName, String resultsBucket, List<String> subnetIds, String securityGroupId,
                       String instanceProfileArn, String imageBuildProject, int rootVolumeGib, String stateMachineArn,
                       String instanceRoleId) {
        this(stackName, resultsBucket, subnetIds, securityGroupId, instanceProfileArn, imageBuildProject, rootVolumeGib,
                stateMachineArn, List.of(), instanceRoleId);
    }

    /** The settings in {@code env} (normally {@code System.getenv()}); absent variables read as empty. */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        String volume = env.getOrDefault("ROOT_VOLUME_GIB", "").strip();
        int gib;
        try {
            gib = volume.isEmpty() ? DEFAULT_ROOT_VOLUME_GIB : Integer.parseInt(volume);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable ROOT_VOLUME_GIB is not a number: " + volume, e);
        }
        return new AwsSettings(value(env, "STACK_NAME"), value(env, "RESULTS_BUCKET"), list(env, "SUBNET_IDS"),
                value(env, "SECURITY_GROUP_ID"), value(env, "INSTANCE_PROFILE_ARN"), value(env, "IMAGE_BUILD_PROJECT"),
                gib, value(env, "STATE_MACHINE_ARN"), list(env, "ALLOWED_INSTANCE_TYPES"),
                value(env, "INSTANCE_ROLE_ID"));
    }

    private static List<String> list(Map<String, String> env, String name) {
        return Arrays.stream(env.getOrDefault(name, "").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * @return {@code value}
     * @throws IllegalStateException naming {@code variable} when the value is empty: the deployment
     *                               is incomplete
     */
    public static String required(String value, String variable) {
        if (value.isBlank()) {
            throw new IllegalStateException("environment variable " + variable + " is not set");
        }
        return value;
    }

    private static String value(Map<String, String> env, String name) {
        return env.getOrDefault(name, "").strip();
    }
}
