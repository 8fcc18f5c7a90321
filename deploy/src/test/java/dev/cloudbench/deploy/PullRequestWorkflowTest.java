package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cloud-bench-pr.yml, parsed: what it runs on, what the runner holding the AWS role checks out (never
 * the pull request), the permissions of each job, the concurrency that cancels an older run, and
 * that a cancelled run stops its execution.
 */
class PullRequestWorkflowTest {
    private static final String BASE_SHA = "${{ github.event.pull_request.base.sha }}";
    private static JsonNode workflow;
    private static String text;

    @BeforeAll
    static void parse() throws IOException {
        var file = Repo.ROOT.resolve(".github/workflows/cloud-bench-pr.yml");
        text = Repo.read(file);
        workflow = new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    private static Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new TreeMap<>();
        workflow.path("jobs").properties().forEach(e -> jobs.put(e.getKey(), e.getValue()));
        return jobs;
    }

    private static List<JsonNode> steps(String job) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").path(job).path("steps").forEach(steps::add);
        return steps;
    }

    private static List<JsonNode> allSteps() {
        List<JsonNode> all = new ArrayList<>();
        jobs().keySet().forEach(j -> all.addAll(steps(j)));
        return all;
    }

    private static String permissions(String job) {
        return workflow.path("jobs").path(job).path("permissions").toString();
    }

    @Test
    void triggers_pullRequestsOfThisRepository_andForksOnlyWhenLabelled() {
        JsonNode on = workflow.path("on");
        assertThat(on.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("pull_request",
                "pull_request_target");
        assertThat(on.path("pull_request").path("types").toString()).isEqualTo("[\"opened\",\"synchronize\",\"reopened\"]");
        // Only the label: a later push from the fork waits for a maintainer to label it again.
        assertThat(on.path("pull_request_target").path("types").toString()).isEqualTo("[\"labeled\"]");

        String when = workflow.path("jobs").path("benchmark").path("if").asText();
        assertThat(when).contains("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name"
                        + " == github.repository")
                .contains("github.event_name == 'pull_request_target' && github.event.action == 'labeled'")
                .contains("github.event.label.name == (vars.CLOUDBENCH_PR_LABEL || 'cloudbench')")
                .contains("github.event.pull_request.head.repo.full_name != github.repository");
    }

    @Test
    void theRunnerThatHoldsTheRole_checksOutTheBaseCommitOnly_andNeverRunsThePullRequestsCode() {
        List<JsonNode> checkouts = allSteps().stream()
                .filter(s -> s.path("uses").asText().startsWith("actions/checkout@")).toList();
        assertThat(checkouts).singleElement().satisfies(c -> {
            assertThat(c.path("with").path("ref").asText()).isEqualTo(BASE_SHA);
            assertThat(c.path("with").has("repository")).as("never the fork").isFalse();
            assertThat(c.path("with").path("persist-credentials").asBoolean(true)).isFalse();
        });
        assertThat(steps("benchmark").indexOf(checkouts.get(0))).isZero();
        // The head is named once, as an environment value that becomes the candidate ref on the instances.
        assertThat(text.split("github\\.event\\.pull_request\\.head\\.sha", -1)).hasSize(3);
        assertThat(workflow.path("jobs").path("benchmark").path("env").path("HEAD_SHA").asText())
                .isEqualTo("${{ github.event.pull_request.head.sha }}");
        assertThat(text).doesNotContain("head.ref", "merge_commit_sha", "refs/pull/", "pull_request.head.repo.clone_url");
        assertThat(allSteps()).allSatisfy(s -> assertThat(s.path("run").asText())
                .doesNotContain("git fetch", "git checkout", "git clone", "gh pr checkout"));
        // Scripts use the head's commit as the instances' candidate ref and as the statuses' commit, nothing else.
        assertThat(allSteps()).allSatisfy(s -> assertThat(s.path("run").asText()
                .replace("--candidate-ref \"$HEAD_SHA\"", "").replace("--sha \"$HEAD_SHA\"", "")).doesNotContain("HEAD_SHA"));
        assertThat(steps("benchmark")).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("./cloudbench run \"$SUITE\" --arch both")
                .contains("--baseline-ref \"$BASE_SHA\" --candidate-ref \"$HEAD_SHA\"")
                .contains("--repository \"$REPOSITORY_URL\"")
                .contains("--fail-on-regression \"$FAIL_ON_REGRESSION\" --stop-on-interrupt"));
        // The job that writes to the pull request checks nothing out and assumes no role.
        assertThat(steps("report")).noneSatisfy(s -> assertThat(s.path("uses").asText())
                .startsWith("actions/checkout@"));
        assertThat(steps("report")).noneSatisfy(s -> assertThat(s.path("uses").asText())
                .startsWith("aws-actions/configure-aws-credentials@"));
    }

    @Test
    void permissions_areTheLeastEachJobNeeds() {
        assertThat(workflow.path("permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
        assertThat(permissions("benchmark")).isEqualTo("{\"contents\":\"read\",\"id-token\":\"write\"}");
        assertThat(permissions("report")).isEqualTo("{\"pull-requests\":\"write\",\"statuses\":\"write\"}");
        assertThat(jobs()).containsOnlyKeys("benchmark", "report");
        assertThat(steps("benchmark")).anySatisfy(s -> assertThat(s.path("uses").asText())
                .startsWith("aws-actions/configure-aws-credentials@"));
        assertThat(workflow.path("jobs").path("report").path("env").path("GITHUB_TOKEN").asText())
                .isEqualTo("${{ github.token }}");
    }

    @Test
    void benchmarkJob_declaresTheEnvironment_whoseExactSubjectTheStacksRoleTrusts() {
        // A pull request's OIDC subject is no branch, and the role trusts no pattern: only the
        // environment subject (template parameter GitHubEnvironment) lets this job assume it.
        assertThat(workflow.path("jobs").path("benchmark").path("environment").asText())
                .isEqualTo("${{ vars.CLOUDBENCH_ENVIRONMENT || 'cloudbench' }}");
        assertThat(workflow.path("jobs").path("report").has("environment")).isFalse();
    }

    @Test
    void concurrency_cancelsTheOlderRunOfTheSamePullRequest_butEventsThatMeasureNothingNeverCancel() {
        JsonNode c = workflow.path("concurrency");
        assertThat(c.path("cancel-in-progress").asBoolean()).isTrue();
        String group = c.path("group").asText();
        assertThat(group).startsWith("cloud-bench-pr-${{ github.event.pull_request.number }}-")
                .contains("&& 'measure' || github.run_id }}");
        // The group's condition is the benchmark job's: the same events measure, the same are ignored.
        String condition = group.substring(group.indexOf("((") + 1, group.indexOf(") && 'measure'"));
        assertThat(normalized(condition)).isEqualTo(normalized(workflow.path("jobs").path("benchmark").path("if").asText()));
    }

    @Test
    void aCancelledRun_stopsItsExecution_soTheCleanupLayersEndItsInstances() {
        List<JsonNode> steps = steps("benchmark");
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.path("if").asText()).isEqualTo("cancelled()");
            assertThat(s.path("run").asText()).contains("./cloudbench stop \"$RUN_ID\"");
        });
        assertThat(workflow.path("jobs").path("report").path("if").asText()).contains("!cancelled()");
    }

    @Test
    void writesOneComment_aStatusPerArchitecture_andUploadsTheReports() {
        assertThat(steps("benchmark")).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("./cloudbench report \"$run_dir\" --format pr-comment --reports-at \"$RUN_URL\""));
        assertThat(steps("benchmark")).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("actions/upload-artifact@");
            assertThat(s.path("if").asText()).isEqualTo("always()");
            assertThat(s.path("with").path("path").asText()).contains("cloudbench-results/");
        });
        assertThat(steps("report")).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("github comment --repository \"$REPOSITORY\"").contains("--author 'github-actions[bot]'"));
        assertThat(steps("report")).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("github status --repository \"$REPOSITORY\" --sha \"$HEAD_SHA\""));
    }

    @Test
    void everyThirdPartyAction_isPinnedByACommitSha_theOnesTheOtherWorkflowsUse() {
        assertThat(allSteps()).filteredOn(s -> s.has("uses")).allSatisfy(s -> assertThat(s.path("uses").asText())
                .matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"));
        String others = Repo.read(Repo.ROOT.resolve(".github/workflows/cloud-bench.yml"));
        allSteps().stream().map(s -> s.path("uses").asText()).filter(u -> !u.isEmpty())
                .filter(u -> !u.startsWith("actions/download-artifact@"))
                .forEach(u -> assertThat(others).as(u).contains(u));
        assertThat(allSteps()).filteredOn(s -> s.has("run"))
                .allSatisfy(s -> assertThat(s.path("run").asText()).as("inputs reach scripts as variables").doesNotContain("${{"));
    }

    private static String normalized(String expression) {
        return expression.replaceAll("\\s+", " ").replaceAll("[()]", "").trim();
    }
}
