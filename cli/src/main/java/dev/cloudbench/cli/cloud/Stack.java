package dev.cloudbench.cli.cloud;

import dev.cloudbench.core.model.Architecture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A deployed cloudbench stack, as its outputs and parameters describe it.
 *
 * @param name                 the CloudFormation stack name (also the {@code cloudbench:stack} tag)
 * @param region               its region
 * @param stateMachineArn      output StateMachineArn
 * @param resultsBucket        output ResultsBucketName
 * @param consoleUrl           output ConsoleUrl, or null
 * @param defaultInstanceTypes the X86InstanceType and ArmInstanceType parameters, by architecture
 */
public record Stack(String name, String region, String stateMachineArn, String resultsBucket, String consoleUrl,
                    Map<Architecture, String> defaultInstanceTypes) {

    public Stack {
        defaultInstanceTypes = Map.copyOf(defaultInstanceTypes);
    }

    /** A run's execution: executions are named after their run id. */
    public String executionArn(String runId) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + runId;
    }

    /** The execution's page in the Step Functions console. */
    public String executionConsoleUrl(String executionArn) {
        return "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/" + URLEncoder.encode(executionArn, StandardCharsets.UTF_8);
    }

    /** The stack as messages name it: {@code stack cloudbench (eu-west-1)}. */
    public String label() {
        return "stack " + name + " (" + region + ")";
    }

    /** Where a run's results live in S3. */
    public String runUri(String runId) {
        return "s3://" + resultsBucket + "/runs/" + runId + "/";
    }
}
