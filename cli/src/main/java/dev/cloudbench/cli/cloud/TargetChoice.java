package dev.cloudbench.cli.cloud;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.validation.Names;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The targets a person asks for on the command line: {@code --arch x86_64|arm64|both}, a market,
 * and instance types as {@code [ARCH=]TYPE} (the plain form only with one architecture). An
 * architecture without a type given runs on the stack's default type for it. Checked before any
 * AWS call.
 */
public final class TargetChoice {
    public static final String BOTH = "both";

    private final List<Architecture> architectures;
    private final Map<Architecture, List<String>> types;
    private final String market;
    private final Integer threadsPerCore;

    private TargetChoice(List<Architecture> architectures, Map<Architecture, List<String>> types, String market,
                         Integer threadsPerCore) {
        this.architectures = architectures;
        this.types = types;
        this.market = market;
        this.threadsPerCore = threadsPerCore;
    }

    /** @throws BadInputException naming the option that is wrong */
    public static TargetChoice of(String arch, String market, List<String> instanceTypes, boolean oneThreadPerCore) {
        List<Architecture> archs = BOTH.equals(arch) ? List.of(Architecture.X86_64, Architecture.ARM64)
                : List.of(Architecture.parse(arch, "--arch"));
        Market.parse(market, "--market");
        Map<Architecture, List<String>> types = new EnumMap<>(Architecture.class);
        for (String given : instanceTypes) {
            int eq = given.indexOf('=');
            Architecture a;
            String type = eq < 0 ? given : given.substring(eq + 1);
            if (eq >= 0) {
                a = Architecture.parse(given.substring(0, eq), "--instance-type " + given);
            } else if (archs.size() == 1) {
                a = archs.get(0);
            } else {
                throw new BadInputException("--instance-type " + given + ": with --arch both, say which architecture"
                        + " it is for: x86_64=" + given + " or arm64=" + given);
            }
            if (!archs.contains(a)) {
                throw new BadInputException("--instance-type " + given + ": " + a.id() + " is not in --arch " + arch);
            }
            if (type.equals("local") || !Names.INSTANCE_TYPE.matcher(type).matches()) {
                throw new BadInputException("--instance-type " + given + ": '" + type
                        + "' is not an instance type (like c7g.large)");
            }
            types.computeIfAbsent(a, k -> new ArrayList<>()).add(type);
        }
        return new TargetChoice(archs, types, market, oneThreadPerCore ? 1 : null);
    }

    /** Whether some architecture runs on the stack's default type (so the stack's parameters are needed). */
    public boolean needsDefaults() {
        return architectures.stream().anyMatch(a -> !types.containsKey(a));
    }

    /**
     * @param defaults the stack's default instance type per architecture
     * @throws BadInputException when an architecture has neither a type given nor a default
     */
    public List<Target> targets(Map<Architecture, String> defaults) {
        List<Target> targets = new ArrayList<>();
        for (Architecture a : architectures) {
            List<String> chosen = types.get(a);
            if (chosen == null) {
                String type = defaults.get(a);
                if (type == null) {
                    throw new BadInputException("--instance-type: the stack has no default " + a.id()
                            + " instance type; give one (--instance-type " + a.id() + "=TYPE)");
                }
                chosen = List.of(type);
            }
            for (String type : chosen) {
                targets.add(new Target(null, a.id(), type, market, threadsPerCore));
            }
        }
        return targets;
    }
}
