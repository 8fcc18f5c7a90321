package dev.cloudbench.cli.command;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Target;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --replicas N}, shared by {@code run} and {@code local}: every target of the run on N
 * instances. Read as text and checked here, so that a bad value is one line naming the option
 * (exit 2), as every other bad input is, instead of picocli's usage text.
 */
public final class ReplicasOption {
    @Option(names = "--replicas", paramLabel = "N",
            description = "instances of every target, 1 to " + Target.MAX_REPLICAS + " (overrides the targets' own "
                + "replicas); comparisons then treat the instance as the unit (default: 1)")
    String replicas;

    /**
     * The number asked for, or null when the option was not given.
     *
     * @throws BadInputException when it is not a whole number from 1 to {@value Target#MAX_REPLICAS}
     */
    Integer value() {
        if (replicas == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(replicas.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--replicas: '" + replicas + "' is not a whole number (1 to "
                    + Target.MAX_REPLICAS + ")");
        }
        if (n < 1 || n > Target.MAX_REPLICAS) {
            throw new BadInputException("--replicas: must be between 1 and " + Target.MAX_REPLICAS + ", was " + n);
        }
        return n;
    }

    /** {@code targets}, each on the replicas asked for; as they are without the option. */
    List<Target> apply(List<Target> targets) {
        Integer n = value();
        return n == null ? targets : targets.stream().map(t -> t.withReplicas(n)).toList();
    }
}
