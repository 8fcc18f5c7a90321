package dev.cloudbench.functions.aws;

/**
 * The tag keys on every instance and volume the stack launches: the one place they are named, so
 * that what the launch writes, what the fleet and the sweeper filter by and what IAM conditions
 * key on cannot drift apart.
 */
public final class Ec2Tags {
    /** The stack's name: cleanup, the sweeper and IAM's tag conditions key on it. */
    public static final String STACK = "cloudbench:stack";
    public static final String RUN = "cloudbench:run-id";
    public static final String TARGET = "cloudbench:target-id";
    /** ISO-8601: the instance shuts itself down by then; the sweeper terminates it after. */
    public static final String DEADLINE = "cloudbench:deadline";
    /**
     * The ARN of the execution that launched the instance: the sweeper asks Step Functions about
     * exactly this execution, whatever its name. Instances launched before the tag existed lack it.
     */
    public static final String EXECUTION = "cloudbench:execution-arn";
    /** {@code image-build} on Packer's builder instances; benchmark instances may omit it. */
    public static final String ROLE = "cloudbench:role";

    private Ec2Tags() {
    }
}
