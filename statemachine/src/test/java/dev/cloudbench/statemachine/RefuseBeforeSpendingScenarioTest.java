package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan Run refuses, before any image is built or instance launched, a target its capacity check
 * rules out: here one for the architecture this host does not have (in AWS: a type of the other
 * architecture, which would otherwise fail only at launch, after the image build).
 */
class RefuseBeforeSpendingScenarioTest {
    @TempDir
    Path output;

    @Test
    void aTargetOfTheWrongArchitecture_isRefusedByPlanRun_beforeAnyImageBuildOrLaunch() throws IOException {
        String other = Architecture.ofHost() == Architecture.X86_64 ? "arm64" : "x86_64";
        Suite suite = new Suite("wrongarch", null, null, null, 0, 2, null, List.of(Benchmark.of("a", "true")));
        RunRequest request = new RunRequest("wrong-arch-run", suite,
                List.of(new Target("elsewhere", other, "local", "on-demand", null)), null);
        Scenario scenario = new Scenario(output);

        LocalRun.Outcome outcome = scenario.run(request);

        assertThat(outcome.succeeded()).isFalse();
        // The error the CLI maps to exit code 2 (ExecutionEnd for a cloud run).
        assertThat(outcome.error()).isEqualTo(BadInputException.class.getName());
        assertThat(outcome.cause()).contains("request.targets[0].architecture: target elsewhere: local runs "
                + Architecture.ofHost().id() + ", not " + other);
        assertThat(scenario.statesEntered()).containsExactly("Plan Run", "Run Failed");
        // Nothing was created: no record of the run, no instance, no work directory.
        assertThat(Files.exists(output.resolve("runs/wrong-arch-run"))).isFalse();
        assertThat(outcome.liveAtEnd()).isEmpty();
        assertThat(outcome.strays()).isEmpty();
        assertThat(Scenario.workDirsLeft(outcome.hostsRoot())).isFalse();
        System.out.printf("refused in %.1f s (engine start included)%n", outcome.seconds());
        assertThat(outcome.seconds()).as("seconds, not an image build").isLessThan(60);
    }
}
