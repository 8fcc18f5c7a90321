package dev.cloudbench.cli.cloud;

import dev.cloudbench.core.model.Architecture;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/** Finds a cloudbench stack through CloudFormation DescribeStacks: its outputs and parameters. */
public final class StackLookup {
    private static final Map<Architecture, String> TYPE_PARAMETERS =
            Map.of(Architecture.X86_64, "X86InstanceType", Architecture.ARM64, "ArmInstanceType");

    private StackLookup() {
    }

    /**
     * @throws StackNotDeployedException when no stack of that name is in the region, or it lacks the
     *                                   outputs of a cloudbench stack (deleted, or still being created)
     */
    public static Stack describe(CloudFormationClient cfn, String name, String region) {
        software.amazon.awssdk.services.cloudformation.model.Stack stack;
        try {
            stack = cfn.describeStacks(r -> r.stackName(name)).stacks().stream().findFirst()
                    .orElseThrow(() -> notDeployed(name, region));
        } catch (CloudFormationException e) {
            String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
            if ("ValidationError".equals(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())
                    && message != null && message.contains("does not exist")) {
                throw notDeployed(name, region);
            }
            throw e;
        }
        Map<String, String> outputs = new HashMap<>();
        for (Output o : stack.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        Map<String, String> parameters = new HashMap<>();
        for (Parameter p : stack.parameters()) {
            parameters.put(p.parameterKey(), p.parameterValue());
        }
        String machine = outputs.get("StateMachineArn");
        String bucket = outputs.get("ResultsBucketName");
        if (machine == null || bucket == null) {
            throw new StackNotDeployedException("stack '" + name + "' in " + region + " (" + stack.stackStatusAsString()
                    + ") has no StateMachineArn and ResultsBucketName outputs: is it a cloudbench stack, and"
                    + " has it finished deploying?");
        }
        Map<Architecture, String> types = new EnumMap<>(Architecture.class);
        TYPE_PARAMETERS.forEach((arch, key) -> {
            String type = parameters.get(key);
            if (type != null && !type.isBlank()) {
                types.put(arch, type);
            }
        });
        return new Stack(name, region, machine, bucket, outputs.get("ConsoleUrl"), types);
    }

    private static StackNotDeployedException notDeployed(String name, String region) {
        return new StackNotDeployedException("stack '" + name + "' is not deployed in " + region
                + ": deploy it (sam build && sam deploy --guided), or name another with --stack and --region");
    }
}
